"""X801–X803: a report against last year's report of the same agency and against the run."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reportlint.across import _BINS, _EMPTY, similarity
from reportlint.api import Options, lint_file, lint_paths

from conftest import SEED, run_cli

SEED_TEXT = SEED.read_text(encoding="utf-8")
CARRIED = "二、上年结转政府信息公开申请数量"
FORWARD = "四、结转下年度继续办理"
NEW = "一、本年新收政府信息公开申请数量"


def row(text: str, label: str, values: list[int]) -> str:
    line = next(r for r in text.splitlines() if r.startswith(label))
    return text.replace(line, "\t".join([label, "", *map(str, values), ""]))


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def last_year(forward: list[int]) -> str:
    text = SEED_TEXT.replace("2024", "2023")
    text = row(text, NEW, forward)
    return row(text, FORWARD, forward)


def codes(result) -> list[str]:
    return [d.code for d in result.diagnostics]


def test_carry_over_found_beside_the_report(tmp_path):
    write(tmp_path, "塔铺街道2023年报.txt", last_year([2, 0, 0, 0, 0, 0, 2]))
    this = write(tmp_path, "塔铺街道2024年报.txt", SEED_TEXT)  # carries over 0, last year carried 2 forward
    found = [d for d in lint_file(str(this)).diagnostics if d.code == "X801"]
    assert [(d.cell.column, d.expected, d.actual) for d in found] == [
        ("natural_person", 2, 0),
        ("total", 2, 0),
    ]


def test_carry_over_that_matches_is_silent(tmp_path):
    write(tmp_path, "塔铺街道2023年报.txt", last_year([2, 0, 0, 0, 0, 0, 2]))
    this = write(tmp_path, "塔铺街道2024年报.txt", row(SEED_TEXT, CARRIED, [2, 0, 0, 0, 0, 0, 2]))
    assert "X801" not in codes(lint_file(str(this)))


def test_in_force_follows_from_last_year(tmp_path):
    before = last_year([0] * 7).replace("行政规范性文件\t0\t0\t0", "行政规范性文件\t1\t0\t10")
    write(tmp_path, "塔铺街道2023年报.txt", before)
    this = write(
        tmp_path,
        "塔铺街道2024年报.txt",
        SEED_TEXT.replace("行政规范性文件\t0\t0\t0", "行政规范性文件\t2\t1\t14"),
    )
    (found,) = [d for d in lint_file(str(this)).diagnostics if d.code == "X802"]
    assert (found.expected, found.actual) == (11, 14)


def test_a_section_copied_from_last_year(tmp_path):
    write(tmp_path, "塔铺街道2023年报.txt", last_year([0] * 7))
    this = write(tmp_path, "塔铺街道2024年报.txt", SEED_TEXT)
    copied = [d for d in lint_file(str(this)).diagnostics if d.code == "X803"]
    assert copied and all("2023年报" in d.message for d in copied)


def test_another_agency_with_the_same_text_in_the_run(tmp_path):
    a = write(tmp_path, "a.txt", SEED_TEXT)
    b = write(tmp_path, "b.txt", SEED_TEXT.replace("塔铺街道", "城关镇"))
    results = lint_paths([str(tmp_path)])
    assert [r.path for r in results] == [str(a), str(b)]
    assert all("X803" in codes(r) for r in results)
    assert all("X803" not in codes(r) for r in lint_paths([str(tmp_path)], Options(similarity=1.01)))


def test_different_texts_are_not_copies(tmp_path):
    write(tmp_path, "a.txt", SEED_TEXT)
    other = Path(__file__).parent / "data" / "reports" / "layout_tab.txt"
    write(tmp_path, "b.txt", other.read_text(encoding="utf-8"))
    assert not any("X803" in codes(r) for r in lint_paths([str(tmp_path)]))


def test_previous_given_on_the_command_line(tmp_path):
    old = write(
        tmp_path / "old" if (tmp_path / "old").mkdir() is None else tmp_path,
        "2023.txt",
        last_year([1, 0, 0, 0, 0, 0, 1]),
    )
    this = write(tmp_path, "this.txt", SEED_TEXT)
    result = run_cli("check", "--format", "json", "--previous", str(old), str(this))
    assert "X801" in {d["code"] for d in json.loads(result.stdout)}


_BIN = st.sampled_from([_EMPTY, 1, 2, 3])


@given(st.lists(_BIN, min_size=_BINS, max_size=_BINS), st.lists(_BIN, min_size=_BINS, max_size=_BINS))
def test_similarity_counts_agreeing_bins_among_those_used(a, b):
    """The fast similarity is the definition: agreeing bins over the bins not empty in both."""
    used = [(x, y) for x, y in zip(a, b, strict=True) if x != _EMPTY or y != _EMPTY]
    expected = sum(1 for x, y in used if x == y) / len(used) if used else 0.0
    assert similarity(tuple(a), tuple(b)) == expected


def test_a_run_of_many_copies_names_a_look_alike_for_each(tmp_path):
    """Thousands of copies of one text: each report is compared with a bounded number of the
    others (across.CANDIDATES), and each is still told it has a look-alike."""
    for n in range(60):
        write(tmp_path, f"第{n}街道2024年报.txt", SEED_TEXT.replace("塔铺街道", f"第{n}街道"))
    results = lint_paths([str(tmp_path)], Options(find_config=False))
    assert all("X803" in codes(r) for r in results)
