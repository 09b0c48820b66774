"""Embeds on another site: the snippet on a page from a second local origin (a plain server, as an
educator's site would be), plain with the loader, sandboxed as WordPress writes it, and bare."""

import functools
import html
import http.server
import json
import re
import threading
import time

import pytest

import calculators
from calculators import formats
from calculators.fields import Number
from plugins.embeds.offer import CAPPED, HEIGHTS, LOOKS
from tests.browser.conftest import Visit
from tests.browser.test_calculators import form_fields, output_text, text, wait_for_result
from scripts.html_index import start_tags
from scripts.site import SiteServer, build_site
from tests.words import SITE_WORDS, site_words_in

# The embeds' site's name holds characters HTML escapes (the snippet must escape them as Python).
EMBED_SITENAME = "O'Neil & Ruiz: Ketamine Dosing Explained"

EMBEDDABLE = [name for name in calculators.names() if calculators.get(name).embeddable]
HEIGHT = "ketamine-dosing-embed:height"  # the message the embed page posts (embed.js reads it)
MEASURE = "ketamine-dosing-embed:measure"
SECRET = "Ab3dE6gH9k"  # WordPress: wp_generate_password(10, false)

# A faithful reduction of WordPress's wp-embed.js (src/js/_enqueues/wp/embed.js, 4.4 and later):
# a height from the iframe whose data-secret the message names and whose window sent it,
# clamped to 200-1000; a link followed in the top window when the iframe has focus; "ready"
# sent to every embed once the page is parsed.
WP_EMBED = """<script>
addEventListener("message", (e) => {
  const data = e.data;
  if (!(data || data.secret || data.message || data.value) || /[^a-zA-Z0-9]/.test(data.secret)) return;
  for (const source of document.querySelectorAll(`iframe[data-secret="${data.secret}"]`)) {
    if (e.source !== source.contentWindow) continue;
    source.removeAttribute("style");
    if (data.message === "height") {
      let height = parseInt(data.value, 10);
      if (height > 1000) height = 1000; else if (~~height < 200) height = 200;
      source.height = height;
    } else if (data.message === "link") {
      const from = new URL(source.getAttribute("src")), to = new URL(data.value);
      if (/^https?:$/i.test(to.protocol) && to.host === from.host && document.activeElement === source)
        window.top.location.href = data.value;
    }
  }
});
document.addEventListener("DOMContentLoaded", () => {
  for (const source of document.querySelectorAll("iframe.wp-embedded-content"))
    source.contentWindow.postMessage({message: "ready", secret: source.getAttribute("data-secret")}, "*");
});
</script>"""


def as_wordpress_writes_it(oembed_html, secret):
    """What WordPress makes of a discovered oEmbed's html (wp_filter_oembed_result): kses keeps
    the iframe's src, title, width and height (no script, style, loading or data attributes);
    the secret goes into the URL's hash and data-secret; then class, sandbox and security."""
    (frame,) = start_tags(oembed_html, "iframe")
    return (
        '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" '
        f'src="{html.escape(frame["src"])}#?secret={secret}" data-secret="{secret}" '
        f'title="{html.escape(frame["title"])}" width="{frame["width"]}" height="{frame["height"]}">'
        "</iframe>"
    )


