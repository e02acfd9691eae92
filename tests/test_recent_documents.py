"""The recent list (most recent first, a pair as one entry, at most ten, robust to a damaged
setting) and the library's titles."""

from __future__ import annotations

from pathlib import Path

from reader.core.bundled import seed_paths
from reader.core.library import library_entry
from reader.core.recent_documents import MAX_RECENT, forget, from_json, remember, to_json


def test_most_recent_first_without_repeats(tmp_path: Path) -> None:
    a, b, c = (tmp_path / name for name in ("a.txt", "b.txt", "c.txt"))
    recent = remember([], [a])
    recent = remember(recent, [b, c])
    recent = remember(recent, [a])
    assert recent == [(a,), (b, c)]


def test_a_pair_in_either_order_is_one_entry(tmp_path: Path) -> None:
    en, zh, other = tmp_path / "en.txt", tmp_path / "zh.txt", tmp_path / "other.txt"
    recent = remember(remember(remember([], [en, zh]), [other]), [zh, en])
    assert recent == [(zh, en), (other,)]
    assert forget(recent, (en, zh)) == [(other,)]


def test_at_most_ten(tmp_path: Path) -> None:
    recent: list = []
    for n in range(15):
        recent = remember(recent, [tmp_path / f"{n}.txt"])
    assert len(recent) == MAX_RECENT
    assert recent[0] == (tmp_path / "14.txt",)


def test_relative_paths_are_kept_absolute() -> None:
    (entry,) = remember([], [Path("doc.txt")])
    assert entry[0].is_absolute()


def test_forget(tmp_path: Path) -> None:
    a, b = (tmp_path / "a.txt",), (tmp_path / "b.txt",)
    assert forget([a, b], a) == [b]


def test_json_round_trip_keeps_any_path(tmp_path: Path) -> None:
    odd = tmp_path / 'comma, "quote" 人民日报.txt'
    recent = [(odd,), (tmp_path / "en.txt", tmp_path / "zh.txt")]
    assert from_json(to_json(recent)) == recent


def test_a_damaged_setting_costs_the_list_and_nothing_else() -> None:
    assert from_json(None) == []
    assert from_json("not json") == []
    assert from_json('{"a": 1}') == []
    assert from_json('[["a.txt"], 3, [], ["a", "b", "c"], [""], ["b.txt", "c.txt"]]') == [
        (Path("a.txt"),),
        (Path("b.txt"), Path("c.txt")),
    ]


def test_library_entry_has_the_documents_title() -> None:
    entry = library_entry(seed_paths()[:1])
    assert entry.title.startswith("Seize the Time")
    assert entry.problem == ""


def test_library_entry_of_a_missing_file_says_why(tmp_path: Path) -> None:
    gone = tmp_path / "gone.txt"
    entry = library_entry([gone])
    assert entry.title == "gone.txt"
    assert "does not exist" in entry.problem
