"""The main window: the row view, the menus, the status bar, opening documents."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.core.document import Document
from reader.core.errors import ReaderError
from reader.core.formats import load_document
from reader.core.text_service import shared_service
from reader.ui.actions import Actions, make_actions
from reader.ui.fonts import (
    DEFAULT_POINT_SIZE,
    INSTALL_HINT,
    MAX_POINT_SIZE,
    MIN_POINT_SIZE,
    ReaderFonts,
    chinese_family,
)
from reader.ui.row_model import RowModel
from reader.ui.row_view import RowView
from reader.ui.text_worker import SegmentationTask

ABOUT = f"""<h3>Parallel Reader {__version__}</h3>
<p>Read a text beside its translation, English beside Chinese.</p>
<p>Dictionary: <a href="https://cc-cedict.org/">CC-CEDICT</a>, © MDBG and contributors,
licensed under <a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>.<br>
Word segmentation: jieba (MIT). Pinyin: pypinyin (MIT). Toolkit: Qt for Python (LGPLv3).</p>"""


class MainWindow(QMainWindow):
    """One document at a time; a file that cannot be opened leaves the current one in place."""

    text_ready = Signal()  # every Chinese paragraph of the current document is segmented

    def __init__(self) -> None:
        super().__init__()
        self.settings = QSettings()
        point_size = int(self.settings.value("view/point_size", DEFAULT_POINT_SIZE))
        self.model = RowModel(self)
        self.view = RowView(self.model, ReaderFonts.at(point_size), self)
        self.actions = make_actions(self)
        self.error_box: QMessageBox | None = None
        self._generation = 0
        self._task: SegmentationTask | None = None
        self.text_is_ready = False

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.font_warning = QLabel(INSTALL_HINT, central)
        self.font_warning.setObjectName("FontWarning")
        self.font_warning.setWordWrap(True)
        self.font_warning.setVisible(chinese_family() is None)
        layout.addWidget(self.font_warning)
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

    def _build_menus(self, actions: Actions) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(actions.open)
        file_menu.addSeparator()
        file_menu.addAction(actions.quit)
        view_menu = self.menuBar().addMenu("&View")
        for action in (actions.zoom_in, actions.zoom_out, actions.zoom_reset):
            view_menu.addAction(action)
        self.menuBar().addMenu("&Help").addAction(actions.about)
        actions.open.triggered.connect(self.choose_file)
        actions.quit.triggered.connect(self.close)
        actions.zoom_in.triggered.connect(lambda: self.zoom(+1))
        actions.zoom_out.triggered.connect(lambda: self.zoom(-1))
        actions.zoom_reset.triggered.connect(lambda: self.set_point_size(DEFAULT_POINT_SIZE))
        actions.about.triggered.connect(lambda: QMessageBox.about(self, "About", ABOUT))

    # Documents

    def open_paths(self, paths: Sequence[Path]) -> bool:
        """Open a document (or an English and a Chinese file); on failure say why and keep
        the document that was open."""
        try:
            document = load_document(*paths)
        except ReaderError as error:
            self.show_error(str(error))
            return False
        self.show_document(document)
        return True

    def show_document(self, document: Document) -> None:
        self.view.clear_hover()
        self.model.set_document(document)
        self.view.scrollToTop()
        self._update_title()
        self._segment(document)

    def show_error(self, message: str) -> None:
        """A window-modal dialog that does not block the caller (nor a test)."""
        self.error_box = QMessageBox(QMessageBox.Icon.Warning, "Cannot open", message, parent=self)
        self.error_box.open()

    def choose_file(self) -> None:
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

    # Segmentation in the background

    def _segment(self, document: Document) -> None:
        if self._task is not None:
            self._task.cancelled.set()
        self._generation += 1
        self.text_is_ready = False
        texts = [(i, p.text) for i, p in enumerate(document.chinese)]
        task = SegmentationTask(shared_service(), self._generation, texts)
        task.signals.tokens.connect(self._on_tokens)
        task.signals.progress.connect(self._on_progress)
        task.signals.finished.connect(self._on_finished)
        self._task = task
        if texts:
            self.statusBar().showMessage("Loading the dictionaries…")
        QThreadPool.globalInstance().start(task)

    def _on_tokens(self, generation: int, tokens: dict) -> None:
        if generation == self._generation:
            self.model.add_tokens(tokens)

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

    # Zoom

    def zoom(self, steps: int) -> None:
        self.set_point_size(self.view.delegate.fonts.point_size + steps)

    def set_point_size(self, point_size: int) -> None:
        point_size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, point_size))
        self.settings.setValue("view/point_size", point_size)
        self.view.set_fonts(ReaderFonts.at(point_size))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self._task is not None:
            self._task.cancelled.set()
        super().closeEvent(event)
