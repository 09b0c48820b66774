"""Small HTML pieces shared by the processors."""

from calculators.render import escape


def region_attributes(caption_id):
    """The wrapper that lets a narrow screen scroll a table sideways, keyboard reachable."""
    return {"class": "table-scroll", "role": "region", "tabindex": "0",
            "aria-labelledby": caption_id}


def scroll_region(table_html, caption_id):
    """Wrap a table given as HTML (its caption gets the id the region is labelled by)."""
    table_html = table_html.replace("<caption>", f'<caption id="{escape(caption_id)}">', 1)
    attributes = "".join(f' {name}="{escape(value)}"'
                         for name, value in region_attributes(caption_id).items())
    return f"<div{attributes}>{table_html}</div>"
