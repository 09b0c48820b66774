"""Pelican's usual tasks (invoke), plus `production`, `publish` targets, `test`, `bench` and
`lighthouse`.
Run as `.venv/bin/invoke TASK`."""

import os
import shlex
import shutil
import sys

from invoke import Exit, task
from pelican import main as pelican_main
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file

ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, ROOT)  # the calculators package, for the plugins
os.chdir(ROOT)

SETTINGS = {**DEFAULT_CONFIG, **get_settings_from_file("pelicanconf.py")}
CONFIG = {
    "settings_base": "pelicanconf.py",
    "settings_publish": "publishconf.py",
    "deploy_path": SETTINGS["OUTPUT_PATH"],
    "host": os.environ.get("HOST", "127.0.0.1"),
    "port": int(os.environ.get("PORT", "8000")),
}
# A change to any of these (folders: any file in them) rebuilds: `regenerate`, `livereload`.
WATCHED = [CONFIG["settings_base"], SETTINGS["PATH"], SETTINGS["THEME"], "calculators", "plugins"]


def pelican_run(cmd):
    pelican_main(shlex.split(cmd))


def fresh_build(c, show_errors=False):
    """A build in a new process, so changed calculators and plugins are imported anew; with
    `show_errors`, a failed build puts its error block on the pages the browser shows."""
    done = c.run(f"{shlex.quote(sys.executable)} -m pelican -s {CONFIG['settings_base']}",
                 warn=True)
    if show_errors and done.failed:
        from scripts.build_errors import show_in_browser

        show_in_browser(CONFIG["deploy_path"], done.stderr)


@task
def clean(c):
    """Remove generated files"""
    if os.path.isdir(CONFIG["deploy_path"]):
        shutil.rmtree(CONFIG["deploy_path"])
        os.makedirs(CONFIG["deploy_path"])


@task(help={"strict": "an article whose review is out of date is an error, not a warning"})
def build(c, strict=False):
    """Build local version of site"""
    pelican_run("-s {settings_base}".format(**CONFIG) + (" -e REVIEW_STRICT=true" if strict else ""))


@task
def rebuild(c):
    """`build` with the delete switch"""
    pelican_run("-d -s {settings_base}".format(**CONFIG))


@task
def regenerate(c):
    """Automatically regenerate site upon file modification (content, theme, calculators)"""
    from watchfiles import watch

    fresh_build(c)
    for _changes in watch(*WATCHED):
        fresh_build(c)


@task
def serve(c):
    """Serve site at http://$HOST:$PORT/ (default 127.0.0.1:8000)"""
    from deploy.hosting import SiteServer

    SiteServer(CONFIG["deploy_path"], CONFIG["host"], CONFIG["port"], quiet=False).run()


@task
def reserve(c):
    """`build`, then `serve`"""
    build(c)
    serve(c)


@task
def preview(c):
    """Build the production version of the site, then serve it"""
    publish(c)
    serve(c)


def production_build(c, output, siteurl=None):
    """A build with publishconf.py (precompressed, server configurations) in a new process."""
    env = {"SITEURL": siteurl} if siteurl else {}
    c.run(f"{shlex.quote(sys.executable)} -m pelican -s {CONFIG['settings_publish']}"
          f" -o {shlex.quote(str(output))}", env=env)


@task(help={"port": "port on 127.0.0.1 (default 8080)", "server": "nginx (default) or caddy",
            "output": "folder to build into (default: output)"})
def production(c, port=8080, server="nginx", output=None):
    """Build for production and serve it through a real nginx (or Caddy) on 127.0.0.1 until Ctrl-C"""
    from deploy.configs import config_folder
    from deploy.servers import CONFIG_NAMES, RealServer, missing_packages

    if server not in CONFIG_NAMES:
        raise Exit(f"production: --server is nginx or caddy, not {server!r}", code=2)
    if problem := missing_packages(server):
        raise Exit(f"production: {problem}", code=1)
    output = output or CONFIG["deploy_path"]
    address = f"http://127.0.0.1:{int(port)}"
    production_build(c, output, siteurl=address)
    RealServer(server, config_folder(output) / CONFIG_NAMES[server], address, quiet=False).run()


@task
def livereload(c):
    """Automatically reload browser tab upon file modification."""
    from livereload import Server

    fresh_build(c, show_errors=True)
    server = Server()
    for path in WATCHED:
        server.watch(path, lambda: fresh_build(c, show_errors=True))
    server.serve(host=CONFIG["host"], port=CONFIG["port"], root=CONFIG["deploy_path"])


