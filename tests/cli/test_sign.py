"""``plangen sign`` and ``plangen verify`` on the PDFs plangen builds: signatures where NĐ30
puts them, checked by poppler's pdfsig and against the text positions of the page, and
every bad input refused with its message and the PDF left as it was.

Needs LibreOffice (the PDFs), poppler (pdfsig, pdftoppm) and, for the token, SoftHSM2;
.ci/run installs them. Outside CI the tests are skipped when those programs are missing.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shlex
from pathlib import Path

import pytest

from plangen.cli import main
from plangen.sign.locate import find_signer_block, read_pages
from plangen.sign.verify import verify
from signing import (
    MISSING_TOOLS,
    NOW,
    PASSWORD,
    PIN,
    Keys,
    copy_of,
    make_keys,
    pdfsig,
    render,
    signature_png,
    softhsm_library,
    softhsm_token,
    time_stamping_authority,
)

pytestmark = [pytest.mark.libreoffice,
              pytest.mark.skipif(bool(MISSING_TOOLS), reason=f"needs {MISSING_TOOLS}")]
SEED = "cchc-2023-2025"
ISO_VN = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00")


@pytest.fixture
def keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Keys:
    monkeypatch.setenv("PLANGEN_P12_PASSWORD", PASSWORD)
    return make_keys(tmp_path)


def sign(*args: object) -> int:
    return main(["sign", *map(str, args)])


def widgets(pdf: Path) -> dict[str, tuple[int, object]]:
    """Each signature's field name → (page, rectangle), as verify reads them."""
    found = verify(pdf.read_bytes(), pdf, [], "vi")
    return {s.field_name: (s.widget.page, s.widget.rect) for s in found if s.widget}


