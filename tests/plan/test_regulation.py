"""A regulation written as data: numbers counted where they are printed."""

from __future__ import annotations

from plangen.plan.document import Division, Heading, Prose
from plangen.plan.regulation import Chuong, Dieu, Khoan, Muc, regulation_blocks, regulation_rules


def article(title: str, *khoan: str | Khoan) -> Dieu:
    return Dieu(title=title, khoan=list(khoan))


def test_articles_are_numbered_across_chapters_sections_within_their_chapter() -> None:
    chapters = [
        Chuong(title="Quy định chung", dieu=[article("Phạm vi", "Quy chế này quy định.")]),
        Chuong(title="Danh hiệu", muc=[
            Muc(title="Cá nhân", dieu=[article("Lao động tiên tiến", "Xét hằng năm.")]),
            Muc(title="Tập thể", dieu=[article("Tập thể tiên tiến", Khoan(
                content="Tiêu chuẩn:", diem=["hoàn thành nhiệm vụ;", "đoàn kết."]))])]),
    ]
    blocks = regulation_blocks(chapters, [])
    labels = [(b.label, b.title) if isinstance(b, Division) else
              (b.label, b.text) if isinstance(b, Heading) else b.text
              for b in blocks if isinstance(b, Division | Heading | Prose)]
    assert labels == [
        ("Chương I", "Quy định chung"), ("Điều 1.", "Phạm vi"), "1. Quy chế này quy định.",
        ("Chương II", "Danh hiệu"), ("Mục 1", "Cá nhân"), ("Điều 2.", "Lao động tiên tiến"),
        "1. Xét hằng năm.", ("Mục 2", "Tập thể"), ("Điều 3.", "Tập thể tiên tiến"),
        "1. Tiêu chuẩn:\na) hoàn thành nhiệm vụ;\nb) đoàn kết."]


def test_articles_without_chapters_and_an_article_without_clauses() -> None:
    blocks = regulation_blocks([], [Dieu(title="Nhiệm vụ", content="Ban tổ chức họp.")])
    assert [(type(b).__name__, getattr(b, "label", None)) for b in blocks] == [
        ("Heading", "Điều 1."), ("Prose", None)]


def test_numbers_typed_by_hand_and_empty_parts_are_refused_at_their_path() -> None:
    chapters = [Chuong(title="Trống"),
                Chuong(title="Có", dieu=[Dieu(title="Điều 5. Phạm vi"),
                                         article("Tiêu chuẩn", "1. Một.", Khoan(
                                             content="Gồm:", diem=["a) hai"]))])]
    found = [(p.path, p.code) for p in regulation_rules(chapters, [], ("ban_hanh",))]
    assert found == [
        (("ban_hanh", "chuong", 0), "chuong_empty"),
        (("ban_hanh", "chuong", 1, "dieu", 0, "title"), "article_numbered"),
        (("ban_hanh", "chuong", 1, "dieu", 0), "dieu_empty"),
        (("ban_hanh", "chuong", 1, "dieu", 1, "khoan", 0), "clause_numbered"),
        (("ban_hanh", "chuong", 1, "dieu", 1, "khoan", 1, "diem", 0), "clause_numbered")]
