"""Embeds in the build: an `/embed/<name>/` page and an oEmbed file for every calculator, and the
offer ("Embed this calculator", the oEmbed link) on the page that carries it."""

import html
import json
import re

import pytest

import calculators
from calculators import schema
from calculators.messages import say
from pelicanconf import CLINIC, SITENAME
from plugins.embeds.offer import HEIGHTS, LOOKS, MESSAGES
from scripts.html_index import parse, start_tags, text_of
from scripts.site import build_site

SITEURL = "https://www.example.org"
PROVIDER = {"EMBED_PROVIDER_NAME": "An example teaching hospital",
            "EMBED_PROVIDER_URL": "https://teaching.example.org/"}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The site as published (absolute URLs), with the provider and a height from settings."""
    return build_site(tmp_path_factory.mktemp("published"), SITEURL=SITEURL,
                      EMBED_HEIGHTS={"dose": 1234}, **PROVIDER)


def oembed(site, name):
    return json.loads((site / "embed" / name / "oembed.json").read_text("utf-8"))


@pytest.mark.parametrize("name", calculators.names())
def test_every_calculator_has_a_chrome_less_embed_page(site, name):
    path = site / "embed" / name / "index.html"
    source, text = path.read_text("utf-8"), text_of(parse(path))
    tags = start_tags(source)

    def named(tag):
        return [attrs for found, attrs in tags if found == tag]

    assert [form["data-calculator"] for form in named("form")] == [name]
    assert say(schema.framing(calculators.get(name))) in text and "not medical advice" in text
    assert all(say(line) in text for line in calculators.get(name).limitations)  # beside the result
    worked = calculators.run(name, schema.worked_example(calculators.get(name).inputs))
    for ref_id in worked.references:  # the result's references, as on the full page
        assert f'data-reference="{ref_id}"' in source, ref_id
    back = [a for a in named("a") if a.get("href") == f"/calculators/{name}/"]
    assert back and "noopener" in back[0]["rel"] and f"From {SITENAME}" in text
    assert named("base") == [{"target": "_blank"}]  # links leave the frame, by a click
    # no clinic: no name, phone, address or booking link; no site header, menu or footer
    assert CLINIC["name"] not in text and CLINIC["phone"] not in text
    assert not any(line in text for line in CLINIC["address"])
    assert CLINIC["booking_url"] not in source
    assert not named("header") and not named("nav") and not named("footer")
    # the live calculator, and the frame's own script with the looks it accepts
    scripts = named("script")
    assert any("calculator.js" in s.get("src", "") and s.get("data-worker") for s in scripts)
    (frame,) = [s for s in scripts if "embed-frame.js" in s.get("src", "")]
    looks = {look.name: [value for value, _ in look.choices] for look in LOOKS}
    assert json.loads(frame["data-looks"]) == looks
    assert json.loads(frame["data-messages"]) == MESSAGES
    assert {named("html")[0][f"data-{look}"] for look in looks} == {"compact", "auto"}


def test_the_loader_gets_the_message_names_and_bounds_the_pages_get(site):
    # Pasted snippets keep the loader's address and a cached copy meets new embed pages: the
    # names stay what they have always been (a cached loader's lower most height only clamps).
    assert MESSAGES == {"height": "ketamine-dosing-embed:height",
                        "measure": "ketamine-dosing-embed:measure"}
    loader = (site / "theme" / "js" / "embed.js").read_text("utf-8")
    assert loader.startswith("// The resize loader") and loader.endswith("})();\n")
    assert f"const HEIGHT = {json.dumps(MESSAGES['height'])};" in loader
    assert f"const MEASURE = {json.dumps(MESSAGES['measure'])};" in loader
    assert f"const MIN = {HEIGHTS[0]};" in loader and f"const MAX = {HEIGHTS[1]};" in loader
    builder = (site / "calculators" / "dose" / "index.html").read_text("utf-8")
    (field,) = [attrs for attrs in start_tags(builder, "input") if attrs.get("id") == "embed-height"]
    assert (int(field["min"]), int(field["max"])) == HEIGHTS


def test_embed_pages_are_not_in_the_sitemap(site):
    assert "/embed/" not in (site / "sitemap.xml").read_text()


@pytest.mark.parametrize("name", calculators.names())
def test_the_oembed_file_has_what_the_spec_requires_and_its_html_embeds(published, name):
    answer = oembed(published, name)
    # oEmbed 1.0, section 2.3.4: type and version always; for "rich", html, width and height.
    assert answer["version"] == "1.0" and answer["type"] == "rich"
    assert answer["title"] == say(calculators.get(name).title)
    assert answer["provider_name"] == PROVIDER["EMBED_PROVIDER_NAME"]
    assert answer["provider_url"] == PROVIDER["EMBED_PROVIDER_URL"]
    assert type(answer["width"]) is int and type(answer["height"]) is int
    assert answer["width"] > 0
    assert answer["height"] == {"dose": 1234}.get(name, calculators.get(name).embed_height)  # EMBED_HEIGHTS as set
    assert [tag for tag, _ in start_tags(answer["html"])] == ["iframe", "script"]
    ((_, frame), (_, loader)) = start_tags(answer["html"])
    assert frame["src"] == f"{SITEURL}/embed/{name}/"
    assert say(calculators.get(name).title) in frame["title"]
    assert frame["width"] == str(answer["width"]) and frame["height"] == str(answer["height"])
    assert frame["loading"] == "lazy" and "data-calculator-embed" in frame
    assert loader["src"] == f"{SITEURL}/theme/js/embed.js" and "async" in loader
    assert (published / "theme" / "js" / "embed.js").is_file()


def test_the_provider_is_the_site_unless_settings_say_otherwise(site, published):
    assert oembed(site, "dose")["provider_name"] == SITENAME
    assert oembed(site, "dose")["provider_url"] == "/"  # SITEURL is "" in pelicanconf


@pytest.mark.parametrize("name", calculators.names())
def test_each_calculator_page_links_its_oembed_file_and_offers_the_snippet(published, name):
    source = (published / "calculators" / name / "index.html").read_text("utf-8")
    head = source.split("</head>", 1)[0]
    links = [attrs for attrs in start_tags(head, "link") if attrs.get("rel") == "alternate"
             and attrs.get("type") == "application/json+oembed"]
    assert [link["href"] for link in links] == [f"{SITEURL}/embed/{name}/oembed.json"]
    builder = source.split('<section class="embed-offer"', 1)[1].split("</section>", 1)[0]
    shown = html.unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", builder, re.S)[1])
    assert shown == oembed(published, name)["html"]
    assert "Embed this calculator" in builder and "How to cite the figures" in builder
    options = {attrs["name"] for attrs in start_tags(builder, "select") if "name" in attrs}
    selects = {field.name for field in calculators.get(name).inputs if field.preset}
    assert options == selects | {look.name for look in LOOKS}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", [n for n in calculators.names() if calculators.get(n).embeddable])
def test_the_builder_offers_each_languages_embed_starting_with_the_pages(published, name, lang):
    """Each language's choice holds that language's snippet (its oEmbed html, element by
    element), its page and its oEmbed file; the page's own language is chosen, and is the
    snippet shown without the script."""
    prefix = {"en": "", "es": "/es"}
    source = (published / prefix[lang].lstrip("/") / "calculators" / name / "index.html").read_text("utf-8")
    builder = source.split('<section class="embed-offer"', 1)[1].split("</section>", 1)[0]
    choices = start_tags(builder.split('data-embed-language', 1)[1].split("</select>", 1)[0], "option")
    assert [(choice["value"], choice["lang"]) for choice in choices] == [("en", "en"), ("es", "es-US")]
    assert [choice["value"] for choice in choices if "selected" in choice] == [lang]
    for choice in choices:
        written = oembed(published / prefix[choice["value"]].lstrip("/"), name)
        assert [(tag, dict(attributes)) for tag, attributes in json.loads(choice["data-snippet"])] \
            == start_tags(written["html"])
        assert choice["data-page"] == f"{SITEURL}{prefix[choice['value']]}/calculators/{name}/"
        assert choice["data-oembed"] == f"{SITEURL}{prefix[choice['value']]}/embed/{name}/oembed.json"
    shown = html.unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", builder, re.S)[1])
    assert shown == oembed(published / prefix[lang].lstrip("/"), name)["html"]
    assert f'src="{SITEURL}{prefix[lang]}/embed/{name}/"' in shown


def test_articles_carrying_a_calculator_offer_no_embed(site):
    source = (site / "protocols-in-practice" / "index.html").read_text("utf-8")
    assert 'data-calculator="dose"' in source
    assert "json+oembed" not in source and "embed-offer" not in source


def test_an_embed_never_presets_the_readers_own_answer(site):
    """Another site may start the dose embed on a regimen or a unit, never on an age."""
    builder = (site / "calculators" / "dose" / "index.html").read_text()
    assert 'id="embed-protocol"' in builder and 'id="embed-unit"' in builder
    assert 'id="embed-adult"' not in builder


@pytest.mark.parametrize("lang, prefix", [("en", ""), ("es", "/es")])
def test_the_retired_converters_embed_links_the_dose_calculator_in_its_language(published, lang, prefix):
    path = published / prefix.lstrip("/") / "embed" / "convert" / "index.html"
    source = path.read_text("utf-8")
    assert f'<html lang="{"es-US" if lang == "es" else "en"}"' in source
    (notice,) = [a for a in start_tags(source, "a") if a.get("href", "").endswith("/calculators/dose/")]
    assert notice["href"] == f"{SITEURL}{prefix}/calculators/dose/"
    assert (published / prefix.lstrip("/") / "calculators" / "dose" / "index.html").is_file()
