"""Shared fixtures: the seed plan, the minimal plan, and their built documents."""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import settings

from plangen.check.read.package import Document, read_docx
from plangen.errors import PlanError
from plangen.pipeline.run import build_plan
from plangen.plan.datafiles import Bundle, load_bundle
from plangen.plan.load import load_plan, load_plan_text
from plangen.plan.model import Plan

# CI runs the property tests with a fixed seed, so that a run cannot fail by chance;
# developers get fresh examples every run.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SEED_PLAN = ROOT / "plans" / "cchc-2023-2025.yaml"
MINIMAL_PLAN = ROOT / "tests" / "data" / "minimal.yaml"
SHARED = ROOT.parent / "shared"


def bundle_of(plan_file: Path) -> Bundle:
    """The plan in ``plan_file`` with its data files, as ``plangen build`` loads them."""
    return load_bundle(plan_file)


def write_documents(plan_file: Path, out_dir: Path) -> list[Path]:
    """Build the plan in ``plan_file`` into ``out_dir`` as ``plangen build`` does."""
    return build_plan(bundle_of(plan_file), out_dir).written


def copy_templates(tmp_path: Path) -> Path:
    """A copy of templates/ that a test may change."""
    target = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", target)
    return target


def replace_in_template(path: Path, old: str, new: str) -> None:
    """Change the text of a template's word/document.xml, as an edit in Word would."""
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["word/document.xml"].decode()
    assert old in xml
    parts["word/document.xml"] = xml.replace(old, new, 1).encode()
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)


def minimal_text() -> str:
    """The minimal plan's text, for tests that change one thing in it."""
    return MINIMAL_PLAN.read_text(encoding="utf-8")


def without_campaign(**replace: str) -> str:
    """The minimal plan as an office with no campaign writes it, with ``replace`` made."""
    text = minimal_text()
    text = re.sub(r"(campaign|phu_luc):\n(  .*\n|    .*\n)+", "", text)
    text = text.replace("Tổ chức hội thi {{ campaign.name }} năm {{ campaign.start.year }}",
                        "Tổ chức hội thi Giáo viên dạy giỏi năm 2024")
    text = text.replace("Căn cứ Kế hoạch năm học {{ campaign.start.year }} - "
                        "{{ campaign.end.year }}", "Căn cứ Kế hoạch năm học 2023 - 2024")
    text = text.replace(", hạn chót {{ phases[0].end | ngay }}", "")
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def write_plan(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    """Plan ``text`` written to ``tmp_path / name``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(text: str, lang: str = "en") -> list[str]:
    """``path: message`` of every problem in plan ``text`` (empty when it is valid)."""
    try:
        load_plan_text(text, "plan.yaml", lang)  # type: ignore[arg-type]
    except PlanError as err:
        return [f"{p.path}: {p.message}" for p in err.problems]
    return []


@pytest.fixture(scope="session")
def seed_plan() -> Plan:
    return load_plan(SEED_PLAN)


@pytest.fixture(scope="session")
def seed_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_documents(SEED_PLAN, tmp_path_factory.mktemp("seed"))[0]


@pytest.fixture(scope="session")
def seed_doc(seed_docx: Path) -> Document:
    return read_docx(seed_docx)


@pytest.fixture(scope="session")
def minimal_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_documents(MINIMAL_PLAN, tmp_path_factory.mktemp("minimal"))[0]
