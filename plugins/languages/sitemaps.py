"""A sitemap a language: pelican-sitemap writes the main site's (`sitemap.xml`) once every site
has written, from one queue of the pages written; a sub-site's pages leave that queue for its own
`es/sitemap.xml`, written by the same plugin's writer with the sub-site's address and folder.
robots.txt names each one."""

from pathlib import Path

from pelican.plugins.sitemap import sitemap

from .sites import is_main_site

# The plugin writes a page's translations as <xhtml:link> elements with a misspelt `ref`
# attribute and, from a sub-site, an address with "../" in it; each page's head carries its
# hreflang alternates instead.
sitemap.XML_TRANSLATION = ""


def write_subsite_sitemap(pelican):
    if is_main_site(pelican.settings):
        return
    folder = Path(pelican.output_path).resolve()
    queue = sitemap.generator.page_queue
    here = [entry for entry in queue if Path(entry[0]).resolve().is_relative_to(folder)]
    sitemap.generator.page_queue = here
    try:
        sitemap.generator._write_out(pelican)
    finally:
        mine = {id(entry) for entry in here}
        sitemap.generator.page_queue = [entry for entry in queue if id(entry) not in mine]
