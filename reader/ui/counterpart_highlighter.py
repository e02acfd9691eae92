"""Across the languages: while the mouse rests on a word, the other language's words that
translate it light up, and the sentence under the mouse lights up with the sentence facing it.

The row view says where the mouse rests; this asks the core (`cross_language`) and sets the
delegate's marks, repainting only when they change. A row's counterparts are worked out on its
first hover and kept for the rows hovered lately, until the alignment or the document changes
or the row's words arrive again. Words are asked about only once the worker has prepared the
dictionary's counts (`cross_language.prepare`), so that a hover never waits for that;
sentences light up from the start.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, QSettings, SignalInstance
from PySide6.QtGui import QAction

from reader.core import cross_language
from reader.core.cross_language import RowCounterparts
from reader.core.document import Language
from reader.core.text_service import shared_service
from reader.ui.row_delegate import Mark, ParagraphKey, Span
from reader.ui.row_model import RowModel
from reader.ui.row_view import RowView, token_at

CACHE_ROWS = 32  # rows whose counterparts are kept: a screen or two of them
SETTING = "aids/show_translations_on_hover"

Runs = dict[Language, range]  # a row's paragraphs of each side, as document indices


def _other(language: Language) -> Language:
    return Language.CHINESE if language is Language.ENGLISH else Language.ENGLISH


def _in_document(language: Language, runs: Runs, span: cross_language.Span) -> Span:
    """A span counted within the row (as the core gives it) as the delegate marks it."""
    return Span(language, runs[language][span.paragraph], span.start, span.end)


class CounterpartHighlighter(QObject):
    """Sets Mark.TRANSLATION and Mark.SENTENCE for where the mouse rests; `action` switches
    it on and off (kept in `settings`), `text_ready` says that words may be asked about."""

    def __init__(
        self,
        view: RowView,
        model: RowModel,
        action: QAction,
        settings: QSettings,
        text_ready: SignalInstance,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._model = model
        self._action = action
        self._settings = settings
        self._service = shared_service()
        self._rows: OrderedDict[int, RowCounterparts] = OrderedDict()
        self._place: tuple[int, ParagraphKey, int] | None = None  # where the mouse rests
        self._marked_row: int | None = None
        action.setChecked(settings.value(SETTING, True, bool))
        view.hover_english = action.isChecked()
        action.toggled.connect(self._toggled)
        view.place_hovered.connect(self.show_at)
        view.hover_left.connect(self._left)
        text_ready.connect(self._refresh)
        model.alignment_changed.connect(self._rows.clear)  # a new document says so too
        model.tokens_added.connect(self._forget_rows)

    def show_at(self, row: int, key: ParagraphKey, offset: int) -> None:
        """Light up the counterparts of what lies at `offset` of paragraph `key` (in `row`):
        the hovered word's translations, the sentence and the sentences facing it."""
        self._place = (row, key, offset)
        if not self._action.isChecked():
            return
        language, index = key
        link = self._model.link(row)
        runs = {Language.ENGLISH: link.english, Language.CHINESE: link.chinese}
        counterparts = self._counterparts(row)
        sentences: tuple[Span, ...] = ()
        pair = counterparts.counterpart_sentences(language, index - runs[language].start, offset)
        if pair is not None and pair.counterparts:  # alone, a sentence tells nothing
            sentences = (
                _in_document(language, runs, pair.sentence),
                *(_in_document(_other(language), runs, s) for s in pair.counterparts),
            )
        self._mark(row, self._translations(row, counterparts, runs), sentences)

    def _translations(
        self, row: int, counterparts: RowCounterparts, runs: Runs
    ) -> tuple[Span, ...]:
        """The other side's words for the word under the mouse, if one is and words may be
        asked about yet."""
        hovered = self._view.hovered
        if hovered is None or hovered[0] != row or not cross_language.prepared(self._service):
            return ()
        span = hovered[1]
        paragraph = span.paragraph - runs[span.language].start
        if span.language is Language.ENGLISH:
            found = counterparts.chinese_for_english(paragraph, span.start)
        else:
            token = token_at(self._model.tokens(span.paragraph) or [], span.start)
            found = counterparts.translations_of_chinese(paragraph, token) if token else ()
        return tuple(_in_document(_other(span.language), runs, s) for s in found)

    def _mark(
        self, row: int | None, translations: tuple[Span, ...], sentences: tuple[Span, ...]
    ) -> None:
        delegate = self._view.delegate
        if delegate.marks(Mark.TRANSLATION) == translations and (
            delegate.marks(Mark.SENTENCE) == sentences
        ):
            return
        delegate.set_marks(Mark.TRANSLATION, translations)
        delegate.set_marks(Mark.SENTENCE, sentences)
        for changed in {self._marked_row, row} - {None}:
            if changed < self._model.rowCount():
                self._view.update(self._model.index(changed))
        self._marked_row = row if translations or sentences else None

    def _left(self) -> None:
        self._place = None
        self._mark(None, (), ())

    def _refresh(self) -> None:
        """Ask again where the mouse still rests: words may be asked about now."""
        if self._place is not None:
            self.show_at(*self._place)

    def _toggled(self, on: bool) -> None:
        self._settings.setValue(SETTING, on)
        self._view.hover_english = on
        self._view.clear_hover()

    def _counterparts(self, row: int) -> RowCounterparts:
        found = self._rows.get(row)
        if found is not None:
            self._rows.move_to_end(row)
            return found
        chinese = self._model.paragraphs(row, Language.CHINESE)
        found = self._rows[row] = RowCounterparts(
            [p.text for _, p in self._model.paragraphs(row, Language.ENGLISH)],
            [p.text for _, p in chinese],
            [self._model.tokens(index) or () for index, _ in chinese],
            self._service,
        )
        if len(self._rows) > CACHE_ROWS:
            self._rows.popitem(last=False)
        return found

    def _forget_rows(self, tokens: dict[int, object]) -> None:
        """New words for these Chinese paragraphs: their rows are worked out again."""
        stale = [r for r in self._rows if any(i in tokens for i in self._model.link(r).chinese)]
        for row in stale:
            del self._rows[row]
