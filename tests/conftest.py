"""Shared fixtures: the seed plan, the minimal plan, and their built documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from plangen.check.docx_read import Document, read_docx
from plangen.errors import PlanError
from plangen.load import load_plan, load_plan_text
from plangen.model import Plan
from plangen.render import write_documents

ROOT = Path(__file__).resolve().parents[1]
SEED_PLAN = ROOT / "plans" / "cchc-2023-2025.yaml"
MINIMAL_PLAN = ROOT / "tests" / "data" / "minimal.yaml"
SHARED = ROOT.parent / "shared"


def minimal_text() -> str:
    """The minimal plan's text, for tests that change one thing in it."""
    return MINIMAL_PLAN.read_text(encoding="utf-8")


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
def seed_docx(tmp_path_factory: pytest.TempPathFactory, seed_plan: Plan) -> Path:
    return write_documents(seed_plan, tmp_path_factory.mktemp("seed"))[0]


@pytest.fixture(scope="session")
def seed_doc(seed_docx: Path) -> Document:
    return read_docx(seed_docx)


@pytest.fixture(scope="session")
def minimal_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_documents(load_plan(MINIMAL_PLAN), tmp_path_factory.mktemp("minimal"))[0]
