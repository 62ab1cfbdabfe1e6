"""The docs are true to the code: the Markdown tables render on GitHub, the NĐ30 reference the
code cites ships in docs/, "Code layout" names every folder and module, the install sections
pin this version, the CHANGELOG has one clean section per version, and the repository's home
is written once."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from plangen import __version__

README = (ROOT / "README.md").read_text(encoding="utf-8")
CHANGELOG = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
MARKDOWN = [ROOT / "README.md", ROOT / "CHANGELOG.md", ROOT / "CONTRIBUTING.md",
            *sorted((ROOT / "docs").glob("*.md"))]


# -- tables as GitHub renders them -------------------------------------------------------------

def inline_text(inlines: list[dict[str, Any]]) -> str:
    """The text of pandoc inlines, roughly as a reader sees it."""
    out = []
    for item in inlines:
        kind, content = item["t"], item.get("c")
        if kind == "Str":
            out.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind == "Code":
            out.append(content[1])
        elif kind in ("Link", "Image", "Quoted", "Span", "Cite"):
            out.append(inline_text(content[-2] if kind in ("Link", "Image") else content[1]))
        elif isinstance(content, list):
            out.append(inline_text(content))
    return "".join(out)


def rows_read_as_text(markdown: str) -> list[str]:
    """Paragraphs that GitHub's Markdown (pandoc's gfm reader) makes of lines starting with
    "|": the rows of a table that came apart, e.g. after a blank line."""
    done = subprocess.run(["pandoc", "-f", "gfm", "-t", "json"], input=markdown,
                          capture_output=True, text=True, check=True)
    found: list[str] = []

    def walk(blocks: list[dict[str, Any]]) -> None:
        for block in blocks:
            kind, content = block["t"], block.get("c")
            if kind in ("Para", "Plain") and inline_text(content).lstrip().startswith("|"):
                found.append(inline_text(content)[:80])
            elif kind == "BulletList":
                for item in content:
                    walk(item)
            elif kind == "OrderedList":
                for item in content[1]:
                    walk(item)
            elif kind == "BlockQuote":
                walk(content)
            elif kind == "Div":
                walk(content[1])

    walk(json.loads(done.stdout)["blocks"])
    return found


needs_pandoc = pytest.mark.skipif(shutil.which("pandoc") is None, reason="needs pandoc")


@needs_pandoc
def test_a_table_broken_by_a_blank_line_is_found() -> None:
    table = "| a | b |\n|---|---|\n| 1 | 2 |\n\n| 3 | 4 |\n"
    assert rows_read_as_text(table) == ["| 3 | 4 |"]
    assert rows_read_as_text(table.replace("\n\n", "\n")) == []


@needs_pandoc
@pytest.mark.parametrize("document", MARKDOWN, ids=lambda p: p.name)
def test_every_table_row_renders_as_a_row_on_github(document: Path) -> None:
    assert rows_read_as_text(document.read_text(encoding="utf-8")) == []


# -- the NĐ30 reference -------------------------------------------------------------------------

ND30 = (ROOT / "docs" / "nd30.md").read_text(encoding="utf-8")
CITING = [*sorted((ROOT / "src").rglob("*.py")), *sorted((ROOT / "tests").rglob("*.py")),
          *MARKDOWN]


def citations() -> list[tuple[str, str]]:
    found = []
    for path in CITING:
        for section in re.findall(r"nd30\.md §(\d+(?:\.\d+)?)", path.read_text("utf-8")):
            found.append((str(path.relative_to(ROOT)), section))
    return found


def section_exists(section: str) -> bool:
    """§N is a heading "## N."; §N.M a heading "### N.M" or item "M." of section N."""
    major, _, minor = section.partition(".")
    heading = re.search(rf"^## {major}\. .*?(?=^## |\Z)", ND30, flags=re.M | re.S)
    if heading is None:
        return False
    return not minor or bool(re.search(rf"^(### {major}\.{minor} |{minor}\. )", heading[0],
                                       flags=re.M))


def test_the_nd30_reference_the_code_cites_ships_in_docs() -> None:
    cited = citations()
    assert len(cited) >= 5
    assert [c for c in cited if not section_exists(c[1])] == []
    assert not section_exists("99") and not section_exists("12.99")  # it can fail
    for path in CITING:
        assert "shared/" + "nd30.md" not in path.read_text(encoding="utf-8"), path


def test_the_reference_gives_the_decrees_article_numbers() -> None:
    assert "Điều 8" in ND30 and "Phụ lục I" in ND30 and "[ND30" in ND30
    for code in re.findall(r"^\| (C\d\d) \|", README, flags=re.M):  # each rule plangen checks
        assert re.search(rf"^- {code} \((E|W)\):", ND30, flags=re.M), code


# -- code layout ------------------------------------------------------------------------------

def code_layout() -> str:
    section = README.split("### Code layout", 1)[1]
    return re.search(r"```text\n(.*?)```", section, flags=re.S)[1]  # type: ignore[index]


def test_code_layout_names_every_folder_and_module() -> None:
    layout = code_layout()
    src = ROOT / "src" / "plangen"
    missing = []
    for path in sorted(src.rglob("*")):
        relative = path.relative_to(src)
        if "__pycache__" in relative.parts or path.name in ("__init__.py", "__main__.py",
                                                            "py.typed"):
            continue
        if path.is_dir():
            if not re.search(rf"(^|[\s(]){re.escape(path.name)}/", layout, flags=re.M):
                missing.append(str(relative))
        elif path.suffix == ".py" and not re.search(rf"\b{path.stem}\b", layout):
            missing.append(str(relative))
    assert missing == []
    named = set(re.findall(r"\b([a-z_0-9]+)\.py\b", layout))
    modules = {p.stem for p in [*src.rglob("*.py"), *(ROOT / "tools").glob("*.py")]}
    assert named <= modules, named - modules


# -- versions and addresses -------------------------------------------------------------------

def test_the_readme_install_sections_pin_this_version() -> None:
    install = README.split("## Cài đặt · Install", 1)[1].split("\n## ", 1)[0]
    linux = install.split("### Linux", 1)[1].split("\n### ", 1)[0]
    windows = install.split("### Windows", 1)[1].split("\n### ", 1)[0]
    assert f"pipx install plangen=={__version__}" in linux
    assert f"pipx install plangen=={__version__}" in windows
    commands = re.search(r"```powershell\n(.*?)```", windows, flags=re.S)[1]  # type: ignore[index]
    lines = commands.splitlines()
    ensurepath = next(i for i, line in enumerate(lines) if "pipx ensurepath" in line)
    assert "open a new terminal" in lines[ensurepath + 1]
    assert ensurepath < next(i for i, line in enumerate(lines) if "pipx install" in line)
    for where in (README, *(p.read_text("utf-8") for p in (ROOT / ".github").rglob("*.yml")),
                  (ROOT / ".gitlab" / "documents.gitlab-ci.yml").read_text("utf-8")):
        assert set(re.findall(r"plangen(?:\[[a-z,]+\])?==([\d.]+)", where)) <= {__version__}
        assert set(re.findall(r"/plangen@v([\d.]+)", where)) <= {__version__}


def test_the_changelog_has_one_clean_section_per_version() -> None:
    versions = re.findall(r"^## (.*)$", CHANGELOG, flags=re.M)
    assert versions[0] == "[Unreleased]"
    assert re.fullmatch(rf"\[{re.escape(__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}",
                        versions[1]), versions[1]
    for section in re.split(r"^## ", CHANGELOG, flags=re.M)[1:]:
        kinds = re.findall(r"^### (.*)$", section, flags=re.M)
        assert len(kinds) == len(set(kinds)), (section.splitlines()[0], kinds)
        assert set(kinds) <= {"Added", "Changed", "Deprecated", "Removed", "Fixed",
                              "Security"}, kinds


def test_the_repositorys_home_is_written_once() -> None:
    """A fork changes one line: pyproject.toml's [project.urls]."""
    home = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["urls"][
        "Homepage"]
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                            check=False)
    files = (listed.stdout.split() if listed.returncode == 0
             else [str(p.relative_to(ROOT)) for p in (ROOT / "src").rglob("*.py")])
    holding = []
    for name in files:
        path = ROOT / name
        binary = path.suffix in (".docx", ".png", ".xlsx", ".pdf")
        if path.is_file() and not binary and home in path.read_text("utf-8", errors="replace"):
            holding.append(name)
    assert holding == ["pyproject.toml"]