@task(help={
    "target": "gh_pages (commit to a branch, then push) or rsync (copy to --dest); none: only build",
    "dry_run": "build, then list what the target would change, changing nothing",
    "dest": "rsync: a folder or user@host:/folder (default: $RSYNC_DEST)",
    "branch": "gh_pages: the branch (default gh-pages)", "push": "gh_pages: push it (default yes)",
    "remote": "gh_pages: where to push (default origin)",
    "output": "folder to build into (default: output)",
})
def publish(c, target=None, dry_run=False, dest=None, branch="gh-pages", push=True,
            remote="origin", output=None):
    """Build the production site (publishconf.py, $SITEURL) and, with --target, ship it"""
    from deploy import publish as ship
    from project import ToolFailed

    output = output or CONFIG["deploy_path"]
    if target not in (None, "gh_pages", "rsync"):
        raise Exit(f"publish: --target is gh_pages or rsync, not {target!r}", code=2)
    dest = dest or os.environ.get("RSYNC_DEST")
    if target == "rsync" and not dest:
        raise Exit("publish: rsync needs --dest (or $RSYNC_DEST), e.g. user@host:/var/www/site", code=2)
    production_build(c, output)
    try:
        if target == "gh_pages" and dry_run:
            print("\n".join(ship.gh_pages_changes(output, ROOT, branch)) or "nothing would change")
        elif target == "gh_pages":
            ship.gh_pages(output, ROOT, branch, remote, push)
        elif target == "rsync":
            print(ship.rsync(output, dest, dry_run=dry_run), end="")
    except ToolFailed as error:
        raise Exit(f"publish: {error}", code=1)


@task
def test(c):
    """Run every test: calculators, build, Pyodide in Node, browser"""
    c.run(f"{shlex.quote(sys.executable)} -m pytest", pty=False)


@task(help={"runs": "visits (builds, with --build) of each kind (default 5)",
            "network": "instead: through Chromium's 40 Mbit/s emulation, served with brotli",
            "settle": "seconds each newly launched browser is left idle first (default 2; "
                      "with 0, timing starts at launch)",
            "dwell": "seconds each page stays open after its result (default 5)",
            "build": "instead: build 500 generated articles ours and plain Pelican's way, "
                     "print the times and their ratio (scripts/bench_build.py)"})
def bench(c, runs=5, network=False, build=False, settle=2.0, dwell=5.0):
    """Print speed figures of the dose calculator page (scripts/bench.py), or of the build"""
    if build:
        c.run(f"{shlex.quote(sys.executable)} -m scripts.bench_build --runs {int(runs)}")
        return
    c.run(f"{shlex.quote(sys.executable)} -m scripts.bench --runs {int(runs)}"
          f" --settle {float(settle)} --dwell {float(dwell)}" + (" --network" if network else ""))


@task(help={"keep": "a folder for each page's JSON report"})
def lighthouse(c, keep=None):
    """Lighthouse's four scores, and whether Chromium would install the site, for three pages in
    each language, built for production and served by nginx (scripts/lighthouse.py)"""
    c.run(f"{shlex.quote(sys.executable)} -m scripts.lighthouse"
          + (f" --keep {shlex.quote(keep)}" if keep else ""))


@task(help={"title": "the article's title, in quotes",
            "translate": "instead: the English article or page to start a Spanish translation "
                         "of, such as content/articles/how-dosing-works.md"})
def new(c, title=None, translate=None):
    """Start an article (content/articles/<slug>.md), or with --translate the Spanish translation
    of one (content/articles/es/NAME.md, pages too): every required field, as a draft"""
    from scripts.new_article import NEXT_STEPS, TRANSLATION_STEPS, new_article, new_translation

    if bool(title) == bool(translate):
        raise Exit('new: give a title ("Title") or --translate PATH, one of them', code=2)
    try:
        path = new_translation(translate) if translate else new_article(title)
    except ValueError as problem:
        raise Exit(f"new: {problem}", code=2) from None
    print(f"Written {os.path.relpath(path)}: {TRANSLATION_STEPS if translate else NEXT_STEPS}.")


@task
def check(c):
    """Report on every article: reading grade, review age, references, links (no requests)"""
    from scripts.content_check import main

    if main(CONFIG["settings_base"]):
        raise Exit(code=1)


@task
def shots(c):
    """Phone-width screenshots of three pages, light and dark, into shots/ (scripts/shots.py)"""
    c.run(f"{shlex.quote(sys.executable)} -m scripts.shots")


# The message catalogues: domain, where its codes are said, its locale folder, how Babel reads
# the codes (the calculators' `say("code")`; the theme's templates' `_("code")` and the plugins'
# `site_say("code")` or `N_("code")`, via a mapping).
CATALOGUES = (
    ("calculators", "calculators", "calculators/locale", "-k say -k N_ -k say_n:1,2 -k N_n:1,2"),
    ("site", "theme/templates plugins", "theme/locale", "-k _ -k site_say -k N_ -F theme/babel.cfg"),
)


@task
def i18n(c):
    """The message catalogues (the calculators' and the site's): extract the codes said, update
    every language's .po with them, and compile each to check it (into .cache/locale: the wheel
    and the build compile their own)"""
    babel = f"{shlex.quote(sys.executable)} -m babel.messages.frontend"
    os.makedirs(".cache/locale", exist_ok=True)
    for domain, source, locale, reading in CATALOGUES:
        template = f".cache/locale/{domain}.pot"
        c.run(f"{babel} extract --no-default-keywords {reading} --no-location --omit-header "
              f"-o {template} {source}")
        c.run(f"{babel} update -i {template} -d {locale} -D {domain} --no-fuzzy-matching "
              "--ignore-pot-creation-date")
        c.run(f"{babel} compile -d {locale} -D {domain} --statistics "
              f"-o .cache/locale/{domain}.mo -i {locale}/en/LC_MESSAGES/{domain}.po")
