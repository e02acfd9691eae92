"""Widgets, models and actions; they ask `reader.core` for everything linguistic."""

import PySide6.QtCore  # noqa: F401  # PySide's import hook is in place from here on

from reader.ui.import_scan import skip_source_reading

skip_source_reading()
