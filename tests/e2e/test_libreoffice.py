"""The Kế hoạch as LibreOffice lays it out: lines that must not wrap, rules at the
decree's lengths measured on the rendered page, page numbers from page 2.

Needs LibreOffice (soffice) and poppler (pdftotext, pdftoppm); .ci/run installs them.
Outside CI the tests are skipped when those programs are missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from plangen.spec.metrics import text_width_cm

TOOLS = ("soffice", "pdftotext", "pdftoppm")
missing = [tool for tool in TOOLS if shutil.which(tool) is None]
if missing and os.environ.get("CI"):
    raise RuntimeError(f"CI must install {', '.join(missing)} (see .ci/run)")
pytestmark = [pytest.mark.libreoffice,
              pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)}")]
DPI = 150
PX_PER_CM = DPI / 2.54


def to_pdf(docx: Path, out: Path) -> Path:
    profile = out / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(docx)],
                   check=True, capture_output=True, timeout=180)
    return out / f"{docx.stem}.pdf"


@pytest.fixture(scope="module")
def seed_pdf(seed_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return to_pdf(seed_docx, tmp_path_factory.mktemp("pdf"))


def page_text(pdf: Path, page: int) -> list[str]:
    done = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page),
                           str(pdf), "-"], check=True, capture_output=True, text=True)
    return [line.strip() for line in done.stdout.splitlines() if line.strip()]


def page_count(pdf: Path) -> int:
    done = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(next(x for x in done.stdout.splitlines() if x.startswith("Pages:")).split()[1])


def test_header_lines_do_not_wrap_and_so_sits_level_with_the_date(seed_pdf: Path) -> None:
    lines = page_text(seed_pdf, 1)
    assert any("TRƯỜNG THPT NGUYỄN TRÃI" in line for line in lines)
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in line for line in lines)
    level = [line for line in lines if line.startswith("Số:")]
    assert len(level) == 1
    assert level[0].endswith("Thành phố Hồ Chí Minh, ngày 21 tháng 8 năm 2023")


def test_page_numbers_from_page_two_only_and_restarting_in_each_phu_luc(seed_pdf: Path) -> None:
    pages = [page_text(seed_pdf, n) for n in range(1, page_count(seed_pdf) + 1)]
    starts = [n for n, lines in enumerate(pages) if lines[0] == "Phụ lục I"
              or lines[0] == "Phụ lục II"]
    assert len(starts) == 2 and starts[0] >= 2
    sections = [pages[:starts[0]], pages[starts[0]:starts[1]], pages[starts[1]:]]
    for section in sections:
        assert not section[0][0].isdigit()  # the first page of each part shows none
        for number, lines in enumerate(section[1:], start=2):
            assert lines[0] == str(number)


def test_signer_stays_with_the_last_paragraph(seed_pdf: Path) -> None:
    pages = [page_text(seed_pdf, n) for n in range(1, page_count(seed_pdf) + 1)]
    last = next(lines for lines in pages if any(line.endswith("./.") for line in lines))
    assert any(line.endswith("Nguyễn Trãi./.") for line in last)
    assert any(line.startswith("Nơi nhận:") and line.endswith("HIỆU TRƯỞNG") for line in last)


def horizontal_rules(pdf: Path, out: Path) -> list[tuple[int, float]]:
    """(row, length in cm) of each long horizontal dark line on page 1."""
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", "1", "-l", "1", str(pdf),
                    str(out / "page")], check=True)
    data = next(out.glob("page*.pgm")).read_bytes()
    header, _, pixels = _split_pgm(data)
    width, height = header
    rules: list[tuple[int, float]] = []
    for y in range(height):
        row = pixels[y * width:(y + 1) * width]
        run = best = 0
        for value in row:
            run = run + 1 if value < 128 else 0
            best = max(best, run)
        if best > PX_PER_CM:  # longer than 1 cm: no letter is that wide
            if rules and y - rules[-1][0] <= 3:
                continue  # the same line, a pixel thicker
            rules.append((y, best / PX_PER_CM))
    return rules


def _split_pgm(data: bytes) -> tuple[tuple[int, int], int, bytes]:
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    return (int(fields[1]), int(fields[2])), int(fields[3]), data[pos + 1:]


def test_rules_render_at_the_decree_lengths(seed_pdf: Path, tmp_path: Path) -> None:
    rules = horizontal_rules(seed_pdf, tmp_path)
    assert len(rules) == 3, rules  # issuer, Tiêu ngữ, trích yếu
    by_row = sorted(rules)
    issuer, motto = sorted(by_row[:2], key=lambda r: r[1])
    trich_yeu = by_row[2]
    name = text_width_cm("TRƯỜNG THPT NGUYỄN TRÃI", 12, bold=True)
    assert name / 3 <= issuer[1] <= name / 2, (issuer, name)
    tieu_ngu = text_width_cm("Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    assert abs(motto[1] - tieu_ngu) <= 0.1, (motto, tieu_ngu)
    widest = text_width_cm("của Trường THPT Nguyễn Trãi giai đoạn 2023 - 2025", 14, bold=True)
    assert widest / 3 <= trich_yeu[1] <= widest / 2, (trich_yeu, widest)


@pytest.fixture(scope="module")
def footnoted_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plan with a centred line, a body table and two footnotes, as LibreOffice lays
    it out."""
    from conftest import without_campaign
    from e2e.test_any_office import FOOTNOTES_BODY, SIMPLE_BODY, build_text

    folder = tmp_path_factory.mktemp("footnoted")
    out = build_text(folder, without_campaign(**{SIMPLE_BODY: FOOTNOTES_BODY}))
    return to_pdf(out / "ke-hoach.docx", folder)


