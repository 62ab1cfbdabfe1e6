"""The commands the README shows work as shown."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, without_campaign

README = (ROOT / "README.md").read_text(encoding="utf-8")
SHELL_BLOCKS = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
COMMAND_LINES = [line for block in SHELL_BLOCKS for line in block.splitlines()
                 if line.startswith("plangen ")]


def test_quick_start_has_the_two_make_commands_first() -> None:
    assert [line.split()[:2] for line in SHELL_BLOCKS[0].splitlines()] == [
        ["make", "documents"], ["make", "test"]]


def test_readme_shows_plangen_commands() -> None:
    assert len(COMMAND_LINES) >= 5


def test_readme_commands_run_in_order(tmp_path: Path) -> None:
    """Every plangen command of the README, run as shown from a copy of the project."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "tests" / "data", tmp_path / "tests" / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    for line in COMMAND_LINES:
        command, _, comment = line.partition("#")
        argv = shlex.split(command)
        done = subprocess.run([sys.executable, "-m", "plangen", *argv[1:]], cwd=tmp_path,
                              capture_output=True, text=True, check=False)
        expected = 1 if "mã thoát 1" in comment else 0
        assert done.returncode == expected, (line, done.stdout[-500:], done.stderr[-500:])
        if argv[1] == "build":
            out = tmp_path / (argv[argv.index("-o") + 1] if "-o" in argv else "output")
            assert (out / "cchc-2023-2025" / "ke-hoach.docx").is_file()


def test_readme_error_example_is_real(monkeypatch: pytest.MonkeyPatch) -> None:
    example = next(line for line in README.splitlines() if line.startswith("bad/"))
    monkeypatch.chdir(ROOT / "tests")
    done = subprocess.run([sys.executable, "-m", "plangen", "validate", "bad/misspelt-key.yaml"],
                          capture_output=True, text=True, check=False)
    assert example in done.stderr.splitlines()


def test_readme_rules_table_is_generated_from_the_catalog() -> None:
    from plangen.check.table import markdown_table

    assert markdown_table() in README


OFFICE_SECTION = README.split("### Viết kế hoạch của đơn vị bạn", 1)[1].split("\n### ", 1)[0]
OFFICE_SNIPPETS = re.findall(r"```yaml\n(.*?)```", OFFICE_SECTION, flags=re.S)


def test_the_office_section_has_an_example_of_each_construct() -> None:
    keys = [set(yaml.safe_load(snippet)) for snippet in OFFICE_SNIPPETS]
    assert {"signer"} in keys and {"numbering", "body"} in keys and {"phu_luc"} in keys
    assert any("[^" in snippet and "|---|" in snippet and "-> " in snippet
               for snippet in OFFICE_SNIPPETS)
    assert len([k for k in keys if k == {"signer"}]) == 3  # school, Sở and UBND


@pytest.mark.parametrize("snippet", OFFICE_SNIPPETS)
def test_each_office_example_builds_and_passes_the_strict_check(tmp_path: Path,
                                                                snippet: str) -> None:
    """Each snippet, put in a plan of an office without a campaign, builds with no error and
    no warning from ``plangen check --strict``."""
    from plangen.check import check_docx
    from plangen.check.rules.catalog import BY_CODE
    from plangen.pipeline.run import build_plan
    from plangen.plan.datafiles import load_bundle

    plan = yaml.safe_load(without_campaign())
    plan.update(yaml.safe_load(snippet))
    path = tmp_path / "ke-hoach.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    build_plan(load_bundle(path), out)
    findings = check_docx(out / "ke-hoach.docx").findings
    assert [(f.code, f.en) for f in findings
            if BY_CODE[f.code].severity in ("error", "warning")] == []


KIND_ROWS = [(re.findall(r"`([a-z-]+)`", kinds), command) for kinds, command in re.findall(
    r"^\| ((?:`[a-z-]+`(?:, )?)+) \| [^|]+ \| `(plangen build [^`]+)` \|$", README,
    flags=re.M)]


def test_the_kinds_table_lists_every_registered_kind_once_in_build_order() -> None:
    from plangen.kinds import kind_names

    assert [kind for kinds, _command in KIND_ROWS for kind in kinds] == list(kind_names())


