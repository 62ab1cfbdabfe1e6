"""Reading what hand-made files contain: each case of issue 23's "Why", on a Word file
typed the way offices type it, read into plan data and written as a plan that loads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx

from handtyped import typed
from plangen.check.read.package import read_docx
from plangen.importdoc.read import Correction, Imported, read_plan_parts
from plangen.importdoc.write import plan_yaml
from plangen.plan.load import load_plan_text

HEADER_ON_ONE_LINE = [
    "SỞ GD–ĐT BÌNH PHƯỚC          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "TRƯỜNG THPT ĐỒNG XOÀI          Độc lập - Tự do - Hạnh phúc",
    "Số: 35/KH-THPTĐX          Đồng Xoài, ngày 10 tháng 9 năm 2024",
]
SIGNER_AS_LINES = ("c", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\n\nNguyễn Văn Bình")


def imported(tmp_path: Path, lines: list[Any], numbered: list[str] = ()) -> Imported:
    docx = typed(tmp_path / "van-ban.docx", lines, numbered)
    return read_plan_parts(read_docx(docx.read_bytes()))


def loads(parts: Imported) -> None:
    """The plan written of ``parts`` loads as a plan (whatever it still has to fill)."""
    load_plan_text(plan_yaml(parts, "van-ban.docx"), "van-ban.yaml")


def test_a_header_typed_on_one_line_keeps_its_issuer_number_and_date(tmp_path: Path) -> None:
    parts = imported(tmp_path, [*HEADER_ON_ONE_LINE, ("c", "KẾ HOẠCH"),
                                ("c", "Tổ chức hoạt động ngoại khóa"),
                                ("b", "I. MỤC ĐÍCH – YÊU CẦU:"), "Giáo dục kỹ năng sống.",
                                ("b", "Nơi nhận:"), "- Lưu: VT.", SIGNER_AS_LINES])
    plan = parts.plan
    assert (plan["issuer"]["name"], plan["issuer"]["parent"], plan["number"],
            plan["issued_on"].isoformat(), plan["place"]) == (
        "Trường THPT Đồng Xoài", "Sở GD–ĐT Bình Phước", 35, "2024-09-10", "Đồng Xoài")
    assert plan["body"] == [{"heading": "Mục đích – yêu cầu",
                             "content": "Giáo dục kỹ năng sống."}]
    loads(parts)


def test_the_signer_and_the_recipients_typed_as_lines_are_read_line_by_line(
        tmp_path: Path) -> None:
    """Shift+Enter lines: the signer "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" (once read as
    "Giám đốc phó giám đốc") and the Nơi nhận (once only an invented "Lưu: VT")."""
    parts = imported(tmp_path, [*HEADER_ON_ONE_LINE, ("c", "KẾ HOẠCH"), ("c", "Tổ chức hội thi"),
                                "Nội dung của kế hoạch.", ("b", "Nơi nhận:"),
                                "- Sở GD&ĐT;\n- Các tổ chuyên môn;\n- Lưu: VT, VP.",
                                SIGNER_AS_LINES])
    assert parts.plan["signer"] == {"head_title": "Giám đốc", "authority": "KT.",
                                    "title": "Phó giám đốc", "name": "Nguyễn Văn Bình"}
    assert parts.plan["noi_nhan"] == ["Sở GD&ĐT", "Các tổ chuyên môn", "Lưu: VT, VP"]


def test_a_recipient_wrapped_over_two_lines_is_one_recipient(tmp_path: Path) -> None:
    parts = imported(tmp_path, [*HEADER_ON_ONE_LINE, ("c", "KẾ HOẠCH"), ("c", "Tổ chức hội thi"),
                                "Nội dung.", ("b", "Nơi nhận:"),
                                "- HĐND, UBND các tỉnh,\nthành phố trực thuộc trung ương;\n"
                                "- Lưu: VT.", SIGNER_AS_LINES])
    assert parts.plan["noi_nhan"] == [
        "HĐND, UBND các tỉnh, thành phố trực thuộc trung ương", "Lưu: VT"]


def test_word_numbering_makes_headings_not_bullets(tmp_path: Path) -> None:
    """"1. Thuận lợi" numbered by Word (once read as "- Thuận lợi")."""
    parts = imported(tmp_path, [*HEADER_ON_ONE_LINE, ("c", "BÁO CÁO"), ("c", "Sơ kết học kỳ I"),
                                ("b", "I. ĐẶC ĐIỂM TÌNH HÌNH"), "<numbered>",
                                "Nhà trường có đủ giáo viên.", ("b", "Nơi nhận:"), "- Lưu: VT.",
                                SIGNER_AS_LINES], numbered=["Thuận lợi"])
    assert parts.plan["kind"] == "BC"
    assert parts.plan["body"] == [{"heading": "Đặc điểm tình hình", "sections": [
        {"heading": "Thuận lợi", "content": "Nhà trường có đủ giáo viên."}]}]


def test_headings_with_a_colon_a_dash_or_no_dot(tmp_path: Path) -> None:
    parts = imported(tmp_path, [*HEADER_ON_ONE_LINE, ("c", "KẾ HOẠCH"), ("c", "Tổ chức hội thi"),
                                ("b", "I - MỤC ĐÍCH"), "Một.", ("b", "II MỤC TIÊU"), "Hai.",
                                ("b", "III. TỔ CHỨC THỰC HIỆN:"), "Ba.", ("b", "Nơi nhận:"),
                                "- Lưu: VT.", SIGNER_AS_LINES])
    assert [s["heading"] for s in parts.plan["body"]] == ["Mục đích", "Mục tiêu",
                                                          "Tổ chức thực hiện"]


def test_lines_hard_wrapped_mid_sentence_are_joined(tmp_path: Path) -> None:
    """Text pasted from a PDF: each printed line a paragraph."""
    parts = imported(tmp_path, [*HEADER_ON_ONE_LINE, ("c", "KẾ HOẠCH"), ("c", "Tổ chức hội thi"),
                                ("b", "I. MỤC ĐÍCH"), "- Nhà trường có đội ngũ giáo viên đạt",
                                "chuẩn và trên chuẩn.", "- Học sinh chăm ngoan.",
                                ("b", "Nơi nhận:"), "- Lưu: VT.", SIGNER_AS_LINES])
    assert parts.plan["body"][0]["content"] == (
        "- Nhà trường có đội ngũ giáo viên đạt chuẩn và trên chuẩn.\n- Học sinh chăm ngoan.")


def test_v_v_under_the_so_line_is_a_cong_van_with_its_kinh_gui(tmp_path: Path) -> None:
    """Once imported as a Kế hoạch with the whole body inside kinh_gui."""
    parts = imported(tmp_path, [
        "UBND HUYỆN THANH CHƯƠNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO          Độc lập - Tự do - Hạnh phúc",
        "Số: 278/PGD&ĐT-THCS          Thanh Chương, ngày 09 tháng 9 năm 2014",
        "V/v hướng dẫn nhiệm vụ năm học", ("c", "Kính gửi: Hiệu trưởng các trường THCS"),
        "Phòng hướng dẫn các trường thực hiện nhiệm vụ năm học như sau:",
        "1. Thực hiện kế hoạch giáo dục.", ("b", "Nơi nhận:"), "- Như trên;\n- Lưu: VT.",
        SIGNER_AS_LINES])
    plan = parts.plan
    assert (plan["kind"], plan["issuer"]["abbreviation"], plan["unit"], plan["trich_yeu"],
            plan["kinh_gui"]) == ("CV", "PGD&ĐT", "THCS", "hướng dẫn nhiệm vụ năm học",
                                  ["Hiệu trưởng các trường THCS"])
    assert plan["content"] == ("Phòng hướng dẫn các trường thực hiện nhiệm vụ năm học như "
                               "sau:\n\n1. Thực hiện kế hoạch giáo dục.")
    loads(parts)


def test_a_decision_gets_its_authority_proposal_and_articles(tmp_path: Path) -> None:
    parts = imported(tmp_path, [
        "SỞ GD&ĐT BÌNH ĐỊNH          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TRƯỜNG THPT TRẦN PHÚ          Độc lập - Tự do - Hạnh phúc",
        "Số: 12/QĐ-THPTTP          Quy Nhơn, ngày 05 tháng 9 năm 2024",
        ("c", "QUYẾT ĐỊNH"), ("c", "Về việc thành lập Ban tổ chức hội thi"),
        ("c", "HIỆU TRƯỞNG TRƯỜNG THPT TRẦN PHÚ"),
        ("i", "Căn cứ Điều lệ trường trung học;"), ("i", "Xét đề nghị của Tổ Văn phòng,"),
        ("c", "QUYẾT ĐỊNH:"), "Điều 1. Thành lập Ban tổ chức hội thi.",
        "Điều 2. Quyết định có hiệu lực kể từ ngày ký./.", ("b", "Nơi nhận:"),
        "- Như Điều 2;\n- Lưu: VT.", ("c", "HIỆU TRƯỞNG\n\n\n\nVõ Thị Hương")])
    plan = parts.plan
    assert (plan["kind"], plan["authority"], plan["can_cu"], plan["theo_de_nghi"],
            plan["dieu"]) == (
        "QĐ", "Hiệu trưởng Trường THPT Trần Phú", ["Căn cứ Điều lệ trường trung học"],
        "Xét đề nghị của Tổ Văn phòng", ["Thành lập Ban tổ chức hội thi.",
                                          "Quyết định có hiệu lực kể từ ngày ký."])
    loads(parts)


def test_what_cannot_be_found_is_left_to_fill_with_a_review_note_above_its_key(
        tmp_path: Path) -> None:
    """Once "Cơ quan ban hành", "Địa danh", "Trích yếu", "Nội dung" and "Thủ trưởng cơ
    quan" were written silently and passed the gate."""
    parts = imported(tmp_path, [("c", "BÁO CÁO"), "Nhà trường báo cáo như sau.",
                                ("b", "Nơi nhận:"), "- Lưu: VT."])
    text = plan_yaml(parts, "bao-cao.docx")
    assert ("# XEM LẠI: không tìm thấy tên cơ quan ban hành ở phần đầu\nissuer:\n"
            '  name: "<<cần điền: tên cơ quan ban hành>>"') in text
    assert ('# XEM LẠI: không tìm thấy dòng địa danh, ngày tháng\n'
            'place: "<<cần điền: địa danh>>"') in text
    assert 'title: "<<cần điền: chức vụ người ký>>"' in text
    assert 'trich_yeu: "<<cần điền: trích yếu>>"' in text
    assert text.rstrip().splitlines()[-1].startswith("  - ")  # no note left at the end
    loads(parts)


