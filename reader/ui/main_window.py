"""The main window: the row view, the menus, the status bar, opening documents."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QToolBar, QVBoxLayout, QWidget

from reader import __version__
from reader.core import alignment as ops
from reader.core.bundled import seed_paths
from reader.core.document import Document, Language
from reader.core.foreground import in_foreground
from reader.ui.actions import Actions, make_actions
from reader.ui.first_paint import AfterNextPaint, MadeLater
from reader.ui.folders import cache_folder, data_folder
from reader.ui.font_settings import FontSettings
from reader.ui.fonts import INSTALL_HINT, chinese_family
from reader.ui.paragraph_layout import ReadingAids
from reader.ui.row_delegate import ParagraphKey
from reader.ui.row_model import RowModel
from reader.ui.row_view import RowView
from reader.ui.themes import Theme, ThemeController
from reader.ui.tone_colours import tone_colours

if TYPE_CHECKING:  # made after the first paint, which does not need them
    from PySide6.QtWidgets import QMessageBox

    from reader.core.alignment import Alignment
    from reader.core.store import Store
    from reader.ui.alignment_controller import AlignmentController
    from reader.ui.counterpart_highlighter import CounterpartHighlighter
    from reader.ui.document_opener import DocumentOpener, Opened
    from reader.ui.find_bar import FindBar
    from reader.ui.first_screen import EarlyWords
    from reader.ui.reading_position import ReadingPositions
    from reader.ui.recent_menu import RecentDocuments
    from reader.ui.segmentation_fixes import SegmentationFixes
    from reader.ui.text_worker import DocumentTask, TextPipeline
    from reader.ui.word_list_controller import WordListController

ABOUT = f"""<h3>Parallel Reader {__version__}</h3>
<p>Read a text beside its translation, English beside Chinese.</p>
<p>Dictionary: <a href="https://cc-cedict.org/">CC-CEDICT</a>, © MDBG and contributors,
licensed under <a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>.<br>
Word segmentation: jieba (MIT). Pinyin: pypinyin (MIT). Toolkit: Qt for Python (LGPLv3).</p>"""


STORE_NAME = "parallel-reader.sqlite3"
WORD_LIST_SHOWN = "word_list/visible"  # the word list dock was open when the window closed
LOADING = "Loading the dictionaries…"  # the status while the worker loads them
PARTS = (  # made after the first paint, one per pass of the event loop
    "_make_pop_up",
    "_make_qt_enums",
    "_warm_pop_up",
    "_make_reading_parts",
    "_make_positions_and_recent",
    # A module's name: imported in a pass of its own, ahead of the part that uses it. It is
    # half of that part's 35-45 ms (the find bar's QStyle enums alone are 15 ms).
    "reader.ui.word_list_controller",
    "_make_word_list",
    "reader.ui.find_bar",
    "_make_find_bar",
    "_make_counterparts",
)
PASS_GAP_MS = 15  # between those passes: time for the event loop's other work, a paint say


def open_store() -> Store:
    """The user's database, in the platform's folder for application data."""
    from reader.core.store import Store

    return Store.open(data_folder() / STORE_NAME)


def action_key(action: QAction) -> str:
    """A settings key from an action's text: "Pinyin &Above" → "pinyin_above"."""
    return "_".join(action.text().replace("&", "").lower().split())


