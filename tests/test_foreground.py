"""The window's thread first: a worker waits at its next step while the window is busy."""

from __future__ import annotations

import threading

import pytest

from reader.core import foreground
from reader.core.foreground import in_foreground, is_busy, step_aside


@pytest.fixture
def no_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker that steps aside waits for as long as the window is busy."""
    monkeypatch.setattr(foreground, "LONGEST_WAIT", None)


def test_a_worker_steps_aside_until_the_window_is_done(no_limit: None) -> None:
    arrived, stepped = threading.Event(), threading.Event()

    def work() -> None:
        arrived.set()
        step_aside()
        stepped.set()

    worker = threading.Thread(target=work)

    @in_foreground
    def paint() -> bool:
        worker.start()
        arrived.wait()
        worker.join(0.2)  # long enough for a worker that did not wait to be done
        return worker.is_alive() and not stepped.is_set()

    assert paint()
    worker.join()
    assert stepped.is_set()


def test_nothing_waits_while_the_window_is_idle(no_limit: None) -> None:
    assert not is_busy()
    worker = threading.Thread(target=step_aside)
    worker.start()
    worker.join()  # returns: the window is idle


def test_the_windows_own_thread_never_waits_for_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """Work a worker does, run on the window's thread (a script's, say), steps aside for
    nothing: the window it would wait for is itself."""
    waited: list[threading.Thread] = []

    class Idle(threading.Event):
        def wait(self, timeout: float | None = None) -> bool:
            waited.append(threading.current_thread())
            return super().wait(timeout)

    idle = Idle()
    idle.set()
    monkeypatch.setattr(foreground, "_idle", idle)

    @in_foreground
    def paint() -> None:
        step_aside()

    paint()
    assert waited == []


def test_nested_calls_keep_the_window_busy_until_the_outermost_returns() -> None:
    @in_foreground
    def inner() -> None:
        assert is_busy()

    @in_foreground
    def outer() -> bool:
        inner()
        return is_busy()

    assert outer()
    assert not is_busy()


def test_an_error_in_the_foreground_leaves_the_window_idle() -> None:
    @in_foreground
    def fail() -> None:
        raise ValueError("bad")

    with pytest.raises(ValueError):
        fail()
    assert not is_busy()


def test_the_rows_paint_and_the_hover_are_in_the_foreground(seed_window, qtbot) -> None:
    view = seed_window.view
    seen: list[bool] = []
    paint = view.delegate.paint

    def recording_paint(*args: object) -> None:
        seen.append(is_busy())
        paint(*args)

    view.delegate.paint = recording_paint
    view.viewport().repaint()
    assert seen and all(seen)
    word_at = view._word_at
    view._word_at = lambda *place: seen.append(is_busy()) or word_at(*place)
    view.hover_at(view.visualRect(view.model().index(1)).center().toPointF())
    assert seen[-1] is True
    assert not is_busy()


def test_the_document_task_steps_aside_before_each_paragraph(qtbot, monkeypatch) -> None:
    from windows import SEED, new_window

    from reader.ui import text_worker

    steps: list[bool] = []
    monkeypatch.setattr(text_worker, "step_aside", lambda: steps.append(True))
    window = new_window(qtbot, SEED)
    assert len(steps) > len(window.model.document.chinese)


def test_counting_the_dictionarys_glosses_steps_aside_between_batches(monkeypatch) -> None:
    """The aligner's worker counts the words of 120,000 CC-CEDICT entries: a batch at a time,
    the window first between batches."""
    from reader.core import cross_language
    from reader.core.text_service import shared_service

    batches: list[int] = []

    def noted(items):
        for item in items:
            batches.append(len(item))
            yield item

    monkeypatch.setattr(cross_language, "stepping", noted)
    cross_language._Glossary(shared_service()).rarities()
    assert len(batches) > 100 and max(batches) <= cross_language.RARITY_BATCH
