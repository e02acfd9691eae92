"""A new alignment tells views of the rows it changed and no others."""

from __future__ import annotations

from reader.core.alignment import Alignment, Link
from reader.core.document import Document, Paragraph
from reader.ui.row_model import RowModel

DOCUMENT = Document(
    english=tuple(Paragraph(f"Paragraph {n}.") for n in range(6)),
    chinese=tuple(Paragraph(f"第{n}段。") for n in range(6)),
)


def one_to_one(confidences: list[float]) -> list[Link]:
    return [Link(range(n, n + 1), range(n, n + 1), c) for n, c in enumerate(confidences)]


def test_a_merge_in_the_middle_replaces_those_rows_and_repaints_new_confidences(qtbot) -> None:
    model = RowModel()
    model.set_document(DOCUMENT, Alignment(tuple(one_to_one([1.0] * 6)), 6, 6))
    kept = one_to_one([1.0, 0.5, 0, 0, 1.0, 0.25])
    merged = (*kept[:2], Link(range(2, 4), range(2, 4)), *kept[4:])
    told: list[tuple[str, int, int]] = []
    model.rowsRemoved.connect(lambda _, first, last: told.append(("removed", first, last)))
    model.rowsInserted.connect(lambda _, first, last: told.append(("inserted", first, last)))
    model.dataChanged.connect(lambda top, bottom: told.append(("data", top.row(), bottom.row())))

    model.set_alignment(Alignment(merged, 6, 6))

    # Old rows 2 and 3 go, new row 2 comes; rows 1 and 4 (old 5) have new confidences.
    assert told == [("removed", 2, 3), ("inserted", 2, 2), ("data", 1, 4)]
    assert [model.link(row) for row in range(model.rowCount())] == list(merged)


def test_the_same_alignment_again_tells_views_nothing(qtbot) -> None:
    model = RowModel()
    alignment = Alignment(tuple(one_to_one([0.5] * 6)), 6, 6)
    model.set_document(DOCUMENT, alignment)
    told: list[str] = []
    for signal in (model.rowsRemoved, model.rowsInserted, model.dataChanged):
        signal.connect(lambda *_: told.append("told"))
    model.set_alignment(Alignment(tuple(one_to_one([0.5] * 6)), 6, 6))
    assert told == []
