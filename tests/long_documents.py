"""A long English and Chinese pair for the tests that scroll: a few hundred short paragraphs,
each translating the other, so that the aligner pairs them one to one."""

from __future__ import annotations

from pathlib import Path


def long_pair(folder: Path, paragraphs: int = 300) -> tuple[Path, Path]:
    english, chinese = folder / "long-en.txt", folder / "long-zh.txt"
    english.write_text(
        "\n\n".join(
            f"Paragraph {n}: the commune dug {n} new wells this spring, and the harvest grew."
            for n in range(paragraphs)
        ),
        encoding="utf-8",
    )
    chinese.write_text(
        "\n\n".join(f"第{n}段：公社今年春天打了{n}口新井，收成增加了。" for n in range(paragraphs)),
        encoding="utf-8",
    )
    return english, chinese
