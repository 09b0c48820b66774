// "Embed this calculator": the snippet for the chosen language and options, a live preview of it
// and a copy button. The snippet's parts come from Python (data-snippet, on the builder and on
// each language's choice: the elements of that language's oEmbed html, each a tag and its
// attributes in order); this sets the frame's address and height and the loader's absolute URL
// for another site, and writes them as Python does.
const builder = document.querySelector("[data-embed-builder]");
const code = builder.querySelector("textarea");
const heightInput = builder.querySelector("input[type=number]");
const status = builder.querySelector("[data-embed-status]");
const slot = builder.querySelector("[data-embed-preview-slot]");
const language = builder.querySelector("[data-embed-language]");  // none in a one-language site
// What oEmbed platforms are told to read: the page in the chosen language and its oEmbed file.
const discovery = document.querySelector("[data-embed-discovery]");
const absolute = (url) => new URL(url, location.href).href;
// Python's html.escape: the snippet reads the same before this script and after.
const ESCAPED = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escape = (text) => text.replace(/[&<>"']/g, (character) => ESCAPED[character]);
let previewing = false;
let timer = 0;

// The chosen language's snippet as Python wrote it: [tag, attributes] of the frame, the loader.
function written() {
  const source = language ? language.selectedOptions[0].dataset : builder.dataset;
  return JSON.parse(source.snippet).map(([tag, attributes]) => [tag, new Map(attributes)]);
}

function height(frame) {
  const asked = Number(heightInput.value);
  if (!heightInput.value || !Number.isFinite(asked)) return frame.get("height");
  const clamped = Math.min(Number(heightInput.max), Math.max(Number(heightInput.min), asked));
  return String(Math.round(clamped));
}

// The snippet's parts for the chosen options: [tag, attributes] of the frame, then the loader.
function chosen() {
  const [[frameTag, frame], [loaderTag, loader]] = written();
  const src = new URL(frame.get("src"), location.href);
  for (const select of builder.querySelectorAll("select[name]")) {
    if (select.value) src.searchParams.set(select.name, select.value);
  }
  return [[frameTag, frame.set("src", src.href).set("height", height(frame))],
          [loaderTag, loader.set("src", absolute(loader.get("src")))]];
}

function discover() {
  if (!language) return;
  const { page, oembed } = language.selectedOptions[0].dataset;
  discovery.querySelector("[data-embed-absolute]").textContent = absolute(page);
  discovery.querySelector("a").href = oembed;
}

function snippet() {
  const markup = ([tag, attributes]) => {
    const pairs = [...attributes].map(([name, value]) =>
      (value === null ? ` ${name}` : ` ${name}="${escape(value)}"`));
    return `<${tag}${pairs.join("")}></${tag}>`;
  };
  return chosen().map(markup).join("\n");
}

// One of the snippet's elements, made on this page. Its policy refuses style attributes in
// markup; the same style set by script is fine.
function made([tag, attributes]) {
  const element = document.createElement(tag);
  for (const [name, value] of attributes) {
    if (name === "style") element.style.cssText = value;
    else element.setAttribute(name, value ?? "");
  }
  return element;
}

// The preview is the snippet itself on this page: its iframe, sized by the real loader.
function preview() {
  const [shown, script] = chosen().map(made);
  slot.replaceChildren(shown);
  if (!document.querySelector("script[data-embed-loader]")) {
    script.dataset.embedLoader = "";
    document.head.append(script);
  }
}

function update() {
  discover();
  code.value = snippet();
  status.textContent = "";
  clearTimeout(timer);
  if (previewing) timer = setTimeout(preview, 400);
}

async function copy() {
  try {
    await navigator.clipboard.writeText(code.value);
    status.textContent = status.dataset.copied;
  } catch {
    code.focus();
    code.select();
    status.textContent = status.dataset.copyRefused;
  }
}

builder.addEventListener("input", update);
builder.addEventListener("change", update);
builder.querySelector("[data-embed-copy]").addEventListener("click", copy);
builder.querySelector("[data-embed-preview]").addEventListener("click", (event) => {
  previewing = true;
  event.target.textContent = event.target.dataset.reload;
  preview();
});
for (const shown of document.querySelectorAll("[data-embed-absolute]")) {
  shown.textContent = absolute(shown.textContent);
}
// Month names as the calculators write them, from the page: the first toLocaleString of a page
// costs ~12 ms of loading ICU data.
const MONTHS = builder.dataset.months.split(",");
const today = new Date();
document.querySelector("[data-embed-today]").textContent =
  `${today.getFullYear()} ${MONTHS[today.getMonth()]} ${today.getDate()}`;
builder.querySelector(".embed-options").hidden = false;
builder.querySelector(".embed-actions").hidden = false;
code.value = snippet();
