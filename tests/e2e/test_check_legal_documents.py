"""``plangen check`` on the decree's own files: no false error of the kinds the
Government's files once raised (a recipient wrapped over two lines, NGHỊ ĐỊNH unknown,
the rules of legal normative documents judged by the administrative ones)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, SHARED
from plangen.check import check_docx
from plangen.check.read.layout import find_layout, is_type_name
from plangen.check.read.package import read_docx
from plangen.check.rules.catalog import BY_CODE
from plangen.spec import mau

DECREE = ROOT / "tests" / "data" / "nd30-nghi-dinh.docx"


def errors(path: Path) -> list[tuple[str, str]]:
    return [(f.code, f.en) for f in check_docx(path).findings
            if BY_CODE[f.code].severity in ("error", "warning")]


def test_the_decree_itself_has_no_false_error() -> None:
    assert errors(DECREE) == []


def test_the_decree_is_read_as_a_legal_normative_document_with_the_rules_left_out_named(
        ) -> None:
    report = check_docx(DECREE)
    left_out = {n.code: n.en for n in report.not_checked if "legal normative" in n.en}
    assert set(left_out) == {"C14", "C27", "C46"}
    assert left_out["C14"] == (
        "a Nghị định is a legal normative document, whose format Nghị định 30 does not "
        "govern: a legal normative document's number carries its year (Nghị định "
        "34/2016/NĐ-CP), unlike an administrative document's")


def test_a_recipient_wrapped_over_two_lines_is_one_recipient() -> None:
    layout = find_layout(read_docx(DECREE))
    wrapped = [p.text for p in layout.noi_nhan_items if not p.text.startswith("-")]
    assert wrapped == ["thành phố trực thuộc trung ương;",
                       "TGĐ Cổng TTĐT, các Vụ, Cục, đơn vị trực thuộc,", "Công báo;"]
    assert not [f for f in check_docx(DECREE).findings if f.code == "C36"]


@pytest.mark.parametrize(("title", "so", "legal"), [
    ("NGHỊ ĐỊNH", "Số: 30/2020/NĐ-CP", "Nghị định"),
    ("THÔNG TƯ", "Số: 01/2011/TT-BNV", "Thông tư"),
    ("QUYẾT ĐỊNH", "Số: 15/2020/QĐ-TTg", "Quyết định"),
    ("QUYẾT ĐỊNH", "Số: 45/QĐ-THPTTP", None),
    ("KẾ HOẠCH", "Số: 2020/KH-UBND", None),
])
def test_legal_normative_kinds(title: str, so: str, legal: str | None) -> None:
    assert mau.legal_title(title, so) == legal
    assert is_type_name(title)


@pytest.mark.skipif(not (SHARED / "reference").exists(), reason="needs ../shared/reference")
def test_phu_luc_i_of_the_decree_has_no_false_error() -> None:
    assert errors(SHARED / "reference" / "nd30-phu-luc-I.docx") == []
