// The embed page's own side (/embed/<name>/): its look from the address, its height for the page
// that frames it, and links that open outside the frame. A classic script run in <head>, so a
// chosen look applies before the first paint. It never touches storage or the top window.
(() => {
  const { looks, messages } = document.currentScript.dataset; // from the build (plugins/embeds)
  // HEIGHT goes to the parent ({type: HEIGHT, height: px}); MEASURE from it asks for it again.
  const { height: HEIGHT, measure: MEASURE } = JSON.parse(messages);
  const root = document.documentElement;
  const query = new URLSearchParams(location.search);
  // Looks the page offers: a value it does not offer is ignored, the default stays.
  // A look is never an error; the calculator's own inputs are Python's to check.
  for (const [name, values] of Object.entries(JSON.parse(looks))) {
    if (values.includes(query.get(name))) root.dataset[name] = query.get(name);
  }
  if (self.origin === "null") root.dataset.sandboxed = ""; // an opaque origin: a sandbox
  // WordPress frames an oEmbed with `#?secret=…` and sizes it from {message, value, secret}.
  const secret = /^#\?secret=([A-Za-z0-9]{1,64})$/.exec(location.hash)?.[1];

  addEventListener("click", (event) => {
    const link = event.target.closest?.("a[href]");
    if (!link) return;
    if (link.href.split("#")[0] === location.href.split("#")[0]) {
      link.target = "_self"; // a field named in an error: stay in the frame
    } else if (secret) {
      // A sandboxed WordPress frame may not open windows; its host follows the reader's click.
      event.preventDefault();
      parent.postMessage({ message: "link", value: link.href, secret }, "*");
    }
  });

  if (parent === window) return;
  let last = 0;
  let parsed = false; // the height of a half-parsed page would make the host's layout jump
  // A height is no secret, and any site may frame an embed: it goes to whichever parent.
  function report(again) {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (!parsed || (height === last && !again)) return;
    last = height;
    parent.postMessage({ type: HEIGHT, height }, "*");
    if (secret) parent.postMessage({ message: "height", value: height, secret }, "*");
  }
  document.addEventListener("DOMContentLoaded", () => {
    parsed = true;
    new ResizeObserver(() => report(false)).observe(root);
  });
  addEventListener("message", ({ source, data }) => {
    if (source !== parent || typeof data !== "object" || data === null) return;
    if (data.type === MEASURE || (secret && data.message === "ready" && data.secret === secret)) {
      report(true);
    }
  });
})();
