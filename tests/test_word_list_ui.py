"""The word list in the window: keys on the pop-up save, copy, mark as known and step; the
panel shows, searches and deletes (undoably); saved words are marked in the text; all of it
survives a restart, and without a database lasts the session."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPointF, Qt
from PySide6.QtGui import QGuiApplication
from windows import SEED, new_window

from reader.core.document import Language
from reader.core.errors import StoreError
from reader.core.word_list import ANKI
from reader.ui import main_window
from reader.ui.main_window import MainWindow
from reader.ui.row_delegate import Mark, Span

CITY = "乌鲁木齐"


@pytest.fixture
def window(seed_window: MainWindow) -> MainWindow:
    return seed_window


def hover(window: MainWindow, word: str) -> Span:
    """Rest the mouse on the first `word` of the Chinese side; the span it lights up."""
    model, view = window.model, window.view
    for row in range(model.rowCount()):
        for index, paragraph in model.paragraphs(row, Language.CHINESE):
            start = paragraph.text.find(word)
            if start < 0:
                continue
            view.scrollTo(model.index(row))
            span = Span(Language.CHINESE, index, start, start + len(word))
            rect = view.delegate.span_rect(row, span)
            view.hover_at(rect.center() + QPointF(view.visualRect(model.index(row)).topLeft()))
            assert view.hovered == (row, span) and view.popup.isVisible()
            return span
    raise AssertionError(f"{word} not in the document")


def saved_spans(window: MainWindow) -> set[str]:
    chinese = window.model.document.chinese
    return {
        chinese[s.paragraph].text[s.start : s.end] for s in window.view.delegate.marks(Mark.SAVED)
    }


def test_s_saves_the_hovered_word_with_its_sentence_and_marks_it(qtbot, window) -> None:
    hover(window, CITY)
    assert window.view.popup.hint().startswith("S save")
    qtbot.keyClick(window.view, Qt.Key.Key_S)
    assert window.statusBar().currentMessage().startswith(f"Saved {CITY} to the word list")
    (word,) = window.words.words
    assert (word.word, word.pinyin) == (CITY, "Wūlǔmùqí")
    assert "Urumqi" in word.glosses
    assert CITY in word.sentence and word.sentence.endswith("。")
    assert "Urumqi" in word.translation and "Xinjiang" in word.translation
    assert word.title == window.model.document.display_title
    dock = window.words.dock
    assert dock.filter.rowCount() == 1
    assert dock.filter.index(0, 0).data() == CITY
    assert saved_spans(window) == {CITY}
    assert len(window.view.delegate.marks(Mark.SAVED)) == 2  # it appears twice in the seed
    assert window.view.popup.hint().startswith("✓ in word list")
    qtbot.keyClick(window.view, Qt.Key.Key_S)
    assert len(window.words.words) == 1
    assert "already" in window.statusBar().currentMessage()


def test_the_word_list_survives_a_restart(qtbot, window) -> None:
    hover(window, CITY)
    qtbot.keyClick(window.view, Qt.Key.Key_S)
    saved = window.words.words
    window.close()
    again = new_window(qtbot, SEED)
    assert again.words.words == saved
    assert again.words.dock.filter.index(0, 0).data() == CITY
    assert saved_spans(again) == {CITY}


def test_deleting_from_the_panel_is_undone_by_edit_undo(qtbot, window) -> None:
    for word in (CITY, "会议"):
        hover(window, word)
        qtbot.keyClick(window.view, Qt.Key.Key_S)
    dock = window.words.dock
    dock.show()
    dock.search.setText("wulu")  # pinyin without tones finds 乌鲁木齐 alone
    assert dock.filter.rowCount() == 1
    dock.table.selectionModel().select(
        dock.filter.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert dock.delete.isEnabled()
    dock.table.setFocus()
    qtbot.keyClick(dock.table, Qt.Key.Key_Delete)
    assert [w.word for w in window.words.words] == ["会议"]
    assert saved_spans(window) == {"会议"}
    assert [w.word for w in window.store.saved_words()] == ["会议"]
    window.actions.undo.trigger()
    assert [w.word for w in window.words.words] == [CITY, "会议"]
    assert [w.word for w in window.store.saved_words()] == [CITY, "会议"]
    assert saved_spans(window) == {CITY, "会议"}


def test_c_copies_the_word(qtbot, window) -> None:
    hover(window, CITY)
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    assert QGuiApplication.clipboard().text() == CITY
    hover(window, "会议")
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "会议"


def test_tab_steps_the_popup_to_the_next_word_and_shift_tab_back(qtbot, window) -> None:
    span = hover(window, CITY)
    tokens = window.model.tokens(span.paragraph)
    after = next(t for t in tokens if t.start >= span.end and t.is_chinese)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    row, moved = window.view.hovered
    assert (moved.paragraph, moved.start, moved.end) == (span.paragraph, after.start, after.end)
    assert window.view.popup.isVisible() and window.view.popup.info.word == after.text
    assert window.view.delegate.marks(Mark.HOVER) == (moved,)
    qtbot.keyClick(window.view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.hovered == (row, span)
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    assert window.view.hovered[1] == moved


def test_tab_crosses_into_the_next_paragraph(qtbot, window) -> None:
    chinese = window.model.document.chinese
    last = next(t for t in reversed(window.model.tokens(0)) if t.is_chinese)
    hover(window, chinese[0].text[last.start : last.end])
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    first = next(t for t in window.model.tokens(1) if t.is_chinese)
    assert window.view.hovered[1] == Span(Language.CHINESE, 1, first.start, first.end)


def test_k_marks_a_word_known_and_known_words_lose_their_pinyin(qtbot, window) -> None:
    window.actions.ruby.setChecked(True)
    span = hover(window, "会议")
    qtbot.keyClick(window.view, Qt.Key.Key_K)
    assert "Marked 会议 as known" in window.statusBar().currentMessage()
    assert window.store.known_words() == {"会议"}
    row = window.model.row_of(Language.CHINESE, span.paragraph)

    def ruby_words() -> set[str]:
        return {
            ruby.token.text
            for placed in window.view.delegate.row_layout(row).paragraphs
            for ruby in placed.laid_out.rubies
        }

    assert "会议" in ruby_words()  # Pinyin Over Known Words is on by default
    window.actions.known_pinyin.setChecked(False)
    assert "会议" not in ruby_words()
    assert CITY in ruby_words()
    window.actions.undo.trigger()  # K is an edit like any other
    assert "会议" in ruby_words()
    window.actions.redo.trigger()
    window.close()
    again = new_window(qtbot, SEED)
    assert not again.actions.known_pinyin.isChecked()
    assert "会议" in again.view.delegate.aids.hidden_words


def test_keys_are_left_alone_without_a_popup(qtbot, window) -> None:
    window.view.hover_at(QPointF(2, 2))
    assert window.view.hovered is None
    for key in (Qt.Key.Key_S, Qt.Key.Key_K, Qt.Key.Key_C):
        qtbot.keyClick(window.view, key)
    assert window.words.words == ()
    assert window.store.known_words() == set()


def test_export_writes_what_the_panel_shows(qtbot, window, tmp_path: Path) -> None:
    assert not window.actions.export_words.isEnabled()
    hover(window, CITY)
    qtbot.keyClick(window.view, Qt.Key.Key_S)
    assert window.actions.export_words.isEnabled()
    path = tmp_path / "words.txt"
    assert window.words.export(path, ANKI)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[3].startswith("#columns:Word\tPinyin")
    (note,) = csv.reader(lines[4:], delimiter="\t")
    assert note[:2] == [CITY, "Wūlǔmùqí"]
    assert not window.words.export(tmp_path / "missing" / "words.txt", ANKI)


def test_without_a_database_the_list_lasts_the_session_and_says_so(qtbot, monkeypatch) -> None:
    def refuse():
        raise StoreError("/nowhere/reader.sqlite3", "cannot be opened")

    monkeypatch.setattr(main_window, "open_store", refuse)
    window = new_window(qtbot, SEED)
    hover(window, CITY)
    qtbot.keyClick(window.view, Qt.Key.Key_S)
    qtbot.keyClick(window.view, Qt.Key.Key_K)
    assert [w.word for w in window.words.words] == [CITY]
    assert window.words.words[0].id > 0
    assert saved_spans(window) == {CITY}
    assert "until the program closes" in window.words.dock.problem.text()
