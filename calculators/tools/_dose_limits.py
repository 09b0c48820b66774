"""What the dose calculator refuses to illustrate, and why: field errors with a stable code, each
saying its reason and, where there is one, the article to read (never a clamp, never a default).

- "under-18": the regimens were published for adults;
- "not-illustrated": an entry of the tables that is not a chronic-pain regimen;
- "outside-the-regimen": an amount a day outside the regimen's own published range;
- "needed-for-the-basis", "below-the-formula": per-kg figures by ideal or adjusted weight need a
  height the Devine formula covers, and a sex.
"""

from calculators import data, formats, weights
from calculators.data import Protocol
from calculators.schema import Reader
from calculators.tools._dose_view import basis_words, published_range


def adult(read: Reader) -> None:
    """Anyone under 18 gets no figure at all."""
    if read.get("adult") == "no" and not read.has_error("adult"):
        article, _ = data.article("who-is-not-a-candidate", read.lang)
        read.fail("adult", "under-18", read.say(
            "dose.adult.under-18", article=article,
            reason=data.load(read.lang)["scope"]["under_18"]))


def regimen(read: Reader) -> Protocol | None:
    """The regimen chosen; an entry of the tables that is not offered says why, and where to
    read about it."""
    known = data.protocols(read.lang).get(read.raw("protocol"))
    if known and not known.offered:
        article, _ = data.article(known.read, read.lang)
        read.fail("protocol", "not-illustrated", read.say(
            "dose.protocol.not-illustrated", regimen=known.name, why=known.why_not_offered,
            article=article))
        return None
    pid = read.get("protocol")
    return None if read.has_error("protocol") else data.offered_protocols(read.lang)[pid]


def daily_amount(read: Reader, protocol: Protocol | None) -> float | None:
    """An amount a day inside the chosen regimen's own published range (blank: the range). Read
    only for a regimen published as a range of amounts a day; another says it is not used."""
    if protocol is None or protocol.shape != "daily-amount":
        return None
    amount = read.get("daily_mg")
    if amount is None:
        return None
    if protocol.dose_min <= amount <= protocol.dose_max:
        return amount
    read.fail("daily_mg", "outside-the-regimen", read.say(
        "dose.daily-mg.outside-the-regimen", amount=formats.plain(amount, read.lang), regimen=protocol.name,
        range=published_range(protocol, read.lang),
        source=data.references(read.lang)[protocol.reference].short))
    return None


def basis_needs(read: Reader, protocol: Protocol | None, basis: str, height: float | None,
                sex: str) -> None:
    """Per-kg figures by ideal or adjusted weight need a height the formula covers, and a sex
    (a fixed amount uses no weight, so it needs neither)."""
    if protocol is None or protocol.shape != "rate-per-kg" or basis == "actual":
        return
    words = basis_words(basis, read.lang)
    if not read.has_error("height_cm"):
        if height is None:
            read.fail("height_cm", "needed-for-the-basis",
                      read.say("dose.height.needed-for-the-basis", basis=words))
        elif height < weights.devine_start_cm():
            read.fail("height_cm", "below-the-formula", read.say(
                "dose.height.below-the-formula", devine_start=weights.devine_start(read.lang)))
    if sex == "" and not read.has_error("sex"):
        read.fail("sex", "needed-for-the-basis",
                  read.say("dose.sex.needed-for-the-basis", basis=words))
