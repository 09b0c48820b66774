"""The data file's own rules, checked when it is loaded: a broken file never reaches a page.

- every offered protocol is ONE published chronic-pain regimen with the figures its shape needs;
  every other protocol says why it is not offered and which article to read instead;
- every bound a reader's input is held to has its reason;
- every reference id used anywhere names a reference, and every article a message points to
  is named in [scope].
"""

# What each shape of regimen needs: its dose unit, and the figures it is worked out from.
SHAPES = {
    "rate-per-kg": ("mg/kg/h", ("dose_max", "minutes", "caps", "sessions_count")),
    "daily-amount": ("mg a day", ("dose_min", "dose_max", "sessions_count")),
    "first-infusion": ("mg", ("dose", "minutes_min", "sessions_count")),
}


def problems(parsed: dict) -> list[str]:
    """What is wrong with a parsed data file, one line each (empty when it is sound)."""
    found = []
    refs = parsed.get("references", {})
    scope = parsed.get("scope", {})

    def cited(where: str, ref_id: object) -> None:
        if ref_id not in refs:
            found.append(f"{where}: unknown reference {ref_id!r}")

    for pid, protocol in parsed.get("protocols", {}).items():
        where = f"protocols.{pid}"
        cited(where, protocol.get("reference"))
        if not isinstance(protocol.get("regimen"), bool):
            found.append(f"{where}: say whether it is one regimen (regimen = true or false)")
        if protocol.get("offered"):
            found += _offered_problems(where, protocol)
        elif "why_not_offered" not in protocol or protocol.get("read") not in scope.get("articles", {}):
            found.append(f"{where}: not offered, and no why_not_offered and read (an article "
                         "named in [scope]) say why and where to read about it")
    for fig_id, figure in parsed.get("figures", {}).items():
        cited(f"figures.{fig_id}", figure.get("reference"))
    schedule = parsed.get("schedule", {})
    for key in ("reference", "review_reference"):
        cited(f"schedule.{key}", schedule.get(key))
    cited("devine", parsed.get("devine", {}).get("reference"))

    limits = parsed.get("limits", {})
    for key, bound in limits.items():
        if not isinstance(bound, list):
            continue
        whole, low, high = (limits.get(f"{key}_{end}") for end in ("reason", "low_reason", "high_reason"))
        if not (whole or (low and high)):
            found.append(f"limits.{key}: a bound without its reason ({key}_reason)")
        see = limits.get(f"{key}_low_see")
        if see is not None and see not in scope.get("articles", {}):
            found.append(f"limits.{key}_low_see: {see!r} is not an article named in [scope]")
    return found


def _offered_problems(where: str, protocol: dict) -> list[str]:
    """An offered protocol is one chronic-pain regimen with every figure its shape needs."""
    if protocol.get("regimen") is not True or protocol.get("use") != "chronic-pain":
        return [f"{where}: offered, but not one published chronic-pain regimen"]
    shape = SHAPES.get(protocol.get("shape"))
    if shape is None:
        return [f"{where}: offered without a shape the calculator knows ({', '.join(SHAPES)})"]
    unit, needs = shape
    found = [f"{where}: a {protocol['shape']} regimen needs {key}"
             for key in needs if key not in protocol]
    if protocol.get("dose_unit") != unit:
        found.append(f"{where}: a {protocol['shape']} regimen's dose_unit is {unit!r}")
    if any({"weight_above_kg", "weight_at_most_kg"} & set(cap) for cap in protocol.get("caps", ())):
        found.append(f"{where}: an offered regimen's cap applies at every weight")
    if protocol.get("dose_min", 0) > protocol.get("dose_max", float("inf")):
        found.append(f"{where}: dose_min is above dose_max")
    return found
