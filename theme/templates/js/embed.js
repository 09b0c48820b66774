{# The loader's source: plugins/embeds makes it into theme/js/embed.js with the message names and
   height bounds from offer.py, which the embed page (embed-frame.js) gets too. The loader runs on
   other sites' pages, so it stays one small file that needs nothing from the page it is on. #}
// The resize loader of the "Embed this calculator" snippet, for the page that frames a
// calculator: each `<iframe data-calculator-embed>` takes the height its page reports.
// Without it an embed keeps the snippet's fixed height and scrolls inside.
// A height is accepted only from that iframe's own window, in the right shape, and clamped.
(() => {
  const HEIGHT = {{ messages.height|tojson }}; // from an embed: {type: HEIGHT, height: px}
  const MEASURE = {{ messages.measure|tojson }}; // to an embed: please report your height
  const MIN = {{ heights[0] }};
  const MAX = {{ heights[1] }};
  const loaded = Symbol.for(HEIGHT);
  if (window[loaded]) return; // one loader, however many snippets the page holds
  window[loaded] = true;
  // Our embeds come from the loader's own origin, or from "null" when sandboxed.
  const origin = new URL(document.currentScript.src).origin;
  const frames = () => document.querySelectorAll("iframe[data-calculator-embed]");

  addEventListener("message", (event) => {
    const { data, source } = event;
    if (!source || (event.origin !== origin && event.origin !== "null")) return;
    if (typeof data !== "object" || data === null || data.type !== HEIGHT) return;
    if (typeof data.height !== "number" || !Number.isFinite(data.height)) return;
    const frame = [...frames()].find((candidate) => candidate.contentWindow === source);
    if (frame) frame.style.height = `${Math.round(Math.min(MAX, Math.max(MIN, data.height)))}px`;
  });
  // Embeds that loaded before this script told nobody: ask them again.
  for (const frame of frames()) frame.contentWindow?.postMessage({ type: MEASURE }, "*");
})();
