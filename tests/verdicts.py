"""What no page may say to a reader: a verdict (whether they can have ketamine, whether it works
for them), an order or a reassurance, as phrases matched whole, whatever the case; and the words
of an HTML fragment as a reader meets them. Shared by the tests of the question list and of the
diary."""

import re
from html.parser import HTMLParser

# Words that would tell the reader what to do or what ketamine would do for them: a verdict on
# whether they can have it, an order about their medicines, a promise or a reassurance. Matched
# as whole words, whatever the case, with a curly apostrophe read as a straight one.
FORBIDDEN = (
    # whether the reader can have ketamine, or is a candidate
    "you can have", "you can get", "you can take", "you can start", "you can go ahead",
    "you cannot", "you can not", "you can't", "you may not have", "you may not take",
    "not a candidate", "are a candidate", "good candidate", "right candidate",
    "candidate for you", "eligible", "ineligible", "you qualify", "you do not qualify",
    "rules you out", "ruled out for you", "rule you out", "you are ruled out", "excludes you",
    "you are excluded", "not for you", "is for you", "approved for you", "cleared for",
    # a reassurance that settles it
    "you are fine", "you're fine", "you are ok", "you are okay", "you are safe", "safe for you",
    "not safe", "unsafe for you", "no risk", "risk-free", "nothing to worry",
    "no need to worry", "don't worry", "do not worry", "no problem for you", "nothing to fear",
    # what the reader should do with their medicines or their treatment
    "stop taking", "stop your", "you should stop", "should be stopped", "come off",
    "do not take", "don't take", "you must", "you should", "you need to", "you have to",
    "you ought", "must not", "is not allowed", "are not allowed",
    # a promise about what ketamine will do
    "it works", "will work", "won't work", "will not work", "does not work", "doesn't work",
    "will help you", "will not help you", "won't help you", "will cure", "cures", "guaranteed",
    "will be fine",
)
VERDICT = re.compile(r"\b(?:" + "|".join(re.escape(phrase) for phrase in FORBIDDEN) + r")\b",
                     re.IGNORECASE)

# What a diary's summary may not say of the figures it shows: a judgement of them, or of the
# treatment (it shows what the reader recorded, never whether that is good or bad).
JUDGEMENTS = FORBIDDEN + (
    "works", "worked", "working", "not working", "better", "worse", "best", "worst",
    "improve", "improved", "improves", "improving", "improvement", "worsen", "worsened",
    "worsening", "deteriorated", "effective", "ineffective", "success", "successful",
    "failed", "failure", "helped", "helping", "benefit", "benefited", "responder",
    "good news", "bad news", "well done", "on track", "progress",
)
JUDGEMENT = re.compile(r"\b(?:" + "|".join(re.escape(phrase) for phrase in JUDGEMENTS) + r")\b",
                       re.IGNORECASE)


def verdicts(texts, phrases=VERDICT) -> list[str]:
    """The phrases of `phrases` the texts say (a curly apostrophe read as a straight one)."""
    return [found[0] for text in texts
            for found in phrases.finditer(text.replace("’", "'"))]


class TextOf(HTMLParser):
    """The words of an HTML fragment a reader sees or hears: its text, and the text of its
    reader-facing attributes, each piece apart (never glued to the next)."""

    READ = ("aria-label", "title", "alt")

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.pieces = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.pieces += [value for name, value in attrs if name in self.READ and value]

    def handle_data(self, data):
        self.pieces.append(data)

    def __str__(self):
        return " ".join(" ".join(self.pieces).split())
