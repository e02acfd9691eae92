"""Processing in the background: the words of the rows on screen come first, nothing is cut or
read on the window's thread, and a second opening takes the words from the disk cache (a
damaged cache is computed again and rewritten)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from windows import open_now

from reader.core import text_service
from reader.core.document import Language
from reader.core.formats import load_document
from reader.ui.find_bar import FindBar
from reader.ui.first_screen import paragraphs_on_screen
from reader.ui.folders import cache_folder
from reader.ui.main_window import MainWindow
from reader.ui.row_delegate import Span
from reader.ui.text_worker import DocumentTask, TextPipeline
from reader.ui.word_popup import WordPopup

PARAGRAPHS = 300


def long_document(folder: Path) -> tuple[Path, Path]:
    english = folder / "long.en.txt"
    chinese = folder / "long.zh.txt"
    english.write_text(
        "\n\n".join(f"Paragraph {n}: we went to the bank." for n in range(PARAGRAPHS)),
        encoding="utf-8",
    )
    chinese.write_text(
        "\n\n".join(f"第{n}段：我们去银行取钱，然后回家。" for n in range(PARAGRAPHS)),
        encoding="utf-8",
    )
    return english, chinese


def read_through(qtbot, window: MainWindow, folder: Path) -> tuple[list[Path], dict]:
    """The long document opened in `window` and read to the end: its paths and its words."""
    paths = list(long_document(folder))
    with qtbot.waitSignal(window.text_ready, timeout=60000):
        window.open_paths(paths)
    return paths, {i: window.model.tokens(i) for i in range(PARAGRAPHS)}


@pytest.fixture
def window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1000, 600)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Every text the service reads, and whether it was read on the main thread."""
    calls: list[tuple[str, bool]] = []
    original = text_service.TextService.read

    def spy(self: text_service.TextService, text: str) -> list[text_service.Token]:
        calls.append((text, threading.current_thread() is threading.main_thread()))
        return original(self, text)

    monkeypatch.setattr(text_service.TextService, "read", spy)
    return calls


