"""The theme's 404 page, written as `hosting.NOT_FOUND_PAGE` (and kept out of the sitemap)."""

from pathlib import Path

from pelican.generators import Generator

from deploy.hosting import NOT_FOUND_PAGE


class NotFoundPageGenerator(Generator):
    def generate_output(self, writer):
        # Rendered here rather than through the writer, whose signal would list it in the sitemap.
        html = self.get_template("404").render({**self.context, "page_name": "404"})
        (Path(self.output_path) / NOT_FOUND_PAGE).write_text(html, encoding="utf-8")
