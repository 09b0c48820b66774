"""While `invoke livereload` runs, a broken article shows its error block in the browser too.

A failed build leaves the last good pages in the output folder; each of them is replaced by a
page that shows the block, until the next good build writes the site again.
"""

import html
from pathlib import Path

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The build stopped</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>The build stopped</h1>
<p>Fix what these lines name (file, line, problem) and save: the page reloads by itself.</p>
<pre>{block}</pre></main></body></html>
"""


def error_block(stderr: str) -> str:
    """The build's own block of `file:line: message` lines, else the end of what it printed."""
    lines = stderr.rstrip().splitlines()
    starts = [i for i, line in enumerate(lines) if line.endswith("authoring error(s):")]
    return "\n".join(lines[starts[-1]:] if starts else lines[-20:])


def show_in_browser(output: Path, stderr: str) -> int:
    """Replace every page of the output with the error block; how many were replaced."""
    page = PAGE.format(block=html.escape(error_block(stderr)))
    pages = list(Path(output).rglob("*.html"))
    for path in pages:
        path.write_text(page, "utf-8")
    return len(pages)
