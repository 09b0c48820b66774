"""Ship the calculators to the browser: wheel, Pyodide lock file, runtime files, asset URLs.

`register()` only connects signals: `RuntimeGenerator` (in `assets`) does the work, with
`wheel` and `lockfile`.
"""

from pelican import signals

from .assets import RuntimeGenerator


def get_generators(pelican):
    return RuntimeGenerator


def register():
    signals.get_generators.connect(get_generators)
