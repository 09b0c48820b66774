"""Markdown tables: a `Table: ...` line above becomes the caption; headers get `scope`; cells
get their column's header as `data-label` (a narrow screen shows each row as a labelled card)."""

import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from .errors import AuthoringError
from .fences import numbered_lines
from .markup import region_attributes

PREFIX = "Table:"
# A pipe table's second line: its columns' dashes (and colons) between pipes. A table may sit in a
# quote (> ...).
SEPARATOR = re.compile(r"[|:\- ]*-[|:\- ]*")
QUOTE = re.compile(r"^[\s>]*")


class TableCaptionTreeprocessor(Treeprocessor):
    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        found = [(parent, child) for parent in root.iter() for child in parent if child.tag == "table"]
        for number, (parent, table) in enumerate(found, start=1):
            index = list(parent).index(table)
            before = parent[index - 1] if index else None
            self.caption(parent, before, table, index, f"table-caption-{number}", number)

    def caption(self, parent, before, table, index, caption_id, number):
        if before is None or before.tag != "p" or not (before.text or "").startswith(PREFIX):
            headers = " | ".join("".join(th.itertext()).strip() for th in table.iter("th"))
            lines = table_lines(self.extension.lines)
            raise AuthoringError(
                self.extension.path, lines[number - 1] if number <= len(lines) else None,
                f"the table with headers '{headers}' needs a line 'Table: <caption>' "
                "just above it (then a blank line)",
            )
        caption = etree.Element("caption", id=caption_id)
        caption.text = before.text[len(PREFIX):].lstrip()
        caption.extend(list(before))
        table.insert(0, caption)
        labels = ["".join(th.itertext()).strip() for th in table.iter("th")]
        for th in table.iter("th"):
            th.set("scope", "col")
        for row in table.findall("./tbody/tr"):
            row[0].tag = "th"
            row[0].set("scope", "row")
            for label, cell in zip(labels[1:], row[1:]):
                cell.set("data-label", label)
        table.set("class", "data-table")
        region = etree.Element("div", region_attributes(caption_id))
        parent.remove(before)
        parent.remove(table)
        region.append(table)
        parent.insert(index - 1, region)


def table_lines(lines) -> list[int]:
    """The line of each pipe table's header row, in the source's order (the tables Markdown
    makes, in the document's order: `[table: ...]` lines are HTML, not Markdown tables)."""
    found, above = [], ""
    for number, line, in_code in numbered_lines(lines):
        line = "" if in_code else QUOTE.sub("", line)
        if "|" in above and SEPARATOR.fullmatch(line.rstrip()):
            found.append(number - 1)
        above = line
    return found
