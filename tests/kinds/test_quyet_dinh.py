"""Quyết định: what it issues is written one way, its proposal line reads as one."""

from __future__ import annotations

import pytest

from conftest import problems_of, without_campaign

DECISION = """
van_ban:
  - kind: QĐ
    number: 3
    issued_on: 2024-03-01
    trich_yeu: Về việc ban hành Quy chế
    authority: Hiệu trưởng Trường THPT Thử Nghiệm
    theo_de_nghi: Theo đề nghị của Tổ Văn phòng
    dieu: [Ban hành kèm theo Quyết định này Quy chế.]
    noi_nhan: ["Lưu: VT"]
"""


@pytest.mark.parametrize(("issued", "expected"), [
    ("    ban_hanh: {kind: QC, trich_yeu: Quy chế làm việc}\n",
     ["van_ban[0].ban_hanh: the document issued with the decision has no content: write "
      "chuong (chapters), dieu (articles), body (sections) or content"]),
    ("    ban_hanh:\n      kind: QC\n      trich_yeu: Quy chế làm việc\n      content: Một.\n"
     "      dieu: [{title: Phạm vi, content: Hai.}]\n",
     ["van_ban[0].ban_hanh.content: write the issued document one way only, but it has: "
      "dieu, content"]),
    ("    ban_hanh:\n      kind: QC\n      trich_yeu: Quy chế làm việc\n"
     "      dieu: [{title: Phạm vi, khoan: [\"1. Quy chế này quy định.\"]}]\n",
     ["van_ban[0].ban_hanh.dieu[0].khoan[0]: do not write a number or letter at the start "
      'of a clause or point: plangen writes "1.", "a)", …']),
])
def test_what_a_decision_issues_is_checked_at_its_line(issued: str,
                                                      expected: list[str]) -> None:
    assert problems_of(without_campaign() + DECISION + issued) == expected


@pytest.mark.parametrize("line", ["Theo đề nghị của Tổ Văn phòng", "Xét đề nghị của Tổ Văn phòng"])
def test_a_proposal_opens_with_theo_or_xet_de_nghi(line: str) -> None:
    text = DECISION.replace("Theo đề nghị của Tổ Văn phòng", line)
    assert problems_of(without_campaign() + text) == []


def test_another_line_after_the_can_cu_is_refused() -> None:
    text = DECISION.replace("Theo đề nghị của Tổ Văn phòng", "Tổ Văn phòng đề nghị ban hành")
    assert problems_of(without_campaign() + text) == [
        'van_ban[0].theo_de_nghi: the line after the căn cứ must start "Theo đề nghị" or '
        '"Xét đề nghị" (it reads "Tổ Văn phòng đề nghị ban hành…")']