def test_footnotes_sit_at_the_foot_of_the_page_below_the_signer(footnoted_pdf: Path) -> None:
    lines = page_text(footnoted_pdf, 1)
    signer = lines.index("Trần Thị Bình")
    foot = lines[signer + 1:]
    assert foot[0].startswith("1 Quyết định số 12/QĐ-UBND ngày 05 tháng 01 năm 2024")
    assert foot[-1] == "2 Tính cả giáo viên hợp đồng."
    assert any(line.endswith("Quyết định số 12¹.") or line.endswith("Quyết định số 121.")
               for line in lines[:signer])


def test_a_markdown_table_is_drawn_as_a_table_with_its_rows(footnoted_pdf: Path) -> None:
    lines = page_text(footnoted_pdf, 1)
    rows = [" ".join(line.split()) for line in lines]
    assert "STT Chỉ tiêu Năm 2024" in rows
    assert "1 Giáo viên dạy giỏi cấp trường 20" in rows
    assert "2 Giáo viên dạy giỏi cấp thành phố 5" in rows
    assert "./." in rows  # the content ends below the table


# -- no page holds only its number -------------------------------------------------------


def to_pdfs(docx_files: list[Path], out: Path) -> list[Path]:
    """Every file converted by one LibreOffice run."""
    profile = out / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, docx_files)],
                   check=True, capture_output=True, timeout=600)
    return [out / f"{docx.stem}.pdf" for docx in docx_files]


def blank_pages(pdf: Path) -> list[int]:
    """The pages whose only text is their page number (or nothing)."""
    return [page for page in range(1, page_count(pdf) + 1)
            if all(line.isdigit() for line in page_text(pdf, page))]


def test_no_example_document_has_a_page_with_nothing_but_its_number(
        tmp_path: Path) -> None:
    from conftest import ROOT
    from plangen.pipeline.run import build_plan
    from plangen.plan.datafiles import load_bundle

    documents: list[Path] = []
    for plan in sorted((ROOT / "plans").glob("*.yaml")):
        written = build_plan(load_bundle(plan), tmp_path / plan.stem).written
        documents += [p for p in written if p.suffix == ".docx"
                      and "phieu-dang-ky" not in p.parts[-2:-1]]  # forms: one is enough
    for i, docx in enumerate(documents):  # stems repeat across plans (ke-hoach.docx)
        documents[i] = docx.rename(docx.with_name(f"{docx.parent.name}-{docx.name}"))
    pdfs = to_pdfs(documents, tmp_path / "pdf")
    assert {pdf.name: blank_pages(pdf) for pdf in pdfs if blank_pages(pdf)} == {}


def test_a_signature_table_at_the_foot_of_a_page_leaves_no_blank_page(tmp_path: Path) -> None:
    """A Phụ lục starts a section; the paragraph that ends the last section follows the
    signature table. Two documents whose table ends at the very foot of page 1 (found by
    trying body lengths and Nơi nhận lengths) gave a page 2 with nothing but "2"."""
    from conftest import bundle_of, write_plan
    from plangen.pipeline.run import build_plan

    made = []
    for lines, recipients in ((21, 8), (22, 6)):
        body = "\n".join(f"      - Ý thứ {i} của nội dung văn bản." for i in range(lines))
        noi_nhan = ", ".join([f'"Nơi {j}"' for j in range(recipients)] + ['"Lưu: VT"'])
        text = (f"issuer: {{name: Trường THCS Thử Nghiệm, abbreviation: THCSTN}}\n"
                "place: Hà Nội\nsigner: {title: Hiệu trưởng, name: Lê Thị Hoa}\nvan_ban:\n"
                "  - kind: TB\n    number: 3\n    issued_on: 2025-01-10\n"
                f"    trich_yeu: Thử trang trắng\n    content: |\n{body}\n"
                "    phu_luc:\n      - title: Lịch\n        content: Tháng 3.\n"
                f"    noi_nhan: [{noi_nhan}]\n")
        folder = tmp_path / f"{lines}-{recipients}"
        folder.mkdir()
        out = folder / "out"
        build_plan(bundle_of(write_plan(folder, text)), out)
        made.append((out / "thong-bao.docx").rename(folder / f"tb-{lines}-{recipients}.docx"))
    for pdf in to_pdfs(made, tmp_path / "pdf"):
        assert (page_count(pdf), blank_pages(pdf)) == (2, []), pdf.name
