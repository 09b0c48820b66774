"""A page for every calculator that no page of the site carries: `CALCULATOR_URL`, with the
calculator's title, summary and form, so a new calculator module is on the site without a
Markdown page of its own (a page that carries it, with prose, takes its place)."""

from pelican.contents import Page

import calculators
from calculators.messages import say

URL = "calculators/{name}/"  # unless the settings' CALCULATOR_URL says otherwise


def add_calculator_pages(generator):
    """After the pages are read: one more for each calculator that none of them carries (none in
    the site's language: a language's sub-site gets its own page for a calculator whose page has
    no translation yet)."""
    lang = generator.settings["DEFAULT_LANG"]
    carried = {name for page in generator.pages if page.lang == lang
               for name in getattr(page, "calculators", ())}
    url = generator.settings.get("CALCULATOR_URL", URL)
    for name in calculators.names():
        if name in carried:
            continue
        calc = calculators.get(name)
        said = say(calc.summary, lang)  # a phrase, as the command line's list shows it
        summary = said[:1].upper() + said[1:] + "."
        page = Page(
            f"<p>{summary}</p>{calculators.render_form(name, lang=lang)}",
            metadata={"title": say(calc.title, lang), "summary": summary,
                      "slug": name, "url": url.format(name=name),
                      "save_as": url.format(name=name) + "index.html",
                      "calculators": [name], "citations": []},
            settings=generator.settings, context=generator.context,
            source_path=f"calculators:{name}",
        )
        generator.pages.append(page)
    generator.context["pages"] = generator.pages
