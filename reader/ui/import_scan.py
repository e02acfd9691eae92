"""Telling PySide which modules use it without its reading every module's source.

Once PySide6 is imported it hooks `import`: the first time an import statement names a
module, PySide reads that module's whole source file looking for the word "PySide6"
(PYSIDE-2029), to know which modules a `from __feature__ import snake_case` may switch. This
program never uses `__feature__`, and the reading cost 15-25 ms of the window's first paint:
64 modules, `os.py` alone 3 ms. `skip_source_reading` has PySide look at what the module
holds instead. Should PySide's internals move, it changes nothing and imports stay as they were.
"""

from __future__ import annotations

from types import ModuleType

PYSIDE_MODULES = ("PySide6", "shiboken6")


def _from_pyside(value: object) -> bool:
    if isinstance(value, ModuleType):
        name = value.__name__
    else:
        name = getattr(value if isinstance(value, type) else type(value), "__module__", None)
    return isinstance(name, str) and name.startswith(PYSIDE_MODULES)


def uses_pyside(module: ModuleType) -> bool:
    """Whether `module` holds anything of PySide's: a Qt module, class, function or object."""
    return any(_from_pyside(value) for value in list(vars(module).values()))


def skip_source_reading() -> None:
    """Have PySide's import hook ask `uses_pyside` rather than read the module's source."""
    try:
        from shibokensupport import feature
    except ImportError:
        return
    if callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = uses_pyside
