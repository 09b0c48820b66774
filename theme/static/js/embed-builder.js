// "Embed this calculator": the snippet for the chosen options, a live preview of it and a copy
// button. The snippet's shape is the prerendered one (from Python, the same as the oEmbed
// html); this sets its address, its height and absolute URLs for another site.
const builder = document.querySelector("[data-embed-builder]");
const code = builder.querySelector("textarea");
const heightInput = builder.querySelector("input[type=number]");
const status = builder.querySelector("[data-embed-status]");
const slot = builder.querySelector("[data-embed-preview-slot]");
const { embed, loader, height: defaultHeight } = builder.dataset;
const absolute = (url) => new URL(url, location.href).href;
const attribute = (text) => text.replaceAll("&", "&amp;").replaceAll('"', "&quot;");
let previewing = false;
let timer = 0;

function height() {
  const asked = Number(heightInput.value);
  if (!heightInput.value || !Number.isFinite(asked)) return Number(defaultHeight);
  return Math.round(Math.min(Number(heightInput.max), Math.max(Number(heightInput.min), asked)));
}

function snippet() {
  const src = new URL(embed, location.href);
  for (const select of builder.querySelectorAll("select")) {
    if (select.value) src.searchParams.set(select.name, select.value);
  }
  // Only ever the three attribute values the build wrote: the rest stays as Python made it.
  return code.defaultValue
    .replace(`src="${attribute(embed)}"`, () => `src="${attribute(src.href)}"`)
    .replace(`height="${defaultHeight}"`, () => `height="${height()}"`)
    .replace(`src="${attribute(loader)}"`, () => `src="${attribute(absolute(loader))}"`);
}

// The preview is the snippet itself on this page: its iframe, sized by the real loader.
function preview() {
  // This page's policy refuses style attributes in markup; the same style set by script is fine.
  const html = snippet();
  const style = / style="([^"]*)"/.exec(html)?.[1] ?? "";
  const parsed = document.createElement("template");
  parsed.innerHTML = html.replace(` style="${style}"`, "");
  const frame = parsed.content.querySelector("iframe");
  frame.style.cssText = style;
  slot.replaceChildren(frame);
  if (!document.querySelector("script[data-embed-loader]")) {
    const script = Object.assign(document.createElement("script"),
                                 { src: absolute(loader), async: true });
    script.dataset.embedLoader = "";
    document.head.append(script);
  }
}

function update() {
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
