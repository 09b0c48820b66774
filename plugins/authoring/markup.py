"""Small HTML pieces shared by the processors."""


def scroll_region(table_html, caption_id):
    """Wrap a table so a narrow screen scrolls it sideways, keyboard reachable."""
    caption = '<caption id="%s">' % caption_id
    table_html = table_html.replace("<caption>", caption, 1)
    return (
        f'<div class="table-scroll" role="region" tabindex="0" '
        f'aria-labelledby="{caption_id}">{table_html}</div>'
    )