def host_page(body, site, tail=""):
    """A course page holding `body`, and three other frames that may try to resize the embed:
    one of the host's own, a sandboxed one (origin "null") and one from the site's origin."""
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>A course page</title></head><body><main><h1>A course page</h1>
<p>Work through the example below, then change the weight.</p>
{body}
<iframe title="The host's own frame" src="other.html" height="60"></iframe>
<iframe title="A sandboxed frame" sandbox="allow-scripts" srcdoc="<p>Sandboxed</p>" height="60"></iframe>
<iframe title="A file of the site" src="{site}/embed/dose/oembed.json" height="60"></iframe>
</main>{tail}</body></html>"""


# variant -> (calculator, the host page's body from the oEmbed html and its tail, the largest
# height the loader allows: ours, WordPress's or none)
VARIANTS = {
    "plain iframe and loader": ("dose", lambda snippet: (snippet, ""), HEIGHTS[1]),
    "sandboxed by WordPress": (
        "dose", lambda snippet: (as_wordpress_writes_it(snippet, SECRET), WP_EMBED), CAPPED),
    "no loader": ("schedule", lambda snippet: (snippet.split("<script")[0], ""), None),
}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class HostServer:
    """Another site: static files on another port, with none of this site's headers."""

    def __init__(self, folder):
        handler = functools.partial(QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def embed_site(tmp_path_factory):
    """The site built with its own address, so its oEmbed html is what another site pastes, and
    a name with characters HTML escapes (the snippet builder writes the snippet as Python does)."""
    folder = tmp_path_factory.mktemp("embed-site")
    with SiteServer(folder) as server:
        build_site(folder, SITEURL=server.url, SITENAME=EMBED_SITENAME)
        yield server, folder


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    folder = tmp_path_factory.mktemp("host")
    (folder / "other.html").write_text(
        '<!doctype html><html lang="en"><title>Another frame</title><p>Another site.</p>')
    server = HostServer(folder)
    server.folder = folder
    yield server
    server.close()


@pytest.fixture
def visit_host(browser, embed_site, host):
    """A browser context on the host page; every request of every frame and worker recorded,
    and none may leave the two origins."""
    server, _ = embed_site
    visits = []

    def open_visit(**options):
        v = Visit(browser, host.url, **options)
        v.everything, v.console = [], []
        v.context.on("request", lambda request: v.everything.append(request.url))
        v.page.on("console", lambda message: v.console.append(f"{message.type}: {message.text}"))
        visits.append(v)
        return v

    yield open_visit
    for v in visits:
        elsewhere = [url for url in v.everything + v.requests if url.startswith("http")
                     and not url.startswith((server.url + "/", host.url + "/"))]
        assert not elsewhere and not v.leaving(), elsewhere
        v.context.close()


def oembed(embed_site, name):
    _, folder = embed_site
    return json.loads((folder / "embed" / name / "oembed.json").read_text("utf-8"))


def embedded(page):
    """The embed's frame on a host page (its iframe may load lazily)."""
    return page.wait_for_selector("iframe[src*='/embed/']").content_frame()

def wordpress_frame(visit_host, host, server, folder, embed, name):
    """The oEmbed snippet of `embed` (its folder, as /es/embed/dose) as WordPress's sandbox shows
    it on a page `name` of the second origin: the visit and its frame, its result shown."""
    snippet = json.loads((folder / embed / "oembed.json").read_text("utf-8"))["html"]
    assert f'src="{server.url}/{embed}/"' in snippet
    body, tail = VARIANTS["sandboxed by WordPress"][1](snippet)
    (host.folder / name).write_text(host_page(body, server.url, tail))
    v = visit_host()
    v.page.goto(f"/{name}")
    frame = embedded(v.page)
    wait_for_result(frame, "dose")
    return v, frame



def frame_height(page):
    """The height of the page's first iframe, without its border."""
    return page.evaluate("document.querySelector('iframe').clientHeight")


def content_height(frame):
    return frame.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")


def follows(page, frame, largest, seconds=10):
    """The iframe's height becomes its content's, clamped to 200-`largest` (the loader's, or
    WordPress's); returns that height."""
    deadline = time.monotonic() + seconds
    while True:
        expected = min(largest, max(200, content_height(frame)))
        if abs(frame_height(page) - expected) <= 1:
            return expected
        assert time.monotonic() < deadline, (frame_height(page), expected)
        page.wait_for_timeout(100)


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_snippet_on_another_site(visit_host, embed_site, host, variant):
    name, make_page, largest = VARIANTS[variant]
    server, _ = embed_site
    snippet = oembed(embed_site, name)["html"]
    body, tail = make_page(snippet)
    (host.folder / "course.html").write_text(host_page(body, server.url, tail))
    v = visit_host()
    v.page.goto("/course.html")
    frame = embedded(v.page)
    wait_for_result(frame, name)  # Python computed the result in the frame
    # The worker: from its URL, or in a sandbox (an opaque origin) from a data: URL importing it.
    sandboxed = variant.startswith("sandboxed")
    assert frame.evaluate("self.origin") == ("null" if sandboxed else server.url)
    worker = "data:text/javascript,import" if sandboxed else f"{server.url}/theme/js/calculator-worker"
    assert [w.url for w in v.page.workers if w.url.startswith(worker)], v.page.workers
    fixed = int(start_tags(snippet, "iframe")[0]["height"])
    if largest:
        full = follows(v.page, frame, largest)
    else:
        v.page.wait_for_timeout(500)
        assert frame_height(v.page) == fixed  # (and the frame scrolls)

    # A bad number gets Python's own field error.
    declared = next(f for f in calculators.get(name).inputs if isinstance(f, Number))
    control_id = f"calc-{name}-{declared.name}"
    control = frame.locator(f"#{control_id}")
    control.fill("abc")
    wait_for_result(frame, name)
    expected = calculators.run(name, form_fields(frame, name)).errors[declared.name]
    slot = frame.locator(f"#calc-{name}-{declared.name}-error")
    slot.wait_for()
    assert slot.inner_text() == expected and control.get_attribute("aria-invalid") == "true"
    # the summary's link to the field stays in the frame (other links open outside it)
    frame.locator(f"[data-calculator-output] a[href='#{control_id}']").click()
    assert frame.evaluate("location.hash") == f"#{control_id}" and len(v.context.pages) == 1
    if largest:  # shorter with the error; an embed taller than the host allows stays at its most
        after = follows(v.page, frame, largest)
        assert after < full if full < largest else after == largest
    else:
        assert frame_height(v.page) == fixed

    # Height messages from the host page itself, or from another frame on it, change nothing.
    before = frame_height(v.page)
    spoofs = [{"type": HEIGHT, "height": 2999},
              {"message": "height", "value": 999, "secret": SECRET}]
    others = [f for f in v.page.frames[1:] if f != frame]
    assert len(others) == 3
    for message in spoofs:
        v.page.evaluate("message => postMessage(message, '*')", message)
        for other in others:
            other.evaluate("message => parent.postMessage(message, '*')", message)
    v.page.wait_for_timeout(400)
    assert frame_height(v.page) == before
    if largest:
        follows(v.page, frame, largest)

    assert v.axe(frame=frame) == []
    assert not v.errors and not [line for line in v.console if "Content Security Policy" in line]
    assert v.page.url == f"{host.url}/course.html"  # the embed never moved the host page


def test_the_loader_checks_the_shape_and_clamps(visit_host, embed_site, host):
    server, _ = embed_site
    (host.folder / "course.html").write_text(host_page(oembed(embed_site, "dose")["html"],
                                                       server.url))
    v = visit_host()
    v.page.goto("/course.html")
    frame = embedded(v.page)
    wait_for_result(frame, "dose")
    settled_height = follows(v.page, frame, HEIGHTS[1])
    for message, expected in [
        ({"type": HEIGHT, "height": 99999}, HEIGHTS[1]),
        ({"type": HEIGHT, "height": 12}, 200),
        ({"type": HEIGHT, "height": "640"}, 200),  # not a number: ignored
        ({"type": HEIGHT, "height": float("nan")}, 200),
        ({"type": "another-site:height", "height": 700}, 200),
        ({"height": 700}, 200),
        (None, 200),
    ]:
        frame.evaluate("message => parent.postMessage(message, '*')", message)
        v.page.wait_for_timeout(200)
        assert frame_height(v.page) == expected, message
    # asked again, the embed tells its real height
    v.page.evaluate("type => document.querySelector('iframe').contentWindow"
                    ".postMessage({type}, '*')", MEASURE)
    assert follows(v.page, frame, HEIGHTS[1]) == settled_height


def test_links_leave_the_frame_only_by_a_click(visit_host, embed_site, host):
    server, _ = embed_site
    for variant in ("plain iframe and loader", "sandboxed by WordPress"):
        _, make_page, _ = VARIANTS[variant]
        body, tail = make_page(oembed(embed_site, "dose")["html"])
        (host.folder / "course.html").write_text(host_page(body, server.url, tail))
        v = visit_host()
        v.page.goto("/course.html")
        frame = embedded(v.page)
        wait_for_result(frame, "dose")
        back = frame.get_by_role("link", name=re.compile(re.escape(EMBED_SITENAME)))
        if variant.startswith("plain"):  # a new tab, with no way back to the host page
            with v.context.expect_page() as opened:
                back.click()
            opened.value.wait_for_load_state()
            assert opened.value.url == f"{server.url}/calculators/dose/"
            assert opened.value.evaluate("window.opener") is None
            assert v.page.url == f"{host.url}/course.html"
        else:  # WordPress follows the click in the top window (the frame may not open one)
            with v.page.expect_navigation():
                back.click()
            assert v.page.url == f"{server.url}/calculators/dose/"


def test_looks_and_presets_from_the_address(visit_host, embed_site):
    server, _ = embed_site
    v = visit_host()
    v.page.goto(f"{server.url}/embed/dose/?theme=dark&layout=full&unit=lb&protocol=asra-2018")
    wait_for_result(v.page, "dose")
    root = v.page.locator("html")
    assert root.get_attribute("data-theme") == "dark"
    assert root.get_attribute("data-layout") == "full"
    assert v.page.input_value("#calc-dose-unit") == "lb"
    assert v.page.input_value("#calc-dose-protocol") == "asra-2018"
    assert v.page.locator("#calc-dose-weight-help").is_visible()  # full: the help lines
    assert v.axe() == []
    # A look it does not offer is ignored; a bad preset is a field error, like any input.
    v.page.goto(f"{server.url}/embed/dose/?theme=%3Cb%3E&layout=huge&protocol=no-such-protocol")
    wait_for_result(v.page, "dose")
    assert [root.get_attribute(f"data-{look.name}") for look in LOOKS] == ["compact", "auto"]
    assert not v.page.locator("#calc-dose-weight-help").is_visible()  # compact, the default
    expected = calculators.run("dose", form_fields(v.page, "dose") | {"protocol": "no-such-protocol"})
    assert v.page.inner_text("#calc-dose-protocol-error") == expected.errors["protocol"]


def test_without_a_worker_python_runs_on_the_main_thread(visit_host, embed_site):
    server, _ = embed_site
    v = visit_host()
    v.context.add_init_script("window.Worker = class { constructor() {"
                              " throw new DOMException('no', 'SecurityError'); } };")
    v.page.goto(f"{server.url}/embed/dose/")
    wait_for_result(v.page, "dose")
    v.page.fill("#calc-dose-weight", "82")
    v.page.wait_for_function("() => location.search.includes('weight=82')")
    wait_for_result(v.page, "dose")
    expected = calculators.run("dose", form_fields(v.page, "dose"))
    assert output_text(v.page, "dose") == text(expected.html)
    assert expected.ok and not v.errors


def test_embed_this_calculator_builds_previews_and_copies_the_snippet(visit_host, embed_site):
    server, _ = embed_site
    v = visit_host()
    v.context.grant_permissions(["clipboard-read", "clipboard-write"])
    v.page.goto(f"{server.url}/calculators/dose/")
    v.page.get_by_role("button", name=SITE_WORDS("embed-offer.copy")).click()
    assert v.page.evaluate("navigator.clipboard.readText()") == oembed(embed_site, "dose")["html"]
    cited = v.page.locator("[data-embed-today]").inner_text()  # month names from the page's data
    assert re.fullmatch(rf"\d{{4}} ({'|'.join(formats.months_short())}) \d{{1,2}}", cited), cited
    v.page.select_option("#embed-protocol", "asra-2018")
    v.page.select_option("#embed-theme", "dark")
    v.page.fill("#embed-height", "1200")
    v.page.get_by_role("button", name=SITE_WORDS("embed-offer.copy")).click()
    copied = v.page.evaluate("navigator.clipboard.readText()")
    (frame_tag,) = start_tags(copied, "iframe")
    assert frame_tag["src"] == f"{server.url}/embed/dose/?protocol=asra-2018&theme=dark"
    assert frame_tag["height"] == "1200" and copied == v.page.input_value("#embed-code")
    # the options change the frame's address and height, nothing else
    def rest(snippet):
        return [(tag, attrs | {"src": "", "height": ""} if tag == "iframe" else attrs)
                for tag, attrs in start_tags(snippet)]
    assert rest(copied) == rest(oembed(embed_site, "dose")["html"])
    v.page.get_by_role("button", name=SITE_WORDS("embed-offer.preview")).click()
    preview = embedded(v.page)
    wait_for_result(preview, "dose")
    assert preview.input_value("#calc-dose-protocol") == "asra-2018"
    assert preview.locator("html").get_attribute("data-theme") == "dark"
    follows(v.page, preview, HEIGHTS[1])  # the real loader sizes the preview
    assert v.axe() == []
    assert not v.errors and not [line for line in v.console if "Content Security Policy" in line]


def wordpress_post(snippet, column):
    """A WordPress post whose content column is `column` px wide, with an embed as WordPress
    writes it; its themes keep a frame within the column (max-width: 100%)."""
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title>
<style>main {{ width: {column}px; }} iframe {{ max-width: 100%; }}</style></head>
<body><main><h1>A post</h1>{as_wordpress_writes_it(snippet, SECRET)}</main>{WP_EMBED}</body></html>"""


@pytest.mark.parametrize("name", EMBEDDABLE)
def test_in_a_600_px_wordpress_column_the_compact_embed_fits(visit_host, embed_site, host, name):
    """WordPress sizes a frame to at most 1000 px: the compact layout, an embed's default, is
    within that at 600 px wide, its summary, limitations and references included, and its full
    result scrolls in a box the keyboard reaches."""
    (host.folder / "post.html").write_text(wordpress_post(oembed(embed_site, name)["html"], 600))
    v = visit_host()
    v.page.goto("/post.html")
    frame = embedded(v.page)
    wait_for_result(frame, name)
    assert frame.evaluate("[innerWidth, document.documentElement.dataset.layout]") == [600, "compact"]
    height = follows(v.page, frame, CAPPED)
    assert height == content_height(frame) <= CAPPED  # all of it, not cut at WordPress's most
    for part in (".calculator-framing", "[data-calculator-summary]", ".calculator-limits",
                 ".calculator-references"):
        assert frame.locator(part).is_visible(), part
    box = frame.get_by_role("region", name=SITE_WORDS("runtime.result-box"))
    assert box.evaluate("box => box.scrollHeight > box.clientHeight")
    box.focus()
    v.page.keyboard.press("PageDown")
    frame.wait_for_function("box => box.scrollTop > 0", arg=box.element_handle())
    assert v.axe(frame=frame) == []


@pytest.mark.parametrize("name", EMBEDDABLE)
def test_the_loaders_most_covers_the_full_layout_at_320_px(visit_host, embed_site, name):
    server, _ = embed_site
    v = visit_host(viewport={"width": 320, "height": 800})
    v.page.goto(f"{server.url}/embed/{name}/?layout=full")
    wait_for_result(v.page, name)
    assert content_height(v.page) <= HEIGHTS[1]


def test_the_spanish_embed_works_sandboxed_from_another_site(visit_host, embed_site, host):
    """/es/embed/dose/, pasted as WordPress writes it: Python answers in the sandbox (origin
    "null"), in Spanish, with the same framing rules as the English embed."""
    server, folder = embed_site
    v, frame = wordpress_frame(visit_host, host, server, folder, "es/embed/dose", "curso.html")
    assert frame.evaluate("self.origin") == "null"
    assert frame.evaluate("document.documentElement.lang") == "es-US"
    control = frame.locator("#calc-dose-weight")
    control.fill("abc")
    wait_for_result(frame, "dose")
    expected = calculators.run("dose", form_fields(frame, "dose"), lang="es").errors["weight"]
    slot = frame.locator("#calc-dose-weight-error")
    slot.wait_for()
    assert slot.inner_text() == expected
    assert v.axe(frame=frame) == []
    assert not v.errors and not [line for line in v.console if "Content Security Policy" in line]


def es_oembed(embed_site, name):
    _, folder = embed_site
    return json.loads((folder / "es" / "embed" / name / "oembed.json").read_text("utf-8"))


@pytest.mark.parametrize("page_lang", ["en", "es"])
def test_the_builder_offers_the_embed_in_each_language(visit_host, embed_site, page_lang):
    """The snippet starts in the page's language; choosing the other gives that language's
    snippet exactly (its oEmbed html: the frame's address, /es/embed/NAME/ or /embed/NAME/, and
    its title), keeps the options chosen, and points oEmbed platforms to that language's page
    and oEmbed file."""
    server, _ = embed_site
    snippets = {"en": oembed(embed_site, "dose")["html"], "es": es_oembed(embed_site, "dose")["html"]}
    prefix = {"en": "", "es": "/es"}
    other = "es" if page_lang == "en" else "en"
    v = visit_host()
    v.page.goto(f"{server.url}{prefix[page_lang]}/calculators/dose/")
    assert v.page.input_value("#embed-language") == page_lang
    assert v.page.input_value("#embed-code") == snippets[page_lang]
    v.page.select_option("#embed-language", other)
    assert v.page.input_value("#embed-code") == snippets[other]
    discovery = v.page.locator("[data-embed-discovery]")
    assert discovery.locator("code").inner_text() == f"{server.url}{prefix[other]}/calculators/dose/"
    assert discovery.locator("a").get_attribute("href") == \
        f"{server.url}{prefix[other]}/embed/dose/oembed.json"
    v.page.select_option("#embed-protocol", "asra-2018")
    (frame_tag,) = start_tags(v.page.input_value("#embed-code"), "iframe")
    assert frame_tag["src"] == f"{server.url}{prefix[other]}/embed/dose/?protocol=asra-2018"
    v.page.get_by_role("button", name=site_words_in(page_lang)("embed-offer.preview")).click()
    preview = embedded(v.page)
    wait_for_result(preview, "dose")
    assert preview.evaluate("document.documentElement.lang") == {"en": "en", "es": "es-US"}[other]
    assert preview.input_value("#calc-dose-protocol") == "asra-2018"
    v.page.select_option("#embed-language", page_lang)  # and back
    (frame_tag,) = start_tags(v.page.input_value("#embed-code"), "iframe")
    assert frame_tag["src"] == f"{server.url}{prefix[page_lang]}/embed/dose/?protocol=asra-2018"
    assert v.axe() == []
    assert not v.errors and not [line for line in v.console if "Content Security Policy" in line]


def test_without_javascript_the_snippet_is_the_pages_language(visit_host, embed_site):
    server, _ = embed_site
    v = visit_host(java_script_enabled=False)
    v.page.goto(f"{server.url}/es/calculators/dose/")
    assert v.page.input_value("#embed-code") == es_oembed(embed_site, "dose")["html"]
    assert not v.page.locator("#embed-language").is_visible()  # the choice needs the script
    v.page.goto(f"{server.url}/calculators/dose/")
    assert v.page.input_value("#embed-code") == oembed(embed_site, "dose")["html"]