@pytest.mark.parametrize(("kind", "command"), [(kinds[0], c) for kinds, c in KIND_ROWS],
                         ids=[kinds[0] for kinds, _c in KIND_ROWS])
def test_each_kind_command_builds_that_kind(tmp_path: Path, kind: str, command: str) -> None:
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    argv = shlex.split(command)
    done = subprocess.run([sys.executable, "-m", "plangen", *argv[1:], "-o", "out"],
                          cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    manifest = (tmp_path / "out" / "cchc-2023-2025" / "manifest.json").read_text("utf-8")
    import json

    assert {e["kind"] for e in json.loads(manifest)["documents"]} == {kind}


TRAIL_SNIPPET = next(s for s in re.findall(r"```yaml\n(.*?)```", README, flags=re.S)
                     if s.startswith("van_ban:"))


def test_the_paper_trail_example_builds_from_the_seed_data(tmp_path: Path) -> None:
    from plangen.check import check_docx
    from plangen.check.rules.catalog import BY_CODE
    from plangen.pipeline.run import build_plan
    from plangen.plan.datafiles import load_bundle

    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    path = tmp_path / "plans" / "cchc-2023-2025.yaml"
    plan = yaml.safe_load(path.read_text(encoding="utf-8"))
    plan.update(yaml.safe_load(TRAIL_SNIPPET))
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    build_plan(load_bundle(path), out,
               only=["bien-ban", "quyet-dinh", "cong-van", "to-trinh", "giay-moi"])
    names = sorted(p.name for p in out.glob("*.docx"))
    assert names == ["bien-ban-hop-xet-khen-thuong.docx", "cong-van-gui-bao-cao-2024.docx",
                     "giay-moi-tong-ket.docx", "quyet-dinh-khen-thuong.docx",
                     "to-trinh-nhan-rong.docx"]
    for name in names:
        findings = check_docx(out / name).findings
        assert [(f.code, f.en) for f in findings
                if BY_CODE[f.code].severity in ("error", "warning")] == [], name


def test_the_import_example_output_is_real(tmp_path: Path) -> None:
    """The lines the README shows for docs/ke-hoach-cu.docx are what the command prints."""
    section = README.split("### Bắt đầu từ tệp Word cũ", 1)[1].split("\n### ", 1)[0]
    shown = re.findall(r"```text\n(.*?)```", section, flags=re.S)[0].splitlines()
    done = subprocess.run([sys.executable, "-m", "plangen", "import",
                           str(ROOT / "docs" / "ke-hoach-cu.docx"), "-o",
                           str(tmp_path / "plan.yaml")], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert shown == done.stderr.splitlines() + [
        line for line in done.stdout.splitlines() if not line.startswith("đã ghi")]


PART_SNIPPETS = {s.split(":", 1)[0]: s for s in re.findall(r"```yaml\n(.*?)```", README, re.S)
                 if s.startswith(("ban_hanh:", "lien_tich:"))}
DECISION = """
van_ban:
  - kind: QĐ
    number: 3
    issued_on: 2024-03-01
    trich_yeu: Về việc ban hành Quy chế thi đua, khen thưởng
    authority: Hiệu trưởng Trường THPT Thử Nghiệm
    dieu: [Ban hành kèm theo Quyết định này Quy chế thi đua, khen thưởng.]
    noi_nhan: ["Lưu: VT"]
"""


@pytest.mark.parametrize("part", ["ban_hanh", "lien_tich"])
def test_each_part_example_builds_and_passes_the_strict_check(tmp_path: Path,
                                                               part: str) -> None:
    """The Quy chế issued with a decision and the joint document's other body, as the
    README writes them, in a plan of an office without a campaign."""
    from plangen.check import check_docx
    from plangen.check.rules.catalog import BY_CODE
    from plangen.pipeline.run import build_plan
    from plangen.plan.datafiles import load_bundle

    plan = yaml.safe_load(without_campaign() + (DECISION if part == "ban_hanh" else ""))
    target = plan["van_ban"][0] if part == "ban_hanh" else plan
    target.update(yaml.safe_load(PART_SNIPPETS[part]))
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    built = [p for p in build_plan(load_bundle(path), out).written if p.suffix == ".docx"]
    assert built
    for docx in built:
        assert [(f.code, f.en) for f in check_docx(docx).findings
                if BY_CODE[f.code].severity in ("error", "warning")] == [], docx.name
