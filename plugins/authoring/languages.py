"""`[en: words]` marks words in another language than the page's, so a screen reader says them
in that language (WCAG 3.1.2, language of parts): a Spanish page naming "American Society of
Regional Anesthesia and Pain Medicine" writes `[en: American Society of Regional Anesthesia and
Pain Medicine]`, and the page gets `<span lang="en">...</span>`. The words may hold other inline
Markdown. Raw HTML stays refused; this is the one way to say it. The code is one of the site's
languages (`calculators.messages.LANGUAGES`).
"""

import xml.etree.ElementTree as etree

from calculators.messages import LANGUAGES
from markdown.inlinepatterns import InlineProcessor

OTHER_LANGUAGE = rf"\[({'|'.join(LANGUAGES)}):\s*([^\]]+?)\s*\]"


class OtherLanguageInlineProcessor(InlineProcessor):
    def __init__(self):
        super().__init__(OTHER_LANGUAGE)

    def handleMatch(self, match, text):
        span = etree.Element("span", {"lang": match[1]})
        span.text = match[2]  # the inline patterns after this one still read it (links, emphasis)
        return span, match.start(0), match.end(0)