def test_a_report_without_a_date_line_still_loads(tmp_path: Path) -> None:
    """A Báo cáo once failed because ``place`` was missing."""
    parts = imported(tmp_path, ["PHÒNG GD&ĐT BẢO LÂM", ("b", "TRƯỜNG THCS MÔNG ÂN"),
                                "Số: 15/BC-THCSMA", ("c", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                                ("c", "Độc lập - Tự do - Hạnh phúc"), ("c", "BÁO CÁO"),
                                ("c", "Kết quả năm học"), "Nhà trường báo cáo.",
                                ("b", "Nơi nhận:"), "- Lưu: VT.", ("c", "HIỆU TRƯỞNG\n\n\n\nAn")])
    assert parts.plan["kind"] == "BC"
    assert parts.plan["place"] == "<<cần điền: địa danh>>"
    loads(parts)


def test_footnotes_are_imported_as_footnotes(tmp_path: Path) -> None:
    docx = typed(tmp_path / "k.docx", [*HEADER_ON_ONE_LINE, ("c", "KẾ HOẠCH"), ("c", "Hội thi"),
                                       "Thực hiện Kế hoạch của Sở.", ("b", "Nơi nhận:"),
                                       "- Lưu: VT.", SIGNER_AS_LINES])
    doc = read_docx(docx.read_bytes())
    body = next(p for p in doc.paragraphs if p.text.startswith("Thực hiện"))
    body.runs.append(body.runs[-1].__class__(**{**{k: getattr(body.runs[-1], k) for k in (
        "text", "bold", "italic", "size_pt", "fonts", "color", "underline", "vert_align",
        "caps", "lang")}, "text": "", "footnote": "1"}))
    parts = read_plan_parts(doc, footnotes={"1": "Kế hoạch số 12/KH-SGDĐT ngày 01/9/2024."})
    assert parts.plan["content"] == ("Thực hiện Kế hoạch của Sở.[^1]\n\n"
                                     "[^1]: Kế hoạch số 12/KH-SGDĐT ngày 01/9/2024.")


def test_the_decrees_compendium_is_a_collection_of_samples(tmp_path: Path) -> None:
    lines: list[Any] = []
    for n in range(1, 5):
        lines += [f"Mẫu 1.{n} - Văn bản", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KẾ HOẠCH"]
    assert imported(tmp_path, lines).collection == 4



def test_typed_rules_are_dropped_and_a_header_table_with_merged_cells_keeps_its_sides(
        tmp_path: Path) -> None:
    document = docx.Document()
    header = document.add_table(rows=2, cols=3)
    header.cell(0, 1).merge(header.cell(0, 2))
    header.cell(0, 0).text = "UBND HUYỆN PHÙ CÁT\nTRƯỜNG THCS NGUYỄN DU"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 05/BC-THCSND"
    header.cell(1, 2).text = "Phù Cát, ngày 13 tháng 01 năm 2025"
    for text in ("-------------          ------------------", "BÁO CÁO", "Sơ kết học kỳ I",
                 "________", "Nhà trường báo cáo kết quả học kỳ I.", "Nơi nhận:", "- Lưu: VT.",
                 "HIỆU TRƯỞNG", "", "", "", "Lê Văn Hòa"):
        document.add_paragraph(text)
    path = tmp_path / "merged.docx"
    document.save(str(path))
    parts = read_plan_parts(read_docx(path.read_bytes()))
    assert (parts.plan["issuer"]["name"], parts.plan["place"], parts.plan["number"]) == (
        "Trường THCS Nguyễn Du", "Phù Cát", 5)
    assert parts.review == [
        ("issuer", 'chữ hoa, chữ thường của tên "Trường THCS Nguyễn Du" là đoán'),
        ("issuer", 'chữ hoa, chữ thường của tên "UBND huyện Phù Cát" là đoán')]
    assert parts.plan["content"] == "Nhà trường báo cáo kết quả học kỳ I."


def test_a_kinh_gui_the_kind_has_not_is_said_not_dropped(tmp_path: Path) -> None:
    parts = imported(tmp_path, [*HEADER_ON_ONE_LINE, ("c", "QUYẾT ĐỊNH"), ("c", "Về việc khen"),
                                ("c", "HIỆU TRƯỞNG"), "Kính gửi: Phòng GD&ĐT",
                                ("c", "QUYẾT ĐỊNH:"), "Điều 1. Khen thưởng.",
                                ("b", "Nơi nhận:"), "- Lưu: VT.", SIGNER_AS_LINES])
    assert "kinh_gui" not in parts.plan
    assert ("noi_nhan", "Quyết định không có Kính gửi: Phòng GD&ĐT (thêm vào nơi nhận nếu "
            "cần)") in parts.review


def test_a_trich_yeu_on_several_capitals_lines(tmp_path: Path) -> None:
    parts = imported(tmp_path, [*HEADER_ON_ONE_LINE, ("c", "KẾ HOẠCH"),
                                ("c", "TỔ CHỨC HỘI THI GIÁO VIÊN DẠY GIỎI"),
                                ("c", "CẤP TRƯỜNG NĂM HỌC 2024 - 2025"), "Nội dung.",
                                ("b", "Nơi nhận:"), "- Lưu: VT.", SIGNER_AS_LINES])
    assert parts.plan["trich_yeu"] == ("Tổ chức hội thi giáo viên dạy giỏi\n"
                                       "cấp trường năm học 2024 - 2025")
    assert Correction("trich_yeu", "trích yếu in hoa toàn bộ viết lại chữ thường (plangen in "
                      "đậm theo Nghị định 30)") in parts.corrections
