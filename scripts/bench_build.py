"""Build speed: our site's build against plain Pelican's on the same generated corpus, one run.

    python -m scripts.bench_build [--articles 500] [--runs N]

Writes a corpus of N articles of about 1000 words of filler each, valid for our site (every
field `plugins/authoring` requires, headings, lists, citations, a value from the data file, a
captioned table on some, a `[calculator: ...]` or `[table: ...]` line on a tenth), and a Spanish
translation of each (`articles/es/`, `Lang: es`, its English body's Source-Version, the same
markup in Spanish filler), then builds it with our settings (pelicanconf.py: our theme and
plugins, the `/es/` sub-site) and with plain Pelican: its defaults (its theme) and
pelican-i18n-subsites configured as ours is (the `/es/` sub-site, untranslated content removed),
no other plugin (PLUGINS is given, as its default loads every namespace plugin installed), only
the corpus and the output folder given.

Every build is a fresh `python -m pelican` process into an empty folder, as `invoke build` is
run: start-up and imports count, and no module cache (parsed data, compiled templates) carries
from one build to the next. One untimed build of each comes first, so the timed ones find our
caches in `.cache/` warm (wheel, lock file, snapshot, share images); that first build of ours is
printed with what it had to make (nothing here empties the shared caches, so it is cold only
where they lack something). The two kinds alternate which goes first in each run. Last, one
article's text changes and ours rebuilds into its output, as an author's next build would:
its time, and whether it made a wheel or a snapshot. Figures, not assertions.
"""

import argparse
import datetime
import itertools
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from calculators import data
from plugins.translations.versions import LANG, version

from project import CACHE, ROOT, ToolFailed, run_tool

FILLER = """lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt
ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris
nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse
cillum fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui
officia deserunt mollit anim id est laborum""".split()
# The translations' filler: each English filler word has its Spanish word (by position).
SPANISH = """la casa tiene una puerta grande y el perro come pan con queso cada mañana cuando sale
sol sobre las montañas del valle donde viven muchas familias que trabajan en campo junto al río
agua fresca baja por piedras entre árboles altos verdes hojas caen otoño frío llega pronto
noche larga luna brilla cielo claro estrellas pequeñas niños duermen tranquilos siempre juntos""".split()
TO_SPANISH = dict(zip(FILLER, SPANISH, strict=True)) | {"see": "vea"}  # and the link line's word
CATEGORIES = ("Lorem ipsum", "Dolor sit", "Amet elit")
SPANISH_CATEGORIES = dict(zip(CATEGORIES, ("Casa grande", "Perro come", "Pan con queso")))
TAGS = ("tempor", "magna aliqua", "veniam", "nostrud", "commodo")  # none ends in a digit
# Markup a translation keeps as it is: a [token: ...], a [@citation], a link's target.
KEPT = re.compile(r"(\[(?:@|[a-z]+: )[^\]]*\]|\([^)]*\))")
# Pelican's defaults, but for PLUGINS (its default, None, loads every namespace plugin installed)
# and the Spanish sub-site, set as pelicanconf.py sets it. A file without `Lang:` is English in
# every site (in ours, plugins/languages says so; here, Pelican's DEFAULT_METADATA): a sub-site
# would otherwise read it in its own language.
PLAIN_SETTINGS = f'''"""Plain Pelican: its defaults, and the /{LANG}/ sub-site alone."""
PLUGINS = ["i18n_subsites"]
I18N_SUBSITES = {{"{LANG}": {{}}}}
I18N_UNTRANSLATED_ARTICLES = "remove"
I18N_UNTRANSLATED_PAGES = "remove"
DEFAULT_METADATA = {{"lang": "en"}}
'''
# A tenth of the articles carry one of these lines (our build renders them; Pelican shows text).
BLOCK_LINES = ("[calculator: dose]", "[table: protocols]", "[calculator: schedule]",
               "[table: schedule]")


def words(rng, low, high):
    return " ".join(rng.choice(FILLER) for _ in range(rng.randint(low, high)))


def sentence(rng, references):
    text = words(rng, 8, 16).capitalize()
    return text + (f" [@{rng.choice(references)}]." if rng.random() < 0.15 else ".")


