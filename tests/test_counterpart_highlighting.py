"""Across the languages in the window: resting on a word lights up the other language's words
for it, and its sentence with the sentence facing it; leaving, the option and alignment edits
all take the marks with them."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from PySide6.QtCore import QPointF, QSettings

from reader.core.bundled import seed_paths
from reader.core.document import Language
from reader.core.text_service import shared_service
from reader.ui.counterpart_highlighter import SETTING
from reader.ui.main_window import MainWindow
from reader.ui.row_delegate import Mark, Span

SEED = seed_paths()[0]
CITY, CITY_EN = "乌鲁木齐", "Urumqi"


@pytest.fixture
def window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.text_ready, timeout=30000):
        window.open_paths([SEED])
    return window


def rest_on(qtbot, window: MainWindow, language: Language, word: str) -> Span:
    """Rest the mouse on the first `word` of one side, until its row is worked out (on a
    worker, when the option is on); the word's span."""
    model, view = window.model, window.view
    for row in range(model.rowCount()):
        for index, paragraph in model.paragraphs(row, language):
            start = paragraph.text.find(word)
            if start < 0:
                continue
            view.scrollTo(model.index(row))
            span = Span(language, index, start, start + len(word))
            rect = view.delegate.span_rect(row, span)
            view.hover_at(rect.center() + QPointF(view.visualRect(model.index(row)).topLeft()))
            if window.actions.translations_on_hover.isChecked():
                qtbot.waitUntil(lambda row=row: window.counterparts.worked_out(row))
            return span
    raise AssertionError(f"{word} not in the document")


def marked(window: MainWindow, mark: Mark) -> list[tuple[Language, int, str]]:
    """The marked spans as (side, paragraph, text), in order."""
    document = window.model.document
    return [
        (s.language, s.paragraph, document.side(s.language)[s.paragraph].text[s.start : s.end])
        for s in sorted(
            window.view.delegate.marks(mark), key=lambda s: (s.language.value, s.paragraph, s.start)
        )
    ]


def test_resting_on_a_chinese_word_marks_its_english_translation(qtbot, window) -> None:
    span = rest_on(qtbot, window, Language.CHINESE, CITY)
    row = window.model.row_of(Language.CHINESE, span.paragraph)
    english = [index for index, _ in window.model.paragraphs(row, Language.ENGLISH)]
    translations = marked(window, Mark.TRANSLATION)
    assert [text for *_, text in translations] == [CITY_EN, CITY_EN]
    assert {(language, paragraph) for language, paragraph, _ in translations} == {
        (Language.ENGLISH, index) for index in english
    }
    assert window.view.popup.isVisible()


def test_resting_on_an_english_word_marks_the_chinese_it_translates(qtbot, window) -> None:
    span = rest_on(qtbot, window, Language.ENGLISH, CITY_EN)
    assert window.view.delegate.marks(Mark.HOVER) == (span,)
    assert [text for *_, text in marked(window, Mark.TRANSLATION)] == [CITY, CITY]
    assert {language for language, *_ in marked(window, Mark.TRANSLATION)} == {Language.CHINESE}
    assert not window.view.popup.isVisible()


def test_the_sentence_under_the_mouse_lights_up_with_its_counterpart(qtbot, window) -> None:
    rest_on(qtbot, window, Language.CHINESE, CITY)
    sentences = marked(window, Mark.SENTENCE)
    chinese = [text for language, _, text in sentences if language is Language.CHINESE]
    english = [text for language, _, text in sentences if language is Language.ENGLISH]
    assert len(chinese) == len(english) == 1
    assert chinese[0].startswith("据新华社乌鲁木齐28日电") and chinese[0].endswith("代表会议。")
    assert english[0].startswith("Xinhua News Agency, Urumqi, 28th:")
    assert english[0].endswith("in industry and transportation in Urumqi.")

    rest_on(
        qtbot, window, Language.ENGLISH, "advanced producer"
    )  # the same pair, from the other side
    assert marked(window, Mark.SENTENCE) == sentences


