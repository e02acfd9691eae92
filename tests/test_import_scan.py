"""PySide learns which modules use it from what they hold, without reading their source."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

import reader.ui  # noqa: F401  # puts `uses_pyside` in place
from reader.ui.import_scan import uses_pyside


def test_a_module_uses_pyside_when_it_holds_something_of_pyside() -> None:
    from reader.ui import first_paint

    assert uses_pyside(first_paint)
    assert not uses_pyside(linecache)


def test_an_import_after_pyside_reads_no_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from shibokensupport import feature

    (tmp_path / "scan_probe_plain.py").write_text("# PySide6 is only named here\nVALUE = 1\n")
    (tmp_path / "scan_probe_qt.py").write_text("from PySide6.QtCore import QObject\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("scan_probe_plain", "scan_probe_qt"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    import scan_probe_plain  # noqa: F401  # an import statement: PySide's hook sees it
    import scan_probe_qt  # noqa: F401

    # Reading the source would have found "PySide6" in the first one's comment.
    assert feature.pyside_feature_dict["scan_probe_plain"] == -1
    assert feature.pyside_feature_dict["scan_probe_qt"] == 0
    assert str(tmp_path / "scan_probe_plain.py") not in linecache.cache
