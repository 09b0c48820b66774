"""References as writers keep them (CSL-JSON, what Zotero exports), cited in one style: Vancouver.

The file is `content/references.json` in the source tree; the wheel carries them already parsed,
with the rest of the data (see `data.load`).
"""

import json
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "content" / "references.json"


def read_source(path: Path = SOURCE) -> dict[str, dict]:
    """Reference id -> CSL item, from the source tree's file (a wheel carries them parsed)."""
    return {item["id"]: item for item in json.loads(path.read_text("utf-8"))}


def _names(item: dict) -> str:
    """Vancouver authors: "Cohen SP, Bhatia A, et al." (an institution as written)."""
    names = [name.get("literal") or f"{name['family']} {name.get('given', '')}".strip()
             for name in item.get("author", ())]
    return ", ".join(names)


def vancouver(item: dict) -> str:
    """One reference in the Vancouver style, without its DOI (shown apart, as a link)."""
    year = str(item["issued"]["date-parts"][0][0]) if "issued" in item else ""
    journal = item.get("container-title-short") or item.get("container-title", "")
    where = ""
    if journal:
        where = f"{journal} {year}".strip()
        if "volume" in item:
            where += f";{item['volume']}" + (f"({item['issue']})" if "issue" in item else "")
        if "page" in item:
            where += f":{item['page']}"
    elif year:
        where = year
    parts = [part for part in (_names(item), item.get("title", ""), where) if part]
    text = ". ".join(part.rstrip(".") for part in parts)
    return text + (f" ({item['note']})" if "note" in item else "") + "."
