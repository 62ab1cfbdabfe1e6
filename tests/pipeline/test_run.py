"""Signed-ready, reproducible, nothing lost: the build stage and its guarantees."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import MINIMAL_PLAN, ROOT, SEED_PLAN, bundle_of, minimal_text
from plangen import __version__
from plangen.check.read.package import read_docx
from plangen.cli import main
from plangen.errors import UserError
from plangen.pipeline import save
from plangen.pipeline.pdf import PdfOptions
from plangen.pipeline.run import build_plan
from plangen.pipeline.save import sha256
from plangen.plan.load import load_plan, load_plan_text
from plangen.render.docx import package as docx_package


def build_dir(tmp_path: Path, plan: Path = SEED_PLAN, **options: object) -> Path:
    out = tmp_path / plan.stem
    build_plan(bundle_of(plan), out, **options)  # type: ignore[arg-type]
    return out


def test_two_builds_give_identical_bytes(tmp_path: Path) -> None:
    first, second = build_dir(tmp_path / "a"), build_dir(tmp_path / "b")
    for name in ("ke-hoach.docx", "manifest.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_zip_entries_have_fixed_times_and_order(tmp_path: Path) -> None:
    with zipfile.ZipFile(build_dir(tmp_path) / "ke-hoach.docx") as package:
        infos = package.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {docx_package.FIXED_TIME}
    assert "docProps/thumbnail.jpeg" not in [i.filename for i in infos]


def test_manifest_matches_the_files(tmp_path: Path) -> None:
    out = build_dir(tmp_path)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["plangen"] == __version__
    assert manifest["plan"] == {"file": SEED_PLAN.name, "sha256": sha256(SEED_PLAN.read_bytes())}
    assert manifest["du_thao"] is False
    for entry in manifest["documents"]:
        data = (out / entry["file"]).read_bytes()
        assert entry["sha256"] == sha256(data) and entry["size"] == len(data)
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*.docx"))
    assert sorted(e["file"] for e in manifest["documents"]) == files
    entry = manifest["documents"][0]
    assert entry["file"] == "ke-hoach.docx" and entry["kind"] == "ke-hoach"
    assert {k: entry[k] for k in ("loai_van_ban", "so_ky_hieu", "ngay", "nguoi_ky",
                                  "chuc_vu")} == {
        "loai_van_ban": "Kế hoạch", "so_ky_hieu": "/KH-THPTNT", "ngay": "2023-08-21",
        "nguoi_ky": "Nguyễn Văn An", "chuc_vu": "Hiệu trưởng"}
    assert entry["trich_yeu"].startswith("Phát động phong trào thi đua")
    assert entry["noi_nhan"][-1] == "Lưu: VT"
    report = next(e for e in manifest["documents"] if e["file"] == "bao-cao-2024.docx")
    assert (report["kind"], report["loai_van_ban"], report["so_ky_hieu"], report["ngay"],
            report["kinh_gui"]) == ("bao-cao", "Báo cáo", "/BC-THPTNT", "2024-10-29",
                                    ["Sở Giáo dục và Đào tạo"])


# -- nothing lost --------------------------------------------------------------------------


def test_a_hand_edited_output_survives_a_rebuild(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = build_dir(tmp_path)
    target = out / "ke-hoach.docx"
    edited = target.read_bytes() + b"edited in Word"
    target.write_bytes(edited)
    argv = ["build", str(SEED_PLAN), "-o", str(tmp_path)]
    assert main(argv) == 1
    assert target.read_bytes() == edited
    assert capsys.readouterr().err == (
        f"{target} đã được sửa tay sau lần tạo trước; không ghi đè (dùng --force để ghi đè "
        "và giữ bản sửa tay làm bản sao lưu)\n")
    assert main([*argv, "--force"]) == 0
    backup = out / f"ke-hoach.sua-tay-{sha256(edited)[:8]}.docx"
    assert backup.read_bytes() == edited
    assert capsys.readouterr().out.splitlines()[0] == f"đã giữ bản sửa tay ở {backup}"
    assert sha256(target.read_bytes()) == json.loads(
        (out / "manifest.json").read_text())["documents"][0]["sha256"]


def test_an_unchanged_output_is_rebuilt_without_force(tmp_path: Path) -> None:
    build_dir(tmp_path)
    build_dir(tmp_path)  # no error: the file is what plangen wrote


def whole_and_clean(out: Path, clean: Path) -> None:
    """Every document in ``out`` is a whole file, the very one a clean build writes."""
    for path in out.rglob("*.docx"):
        assert path.read_bytes() == (clean / path.relative_to(out)).read_bytes(), path


def test_an_interrupted_write_leaves_no_partial_file(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    clean = build_dir(tmp_path / "clean")
    with monkeypatch.context() as patched:
        patched.setattr(save.os, "fsync", interrupted)  # the manifest's write is stopped
        with pytest.raises(KeyboardInterrupt):
            build_dir(tmp_path)
    out = tmp_path / SEED_PLAN.stem
    whole_and_clean(out, clean)
    assert not [p for p in tmp_path.glob(".*") if p.is_dir()]  # no staging folder left
    build_dir(tmp_path)  # the same plan again: its own whole files are no hand edits
    assert (out / "manifest.json").is_file()


def test_a_killed_build_leaves_no_partial_file(tmp_path: Path) -> None:
    """A real SIGKILL while the staged files are moved into place: the third move."""
    script = (
        "import os, signal, sys\n"
        "from plangen.pipeline import save\n"
        "moves = []\n"
        "real = os.replace\n"
        "def kill_third(*a):\n"
        "    moves.append(a)\n"
        "    if len(moves) == 3: os.kill(os.getpid(), signal.SIGKILL)\n"
        "    real(*a)\n"
        "save.os.replace = kill_third\n"
        "from plangen.cli import main\n"
        f"main(['build', {str(SEED_PLAN)!r}, '-o', {str(tmp_path)!r}])\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, check=False)
    assert done.returncode == -signal.SIGKILL
    out = tmp_path / SEED_PLAN.stem
    assert len(list(out.rglob("*.docx"))) == 2 and not (out / "manifest.json").exists()
    clean = build_dir(tmp_path / "clean")
    whole_and_clean(out, clean)
    assert main(["build", str(SEED_PLAN), "-o", str(tmp_path)]) == 0  # no --force needed
    whole_and_clean(out, clean)
    assert not [p for p in tmp_path.glob(".*") if p.is_dir()]
    build_dir(tmp_path)  # the next build completes and clears what the kill left
    assert not list(out.rglob(".*.tmp"))
    assert (out / "ke-hoach.docx").is_file() and (out / "manifest.json").is_file()


# -- the signed-ready gate -----------------------------------------------------------------


def plan_with(old: str, new: str, tmp_path: Path) -> Path:
    text = minimal_text()
    assert old in text
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def gate_lines(path: Path, tmp_path: Path, draft: bool = False) -> list[str]:
    with pytest.raises(UserError) as refused:
        build_plan(bundle_of(path), tmp_path / "out", draft=draft)
    assert not (tmp_path / "out").exists()  # nothing written
    return refused.value.lines


def test_leftover_tags_and_none_are_refused(tmp_path: Path) -> None:
    path = plan_with("      - Nâng cao chất lượng dạy học", "      - {% raw %}{{ ten }}"
                     "{% endraw %} None Nâng cao chất lượng dạy học", tmp_path)
    assert gate_lines(path, tmp_path) == [
        'ke-hoach.docx: chưa sẵn sàng để ký: còn sót "{{" (body)',
        'ke-hoach.docx: chưa sẵn sàng để ký: còn sót "}}" (body)',
        'ke-hoach.docx: chưa sẵn sàng để ký: còn sót "None" (body)']


def test_missing_signer_and_number_need_a_draft(tmp_path: Path) -> None:
    path = plan_with("de_trong: [number]\n", "", tmp_path)
    path.write_text(path.read_text().replace("  name: Trần Thị Bình\n", ""), encoding="utf-8")
    assert gate_lines(path, tmp_path) == [
        "ke-hoach.docx: chưa sẵn sàng để ký: chưa có họ tên người ký (signer.name); dùng "
        "--draft cho bản dự thảo",
        'ke-hoach.docx: chưa sẵn sàng để ký: number để trống nhưng không có trong de_trong; '
        'ghi number hoặc thêm "number" vào de_trong, hoặc dùng --draft']
    out = build_dir(tmp_path, path, draft=True)
    doc = read_docx(out / "ke-hoach.docx")
    assert doc.paragraphs[0].text == "DỰ THẢO" and doc.paragraphs[0].table is None
    assert json.loads((out / "manifest.json").read_text())["du_thao"] is True


def test_an_nd30_error_stops_the_build(tmp_path: Path) -> None:
    path = plan_with("      - Nâng cao chất lượng dạy học,",
                     "      *Cả đoạn in nghiêng.*\n\n      - Nâng cao chất lượng dạy học,",
                     tmp_path)
    assert gate_lines(path, tmp_path) == [
        "ke-hoach.docx: chưa sẵn sàng để ký: lỗi thể thức C23: nội dung phải là chữ đứng"]


# -- next year -------------------------------------------------------------------------------


def test_new_campaign_from_the_seed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "cchc-2026-2028.yaml"
    assert main(["new", str(SEED_PLAN), str(target), "--shift-years", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    kept = "giữ; đã dời ngày, để trống số và ngày ban hành cho văn thư (de_trong)"
    assert out == [
        f"đã ghi {target}",
        f"ke-hoach.docx: {kept}",
        "bien-ban-hop-xet-khen-thuong.docx: bỏ, vì dùng kết quả của giai đoạn cũ (bao_cao, "
        "ket_qua); viết lại khi có kết quả mới",
        "quyet-dinh-khen-thuong.docx: bỏ, vì dùng kết quả của giai đoạn cũ (bao_cao, ket_qua, "
        "khen_thuong); viết lại khi có kết quả mới",
        "to-trinh-nhan-rong.docx: bỏ, vì dùng kết quả của giai đoạn cũ (ket_qua); viết lại khi "
        "có kết quả mới",
        "cong-van-gui-bao-cao-2024.docx: bỏ, vì dùng kết quả của giai đoạn cũ (bao_cao, "
        "ket_qua); viết lại khi có kết quả mới",
        f"giay-moi-tong-ket.docx: {kept}",
        "data: bỏ các tệp đăng ký và kết quả của giai đoạn cũ; ghi tệp dữ liệu mới khi có",
        "Xem lại các năm ghi trong câu chữ (plangen không tự đổi):",
        f"  {target}:32: 2023 — …ch số 4455/KH-SGDĐT ngày 17 tháng 8 năm 2023 của Sở Giáo dục "
        "và Đào tạo thành phố Hồ…",
        f"  {target}:179: 2022, 2025, 2030 — …áo dục và Đào tạo và quốc gia giai đoạn 2022 - "
        "2025, tầm nhìn đến năm 2030” (gọi tắt…",
    ]
    new_text, old_text = target.read_text(encoding="utf-8"), SEED_PLAN.read_text(encoding="utf-8")
    comments = [line for line in old_text.splitlines() if line.lstrip().startswith("#")]
    assert all(c in new_text.splitlines() for c in comments)
    plan = load_plan(target)
    assert (plan.campaign.start.isoformat(), plan.campaign.end.isoformat()) == (
        "2026-08-21", "2028-12-31")
    assert [m.year for m in plan.campaign.milestones] == [2026, 2027, 2028]
    assert [m.deadline.isoformat() for m in plan.campaign.milestones if m.deadline] == [
        "2026-10-31", "2027-10-31", "2028-10-31"]
    main_document = plan.van_ban[0]
    assert main_document.number is None and main_document.issued_on is None
    assert main_document.de_trong == ["number", "issued_on"]
    assert "giai đoạn 2026 - 2028" in main_document.trich_yeu
    invitation = plan.van_ban[1]
    assert invitation.kind == "GM" and invitation.de_trong == ["number", "issued_on"]
    assert str(getattr(invitation, "bat_dau", "")) == "2028-12-19 08:00:00"
    out_dir = build_dir(tmp_path, target)
    assert "ngày\u00a0" in read_docx(out_dir / "ke-hoach.docx").paragraphs[8].text


def test_new_moves_a_plan_without_a_campaign_and_keeps_every_document(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A school's plan without a campaign: its school year moves wherever it is the plan's
    own, outside the căn cứ; its Quyết định stays, with its regulation."""
    old = ROOT / "plans" / "truong-ngoai-khoa-2024-2025.yaml"
    target = tmp_path / "truong-ngoai-khoa-2025-2026.yaml"
    assert main(["new", str(old), str(target), "--shift-years", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:4] == [
        "ke-hoach.docx: giữ; đã dời ngày, để trống số và ngày ban hành cho văn thư (de_trong)",
        "quyet-dinh-ban-to-chuc.docx: giữ; đã dời ngày, để trống số và ngày ban hành cho văn "
        "thư (de_trong)",
        "đã đổi năm học 2024 - 2025 → năm học 2025 - 2026"]
    plan = load_plan(target)
    assert [e.trich_yeu for e in plan.van_ban] == [
        "Tổ chức hoạt động ngoại khóa năm học 2025 - 2026",
        "Về việc thành lập Ban tổ chức hoạt động ngoại khóa năm học 2025 - 2026 và ban hành "
        "Quy chế hoạt động của Ban tổ chức"]
    text = target.read_text(encoding="utf-8")
    assert "Căn cứ Kế hoạch số 215/KH-PGDĐT ngày 05 tháng 9 năm 2024" in text  # cited: kept


def test_new_never_writes_over_its_source(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "ke-hoach.yaml"
    shutil.copy(MINIMAL_PLAN, plan)
    before = plan.read_bytes()
    for target in (plan, tmp_path / "." / "ke-hoach.yaml"):
        assert main(["new", str(plan), str(target), "--shift-years", "1", "--force",
                     "--lang", "en"]) == 1
        assert capsys.readouterr().err == (
            f"{target} is the old plan itself: plangen new never writes over its source (not "
            "even with --force); give the new file another name\n")
    assert plan.read_bytes() == before


def test_new_by_start_date_and_refusals(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "next.yaml"
    assert main(["new", str(MINIMAL_PLAN), str(target), "--start", "2025-03-01"]) == 0
    assert load_plan(target).campaign.end.isoformat() == "2025-12-31"
    assert main(["new", str(MINIMAL_PLAN), str(target), "--shift-years", "1"]) == 1
    assert capsys.readouterr().err.endswith(f"{target} đã có; dùng --force để ghi đè\n")
    with pytest.raises(SystemExit) as usage:
        main(["new", str(MINIMAL_PLAN), str(target)])
    assert usage.value.code == 2


# -- editors -----------------------------------------------------------------------------------


def test_committed_schema_is_current(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert (ROOT / "plans" / "plan.schema.json").read_text(encoding="utf-8") == \
        capsys.readouterr().out


ELIDED = re.compile(r"^\s*…\s*$|[{,]\s*…\s*[},]|:\s*…\s*$", re.M)
"""A README snippet that leaves part out ("…") shows a shape, not a plan to check."""


def yaml_in_the_repository() -> dict[str, str]:
    """Every plan-shaped YAML text the repository shows a user: the example plans, the
    tests' minimal plan, the starter ``plangen init`` writes, the README's snippets."""
    from plangen.plan.schema import starter_plan

    texts = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
             for p in [*sorted((ROOT / "plans").glob("*.yaml")), MINIMAL_PLAN]}
    texts["starter.yaml"] = starter_plan()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for i, snippet in enumerate(re.findall(r"```yaml\n(.*?)```", readme, flags=re.S)):
        if not ELIDED.search(snippet):
            texts[f"README.md snippet {i}"] = snippet
    return texts


def test_schema_accepts_every_yaml_the_repository_shows_and_rejects_a_misspelt_key() -> None:
    import jsonschema

    from plangen.plan.yamlread import read_yaml

    schema = json.loads((ROOT / "plans" / "plan.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    texts = yaml_in_the_repository()
    assert len([name for name in texts if name.startswith("README")]) >= 8
    for name, text in texts.items():
        # A README snippet is a part of a plan: the keys every plan has may be absent.
        errors = [e.message for e in validator.iter_errors(read_yaml(text).data)
                  if not (name.startswith("README") and e.validator == "required"
                          and not e.path)]
        assert errors == [], name
        if name.startswith("plans/"):
            assert text.startswith("# yaml-language-server: $schema="), name
    bad = read_yaml(minimal_text().replace("trich_yeu:", "trich_yue:")).data
    messages = [e.message for e in validator.iter_errors(bad)]
    assert any("'trich_yue' was unexpected" in m for m in messages)


def test_schema_and_reader_agree_on_numbers_in_table_rows() -> None:
    """The starter writes rows as ``- [1, …]``: the reader takes the 1 as text, and so
    does the schema the editor reads."""
    import jsonschema

    from plangen.plan.schema import starter_plan

    assert "- [1, " in starter_plan()
    schema = json.loads((ROOT / "plans" / "plan.schema.json").read_text(encoding="utf-8"))
    row = schema["$defs"]["AnnexTable"]["properties"]["rows"]
    jsonschema.validate([[1, "Rà soát", 2.5]], row)
    plan = load_plan_text(starter_plan(), "starter.yaml")
    assert plan.van_ban[0].phu_luc[0].table.rows[0][0] == "1"


def test_init_writes_a_plan_that_builds(tmp_path: Path) -> None:
    target = tmp_path / "ke-hoach.yaml"
    assert main(["init", str(target)]) == 0
    assert (tmp_path / "plan.schema.json").is_file()
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert build_plan(bundle_of(target), tmp_path / "out").written


def test_starter_text_validates() -> None:
    from plangen.plan.schema import starter_plan

    assert load_plan_text(starter_plan(), "starter.yaml").van_ban[0].kind == "KH"


# -- PDF ---------------------------------------------------------------------------------------


def test_pdf_without_libreoffice_says_what_to_install(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("plangen.pipeline.pdf.shutil.which", lambda name: None)
    monkeypatch.setattr("plangen.pipeline.pdf.default_installs", lambda: [])
    monkeypatch.delenv("PLANGEN_SOFFICE", raising=False)
    assert main(["build", str(SEED_PLAN), "-o", str(tmp_path), "--pdf"]) == 1
    assert capsys.readouterr().err == (
        "cần LibreOffice để tạo PDF (Debian: apt-get install libreoffice-writer-nogui "
        "fonts-liberation2; Windows: cài LibreOffice, hoặc đặt biến PLANGEN_SOFFICE là đường "
        "dẫn của soffice.exe)\n")


@pytest.mark.libreoffice
@pytest.mark.skipif(subprocess.run(["which", "soffice"], capture_output=True).returncode != 0,
                    reason="needs LibreOffice")
def test_pdf_fonts_are_embedded(tmp_path: Path) -> None:
    out = build_dir(tmp_path, pdf=PdfOptions())
    pdf = out / "ke-hoach.pdf"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    manifest = json.loads((out / "manifest.json").read_text())
    entry = next(d for d in manifest["documents"] if d["file"] == "ke-hoach.pdf")
    assert entry["kind"] == "pdf" and os.path.getsize(pdf) == entry["size"]
    assert len([d for d in manifest["documents"] if d["kind"] == "pdf"]) == len(
        list(out.rglob("*.docx")))


def test_one_plan_refused_by_the_gate_writes_nothing_for_any(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]
                                                             ) -> None:
    unsigned = plan_with("  name: Trần Thị Bình\n", "", tmp_path)
    out = tmp_path / "out"
    assert main(["build", str(MINIMAL_PLAN), str(unsigned), "-o", str(out)]) == 1
    assert not out.exists()
    assert "chưa có họ tên người ký" in capsys.readouterr().err


def test_jobs_build_each_plan_on_its_own(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """With --jobs, a bad plan does not stop a good one: the good one is written whole, the
    bad one not at all, and the exit code says that something failed."""
    unsigned = plan_with("  name: Trần Thị Bình\n", "", tmp_path)
    broken = tmp_path / "hong.yaml"
    broken.write_text("issuer: [\n", encoding="utf-8")
    out = tmp_path / "out"
    argv = ["build", str(MINIMAL_PLAN), str(unsigned), str(broken), "-o", str(out),
            "--jobs", "2"]
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert sorted(p.name for p in out.iterdir()) == ["minimal"]
    assert (out / "minimal" / "manifest.json").is_file()
    assert f"đã ghi {out / 'minimal' / 'ke-hoach.docx'}" in captured.out.splitlines()
    assert f"{unsigned}:41:3: signer.name: chưa có họ tên người ký (ke-hoach.docx)" in \
        captured.err.splitlines()[0]
    assert f"{broken}:" in captured.err
    # The same good plan built alone gives the same bytes.
    alone = tmp_path / "alone"
    assert main(["build", str(MINIMAL_PLAN), "-o", str(alone)]) == 0
    for path in (out / "minimal").rglob("*.docx"):
        twin = alone / "minimal" / path.relative_to(out / "minimal")
        assert path.read_bytes() == twin.read_bytes()


def test_the_gate_finds_a_leftover_in_a_long_tables_last_row(tmp_path: Path) -> None:
    """The gate reads a long table's repeated rows for their words only, but reads them."""
    from plangen.kinds import Rendered
    from plangen.pipeline.gate import TABLE_ROWS_READ, gate_reasons
    from plangen.plan.document import Column, Table
    from plangen.render.docx import page, tables

    document = page.new_document()
    rows = tuple((str(i), "Tên" if i < 9 else "None") for i in range(1, 10))
    tables.grid_table(document, Table(columns=(Column(title="STT", width_cm=2),
                                               Column(title="Tên", width_cm=8)), rows=rows))
    page.set_properties(document, title="t", subject="s", author="a", keywords="k",
                        category="c", day=date(2024, 1, 1))
    assert len(rows) + 1 > TABLE_ROWS_READ
    reasons = gate_reasons(Rendered("x.docx", "danh-sach", checked_as="attachment"),
                           docx_package.docx_bytes(document), False, "en")
    assert 'x.docx: not ready for signing: leftover "None" (table 1 r10)' in reasons


# -- the manifest after a complete build lists what this build made: an earlier file it
# did not make is stale (named, and no longer listed), except the PDF of a DOCX it wrote
# again unchanged (a build without --pdf after one with it).


def listed(out: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {entry["file"]: entry for entry in data["documents"]}


def add_earlier_pdf(out: Path, name: str = "ke-hoach.pdf") -> Path:
    """A PDF an earlier ``--pdf`` build left, listed in the manifest (no LibreOffice here)."""
    pdf = out / name
    pdf.write_bytes(b"%PDF-1.7\n% plangen test\n")
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    data["documents"].append({"file": name, "kind": "pdf", "sha256": sha256(pdf.read_bytes()),
                              "size": pdf.stat().st_size, "pdfa": "2b"})
    (out / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    return pdf


def test_the_pdf_of_an_unchanged_docx_stays_listed(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(MINIMAL_PLAN, plan)
    assert main(["build", str(plan), "-o", str(tmp_path / "out")]) == 0
    out = tmp_path / "out" / "plan"
    pdf = add_earlier_pdf(out)
    capsys.readouterr()
    assert main(["build", str(plan), "-o", str(tmp_path / "out")]) == 0
    assert "ke-hoach.pdf" in listed(out) and "lưu ý" not in capsys.readouterr().out
    assert pdf.is_file()


def test_the_pdf_of_a_changed_docx_is_stale(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(minimal_text(), encoding="utf-8")
    assert main(["build", str(plan), "-o", str(tmp_path / "out")]) == 0
    out = tmp_path / "out" / "plan"
    pdf = add_earlier_pdf(out)
    plan.write_text(minimal_text().replace("Tổ chức hội thi", "Tổ chức cuộc thi"),
                    encoding="utf-8")
    capsys.readouterr()
    assert main(["build", str(plan), "-o", str(tmp_path / "out")]) == 0
    assert (f"lưu ý: {pdf} do lần tạo trước ghi, nay không còn được tạo từ kế hoạch (đã bỏ "
            "khỏi manifest.json); xóa nếu không cần") in capsys.readouterr().out.splitlines()
    assert "ke-hoach.pdf" not in listed(out) and pdf.is_file()


def test_a_partial_build_keeps_every_earlier_file_listed(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(MINIMAL_PLAN, plan)
    assert main(["build", str(plan), "-o", str(tmp_path / "out")]) == 0
    out = tmp_path / "out" / "plan"
    before = set(listed(out))
    assert main(["build", str(plan), "-o", str(tmp_path / "out"), "--only", "ke-hoach"]) == 0
    assert set(listed(out)) == before
