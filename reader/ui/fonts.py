"""The fonts of each side, and whether this machine can show Chinese at all."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

PREFERRED_CHINESE = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
)
INSTALL_HINT = (
    "No installed font covers Chinese, so Chinese text would show as boxes. Install one, "
    "for example: sudo apt install fonts-noto-cjk (Debian, Ubuntu) or sudo dnf install "
    "google-noto-sans-cjk-fonts (Fedora), then restart Parallel Reader."
)
DEFAULT_POINT_SIZE = 13
MIN_POINT_SIZE, MAX_POINT_SIZE = 7, 48


@cache
def chinese_families() -> tuple[str, ...]:
    """Asked once per run (a font installed meanwhile needs a restart, as the warning says):
    Qt looks through every installed font to answer."""
    return tuple(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def chinese_family() -> str | None:
    """The family to set Chinese in: a well-known CJK family if present, else any that covers it."""
    families = chinese_families()
    for name in PREFERRED_CHINESE:
        if name in families:
            return name
    return families[0] if families else None


class ReaderFonts(NamedTuple):
    """Body and heading fonts for each language at one zoom level."""

    english: QFont
    chinese: QFont
    point_size: int  # the English size, which sets the space between paragraphs

    @classmethod
    def at(
        cls, point_size: int, chinese_size: int | None = None, families: tuple[str, str] = ("", "")
    ) -> ReaderFonts:
        """English at `point_size`, Chinese at `chinese_size` (the same when None), in the
        (English, Chinese) `families`; an empty name means that side's default family. Chinese
        falls back on the English families for the Latin letters its family lacks."""
        english = QFont(QGuiApplication.font())
        if families[0]:
            english.setFamilies([families[0]])
        english.setPointSize(point_size)
        chinese = QFont(english)
        chinese.setPointSize(chinese_size or point_size)
        family = families[1] or chinese_family()
        if family:
            chinese.setFamilies([family, *english.families()])
        return cls(english, chinese, point_size)

    def heading(self, font: QFont) -> QFont:
        bold = QFont(font)
        bold.setBold(True)
        bold.setPointSizeF(font.pointSizeF() * 1.15)
        return bold
