"""The embeds in the output: `embed/<name>/index.html` and `embed/<name>/oembed.json` for every
embeddable calculator, the loader their snippets name, and `page.embed` on the page that carries
each one (the theme's `embeddable.html` adds the oEmbed link and "Embed this calculator" there).
Beside them, what the full pages print and an embed never shows: `ENDORSED`, the calculators
whose printout the clinic endorses (the theme's `endorsement.html`)."""

import dataclasses
import json
from pathlib import Path

from pelican.generators import Generator

import calculators
import project
from calculators.messages import say
from plugins import site_words
from plugins.languages.sites import SWITCH_WORDS, every_site, is_main_site, main_site

from .offer import HEIGHTS, LOADER, MESSAGES, Embed, Language, looks, presets

ASSETS = ("js/embed-frame.js", "js/embed-builder.js")


class EmbedGenerator(Generator):
    """Gives templates `EMBED_ASSETS` (versioned URLs of the embed's theme files), `ENDORSED`
    and each calculator page its `embed`; writes the embed pages, their oEmbed files and the
    loader (the theme's files and the loader are the main site's: a language's sub-site links
    them). `written_paths`: the embed pages' paths, for plugins/languages to pair them."""

    def generate_context(self):
        shared, static = main_site(self.settings)[0], self.settings["THEME_STATIC_DIR"]
        theme = Path(self.theme) / "static"
        self.context["EMBED_ASSETS"] = project.theme_asset_urls(shared, static, theme, ASSETS)
        pages = self.context.get("pages", [])
        lang = self.settings["DEFAULT_LANG"]
        site_say = site_words.for_settings(self.settings)
        # The one place a calculator's `endorsed` is read (schema's docstring): a page or article
        # carrying one of these prints the clinic's name and address on its handout.
        self.context["ENDORSED"] = frozenset(name for name in calculators.names()
                                             if getattr(calculators.get(name), "endorsed", False))
        # The builder offers the embed in every language: a translation has its English page's
        # path (plugins/languages), so each language's embed links back to the same page there.
        sites = every_site(self.settings)
        says = {site.lang: site_say if site.lang == lang
                else site_words.words_of(site_words.catalogue(self.settings["THEME"], site.lang))
                for site in sites}
        self.embeds = []
        for name in calculators.names():
            if not calculators.get(name).embeddable:
                continue
            page = next((p for p in pages if name in getattr(p, "calculators", ())), None)
            path = page.url if page else ""
            made = {site.lang: self.embed(name, site, path, says[site.lang]) for site in sites}
            embed = dataclasses.replace(made[lang], languages=tuple(
                Language(site.lang, site.tag, site_say(SWITCH_WORDS[site.lang][0]), made[site.lang])
                for site in sites) if len(sites) > 1 else ())
            if page is not None and not hasattr(page, "embed"):
                page.embed = embed
            self.embeds.append(embed)
        self.written_paths = [f"embed/{embed.name}/" for embed in self.embeds]

    def embed(self, name, site, path, site_say) -> Embed:
        """The calculator's embed in `site`'s language, its link back to the page at `path`."""
        calculator, lang = calculators.get(name), site.lang
        title = say(calculator.title, lang)
        return Embed(
            name=name,
            title=title,
            summary=say(calculator.summary, lang),
            site=site.name,
            url=site.link(f"embed/{name}/"),
            page_url=site.link(path),
            oembed_url=site.link(f"embed/{name}/oembed.json"),
            loader=f"{main_site(self.settings)[0]}/{self.settings['THEME_STATIC_DIR']}/{LOADER}",
            width=self.settings.get("EMBED_WIDTH", 640),
            height=self.settings.get("EMBED_HEIGHTS", {}).get(name, calculator.embed_height),
            presets=presets(name, lang),
            looks=looks(site_say),
            frame_title=site_say("embed.frame-title", title=title, site=site.name),
        )

    def generate_output(self, writer):
        template = self.get_template("embed")
        provider = (self.settings.get("EMBED_PROVIDER_NAME", self.settings["SITENAME"]),
                    self.settings.get("EMBED_PROVIDER_URL", self.settings["SITEURL"] + "/"))
        for embed in self.embeds:
            writer.write_file(f"embed/{embed.name}/index.html", template, self.context,
                              embed=embed, form=calculators.render_form(
                                  embed.name, lang=self.settings["DEFAULT_LANG"]))
            oembed = Path(self.output_path) / "embed" / embed.name / "oembed.json"
            answer = embed.oembed(*provider)
            oembed.write_text(json.dumps(answer, indent=1, ensure_ascii=False), "utf-8")
        if is_main_site(self.settings):
            self.write_loader()

    def write_loader(self):
        """The theme's `js/embed.js` template, with the names and bounds the embed pages get too."""
        loader = Path(self.output_path) / self.settings["THEME_STATIC_DIR"] / LOADER
        loader.parent.mkdir(parents=True, exist_ok=True)
        text = project.theme_file(self.env, LOADER, messages=MESSAGES, heights=HEIGHTS)
        project.write_atomically(loader, text)
