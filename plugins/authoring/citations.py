"""`[@id]` and `[@a; @b]` become numbered citations and a References section at the end."""

import functools
import re

from calculators import data
from calculators.render import reference_html
from markdown.postprocessors import Postprocessor

from .errors import AuthoringError
from .rules import ANY_CITATION, CITATION
CODE = re.compile(r"(<pre\b.*?</pre>|<code\b.*?</code>)", re.DOTALL)


class CitationPostprocessor(Postprocessor):
    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, text):
        order = []
        parts = CODE.split(text)
        for index in range(0, len(parts), 2):  # odd parts are code: left alone
            parts[index] = CITATION.sub(lambda match: self.cite(match, order), parts[index])
            malformed = ANY_CITATION.search(parts[index])
            if malformed:
                raise AuthoringError(
                    self.extension.path, self.extension.line_of(malformed[0]),
                    f"cannot read the citation {malformed[0]}; write [@id] or [@id; @other-id] "
                    "with ids in lowercase",
                )
        if order:
            self.extension.refuse_in_metadata(self.md, "a citation")
        if order:  # the body (the Summary, read on its own, cites nothing)
            self.extension.cited = order
        if not order:
            return "".join(parts)
        return "".join(parts) + references_section(order, self.extension.site_say,
                                                   self.extension.lang)

    def cite(self, match, order):
        known = data.references()
        links = []
        for id_ in (part.strip().lstrip("@") for part in match[1].split(";")):
            if id_ not in known:
                raise AuthoringError(
                    self.extension.path, self.extension.line_of(f"@{id_}"),
                    f"unknown reference [@{id_}]; known ids are in content/references.json",
                )
            if id_ not in order:
                order.append(id_)
            number = order.index(id_) + 1
            label = self.extension.site_say("citation.reference", number=number)
            links.append(
                f'<a href="#ref-{id_}" aria-label="{label}">{number}</a>'
            )
        return f'<sup class="citation">[{", ".join(links)}]</sup>'


def references_section(order, site_say, lang):
    """The numbered References, each written in the page's language (`data.references`)."""
    items = "".join(reference_item(id_, lang) for id_ in order)
    return (
        '<section class="references" aria-labelledby="references">'
        f'<h2 id="references">{site_say("citation.references")}</h2>'
        f"<ol>{items}</ol></section>"
    )


@functools.cache
def reference_item(id_, lang):
    """A reference's list item in a language, made once: the data file is read once a build
    (`data.load`)."""
    return f'<li id="ref-{id_}">{reference_html(id_, doi_link=True, lang=lang)}</li>'