def test_signer_then_office_each_valid_for_pdfsig_and_placed_by_the_text(
        keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = copy_of(SEED, "ke-hoach.pdf", tmp_path)
    assert sign(pdf, "--p12", keys.signer, "--image", keys.signature) == 0
    assert sign(pdf, "--p12", keys.office, "--image", keys.seal, "--organisation") == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"đã ký (người có thẩm quyền) {pdf}", f"đã ký số của cơ quan {pdf}"]

    report = pdfsig(pdf)
    assert report.count("Signature is Valid.") == 2
    assert "Signature Type: ETSI.CAdES.detached" in report
    first, second = report.split("Signature #2:")
    assert "Not total document signed" in first
    assert "Signer Certificate Common Name: Nguyễn Văn An" in first
    assert "Total document signed" in second and "Trường THPT Nguyễn Trãi" in second

    block = find_signer_block(read_pages(pdf))
    assert block is not None and block.page == 3
    places = widgets(pdf)
    page, signature = places["plangen-nguoi-ky"]
    assert page == block.page
    assert block.gap.y0 < signature.y0 < signature.y1 < block.gap.y1  # between, touching neither
    assert abs(signature.centre_x - block.centre_x) < 1
    assert abs(signature.centre_y - block.gap.centre_y) < 1
    page, seal = places["plangen-co-quan"]
    assert page == block.page
    assert seal.width == pytest.approx(36 / 25.4 * 72)  # the seal at its real size
    assert signature.overlap_width(seal) == pytest.approx(signature.width / 3)
    assert seal.x0 < signature.x0

    assert main(["verify", str(pdf), "--trust", str(keys.root)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Chữ ký 1: người có thẩm quyền (trường plangen-nguoi-ky)"
    assert lines[1] == "  người ký: Nguyễn Văn An"
    assert ISO_VN.search(lines[2])
    assert lines[3:6] == ["  toàn vẹn: văn bản không bị sửa từ khi ký",
                          "  chứng thư: hợp lệ, đến chứng thư gốc tin cậy",
                          "  vị trí và hình thức: đúng Nghị định 30"]
    assert lines[6] == "Chữ ký 2: cơ quan (con dấu) (trường plangen-co-quan)"
    assert lines[7] == "  người ký: Trường THPT Nguyễn Trãi"


def test_the_rendered_page_shows_blue_between_position_and_name_and_red_on_its_left(
        keys: Keys, tmp_path: Path) -> None:
    pdf = copy_of(SEED, "ke-hoach.pdf", tmp_path)
    assert sign(pdf, "--p12", keys.signer, "--image", keys.signature) == 0
    assert sign(pdf, "--p12", keys.office, "--image", keys.seal, "--organisation") == 0
    block = find_signer_block(read_pages(pdf))
    assert block is not None
    page = render(pdf, block.page + 1, tmp_path, dpi=72)  # 1 pixel = 1 point
    height = page.height

    def colours(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int]:
        blue = red = 0
        for x in range(int(x0), int(x1)):
            for y in range(int(height - y1), int(height - y0)):
                r, g, b = page.getpixel((x, y))
                blue += b > 150 and r < 100
                red += r > 150 and g < 100 and b < 100
        return blue, red

    gap = block.gap
    blue, _red = colours(block.centre_x, gap.y0, gap.x1 + 40, gap.y1)
    assert blue > 100  # the signature's right part, where the seal does not reach
    _blue, red = colours(gap.x0 - 80, gap.y0 - 20, block.centre_x - 20, gap.y1 + 20)
    assert red > 100  # the seal, left of the signature's centre
    above, _ = colours(gap.x0, gap.y1 + 2, gap.x1, gap.y1 + 40)
    assert above == 0  # nothing blue over the position line


@pytest.mark.parametrize(("plan", "positions"), [
    ("so-noi-vu-thi-dua-2025", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
    ("ubnd-tinh-cchc-2025", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
])
def test_signer_blocks_of_several_lines(keys: Keys, tmp_path: Path, plan: str,
                                        positions: list[str]) -> None:
    pdf = copy_of(plan, "ke-hoach.pdf", tmp_path)
    block = find_signer_block(read_pages(pdf))
    assert block is not None and [line.text for line in block.positions] == positions
    assert sign(pdf, "--p12", keys.signer, "--image", keys.signature) == 0
    assert sign(pdf, "--p12", keys.office, "--image", keys.seal, "--organisation") == 0
    assert pdfsig(pdf).count("Signature is Valid.") == 2
    found = verify(pdf.read_bytes(), pdf, [keys.root], "vi")
    assert [(s.findings, s.broken) for s in found] == [([], False), ([], False)]


def test_attachment_signed_top_right_with_number_and_time_as_text(
        keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    pdf = copy_of(SEED, "phieu-dang-ky/mau-trong.pdf", tmp_path)
    out = tmp_path / "ky" / "phu-luc.pdf"
    before = pdf.read_bytes()
    assert sign(pdf, "--p12", keys.office, "--organisation", "--attachment",
                "--number", "12/KH-THPTNT", "-o", out) == 0
    assert pdf.read_bytes() == before  # -o leaves the original alone
    assert "Signature is Valid." in pdfsig(out)
    page = read_pages(out)[0]
    (page_index, rect), = widgets(out).values()
    assert page_index == 0
    assert rect.y0 > page.text_top()  # above every line of text: in the top margin
    assert rect.x1 == pytest.approx(page.text_right(), abs=0.5)  # right edge on the text's
    assert rect.width == pytest.approx(77 / 25.4 * 72)
    field = PdfFileReader(io.BytesIO(out.read_bytes())).embedded_regular_signatures[0].sig_field
    stream = field["/AP"]["/N"]
    content = stream.data.decode("latin-1")
    assert " 10 Tf" in content and "0 0 0 rg" in content  # 10 pt, black
    actual = re.search(r"/ActualText \((.*?)\)\n", content, flags=re.S)
    assert actual is not None
    text = actual.group(1).encode("latin-1").decode("unicode_escape").encode(
        "latin-1").decode("utf-16")
    assert re.fullmatch(r"Số: 12/KH-THPTNT; \d\d/\d\d/\d{4}; \d\d:\d\d:\d\d \+07:00", text)
    font = stream["/Resources"]["/Font"]["/F1"]["/DescendantFonts"][0]
    assert "LiberationSerif" in font["/BaseFont"] or "Times" in font["/BaseFont"]
    widths = font["/W"]
    assert max(max(w) for w in widths if isinstance(w, list)) < 1000  # thousandths of an em
    assert main(["verify", str(out)]) == 0
    assert "vị trí và hình thức: đúng Nghị định 30" in capsys.readouterr().out


def test_attachment_number_read_from_the_page_when_printed(keys: Keys, tmp_path: Path) -> None:
    pdf = copy_of("ubnd-tinh-cchc-2025", "ke-hoach.pdf", tmp_path)
    assert sign(pdf, "--p12", keys.office, "--organisation", "--attachment") == 0
    found = verify(pdf.read_bytes(), pdf, [], "vi")
    assert found[0].role == "attachment" and found[0].findings == []


@pytest.mark.softhsm
def test_token_through_pkcs11_softhsm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    if softhsm_library() is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install softhsm2 (see .ci/run)")
        pytest.skip("needs SoftHSM2")
    keys = make_keys(tmp_path)
    pdf = copy_of(SEED, "to-trinh-nhan-rong.pdf", tmp_path)
    issued = keys.ca.issue("Nguyễn Văn An", "Trường THPT Nguyễn Trãi")
    with softhsm_token(tmp_path / "hsm", keys.ca, issued) as token:
        monkeypatch.setenv("PLANGEN_PIN", "000000")
        before = pdf.read_bytes()
        assert sign(pdf, "--pkcs11", token.library, "--image", keys.signature) == 1
        assert capsys.readouterr().err == (
            "sai mã PIN của token; chưa ký (nhập sai nhiều lần token sẽ bị khóa)\n")
        assert pdf.read_bytes() == before
        monkeypatch.setenv("PLANGEN_PIN", PIN)
        assert sign(pdf, "--pkcs11", token.library, "--token", "khac", "--image",
                    keys.signature) == 1
        assert capsys.readouterr().err == (
            "không thấy token khac (các token đang cắm: plangen-token); cắm token hoặc chọn "
            "bằng --token\n")
        assert sign(pdf, "--pkcs11", token.library, "--token", token.label,
                    "--image", keys.signature) == 0
    report = pdfsig(pdf)
    assert "Signature is Valid." in report and "Nguyễn Văn An" in report
    assert main(["verify", str(pdf), "--trust", str(keys.root)]) == 0


def test_time_stamp_makes_pades_b_t(keys: Keys, tmp_path: Path) -> None:
    pdf = copy_of(SEED, "to-trinh-nhan-rong.pdf", tmp_path)
    with time_stamping_authority(keys.ca) as url:
        assert sign(pdf, "--p12", keys.signer, "--image", keys.signature, "--tsa", url) == 0
    found = verify(pdf.read_bytes(), pdf, [keys.root], "vi")
    assert found[0].timestamped and not found[0].broken
    assert "Signature is Valid." in pdfsig(pdf)


# -- bad input: a message, exit 1, the PDF as it was -----------------------------------------

def refused(capsys: pytest.CaptureFixture[str], pdf: Path, *args: object) -> str:
    """Run ``plangen sign`` expecting exit 1; the PDF must be unchanged and no temporary
    file left beside it. Returns what was printed on stderr."""
    before = pdf.read_bytes()
    names = sorted(p.name for p in pdf.parent.iterdir())
    assert sign(pdf, *args) == 1
    assert pdf.read_bytes() == before
    assert sorted(p.name for p in pdf.parent.iterdir()) == names
    return capsys.readouterr().err


def test_wrong_password(keys: Keys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                        capsys: pytest.CaptureFixture[str]) -> None:
    pdf = copy_of(SEED, "ke-hoach.pdf", tmp_path / "pdf")
    monkeypatch.setenv("PLANGEN_P12_PASSWORD", "sai")
    assert refused(capsys, pdf, "--p12", keys.signer, "--image", keys.signature) == (
        f"không mở được {keys.signer}: sai mật khẩu, hoặc tệp không phải khóa PKCS#12 "
        "(.p12, .pfx); chưa ký\n")
    assert refused(capsys, pdf, "--lang", "en", "--p12", keys.signer, "--image",
                   keys.signature) == (
        f"cannot open {keys.signer}: wrong password, or not a PKCS#12 key file (.p12, .pfx); "
        "not signed\n")


def test_no_password_and_no_terminal(keys: Keys, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    pdf = copy_of(SEED, "ke-hoach.pdf", tmp_path / "pdf")
    monkeypatch.delenv("PLANGEN_P12_PASSWORD")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert refused(capsys, pdf, "--p12", keys.signer, "--image", keys.signature) == (
        "không có ai để nhập mật khẩu / mã PIN (không phải cửa sổ lệnh): đặt biến môi "
        "trường PLANGEN_P12_PASSWORD\n")


@pytest.mark.parametrize(("kind", "expected"), [
    ("expired", "chứng thư số đã hết hạn từ {date}; chưa ký (gia hạn chứng thư với nhà cung "
                "cấp)\n"),
    ("not-yet", "chứng thư số chỉ có hiệu lực từ {date}; chưa ký\n"),
    ("usage", "chứng thư số không được cấp để ký (thiếu digitalSignature / nonRepudiation "
              "trong keyUsage); chưa ký\n"),
])
def test_unusable_certificates(keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                               kind: str, expected: str) -> None:
    vietnam = dt.timezone(dt.timedelta(hours=7))
    moments = {"expired": (NOW - dt.timedelta(days=400), NOW - dt.timedelta(days=2)),
               "not-yet": (NOW + dt.timedelta(days=2), NOW + dt.timedelta(days=400)),
               "usage": (None, None)}
    start, end = moments[kind]
    issued = keys.ca.issue("Nguyễn Văn An", valid_from=start, valid_to=end,
                           signing=kind != "usage")
    p12 = keys.ca.p12(issued, tmp_path / f"{kind}.p12")
    pdf = copy_of(SEED, "ke-hoach.pdf", tmp_path / "pdf")
    shown = (end if kind == "expired" else start)
    date = shown.astimezone(vietnam).strftime("%d/%m/%Y %H:%M:%S") if shown else ""
    assert refused(capsys, pdf, "--p12", p12, "--image", keys.signature) == expected.format(
        date=date)


def test_no_signer_block(keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = copy_of(SEED, "danh-sach-dang-ky.pdf", tmp_path / "pdf")
    assert refused(capsys, pdf, "--p12", keys.signer, "--image", keys.signature) == (
        f"{pdf}: không tìm thấy khối chữ ký (chức vụ in hoa, đậm ở cột phải và họ tên in đậm "
        "bên dưới, cách một khoảng để ký); chưa ký\n")


def test_encrypted_pdf(keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.writer import copy_into_new_writer

    source = copy_of(SEED, "ke-hoach.pdf", tmp_path)
    writer = copy_into_new_writer(PdfFileReader(io.BytesIO(source.read_bytes())))
    writer.encrypt("chu-so-huu", "nguoi-doc")
    pdf = tmp_path / "pdf" / "mat-khau.pdf"
    pdf.parent.mkdir()
    with pdf.open("wb") as stream:
        writer.write(stream)
    assert refused(capsys, pdf, "--p12", keys.signer, "--image", keys.signature) == (
        f"{pdf} có mật khẩu (mã hóa): hãy ký bản PDF không mã hóa do plangen build --pdf tạo\n")


def test_not_a_png(keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = copy_of(SEED, "ke-hoach.pdf", tmp_path / "pdf")
    fake = tmp_path / "chu-ky-gia.png"
    from PIL import Image

    Image.new("RGB", (60, 20), (0, 0, 200)).save(fake, "JPEG")  # a JPEG named .png
    assert refused(capsys, pdf, "--p12", keys.signer, "--image", fake) == (
        f"{fake} không phải ảnh PNG (Nghị định 30 yêu cầu ảnh .png nền trong suốt); chưa ký\n")


def test_image_without_transparency_is_a_warning(keys: Keys, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    pdf = copy_of(SEED, "ke-hoach.pdf", tmp_path)
    opaque = signature_png(tmp_path / "nen-trang.png", transparent=False)
    assert sign(pdf, "--p12", keys.signer, "--image", opaque) == 0
    assert capsys.readouterr().err == (
        f"cảnh báo: {opaque} không có nền trong suốt (Nghị định 30 yêu cầu PNG nền trong "
        "suốt): ảnh sẽ che chữ bên dưới\n")
    assert main(["verify", str(pdf)]) == 0
    assert "  hình thức: hình ảnh không có nền trong suốt" in capsys.readouterr().out


def test_office_before_signer(keys: Keys, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    pdf = copy_of(SEED, "ke-hoach.pdf", tmp_path / "pdf")
    assert refused(capsys, pdf, "--p12", keys.office, "--image", keys.seal,
                   "--organisation") == (
        f"{pdf} chưa có chữ ký của người có thẩm quyền: văn thư chỉ ký số của cơ quan sau "
        "khi người có thẩm quyền đã ký (Điều 32.2.d Nghị định 30)\n")


def test_time_stamping_authority_unreachable(keys: Keys, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    pdf = copy_of(SEED, "ke-hoach.pdf", tmp_path / "pdf")
    err = refused(capsys, pdf, "--p12", keys.signer, "--image", keys.signature,
                  "--tsa", "http://127.0.0.1:9/")
    assert err.startswith("không lấy được dấu thời gian từ http://127.0.0.1:9/: ")
    assert err.endswith("; chưa ký\n")


def tamper_inside(pdf: Path) -> None:
    """Change one signed byte: inside the first stream of the file (page content or a
    font), which the first signature covers; the file still parses."""
    data = bytearray(pdf.read_bytes())
    start = data.index(b"stream", data.index(b"obj")) + 20
    data[start] ^= 0x01
    pdf.write_bytes(bytes(data))


def append_page_change(pdf: Path) -> None:
    """An incremental update after the signature that draws on the page."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf.read_bytes()))
    writer.add_stream_to_page(0, writer.add_object(
        generic.StreamObject(stream_data=b"0 0 1 rg 100 100 200 50 re f")))
    out = io.BytesIO()
    writer.write(out)
    pdf.write_bytes(out.getvalue())


@pytest.mark.parametrize("change", [tamper_inside, append_page_change])
def test_changed_after_signing(keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                               change: object) -> None:
    pdf = copy_of(SEED, "ke-hoach.pdf", tmp_path / "pdf")
    assert sign(pdf, "--p12", keys.signer, "--image", keys.signature) == 0
    change(pdf)  # type: ignore[operator]
    capsys.readouterr()
    assert main(["verify", str(pdf), "--trust", str(keys.root)]) == 1
    out = capsys.readouterr().out
    assert ("  LỖI: tệp đã bị sửa sau khi ký" in out
            or "  LỖI: chữ ký không hợp lệ, nội dung đã ký bị thay đổi" in out)
    assert "Signature is Valid." not in pdfsig(pdf) or change is append_page_change
    err = refused(capsys, pdf, "--p12", keys.office, "--image", keys.seal, "--organisation")
    assert err == (f"{pdf} đã bị sửa sau khi ký, hoặc chữ ký không còn nguyên vẹn "
                   "(plangen-nguoi-ky); không ký thêm vào tệp này\n")


def test_verify_unsigned_and_untrusted(keys: Keys, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    pdf = copy_of(SEED, "ke-hoach.pdf", tmp_path)
    assert main(["verify", str(pdf)]) == 1
    assert capsys.readouterr().out == f"{pdf}: không có chữ ký số nào\n"
    assert sign(pdf, "--p12", keys.signer, "--image", keys.signature) == 0
    (tmp_path / "khac").mkdir()
    other = make_keys(tmp_path / "khac")
    capsys.readouterr()
    assert main(["--lang", "en", "verify", str(pdf), "--trust", str(other.root)]) == 1
    assert ("  ERROR: the certificate is invalid or does not chain to a given root (--trust)"
            in capsys.readouterr().out)


def test_usage_errors(keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = copy_of(SEED, "ke-hoach.pdf", tmp_path)
    assert sign(pdf, "--p12", keys.signer) == 2
    assert capsys.readouterr().err == (
        "plangen sign: cần --image: ảnh chữ ký (PNG nền trong suốt, màu xanh) hoặc, với "
        "--organisation, ảnh con dấu (màu đỏ)\n")
    assert sign(pdf, "--p12", keys.office, "--attachment") == 2
    assert sign(pdf, "--p12", keys.office, "--organisation", "--attachment", "--image",
                keys.seal) == 2
    assert sign(pdf, "--p12", keys.office, "--organisation", "--image", keys.seal,
                "--seal-mm", "0") == 2


def test_the_readme_signing_commands_run_as_shown(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Ký số văn bản điện tử", 1)[1]
    block = re.search(r"```text\n(.*?)```", section, flags=re.S)
    assert block is not None
    commands = [shlex.split(line) for line in block.group(1).splitlines()]
    assert [c[1] for c in commands] == ["build", "sign", "sign", "sign", "verify"]
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    keys = make_keys(tmp_path)
    for name, made in (("hieu-truong.p12", keys.signer), ("truong.p12", keys.office),
                       ("goc.pem", keys.root)):
        made.rename(tmp_path / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLANGEN_P12_PASSWORD", PASSWORD)
    for command in commands:
        assert main(command[1:]) == 0, (command, capsys.readouterr())
    assert "vị trí và hình thức: đúng Nghị định 30" in capsys.readouterr().out
    assert pdfsig(tmp_path / "output" / "cchc-2023-2025" / "ke-hoach.pdf").count(
        "Signature is Valid.") == 2
