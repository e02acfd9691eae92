"""Every test runs offscreen, with settings and user data in a temporary home of its own."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point QStandardPaths (which follows the XDG variables) and QSettings somewhere new."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    from PySide6.QtCore import QSettings

    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(home / "settings"))
    return home


@pytest.fixture(scope="session")
def qapp(qapp_args, qapp_cls, pytestconfig):
    """pytest-qt's application, named as the program names it."""
    from reader.ui.app import configure_application

    app = qapp_cls.instance() or qapp_cls(qapp_args)
    configure_application(app)
    return app


@pytest.fixture
def window(qtbot):
    """A shown main window with no document yet."""
    from windows import new_window

    return new_window(qtbot)


@pytest.fixture
def seed_window(qtbot):
    """A shown main window with the seed article open and processed."""
    from windows import SEED, new_window

    return new_window(qtbot, SEED)
