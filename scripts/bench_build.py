"""Build speed: our site's build against plain Pelican's on the same generated corpus, one run.

    python -m scripts.bench_build [--articles 500] [--runs N]

Writes a corpus of N articles of about 1000 words of filler each, valid for our site (every
field `plugins/authoring` requires, headings, lists, citations, a value from the data file, a
captioned table on some, a `[calculator: ...]` or `[table: ...]` line on a tenth), then builds
it with our settings (pelicanconf.py: our theme and plugins) and with plain Pelican: its
defaults (its theme; PLUGINS = [], as its default loads every namespace plugin installed),
only the corpus and the output folder given.

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
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from calculators import data

from project import CACHE, ROOT, ToolFailed, run_tool
FILLER = """lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt
ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris
nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse
cillum fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui
officia deserunt mollit anim id est laborum""".split()
CATEGORIES = ("Lorem ipsum", "Dolor sit", "Amet elit")
TAGS = ("tempor", "magna aliqua", "veniam", "nostrud", "commodo")  # none ends in a digit
# Pelican's defaults, but for PLUGINS: its default (None) loads every namespace plugin installed.
PLAIN_SETTINGS = '"""Plain Pelican: its defaults, no plugins."""\nPLUGINS = []\n'
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


def write_corpus(folder, count):
    """`folder/articles/article-<n>.md` for n in 1..count (the same text for the same count);
    returns the number of words in their bodies."""
    rng = random.Random(count)
    references, figures = sorted(data.references()), sorted(data.figures())
    today = datetime.date.today()
    (folder / "articles").mkdir(parents=True)
    total = 0
    for number in range(1, count + 1):
        text = article(number, count, rng, references, figures, today)
        (folder / "articles" / f"article-{number}.md").write_text(text, "utf-8")
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
    print(f"articles: {options.articles}, words: {total_words} "
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