def test_rows_scrolled_to_are_processed_before_the_middle(
    qtbot, window: MainWindow, tmp_path: Path, reads: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    held: list[DocumentTask] = []
    monkeypatch.setattr(TextPipeline, "start", lambda self, task: held.append(task))
    arrived: list[int] = []
    window.model.tokens_added.connect(lambda tokens: arrived.extend(tokens))
    open_now(qtbot, window, *long_document(tmp_path))
    view, last = window.view, window.model.index(window.model.rowCount() - 1)
    qtbot.waitUntil(lambda: view.visualRect(last).isValid() and bool(held))  # window complete
    view.scrollToBottom()
    shown = paragraphs_on_screen(window.view)
    assert shown and max(shown) == PARAGRAPHS - 1 and PARAGRAPHS // 2 not in shown
    with qtbot.waitSignal(window.text_ready, timeout=60000):
        QThreadPool.globalInstance().start(held[0])
    middle = arrived.index(PARAGRAPHS // 2)
    assert all(arrived.index(index) < middle for index in shown)
    assert sorted(arrived) == list(range(PARAGRAPHS))


def test_no_text_is_read_on_the_windows_thread(
    qtbot, window: MainWindow, tmp_path: Path, reads: list
) -> None:
    with qtbot.waitSignal(window.text_ready, timeout=60000):
        window.open_paths(list(long_document(tmp_path)))
    assert len(reads) >= PARAGRAPHS
    assert not any(on_main for _, on_main in reads)


def test_a_second_opening_has_the_words_at_once_from_the_cache(
    qtbot, window: MainWindow, tmp_path: Path, reads: list
) -> None:
    paths, first = read_through(qtbot, window, tmp_path)
    (cached,) = (cache_folder() / "tokens").iterdir()
    reads.clear()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    with qtbot.waitSignal(again.text_ready, timeout=60000):
        open_now(qtbot, again, *paths)
        on_screen = paragraphs_on_screen(again.view)
        assert on_screen and all(again.model.tokens(i) == first[i] for i in on_screen)
    assert {i: again.model.tokens(i) for i in range(PARAGRAPHS)} == first
    assert reads == []
    assert list((cache_folder() / "tokens").iterdir()) == [cached]


def test_a_damaged_cache_is_computed_again_and_rewritten(
    qtbot, window: MainWindow, tmp_path: Path, reads: list
) -> None:
    paths, first = read_through(qtbot, window, tmp_path)
    (cached,) = (cache_folder() / "tokens").iterdir()
    good = cached.read_bytes()
    cached.write_bytes(good[:-40] + b"9 9 9 9" + good[-33:])
    reads.clear()
    with qtbot.waitSignal(window.text_ready, timeout=60000):
        window.open_paths(paths)
    assert len(reads) == PARAGRAPHS
    assert {i: window.model.tokens(i) for i in range(PARAGRAPHS)} == first
    assert cached.read_bytes() == good


def test_a_second_opening_shows_pinyin_over_the_cached_words_at_once(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    window.actions.ruby.setChecked(True)
    paths, _ = read_through(qtbot, window, tmp_path)
    again = MainWindow()  # the ruby setting is remembered
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    open_now(qtbot, again, *paths)
    row = again.model.row_of(Language.CHINESE, paragraphs_on_screen(again.view)[0])
    chinese = [
        placed
        for placed in again.view.delegate.row_layout(row).paragraphs
        if placed.language is Language.CHINESE
    ]
    assert chinese and all(placed.laid_out.rubies for placed in chinese)


def open_unpainted(qtbot, paths: list[Path]) -> MainWindow:
    """A window shown with `paths` opened, before the event loop has run: not painted yet."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1000, 600)
    window.show()
    window.show_document(load_document(*paths))
    return window


def test_a_second_opening_has_the_words_on_screen_before_its_first_paint(
    qtbot, window: MainWindow, tmp_path: Path, reads: list
) -> None:
    paths, first = read_through(qtbot, window, tmp_path)
    reads.clear()
    again = open_unpainted(qtbot, paths)
    on_screen = paragraphs_on_screen(again.view)
    assert on_screen and all(again.model.tokens(i) == first[i] for i in on_screen)
    with qtbot.waitSignal(again.text_ready, timeout=60000):
        pass
    assert {i: again.model.tokens(i) for i in range(PARAGRAPHS)} == first
    assert reads == []


def test_words_cached_before_a_fix_are_shown_first_then_read_again(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    paths, _ = read_through(qtbot, window, tmp_path)
    (cached,) = (cache_folder() / "tokens").iterdir()
    before = cached.read_bytes()
    with qtbot.waitSignal(window.segmentation.resegmented, timeout=60000):
        assert window.segmentation.fix("去银行", ["去银行"])
    again = open_unpainted(qtbot, paths)
    on_screen = paragraphs_on_screen(again.view)
    assert "去银行" not in {t.text for t in again.model.tokens(on_screen[0])}  # the old words
    with qtbot.waitSignal(again.text_ready, timeout=60000):
        pass
    for index in range(PARAGRAPHS):
        assert "去银行" in {t.text for t in again.model.tokens(index)}
    assert cached.read_bytes() != before  # written anew, under the new key


def test_a_second_opening_readies_the_pop_up_first_after_its_first_paint(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """Before the parts a hover does not need, the pop-up is made, above its window, and its
    first rich text laid out (a word on screen's, CC-CEDICT being open): what a hover would
    otherwise wait for."""
    paths, _ = read_through(qtbot, window, tmp_path)
    again = open_unpainted(qtbot, paths)
    made: list[bool] = []
    lay_out = WordPopup.lay_out

    def noted(popup: WordPopup, info: object) -> None:
        made.append(again.findChild(FindBar) is None)  # before the find bar, made later
        lay_out(popup, info)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(WordPopup, "lay_out", noted)
        qtbot.waitUntil(lambda: bool(made))
    popup = again.view.popup
    assert made == [True] and not popup.isVisible() and popup.info.entries
    assert popup.info.word in again.model.document.chinese[paragraphs_on_screen(again.view)[0]].text
    assert popup.windowHandle().transientParent() is again.windowHandle()


def test_a_hover_before_the_pop_up_is_readied_keeps_its_word(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    paths, _ = read_through(qtbot, window, tmp_path)
    again = open_unpainted(qtbot, paths)
    view, model = again.view, again.model
    index = paragraphs_on_screen(view)[0]
    token = [t for t in model.tokens(index) if t.is_chinese][1]  # not the trial's word
    row = model.row_of(Language.CHINESE, index)
    span = Span(Language.CHINESE, index, token.start, token.end)
    view.hover_at(
        view.delegate.span_rect(row, span).center()
        + view.visualRect(model.index(row)).topLeft().toPointF()
    )
    assert view.popup.isVisible() and view.popup.info.word == token.text
    qtbot.waitUntil(lambda: again.findChild(FindBar) is not None)  # every pass made
    assert view.popup.isVisible() and view.popup.info.word == token.text