def test_leaving_the_text_clears_every_mark(qtbot, window) -> None:
    rest_on(qtbot, window, Language.CHINESE, CITY)
    assert window.view.delegate.marks(Mark.TRANSLATION)
    window.view.hover_at(QPointF(2, 2))
    for mark in (Mark.HOVER, Mark.TRANSLATION, Mark.SENTENCE):
        assert window.view.delegate.marks(mark) == ()


def test_switched_off_nothing_across_the_languages_lights_up(qtbot, window) -> None:
    option = window.actions.translations_on_hover
    assert option.isChecked()
    option.setChecked(False)
    assert QSettings().value(SETTING, True, bool) is False
    rest_on(qtbot, window, Language.CHINESE, CITY)
    assert window.view.popup.isVisible()
    assert window.view.delegate.marks(Mark.TRANSLATION) == ()
    assert window.view.delegate.marks(Mark.SENTENCE) == ()
    rest_on(qtbot, window, Language.ENGLISH, CITY_EN)
    assert window.view.delegate.marks(Mark.HOVER) == ()
    assert window.view.delegate.marks(Mark.TRANSLATION) == ()

    option.setChecked(True)
    rest_on(qtbot, window, Language.CHINESE, CITY)
    assert [text for *_, text in marked(window, Mark.TRANSLATION)] == [CITY_EN, CITY_EN]


def test_after_merging_rows_the_marks_follow_the_new_rows(qtbot, window) -> None:
    rest_on(qtbot, window, Language.CHINESE, "天山")  # row 0 (the headline) is worked out
    city = rest_on(qtbot, window, Language.CHINESE, CITY)  # and row 1
    assert window.model.row_of(Language.CHINESE, city.paragraph) == 1
    window.select((Language.ENGLISH, 0))
    window.merge_current_row()
    assert window.model.row_of(Language.CHINESE, city.paragraph) == 0
    assert window.view.delegate.marks(Mark.TRANSLATION) == ()  # the rows moved: marks went

    rest_on(qtbot, window, Language.CHINESE, CITY)
    translations = marked(window, Mark.TRANSLATION)
    assert [(paragraph, text) for _, paragraph, text in translations] == [(1, CITY_EN)] * 2
    sentences = marked(window, Mark.SENTENCE)
    assert (Language.CHINESE, city.paragraph) in {(lang, p) for lang, p, _ in sentences}
    assert any(text.startswith("Xinhua News Agency") for *_, text in sentences)


def test_new_words_for_a_row_are_used_at_once(qtbot, window) -> None:
    rest_on(qtbot, window, Language.ENGLISH, CITY_EN)  # the row is worked out with 乌鲁木齐 twice
    assert [text for *_, text in marked(window, Mark.TRANSLATION)] == [CITY, CITY]
    chinese = window.model.document.chinese
    paragraph = next(i for i, p in enumerate(chinese) if CITY in p.text)
    tokens = window.model.tokens(paragraph)
    first = next(t for t in tokens if t.text == CITY)
    cut = [
        replace(first, text=CITY[:2], end=first.start + 2, syllables=first.syllables[:2]),
        replace(first, text=CITY[2:], start=first.start + 2, syllables=first.syllables[2:]),
    ]
    at = tokens.index(first)
    window.model.add_tokens({paragraph: [*tokens[:at], *cut, *tokens[at + 1 :]]})

    window.view.hover_at(QPointF(2, 2))
    rest_on(qtbot, window, Language.ENGLISH, CITY_EN)
    (translation,) = window.view.delegate.marks(Mark.TRANSLATION)  # only the one left whole
    assert translation.start > first.start
    assert [text for *_, text in marked(window, Mark.TRANSLATION)] == [CITY]


def test_rows_are_worked_out_off_the_windows_thread(qtbot, window, monkeypatch) -> None:
    """Working a row out aligns its sentences, which segments them: never on a hover."""
    service = shared_service()
    threads = []
    segment = service.segment
    monkeypatch.setattr(
        service, "segment", lambda text: threads.append(threading.current_thread()) or segment(text)
    )
    window.model.alignment_changed.emit()  # every row is to be worked out again
    rest_on(qtbot, window, Language.CHINESE, CITY)
    assert [text for *_, text in marked(window, Mark.TRANSLATION)] == [CITY_EN, CITY_EN]
    assert threads
    assert threading.main_thread() not in threads
