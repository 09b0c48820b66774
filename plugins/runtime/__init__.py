"""Ship the calculators to the browser: wheel, Pyodide lock file, runtime files, asset URLs.

`register()` only connects signals; the work is in `assets`, `wheel` and `lockfile`.
"""

from pelican import signals

from .assets import copy_runtime, prepare_runtime


def register():
    signals.initialized.connect(prepare_runtime)
    signals.finalized.connect(copy_runtime)
