"""References as writers keep them (CSL-JSON, what Zotero exports), cited in one style: Vancouver,
in each of the site's languages.

The file is `content/references.json` in the source tree. What a source published (its authors,
title, journal, year) is cited as published, in every language. What the SITE wrote about a source
(`SITE_FIELDS`: its short label, its note, and the title that describes a source with no
published title, marked `"custom": {"descriptive-title": true}`) is in English there, and in
another language in one overlay beside it, `references-LANG.toml` (see `overlay`): a TOML table
per reference id with that language's words for those fields. An overlay keeps the CSL-JSON file
the writers' own (a reference manager may export it again without losing a translation), and one
file a language is what a translator opens, as the words files (`calculators/data/words/`) are.
The wheel carries them already parsed, with the rest of the data (see `data.load`).
"""

import json
from pathlib import Path

from calculators import messages

SOURCE = Path(__file__).resolve().parent.parent / "content" / "references.json"
# The fields the site writes (not the source): read in each language; "title" only when it
# describes a source that has no published title of its own.
SITE_FIELDS = ("citation-label", "title", "note")


def read_source(path: Path = SOURCE) -> dict[str, dict]:
    """Reference id -> CSL item, from the source tree's file (a wheel carries them parsed)."""
    return {item["id"]: item for item in json.loads(path.read_text("utf-8"))}


def overlay(lang: str, source: Path = SOURCE) -> Path:
    """The file of one language's words for the references, beside the CSL-JSON file."""
    return source.with_name(f"references-{lang}.toml")


def source_files(source: Path = SOURCE) -> list[Path]:
    """The CSL-JSON file and the overlay of every other language the site has."""
    return [source, *(overlay(lang, source) for lang in messages.LANGUAGES
                      if lang != messages.DEFAULT)]


def words_file(lang: str) -> str:
    """Where `lang`'s words for the references are, as a writer names the file."""
    named = Path(SOURCE.parent.name) / SOURCE.name
    return (named if lang == messages.DEFAULT else overlay(lang, named)).as_posix()


def site_words(item: dict) -> dict[str, str]:
    """The fields of a CSL item that the site wrote (its words), not the source's."""
    described = item.get("custom", {}).get("descriptive-title", False)
    return {field: item[field] for field in SITE_FIELDS
            if field in item and (field != "title" or described)}


def split(items: dict[str, dict]) -> tuple[dict[str, dict], dict[str, dict]]:
    """The items without the site's words, and the site's words by id (English: the writers')."""
    words = {ref_id: site_words(item) for ref_id, item in items.items()}
    published = {ref_id: {key: value for key, value in item.items() if key not in words[ref_id]}
                 for ref_id, item in items.items()}
    return published, words


def read_words(source: Path = SOURCE) -> tuple[dict[str, dict], dict[str, dict[str, dict]]]:
    """The items without the site's words, and the site's words in every language the site has:
    {lang: {reference id: {field: words}}} (the writers' language's from the CSL-JSON file)."""
    import tomllib

    published, words = split(read_source(source))
    return published, {lang: words if lang == messages.DEFAULT
                       else tomllib.loads(overlay(lang, source).read_text("utf-8"))
                       for lang in messages.LANGUAGES}


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
