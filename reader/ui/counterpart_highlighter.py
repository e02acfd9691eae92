"""Across the languages: while the mouse rests on a word, the other language's words that
translate it light up, and the sentence under the mouse lights up with the sentence facing it.

The row view says where the mouse rests; this looks the answer up and sets the delegate's
marks, repainting only when they change. Working a row out (`cross_language.RowCounterparts`)
aligns its sentences, which segments them, so it is done on a worker and never on a hover: the
rows on screen are worked out once the dictionaries are loaded and whenever the view or the
words change, and a row hovered before its answer is there lights up when it arrives. Rows are
kept for a screen or two, until the alignment or the document changes or their words arrive
again.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QObject,
    QPoint,
    QRunnable,
    QSettings,
    QThreadPool,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QAction

from reader.core.document import Language
from reader.core.text_service import TextService, Token, shared_service
from reader.ui.row_delegate import Mark, ParagraphKey, Span
from reader.ui.row_model import RowModel
from reader.ui.row_view import RowView, token_at

if TYPE_CHECKING:  # imported by the worker: aligning is not on the first paint's path
    from reader.core import cross_language
    from reader.core.cross_language import RowCounterparts

CACHE_ROWS = 32  # rows whose counterparts are kept: a screen or two of them
SETTLE_MS = 50  # rows on screen are worked out once scrolling or deliveries pause this long
SETTING = "aids/show_translations_on_hover"

Runs = dict[Language, range]  # a row's paragraphs of each side, as document indices
Inputs = tuple[tuple[str, ...], tuple[str, ...], tuple[list[Token] | None, ...]]
"""What a row is worked out from: its English texts, its Chinese texts and their words."""


def _other(language: Language) -> Language:
    return Language.CHINESE if language is Language.ENGLISH else Language.ENGLISH


def _in_document(language: Language, runs: Runs, span: cross_language.Span) -> Span:
    """A span counted within the row (as the core gives it) as the delegate marks it."""
    return Span(language, runs[language][span.paragraph], span.start, span.end)


def _same(one: Inputs, other: Inputs) -> bool:
    """Whether a row worked out from `one` still fits `other`: the same texts and the very
    same word lists (a delivery replaces a paragraph's list)."""
    return one[:2] == other[:2] and all(a is b for a, b in zip(one[2], other[2], strict=True))


class _Signals(QObject):
    built = Signal(int, object, object)  # row, Inputs, RowCounterparts


class _WorkOut(QRunnable):
    """Works a row out on a worker and sends it back to the window's thread."""

    def __init__(self, row: int, inputs: Inputs, service: TextService, signals: _Signals) -> None:
        super().__init__()
        self._row, self._inputs, self._service, self._signals = row, inputs, service, signals

    def run(self) -> None:
        from reader.core.cross_language import RowCounterparts

        english, chinese, tokens = self._inputs
        counterparts = RowCounterparts(english, chinese, [t or () for t in tokens], self._service)
        counterparts.work_out()
        self._signals.built.emit(self._row, self._inputs, counterparts)


class CounterpartHighlighter(QObject):
    """Sets Mark.TRANSLATION and Mark.SENTENCE for where the mouse rests; `action` switches
    it on and off (kept in `settings`), `text_ready` says that the dictionaries are loaded."""

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
        self._rows: OrderedDict[int, tuple[Inputs, RowCounterparts]] = OrderedDict()
        self._asked: set[int] = set()  # rows a worker is working out
        self._place: tuple[int, ParagraphKey, int] | None = None  # where the mouse rests
        self._marked_row: int | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one row at a time, beside the document's own worker
        self._signals = _Signals(self)
        self._signals.built.connect(self._built)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._work_out_screen)
        action.setChecked(settings.value(SETTING, True, bool))
        view.hover_english = action.isChecked()
        action.toggled.connect(self._toggled)
        view.place_hovered.connect(self.show_at)
        view.hover_left.connect(self._left)
        bar = view.verticalScrollBar()
        bar.valueChanged.connect(self._screen_moved)
        bar.rangeChanged.connect(self._screen_moved)  # laid out, or rows grew
        text_ready.connect(self._refresh)
        model.alignment_changed.connect(self._forget_all)  # a new document says so too
        model.tokens_added.connect(self._forget_rows)

    def worked_out(self, row: int) -> bool:
        """Whether hovering `row` lights its counterparts at once."""
        found = self._rows.get(row)
        return found is not None and _same(found[0], self._inputs(row))

    @property
    def idle(self) -> bool:
        """Whether no row is being worked out (a worker's work slows the window's a little)."""
        return not self._asked

    def show_at(self, row: int, key: ParagraphKey, offset: int) -> None:
        """Light up the counterparts of what lies at `offset` of paragraph `key` (in `row`):
        the hovered word's translations, the sentence and the sentences facing it; nothing
        until the row is worked out."""
        self._place = (row, key, offset)
        if not self._action.isChecked():
            return
        counterparts = self._counterparts(row)
        if counterparts is None:
            self._mark(row, (), ())
            return
        language, index = key
        link = self._model.link(row)
        runs = {Language.ENGLISH: link.english, Language.CHINESE: link.chinese}
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
        """The other side's words for the word under the mouse, if one is."""
        hovered = self._view.hovered
        if hovered is None or hovered[0] != row:
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
        """The dictionaries are loaded: work out the hovered row now, the rows on screen once
        the window has settled (it is repainting a new alignment, as a rule, which workers
        beside it would slow down)."""
        self._settle.start()
        if self._place is not None:
            self.show_at(*self._place)

    def _toggled(self, on: bool) -> None:
        self._settings.setValue(SETTING, on)
        self._view.hover_english = on
        self._view.clear_hover()
        if on:
            self._work_out_screen()

    def _inputs(self, row: int) -> Inputs:
        chinese = self._model.paragraphs(row, Language.CHINESE)
        return (
            tuple(p.text for _, p in self._model.paragraphs(row, Language.ENGLISH)),
            tuple(p.text for _, p in chinese),
            tuple(self._model.tokens(index) for index, _ in chinese),
        )

    def _counterparts(self, row: int) -> RowCounterparts | None:
        """The row's counterparts if worked out; else None, and a worker is asked for them."""
        if self.worked_out(row):
            self._rows.move_to_end(row)
            return self._rows[row][1]
        self._ask(row)
        return None

    def _ask(self, row: int) -> None:
        """Have a worker work `row` out, once the dictionaries are loaded (before, a worker
        would load them beside the document's own and delay its words)."""
        if row in self._asked or not self._service.loaded or not self._action.isChecked():
            return
        self._asked.add(row)
        self._pool.start(_WorkOut(row, self._inputs(row), self._service, self._signals))

    def _built(self, row: int, inputs: Inputs, counterparts: RowCounterparts) -> None:
        self._asked.discard(row)
        if row >= self._model.rowCount() or not _same(inputs, self._inputs(row)):
            self._settle.start()  # stale: the screen's rows are asked for again
            return
        self._rows[row] = (inputs, counterparts)
        self._rows.move_to_end(row)
        if len(self._rows) > CACHE_ROWS:
            self._rows.popitem(last=False)
        if self._place is not None and self._place[0] == row:
            self.show_at(*self._place)

    def _screen_moved(self) -> None:
        self._settle.start()  # not connected directly: a signal's value would be the interval

    def _work_out_screen(self) -> None:
        """Ask for the rows on screen that are not worked out, top to bottom."""
        view, model = self._view, self._model
        top = view.indexAt(QPoint(1, 1))
        if not top.isValid():
            return
        bottom = view.indexAt(QPoint(1, view.viewport().height() - 1))
        last = bottom.row() if bottom.isValid() else model.rowCount() - 1
        for row in range(top.row(), min(last + 1, top.row() + CACHE_ROWS)):
            if not self.worked_out(row):
                self._ask(row)

    def _forget_all(self) -> None:
        self._rows.clear()
        self._asked.clear()  # what they bring back no longer fits
        self._settle.start()

    def _forget_rows(self, tokens: dict[int, object]) -> None:
        """New words for these Chinese paragraphs: their rows are worked out again."""
        stale = [r for r in self._rows if any(i in tokens for i in self._model.link(r).chinese)]
        for row in stale:
            del self._rows[row]
        self._settle.start()
