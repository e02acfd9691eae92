"""Every QAction of the window, made in one place with the platform's standard shortcuts.

Without `from __future__ import annotations`, unlike the other modules: NamedTuple turns each
field's annotation written as a string into a ForwardRef, compiling it, and the thirty here
took 2-4 ms of the first paint that way, a fifth of that as the classes themselves."""

from typing import NamedTuple

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

KEYS = QKeySequence.StandardKey


class Actions(NamedTuple):
    open: QAction
    quit: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    about: QAction
    undo: QAction
    redo: QAction
    align_mode: QAction
    merge: QAction
    split: QAction
    detach: QAction
    reset_alignment: QAction
    ruby: QAction
    tone_numbers: QAction
    tone_colours: QAction
    known_pinyin: QAction
    translations_on_hover: QAction
    export_words: QAction
    join_word: QAction
    split_word: QAction
    find: QAction
    find_next: QAction
    find_previous: QAction
    preferences: QAction
    library: QAction
    clear_recent: QAction
    theme_system: QAction
    theme_light: QAction
    theme_dark: QAction

    @property
    def edits(self) -> tuple[QAction, ...]:
        """The actions that change the alignment, enabled in align mode only."""
        return (self.merge, self.split, self.detach)

    @property
    def aids(self) -> tuple[QAction, ...]:
        """View › the reading aids, each kept in the settings."""
        return (self.ruby, self.tone_numbers, self.tone_colours, self.known_pinyin)


def _action(
    parent: QWidget,
    text: str,
    *shortcuts: QKeySequence | QKeySequence.StandardKey | str,
    tip: str = "",
) -> QAction:
    action = QAction(parent)  # QAction(text, parent) would make QIcon's enums (4 ms) to tell
    action.setText(text)  # the two-argument overloads apart, before the first paint
    keys = [QKeySequence(s) for s in shortcuts]  # a standard key may be unbound, or repeated
    action.setShortcuts([k for n, k in enumerate(keys) if not k.isEmpty() and k not in keys[:n]])
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(f"{tip} ({action.shortcut().toString()})" if shortcuts else tip)
    return action


def make_actions(parent: QWidget) -> Actions:
    align_mode = _action(
        parent,
        "&Align Mode",
        "Ctrl+L",
        tip="Click a paragraph on each side to link them; M merges a row with the next, "
        "S splits a row after the current paragraph, D detaches it",
    )
    align_mode.setCheckable(True)
    actions = Actions(
        open=_action(parent, "&Open…", KEYS.Open),
        quit=_action(parent, "&Quit", KEYS.Quit, "Ctrl+Q"),
        zoom_in=_action(parent, "Zoom &In", KEYS.ZoomIn, "Ctrl+="),
        zoom_out=_action(parent, "Zoom &Out", KEYS.ZoomOut, "Ctrl+-"),
        zoom_reset=_action(parent, "&Actual Size", "Ctrl+0"),
        about=_action(parent, "&About Parallel Reader"),
        undo=_action(parent, "&Undo", KEYS.Undo),
        redo=_action(parent, "&Redo", KEYS.Redo, "Ctrl+Shift+Z", "Ctrl+Y"),
        align_mode=align_mode,
        merge=_action(
            parent, "&Merge Row with Next", "M", tip="Join the current row and the one below"
        ),
        split=_action(
            parent, "&Split Row", "S", tip="Split the current row after the current paragraph"
        ),
        detach=_action(
            parent, "&Detach Paragraph", "D", tip="Give the current paragraph a row of its own"
        ),
        ruby=_action(
            parent,
            "&Pinyin Above Characters",
            "Ctrl+Shift+P",
            tip="Show each word's pinyin, read in context, above it",
        ),
        tone_numbers=_action(
            parent, "Pinyin with Tone &Numbers", tip="Write pinyin as yin2hang2 instead of yínháng"
        ),
        tone_colours=_action(
            parent,
            "&Tone Colours in Text",
            "Ctrl+Shift+T",
            tip="Colour Chinese characters by their tone",
        ),
        known_pinyin=_action(
            parent,
            "Pinyin Over &Known Words",
            tip="Show pinyin also over the words marked as known (K in the pop-up)",
        ),
        translations_on_hover=_action(
            parent,
            "&Show Translations on Hover",
            tip="Resting on a word lights up the other language's words for it, "
            "and its sentence with the sentence facing it",
        ),
        export_words=_action(
            parent,
            "Export &Word List…",
            tip="Write the word list as notes for Anki (tab-separated) or as CSV",
        ),
        reset_alignment=_action(
            parent, "&Reset to Automatic", tip="Forget the corrections and use the aligner's result"
        ),
        join_word=_action(
            parent,
            "&Join as One Word",
            "Ctrl+J",
            tip="Make the selected Chinese characters one word, in every document",
        ),
        split_word=_action(
            parent,
            "Split &Here",
            "Ctrl+Shift+J",
            tip="Cut the Chinese word at the caret or the selection's edges, in every document",
        ),
        find=_action(
            parent,
            "&Find…",
            KEYS.Find,
            tip="Find in both languages; a Latin query also finds Chinese by pinyin",
        ),
        find_next=_action(parent, "Find &Next", KEYS.FindNext),
        find_previous=_action(parent, "Find Pre&vious", KEYS.FindPrevious),
        preferences=_action(
            parent,
            "&Preferences…",
            KEYS.Preferences,
            "Ctrl+,",
            tip="Theme, each language's font and size, the tone colours",
        ),
        library=_action(
            parent,
            "&Library…",
            "Ctrl+Shift+O",
            tip="The bundled documents and the ones opened lately",
        ),
        clear_recent=_action(parent, "&Clear Menu"),
        theme_system=_action(parent, "&System", tip="Light or dark as the system is"),
        theme_light=_action(parent, "&Light"),
        theme_dark=_action(parent, "&Dark"),
    )
    for action in actions.edits:
        action.setEnabled(False)
    for action in (
        actions.ruby,
        actions.tone_numbers,
        actions.tone_colours,
        actions.known_pinyin,
        actions.translations_on_hover,
    ):
        action.setCheckable(True)
    return actions