class MainWindow(QMainWindow):
    """One document at a time; a file that cannot be opened leaves the current one in place.

    The first paint shows the text with the menus and the tool bar, and a cached document's
    words on screen, and waits for nothing else. After it, one per pass of the event loop
    (`PARTS`): the pop-up (CC-CEDICT opened meanwhile, jieba and pypinyin loaded too if the
    document's words are not cached); Qt's namespace enums; the pop-up's first rich text; the
    store, the segmentation fixes, the text pipeline and the alignment editor (the cache's key
    is checked then); the reading positions and recent files; the word list; the find bar;
    the hover's counterparts. Then the worker starts reading the document. Asking for any
    part sooner makes it at once (`MadeLater`)."""

    text_ready = Signal()  # every Chinese paragraph of the current document is segmented

    store: MadeLater[Store | None] = MadeLater("_make_reading_parts")
    """The user's database; None when it cannot be used (the window says why)."""
    alignments: MadeLater[AlignmentController] = MadeLater("_make_reading_parts")
    positions: MadeLater[ReadingPositions] = MadeLater("_make_positions_and_recent")
    segmentation: MadeLater[SegmentationFixes] = MadeLater("_make_reading_parts")
    """The reader's segmentation fixes, for every document."""
    pipeline: MadeLater[TextPipeline] = MadeLater("_make_reading_parts")
    recent: MadeLater[RecentDocuments] = MadeLater("_make_positions_and_recent")
    words: MadeLater[WordListController] = MadeLater("_make_word_list")
    """The word list: its dock, the pop-up's keys, the known words."""
    find_bar: MadeLater[FindBar] = MadeLater("_make_find_bar")
    """Edit › Find: both languages, pinyin too."""
    counterparts: MadeLater[CounterpartHighlighter] = MadeLater("_make_counterparts")
    """Across the languages, on hover: the words and the sentence facing the mouse's."""

    def __init__(self) -> None:
        super().__init__()
        self.settings = QSettings()
        self.font_settings = FontSettings(self.settings, self)  # each language's font, and zoom
        self.model = RowModel(self)
        self.view = RowView(self.model, self.font_settings.fonts(), self)
        self.actions = make_actions(self)
        self.error_box: QMessageBox | None = None
        self._generation = 0
        self._task: DocumentTask | None = None
        self._opener: DocumentOpener | None = None  # made by the first open_paths
        self._opening = ""  # the status bar's message while a document is read
        self._early: EarlyWords | None = None  # see _show_cached_words
        self._reading_parts_made = False  # see _make_reading_parts
        self._completed = False  # see complete
        self.text_is_ready = False
        self.anchor: ParagraphKey | None = None
        self.undo_stack = QUndoStack(self)  # every edit of the reader's: alignment, words

        central = QWidget(self)
        self._layout = layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.font_warning = QLabel(INSTALL_HINT, central)
        self.font_warning.setObjectName("FontWarning")
        self.font_warning.setWordWrap(True)
        self.font_warning.setVisible(chinese_family() is None)
        layout.addWidget(self.font_warning)
        self.store_warning = QLabel(central)
        self.store_warning.setObjectName("StoreWarning")
        self.store_warning.setWordWrap(True)
        self.store_warning.hide()
        layout.addWidget(self.store_warning)
        layout.addWidget(self.view)
        self.setCentralWidget(central)

        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setFormat("Segmenting %v/%m")
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)

        self._build_menus(self.actions)
        self.setAcceptDrops(True)
        self.resize(1200, 800)
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._update_title()
        if self.settings.value(WORD_LIST_SHOWN, False, bool):
            self.complete()  # the first paint shows the dock

    def _build_menus(self, actions: Actions) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(actions.open)
        self._recent_menu = file_menu.addMenu("Open &Recent")
        file_menu.addAction(actions.library)
        file_menu.addAction(actions.export_words)
        file_menu.addSeparator()
        file_menu.addAction(actions.quit)
        edit_menu = self.menuBar().addMenu("&Edit")
        for action in (actions.undo, actions.redo):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addActions([actions.join_word, actions.split_word])
        edit_menu.addSeparator()
        edit_menu.addActions([actions.find, actions.find_next, actions.find_previous])
        edit_menu.addSeparator()
        edit_menu.addAction(actions.preferences)
        align_menu = self.menuBar().addMenu("&Alignment")
        align_bar = QToolBar("Alignment", self)
        align_bar.setObjectName("AlignmentToolBar")
        self.addToolBar(align_bar)
        for action in (actions.align_mode, *actions.edits, actions.reset_alignment):
            align_menu.addAction(action)
        for action in (actions.undo, actions.redo, actions.align_mode, *actions.edits):
            align_bar.addAction(action)
        view_menu = self.menuBar().addMenu("&View")
        for action in actions.aids:
            view_menu.addAction(action)
            default = action is actions.known_pinyin  # the others are off until asked for
            action.setChecked(self.settings.value(f"aids/{action_key(action)}", default, bool))
            action.toggled.connect(self._aids_changed)
        view_menu.addAction(actions.translations_on_hover)
        view_menu.addSeparator()
        self._view_menu = view_menu
        self._word_list_place = view_menu.addSeparator()  # the dock's toggle goes above it
        for action in (actions.zoom_in, actions.zoom_out, actions.zoom_reset):
            view_menu.addAction(action)
        view_menu.addSeparator()
        themes = (actions.theme_system, actions.theme_light, actions.theme_dark)
        view_menu.addMenu("T&heme").addActions(themes)
        self.themes = ThemeController(self, self.settings, dict(zip(Theme, themes, strict=True)))
        self.themes.palette_changed.connect(self._aids_changed)
        self.menuBar().addMenu("&Help").addAction(actions.about)
        actions.open.triggered.connect(self.choose_file)
        actions.quit.triggered.connect(self.close)
        actions.zoom_in.triggered.connect(lambda: self.font_settings.zoom(+1))
        actions.zoom_out.triggered.connect(lambda: self.font_settings.zoom(-1))
        actions.zoom_reset.triggered.connect(lambda: self.font_settings.set_zoom(0))
        self.font_settings.changed.connect(self.view.set_fonts)
        actions.preferences.triggered.connect(self.edit_preferences)
        actions.library.triggered.connect(self.show_library)
        actions.about.triggered.connect(self.show_about)
        stack = self.undo_stack
        actions.undo.triggered.connect(stack.undo)
        actions.redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(actions.undo.setEnabled)
        stack.canRedoChanged.connect(actions.redo.setEnabled)
        actions.undo.setEnabled(False)
        actions.redo.setEnabled(False)
        actions.align_mode.toggled.connect(self._set_align_mode)
        actions.merge.triggered.connect(self.merge_current_row)
        actions.split.triggered.connect(self.split_current_row)
        actions.detach.triggered.connect(self.detach_current)
        actions.reset_alignment.triggered.connect(lambda: self.alignments.reset())
        self.view.paragraph_activated.connect(self.activate)
        self.view.paragraph_focused.connect(self.select)
        self._aids_changed()
        self.model.alignment_changed.connect(self._reselect)

    # The parts made after the first paint

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._completed:
            AfterNextPaint(self.view.viewport(), self._complete_in_passes)

    def _complete_in_passes(self, step: int = 0) -> None:
        """The parts in `PARTS` order, one per pass of the event loop, then the worker."""
        if step < len(PARTS):
            self._make_part(PARTS[step])
            QTimer.singleShot(PASS_GAP_MS, self, partial(self._complete_in_passes, step + 1))
        else:
            self._finish_completion()

    def complete(self) -> None:
        """Make every part that the first paint does without, now; nothing if they are made."""
        for part in PARTS:
            self._make_part(part)
        self._finish_completion()

    def _make_part(self, part: str) -> None:
        if part.startswith("_"):
            getattr(self, part)()
        else:
            importlib.import_module(part)

    def _make_qt_enums(self) -> None:
        """Qt's namespace, which PySide makes whole when first touched: 90 enums, 25-30 ms in
        one go, in a pass of its own rather than in the first part that names one."""
        QtCore.Qt.AlignmentFlag  # noqa: B018

    def _finish_completion(self) -> None:
        """Every part is made: the shown document's words may be read now. Not sooner: the
        parts' modules import and build in half the time without a worker reading meanwhile."""
        if self._completed:
            return
        self._completed = True
        if self._task is not None:
            self.pipeline.start(self._task)

    def _make_reading_parts(self) -> None:
        """The store, the reader's segmentation fixes, the text pipeline and the alignment
        editor; then the shown document's task is made (its cached words shown), to be run
        when the window is complete."""
        if self._reading_parts_made:
            return
        self._reading_parts_made = True
        from reader.core.errors import StoreError
        from reader.core.text_service import shared_service
        from reader.ui.alignment_controller import AlignmentController
        from reader.ui.segmentation_fixes import SegmentationFixes
        from reader.ui.text_worker import TextPipeline

        try:
            self._store = open_store()
        except StoreError as error:
            self._store = None
            self._store_failed(str(error))
        service = shared_service(cache_folder())
        self._pipeline = TextPipeline(self.view, service)
        self._segmentation = SegmentationFixes(self)  # before any word is read
        self._alignments = AlignmentController(self.model, self._store, self.undo_stack, self)
        self._alignments.store_failed.connect(self._store_failed)
        self._alignments.undone.connect(self._show_edit)
        if self.model.document.english or self.model.document.chinese:
            self._start_work(self.model.document)

    def _make_pop_up(self) -> None:
        """First after the paint: the pop-up, and CC-CEDICT's index opened and checked whole
        on a worker (the check leaves the interpreter to the window; a hover meanwhile checks
        the blocks it reads). With no words cached for the document shown, jieba's and
        pypinyin's dictionaries load on that worker next: the words on screen wait for them,
        not for the other parts, which would leave the interpreter idle between their passes."""
        from PySide6.QtCore import QThreadPool

        from reader.core.text_service import shared_service

        service = shared_service(cache_folder())
        words_cached = self._early is not None or not self.model.document.chinese
        load = service.load_dictionary if words_cached else service.load
        QThreadPool.globalInstance().start(load)
        self.view.make_popup()

    def _warm_pop_up(self) -> None:
        """The pop-up's first rich text laid out, with a word on screen whose reading came
        from the cache, once CC-CEDICT is open: 5-10 ms the first hover need not wait for.
        Nothing if a hover has come first."""
        from reader.core.text_service import shared_service
        from reader.core.word_info import describe
        from reader.ui.first_screen import paragraphs_on_screen

        service, popup = shared_service(cache_folder()), self.view.popup
        if popup.info is not None or not service.dictionary_open:  # no hover here waits
            return
        tokens = (self.model.tokens(i) or [] for i in paragraphs_on_screen(self.view))
        token = next((t for ts in tokens for t in ts if t.is_chinese and t.syllables), None)
        if token is not None:  # its reading from the cache: no pypinyin
            popup.lay_out(describe(service, token.text, list(token.syllables)))

    def _make_positions_and_recent(self) -> None:
        if hasattr(self, "_positions"):
            return
        from reader.ui.reading_position import ReadingPositions
        from reader.ui.recent_menu import RecentDocuments

        self._positions = ReadingPositions(self, self.view, self.store, self.text_ready)
        self._positions.store_failed.connect(self.statusBar().showMessage)
        self._recent = RecentDocuments(
            self.settings, self._recent_menu, self.actions.clear_recent, self.model, self.open_paths
        )

    def _make_word_list(self) -> None:
        if hasattr(self, "_words"):
            return
        from reader.ui.word_list_controller import WordListController

        self._words = words = WordListController(self)
        shown = words.dock.toggleViewAction()
        self._view_menu.insertAction(self._word_list_place, shown)
        words.dock.setVisible(self.settings.value(WORD_LIST_SHOWN, False, bool))
        shown.toggled.connect(lambda on: self.settings.setValue(WORD_LIST_SHOWN, on))
        words.hidden_words_changed.connect(self._aids_changed)

    def _make_find_bar(self) -> None:
        if hasattr(self, "_find_bar"):
            return
        from reader.ui.find_bar import FindBar

        self._find_bar = FindBar(self)
        self._layout.addWidget(self._find_bar)

    def _make_counterparts(self) -> None:
        if hasattr(self, "_counterparts"):
            return
        from reader.ui.counterpart_highlighter import CounterpartHighlighter

        hover_option = self.actions.translations_on_hover
        self._counterparts = CounterpartHighlighter(
            self.view, self.model, hover_option, self.settings, self.text_ready
        )

    # Documents

    def open_paths(self, paths: Sequence[Path]) -> None:
        """Open a document (or an English and a Chinese file), read on a worker thread while
        the one open stays in place: shown when read, or kept if it cannot be, saying why."""
        if self._opener is None:
            from reader.ui.document_opener import DocumentOpener  # not on the first paint's path

            self._opener = DocumentOpener(self)
            self._opener.opened.connect(self._opened)
            self._opener.failed.connect(self._open_failed)
        self._opening = f"Opening {' + '.join(Path(path).name for path in paths)}…"
        self.statusBar().showMessage(self._opening)
        self._opener.open(paths, self.view.delegate.measurer())

    @in_foreground  # a novel's 20,000 rows shown: the workers wait
    def _opened(self, opened: Opened) -> None:
        self._opening_done()
        self.view.delegate.adopt(opened.measured)
        self.show_document(opened.document, opened.alignment)

    def _open_failed(self, message: str) -> None:
        self._opening_done()
        self.show_error(message)

    def _opening_done(self) -> None:
        """Take the "Opening" message away, unless another has replaced it."""
        if self.statusBar().currentMessage() == self._opening:
            self.statusBar().clearMessage()

    def show_document(self, document: Document, alignment: Alignment | None = None) -> None:
        """Show `document` at once, in `alignment` if given (see `RowModel.set_document`); its
        words and its automatic alignment follow, once the window is complete (a window not
        shown is made complete now: no paint is coming)."""
        self.view.clear_hover()
        self.anchor = None
        self.view.current = None
        self.view.delegate.selected = frozenset()
        self.view.delegate.anchor = None
        if self._task is not None:
            self._task.cancelled.set()
            self._task = None
        self.text_is_ready = False
        self.model.set_document(document, alignment)
        self.view.scrollToTop()
        self._update_title()
        self._early = None
        if self._reading_parts_made:
            self._start_work(document)
        elif not self.isVisible():
            self.complete()
        else:
            self._show_cached_words(document)

    def _show_cached_words(self, document: Document) -> None:
        """Before the first paint: the words on screen from the document's cache, if it has
        one. Its key is checked once the store has given the reader's fixes (see `_process`)."""
        from reader.core.text_service import shared_service
        from reader.ui.first_screen import EarlyWords, latest_cache, show_cached

        folder = cache_folder()
        cache = latest_cache(folder, document)
        if cache is not None:
            words = show_cached(self.view, shared_service(folder), document, cache)
            self._early = EarlyWords(cache, words)

    def _start_work(self, document: Document) -> None:
        self.alignments.start()
        self._process(document)

    def show_error(self, message: str) -> None:
        """A window-modal dialog that does not block the caller (nor a test)."""
        from PySide6.QtWidgets import QMessageBox

        self.error_box = QMessageBox(QMessageBox.Icon.Warning, "Cannot open", message, parent=self)
        self.error_box.open()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, "About", ABOUT)

    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self, "Open a document", "", "Text files (*.txt *.text);;All files (*)"
        )
        if paths:
            self.open_paths([Path(p) for p in paths[:2]])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths[:2])

    def _update_title(self) -> None:
        title = self.model.document.display_title
        self.setWindowTitle(f"{title} — Parallel Reader" if title else "Parallel Reader")

    def _store_failed(self, message: str) -> None:
        self.store_warning.setText(
            f"Alignment corrections cannot be kept: {message}. Documents still open, but "
            "corrections made now last only until the program closes."
        )
        self.store_warning.show()

    # Clicking and aligning

    def activate(self, key: ParagraphKey) -> None:
        """A click (or Space): select the paragraph; in align mode, link it to the anchor."""
        self.select(key)
        if not self.actions.align_mode.isChecked():
            return
        if self.anchor is None or self.anchor[0] is key[0]:
            self._set_anchor(key)
            self.statusBar().showMessage("Now click the paragraph on the other side to link.")
            return
        english, chinese = sorted((self.anchor, key), key=lambda k: k[0] is not Language.ENGLISH)
        self._set_anchor(None)
        self.alignments.edit("Link paragraphs", lambda a: ops.link(a, english[1], chinese[1]))

    def select(self, key: ParagraphKey) -> None:
        """Light up the paragraph and its counterparts, and bring them into view."""
        self._light_up(key)
        self.view.scrollTo(self.model.index(self.model.row_of(*key)))

    def _light_up(self, key: ParagraphKey) -> None:
        self.view.current = key
        row = self.model.row_of(*key)
        self.view.delegate.selected = frozenset(
            (language, index)
            for language in Language
            for index, _ in self.model.paragraphs(row, language)
        )
        self.view.viewport().update()

    def _show_edit(self, row: int) -> None:
        """Rows changed from `row` on by an undo or a redo: into view if they are off screen,
        as an Undo made after scrolling away should show what it undid."""
        index = self.model.index(min(row, self.model.rowCount() - 1))
        if not self.view.visualRect(index).intersects(self.view.viewport().rect()):
            self.view.scrollTo(index)

    def _reselect(self) -> None:
        """A new alignment: the current paragraph's counterparts may have changed. The view
        stays where the reader is (see ReadingPositions), wherever that paragraph is, unless
        an undo or a redo changed rows off screen (see `_show_edit`)."""
        if self.view.current is not None:
            self._light_up(self.view.current)

    def _set_anchor(self, key: ParagraphKey | None) -> None:
        self.anchor = key
        self.view.delegate.anchor = key
        self.view.viewport().update()

    def _set_align_mode(self, on: bool) -> None:
        for action in self.actions.edits:
            action.setEnabled(on)
        self._set_anchor(None)
        self.statusBar().showMessage(
            "Align mode: click a paragraph on each side to link them." if on else "", 6000
        )

    def _current_row(self) -> int | None:
        return None if self.view.current is None else self.model.row_of(*self.view.current)

    def merge_current_row(self) -> None:
        row = self._current_row()
        if row is not None and row + 1 < self.model.rowCount():
            self.alignments.edit("Merge rows", lambda a: ops.merge_with_next(a, row))

    def split_current_row(self) -> None:
        """Split the row after the current paragraph; the other side is cut in proportion."""
        if self.view.current is None:
            return
        language, index = self.view.current
        row = self.model.row_of(language, index)
        link = self.model.link(row)
        this, other = (link.english, link.chinese)[:: 1 if language is Language.ENGLISH else -1]
        at = index - this.start + 1
        other_at = -(-len(other) * at // len(this))
        english_at, chinese_at = (at, other_at)[:: 1 if language is Language.ENGLISH else -1]
        self.alignments.edit("Split row", lambda a: ops.split(a, row, english_at, chinese_at))

    def detach_current(self) -> None:
        if self.view.current is not None:
            language, index = self.view.current
            self.alignments.edit("Detach paragraph", lambda a: ops.detach(a, language, index))

    # Text processing and alignment in the background

    def _process(self, document: Document) -> None:
        self._generation += 1
        early, self._early = self._early, None  # read for this document by show_document
        task = self.pipeline.task(self._generation, document, early)
        task.signals.loaded.connect(self._on_loaded)
        task.signals.tokens.connect(self._on_tokens)
        task.signals.aligned.connect(self._on_aligned)
        task.signals.progress.connect(self._on_progress)
        task.signals.finished.connect(self._on_finished)
        self._task = task
        if document.chinese:
            self.statusBar().showMessage(LOADING)
        if self._completed:  # else _finish_completion starts it
            self.pipeline.start(task)

    def _on_loaded(self, generation: int) -> None:
        """The words come now: the progress bar tells how far they are (a novel's take a
        minute and its alignment as long again, which "Loading" would have stood over)."""
        if generation == self._generation and self.statusBar().currentMessage() == LOADING:
            self.statusBar().clearMessage()

    @in_foreground
    def _on_tokens(self, generation: int, tokens: dict) -> None:
        if generation == self._generation:
            self.model.add_tokens(tokens)
            self.view.words_arrived(tokens)

    @in_foreground
    def _on_aligned(self, generation: int, alignment: object, measured: object) -> None:
        if generation == self._generation:
            if measured is not None and not self.alignments.corrected:  # its rows are shown
                self.view.delegate.adopt(measured)
            self.alignments.set_automatic(alignment)

    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if generation != self._generation or not total:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.show()

    def _on_finished(self, generation: int) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.progress.hide()
        self.text_is_ready = True
        self.statusBar().showMessage("Rest the mouse on a Chinese word for its reading.", 8000)
        self.text_ready.emit()

    # Reading aids

    def _aids_changed(self) -> None:
        actions = self.actions
        for action in actions.aids:
            self.settings.setValue(f"aids/{action_key(action)}", action.isChecked())
        known_pinyin = actions.known_pinyin.isChecked()
        self.view.set_aids(
            ReadingAids(
                ruby=actions.ruby.isChecked(),
                tone_numbers=actions.tone_numbers.isChecked(),
                colour_text=actions.tone_colours.isChecked(),
                colours=tone_colours(self.palette(), self.settings),
                hidden_words=frozenset() if known_pinyin else self.words.known_words(),
            )
        )

    # Preferences and the library

    def edit_preferences(self) -> None:
        from reader.ui.preferences_dialog import PreferencesDialog  # not on the first paint's path

        dialog = PreferencesDialog(self.settings, self.themes, self.font_settings, self)
        dialog.accepted.connect(self._aids_changed)
        dialog.open()

    def show_library(self) -> None:
        from reader.ui.library_dialog import LibraryDialog  # not on the first paint's path

        bundled = [(path,) for path in seed_paths()]
        LibraryDialog(bundled, self.recent.entries(), self.recent.open, self).open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self._task is not None:
            self._task.cancelled.set()
        super().closeEvent(event)
