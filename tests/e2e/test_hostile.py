"""Hostile and broken input: refused with a located message, normalised where the meaning
is certain, never a traceback, never a file outside the output folder.

The bad plans with their exact messages are in tests/bad/ (see test_bad_plans.py).
"""

from __future__ import annotations

import re
import signal
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL_PLAN, bundle_of, minimal_text
from plangen.check.read.package import read_docx
from plangen.cli import main
from plangen.errors import PlanError, UserError
from plangen.pipeline.run import build_plan
from plangen.plan.datafiles import load_bundle
from plangen.plan.load import load_plan, load_plan_text
from plangen.plan.yamlread import MAX_FILE_BYTES
from plangen.spec import vn


@contextmanager
def no_hang(seconds: int = 20) -> Iterator[None]:
    """Fail instead of hanging (the limit is generous: speed is the benchmark's job)."""
    def stop(*_: object) -> None:
        raise TimeoutError(f"took more than {seconds} s")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def built_text(text: str, tmp_path: Path) -> list[str]:
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(text, encoding="utf-8")
    out = build_plan(bundle_of(plan_file), tmp_path / "out").written[0]
    return [p.text for p in read_docx(out).paragraphs]


def test_decomposed_vietnamese_is_composed(tmp_path: Path) -> None:
    text = minimal_text().replace("name: Trần Thị Bình",
                                  "name: " + unicodedata.normalize("NFD", "Trần Thị Bình"))
    assert "Trần Thị Bình" in built_text(text, tmp_path)


def test_pasted_dashes_and_zero_width_spaces_are_normalised(tmp_path: Path) -> None:
    text = minimal_text().replace("      - Nâng cao chất lượng dạy học",
                                  "      – Nâng cao\u200b chất lượng dạy học")
    text = text.replace("  - Sở Giáo dục và Đào tạo", "  - \"— Sở Giáo dục và Đào tạo\"")
    paragraphs = built_text(text, tmp_path)
    assert any(p.startswith("- Nâng cao chất lượng dạy học") for p in paragraphs)
    assert "- Sở Giáo dục và Đào tạo;" in paragraphs
    assert not any("\u200b" in p for p in paragraphs)


def test_raw_html_is_shown_as_text(tmp_path: Path) -> None:
    text = minimal_text().replace(
        "      - Nâng cao chất lượng dạy học",
        '      - <script>alert("x")</script> <b>Sở GD&ĐT</b> Nâng cao chất lượng dạy học')
    paragraphs = built_text(text, tmp_path)
    assert any(p.startswith('- <script>alert("x")</script> <b>Sở GD&ĐT</b> Nâng cao')
               for p in paragraphs)


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * MAX_FILE_BYTES + "\n")
    with no_hang():
        assert main(["validate", str(big)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{big}: tệp quá lớn ({MAX_FILE_BYTES + 3} byte; tối đa {MAX_FILE_BYTES} byte)")


def test_the_alias_bomb_is_refused_without_expanding(capsys: pytest.CaptureFixture[str]) -> None:
    bomb = Path(__file__).parents[1] / "bad" / "alias-bomb.yaml"
    with no_hang():
        assert main(["validate", str(bomb)]) == 1
    assert "quá nhiều phần tử" in capsys.readouterr().err


def test_python_tags_run_no_code(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = minimal_text().replace(
        "place: Hà Nội", f"place: !!python/object/apply:os.system ['touch {marker}']")
    with pytest.raises(PlanError):
        load_plan_text(text, "x.yaml")
    assert not marker.exists()


def test_a_file_that_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "latin1.yaml"
    plan.write_bytes(minimal_text().encode("utf-8").replace("Hà Nội".encode(), b"H\xe0 N\xf4i"))
    assert main(["validate", str(plan)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{plan}:5:45: tệp không phải UTF-8 (byte 0xE0 ở dòng 5, cột 45); hãy lưu lại với mã "
        "hóa UTF-8")


# -- names from data --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("../../x", "x"),
    ("CON", "con-tep"),
    ("lpt1", "lpt1-tep"),
    ("?!*/\\", "khong-ten"),
    ("Mô hình “Sổ tay điện tử” – tổ Toán", "mo-hinh-so-tay-dien-tu-to-toan"),
])
def test_safe_file_names(text: str, expected: str) -> None:
    assert vn.safe_file_name(text) == expected


def test_long_names_are_cut_but_stay_distinct() -> None:
    a, b = vn.safe_file_name("a" * 300), vn.safe_file_name("a" * 299 + "b")
    assert len(a) <= 80 and len(b) <= 80 and a != b
    assert vn.safe_file_name("a" * 300) == a  # stable


@given(st.text(max_size=400))
def test_any_name_stays_inside_the_folder(text: str) -> None:
    name = vn.safe_file_name(text)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name) and len(name) <= 80
    assert name not in {"con", "prn", "aux", "nul"}
    root = Path("/out").resolve()
    assert (root / name).resolve().parent == root


def test_a_plan_named_like_a_path_builds_inside_the_output(tmp_path: Path) -> None:
    plan = tmp_path / "..CON...yaml"
    plan.write_text(minimal_text(), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(plan), "-o", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["con-tep"]


# -- never a traceback --------------------------------------------------------------------

LINES = minimal_text().splitlines()
NOISE = st.sampled_from(["", " ", "\t", ":", "- ", "{{", "}}", "{%", "&a", "*a", "!!str",
                         "\"", "'", "#", "[", "]", "{", "}", "2023-02-30", "\u200d", "\x07",
                         "ü", "Ạ", "null", "-1", "1e999", "...", "---", "|", ">", "%"])


@st.composite
def mutated_plans(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        action = draw(st.sampled_from(["drop", "duplicate", "insert", "indent", "dedent"]))
        if action == "drop":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "insert":
            pos = draw(st.integers(min_value=0, max_value=len(lines[i])))
            lines[i] = lines[i][:pos] + draw(NOISE) + lines[i][pos:]
        elif action == "indent":
            lines[i] = "  " + lines[i]
        else:
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=mutated_plans())
def test_mutated_plans_build_or_fail_with_a_location(text: str, tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(text, encoding="utf-8")
    try:
        load_plan(plan_file)
    except PlanError as err:
        assert err.problems and all(p.line > 0 for p in err.problems), err.problems
        return
    try:
        build_plan(load_bundle(plan_file), tmp_path / "out", force=True)
    except UserError as err:
        assert err.lines


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_random_text_is_a_user_error_or_a_plan(text: str) -> None:
    try:
        load_plan_text(text, "random.yaml")
    except PlanError as err:
        assert err.problems


def test_minimal_plan_still_loads() -> None:
    assert load_plan(MINIMAL_PLAN).issuer.abbreviation == "THPTTN"
