"""The Qt binding itself: PySide6 6.12.0 lost a reference to None on every call that returns
nothing, so painting for a few minutes freed None and aborted the program."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QImage, QPainter


def test_painting_keeps_none_alive(qapp) -> None:
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(1000):
        painter.setFont(font)
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 10  # a few references may come and go; a thousand may not
