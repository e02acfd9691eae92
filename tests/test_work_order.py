"""The order of work: paragraphs on screen first, each exactly once, the rest in order."""

from __future__ import annotations

from reader.core.work_order import WorkOrder


def take_all(order: WorkOrder) -> list[int]:
    taken = []
    while (index := order.take()) is not None:
        taken.append(index)
    return taken


def test_paragraphs_come_in_order_without_a_wish() -> None:
    assert take_all(WorkOrder(4)) == [0, 1, 2, 3]


def test_wanted_paragraphs_come_first_and_each_only_once() -> None:
    order = WorkOrder(6)
    assert order.take() == 0
    order.want([4, 5, 0])
    assert order.wants_more()
    assert [order.take(), order.take()] == [4, 5]
    assert not order.wants_more()
    assert take_all(order) == [1, 2, 3]


def test_a_new_wish_replaces_the_old_one_and_done_paragraphs_are_skipped() -> None:
    order = WorkOrder(6, done=[1])
    order.want([3, 4])
    order.want([5])
    assert take_all(order) == [5, 0, 2, 3, 4]
