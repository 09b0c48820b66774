"""Which calculators there are: one module each, found rather than listed.

Every module of `calculators.tools` is a calculator, named by its file (`tools/dose.py` is
"dose"), and so is every module of a package named in the CALCULATOR_PACKAGES environment
variable (comma-separated; for calculators kept outside this package, such as a test's). Names
are read from the packages' files without importing the modules, so a page with one calculator
does not compile another in Pyodide. The site's pages, embeds, command line, JSON API and
prerender, and the tests' parameters, all ask this module; no other file lists calculators.

A calculator module fulfils `schema.Calculator`. Its words are codes of the message catalogue
(`messages`): this package's, or for a package named in CALCULATOR_PACKAGES its own
`locale/LANG/LC_MESSAGES/calculators.po`.
"""

import functools
import importlib
import os
import pkgutil
from types import ModuleType

PACKAGE = "calculators.tools"


def packages() -> tuple[str, ...]:
    """The packages whose modules are calculators: ours, then any the environment names."""
    extra = os.environ.get("CALCULATOR_PACKAGES", "")
    return (PACKAGE, *(name.strip() for name in extra.split(",") if name.strip()))


@functools.cache
def _modules() -> dict[str, str]:
    """Calculator name -> its module's import path, in the order of `packages()`, then by name."""
    found: dict[str, str] = {}
    for package in packages():
        for module in pkgutil.iter_modules(importlib.import_module(package).__path__):
            if module.ispkg or module.name.startswith("_"):
                continue
            if module.name in found:
                raise ValueError(f"two calculators named {module.name!r}: "
                                 f"{found[module.name]} and {package}.{module.name}")
            found[module.name] = f"{package}.{module.name}"
    return found


def names() -> tuple[str, ...]:
    """Every calculator's name."""
    return tuple(_modules())


def get(name: str) -> ModuleType:
    """The calculator module (see `schema.Calculator`), imported on first use; KeyError if none."""
    return importlib.import_module(_modules()[name])


def forget() -> None:
    """Look for calculators, and their words, again (after CALCULATOR_PACKAGES changed)."""
    from calculators import messages

    _modules.cache_clear()
    messages.catalogue.cache_clear()