def paragraph(rng, references, sentences=(3, 6)):
    return " ".join(sentence(rng, references) for _ in range(rng.randint(*sentences)))


def article(number, count, rng, references, figures, today):
    """One article's Markdown: every field our build requires, then about 1000 words."""
    reviewed = today - datetime.timedelta(days=rng.randint(0, 90))
    header = [
        f"Title: {words(rng, 3, 6).capitalize()} {number}",
        f"Date: {reviewed - datetime.timedelta(days=rng.randint(0, 200))}",
        f"Reviewed: {reviewed}",
        "Reviewer: clinical-lead",
        f"Summary: {words(rng, 10, 18).capitalize()}.",
        f"Slug: article-{number}",
        f"Category: {rng.choice(CATEGORIES)}",
        f"Tags: {', '.join(rng.sample(TAGS, 2))}",
        f"Order: {number}",
    ]
    body = [paragraph(rng, references)]
    if number % 10 == 0:
        body.append(BLOCK_LINES[number // 10 % len(BLOCK_LINES)])
    while sum(len(part.split()) for part in body) < 900:
        body.append(f"## {words(rng, 2, 5).capitalize()}")
        body += [paragraph(rng, references) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.5:
            body.append("\n".join(f"- {words(rng, 4, 10)}" for _ in range(rng.randint(3, 6))))
        if rng.random() < 0.3:
            body.append(f"### {words(rng, 2, 4).capitalize()}")
            body.append(f"{sentence(rng, references)[:-1]} [value: {rng.choice(figures)}] "
                        f"{paragraph(rng, references, (2, 4))}")
        if rng.random() < 0.05:
            rows = [f"| {words(rng, 1, 2)} | {words(rng, 2, 5)} | {words(rng, 2, 5)} |"
                    for _ in range(rng.randint(2, 5))]
            body += [f"Table: {words(rng, 3, 6).capitalize()}",
                     "\n".join(["| Lorem | Ipsum | Dolor |", "|---|---|---|", *rows])]
    neighbour = number % count + 1
    body.append(f"See [{words(rng, 2, 4)}]({{filename}}/articles/article-{neighbour}.md).")
    return "\n".join(header) + "\n\n" + "\n\n".join(body) + "\n"


def in_spanish(text):
    """Filler in Spanish, word for word (a capital kept); markup and link targets as they are."""
    def word(match):
        said = TO_SPANISH.get(match[0].lower(), match[0])
        return said.capitalize() if match[0][0].isupper() else said

    # re.split with the pattern's one group: the text between kept markup, then the markup.
    return "".join(part if kept else re.sub(r"[^\W\d_]+", word, part)
                   for kept, part in zip(itertools.cycle((False, True)), KEPT.split(text)))


def translation(english):
    """The Spanish translation of an article of `article`: its header's text fields in Spanish,
    `Lang` and `Source-Version` added, its body's filler in Spanish (the same markup, in the same
    order) and its link to the neighbour's translation."""
    header, _, body = english.partition("\n\n")
    fields = dict(line.split(": ", 1) for line in header.splitlines())
    fields |= {"Title": in_spanish(fields["Title"]), "Summary": in_spanish(fields["Summary"]),
               "Category": SPANISH_CATEGORIES[fields["Category"]],
               "Tags": in_spanish(fields["Tags"]), "Lang": LANG, "Source-Version": version(english)}
    body = in_spanish(body).replace("{filename}/articles/", f"{{filename}}/articles/{LANG}/")
    return "\n".join(f"{name}: {value}" for name, value in fields.items()) + "\n\n" + body


def write_corpus(folder, count):
    """`folder/articles/article-<n>.md` for n in 1..count (the same text for the same count) and
    its translation, `folder/articles/es/article-<n>.md`; returns the number of words in the
    English bodies."""
    rng = random.Random(count)
    references, figures = sorted(data.references()), sorted(data.figures())
    today = datetime.date.today()
    (folder / "articles" / LANG).mkdir(parents=True)
    total = 0
    for number in range(1, count + 1):
        text = article(number, count, rng, references, figures, today)
        (folder / "articles" / f"article-{number}.md").write_text(text, "utf-8")
        (folder / "articles" / LANG / f"article-{number}.md").write_text(translation(text), "utf-8")
        total += len(text.partition("\n\n")[2].split())
    return total


def build(corpus, settings, output):
    """Seconds for one `python -m pelican` build of `corpus` into `output`."""
    command = [sys.executable, "-m", "pelican", str(corpus), "-s", str(settings), "-o", str(output)]
    os.sync()  # the last build's files are on disk: none is written while this one is timed
    started = time.perf_counter()
    try:
        run_tool(command, cwd=ROOT)
    except ToolFailed as failed:  # Pelican logs its errors on stdout: show both
        sys.exit(f"build failed: {' '.join(command)}\n{failed.stdout[-3000:]}{failed.stderr[-3000:]}")
    return time.perf_counter() - started


def cached_runtime():
    """{file: modification time} of the cached wheels and memory snapshots (.cache/runtime)."""
    return {path: path.stat().st_mtime_ns for path in (CACHE / "runtime").glob("*/*")
            if path.suffix in (".whl", ".snapshot")}


def made_since(before):
    """The cached wheels and snapshots written since `before` (from cached_runtime)."""
    return sorted(f"{path.parent.name}/{path.name}" for path, mtime in cached_runtime().items()
                  if before.get(path) != mtime)


def shipped_snapshot(output):
    """The cached snapshot the site in `output` ships (its copy keeps the file's time), or None."""
    shipped = {path.stat().st_mtime_ns for path in (output / "runtime").glob("app-*/*.snapshot")}
    return next((path for path, mtime in cached_runtime().items()
                 if path.suffix == ".snapshot" and mtime in shipped), None)


def spread(values):
    return f"{statistics.median(values):6.2f} s  ({min(values):.2f}-{max(values):.2f})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        corpus = scratch / "content"
        total_words = write_corpus(corpus, options.articles)
        plain = scratch / "plain.py"
        plain.write_text(PLAIN_SETTINGS)
        settings = {"ours": ROOT / "pelicanconf.py", "plain": plain}

        shares = set((CACHE / "share").glob("*.png"))
        runtime = cached_runtime()
        first = build(corpus, settings["ours"], scratch / "first")
        drawn = len(set((CACHE / "share").glob("*.png")) - shares)
        first_made = made_since(runtime)
        build(corpus, settings["plain"], scratch / "plain-first")

        times = {"ours": [], "plain": []}
        for run in range(options.runs):
            for which in ("ours", "plain") if run % 2 == 0 else ("plain", "ours"):
                times[which].append(build(corpus, settings[which], scratch / f"{which}-{run}"))

        runtime = cached_runtime()
        changed = corpus / "articles" / "article-1.md"
        changed.write_text(changed.read_text("utf-8") + "\nDuis aute irure dolor.\n", "utf-8")
        rebuild = build(corpus, settings["ours"], scratch / f"ours-{options.runs - 1}")
        rebuild_made = made_since(runtime)
        snapshot = shipped_snapshot(scratch / "ours-0")

    ratios = [ours / plain for ours, plain in zip(times["ours"], times["plain"])]
    ratio = statistics.median(times["ours"]) / statistics.median(times["plain"])
    print(f"articles: {options.articles} and a Spanish translation of each (the /{LANG}/ "
          f"sub-site in both builds), English words: {total_words} "
          f"({total_words / options.articles:.0f} an article), runs: {options.runs}; "
          "a fresh `python -m pelican` process each, into an empty folder, medians (min-max)")
    print(f"  ours, first build of this corpus: {first:6.2f} s  (share images drawn: {drawn}; "
          f"wheels and snapshots made: {', '.join(first_made) or 'none'})")
    print(f"  ours, warm caches:                {spread(times['ours'])}")
    print(f"  plain Pelican:                    {spread(times['plain'])}")
    print(f"ratio ours / plain:                 {ratio:6.2f}    "
          f"(per run {min(ratios):.2f}-{max(ratios):.2f}; target <= 1.2)")
    print(f"content-only change (one article's text), ours rebuilt into its output: "
          f"{rebuild:.2f} s; wheels and snapshots made: {', '.join(rebuild_made) or 'none'}")
    print(f"  the site ships {snapshot.relative_to(ROOT) if snapshot else 'no snapshot'}")


if __name__ == "__main__":
    main()
