"""Widgets, models and actions; they ask `reader.core` for everything linguistic.

The small value types that the window's first paint makes (its actions, fonts, layouts,
spans) are NamedTuples rather than frozen dataclasses: a dataclass takes 1-3 ms to make at
import, ten of them 14 ms of the first paint, a NamedTuple a third of a millisecond.
"""

import PySide6.QtCore  # noqa: F401  # PySide's import hook is in place from here on

from reader.ui.import_scan import skip_source_reading

skip_source_reading()
