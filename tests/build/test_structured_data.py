"""What search engines and link previews read: canonical, OpenGraph, Twitter and schema.org."""

import json
import re

import calculators
from tests.build.test_site import ARTICLES
from tests.words import SITE_WORDS


def structured(html):
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def test_every_article_is_a_reviewed_medical_web_page(site):
    for slug in ARTICLES:
        html = (site / slug / "index.html").read_text()
        page = structured(html)
        assert page["@context"] == "https://schema.org" and page["@type"] == "MedicalWebPage"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", page["lastReviewed"]), slug
        assert page["reviewedBy"] == {"@type": "Person",
                                      "name": "Dr A. Example, MD (clinical lead, example)"}
        assert page["audience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}
        assert page["about"] == {"@type": "Drug", "name": SITE_WORDS("structured.drug")}
        assert page["citation"] and all(isinstance(c, str) and c for c in page["citation"]), slug
        assert page["publisher"]["@type"] == "Organization" and page["publisher"]["name"]
        assert page["url"].endswith(f"/{slug}/") and page["headline"] and page["description"]
        assert f'<link rel="canonical" href="{page["url"]}">' in html
        assert '<meta property="og:type" content="article">' in html
        assert f'<meta property="og:image" content="/{slug}/share.png">' in html
        assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_every_calculator_page_is_a_free_health_web_application(site):
    for name in calculators.names():
        app = structured((site / "calculators" / name / "index.html").read_text())
        assert app["@type"] == "WebApplication"
        assert app["applicationCategory"] == "HealthApplication"
        assert app["isAccessibleForFree"] is True and app["name"] and app["url"]


def test_other_pages_carry_no_structured_data(site):
    assert "application/ld+json" not in (site / "about" / "index.html").read_text()
