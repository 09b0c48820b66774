"""Pelican's usual tasks (invoke), plus `test` and `bench`. Run as `.venv/bin/invoke TASK`."""

import os
import shlex
import shutil
import sys

from invoke import task
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


def fresh_build(c):
    """A build in a new process, so changed calculators and plugins are imported anew."""
    c.run(f"{shlex.quote(sys.executable)} -m pelican -s {CONFIG['settings_base']}", warn=True)


@task
def clean(c):
    """Remove generated files"""
    if os.path.isdir(CONFIG["deploy_path"]):
        shutil.rmtree(CONFIG["deploy_path"])
        os.makedirs(CONFIG["deploy_path"])


@task
def build(c):
    """Build local version of site"""
    pelican_run("-s {settings_base}".format(**CONFIG))


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
    from hosting import SiteServer

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


@task
def livereload(c):
    """Automatically reload browser tab upon file modification."""
    from livereload import Server

    fresh_build(c)
    server = Server()
    for path in WATCHED:
        server.watch(path, lambda: fresh_build(c))
    server.serve(host=CONFIG["host"], port=CONFIG["port"], root=CONFIG["deploy_path"])


@task
def publish(c):
    """Build the production site into the output folder, ready to upload"""
    pelican_run("-s {settings_publish}".format(**CONFIG))


@task
def test(c):
    """Run every test: calculators, build, Pyodide in Node, browser"""
    c.run(f"{shlex.quote(sys.executable)} -m pytest", pty=False)


@task
def bench(c, runs=5):
    """Print speed figures for the dose calculator page (see tests/bench.py)"""
    c.run(f"{shlex.quote(sys.executable)} -m tests.bench --runs {int(runs)}")
