"""Golden text dumps of the documents built from the plans in plans/ and tests/data/.

Set PLANGEN_UPDATE_GOLDEN=1 to rewrite the dumps after an intended change, then read
the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import MINIMAL_PLAN, ROOT, write_documents
from plangen.check.dump import dump
from plangen.check.read.package import read_docx

GOLDEN = Path(__file__).parents[1] / "golden"
PLANS = [*sorted((ROOT / "plans").glob("*.yaml")), MINIMAL_PLAN]


@pytest.mark.parametrize("plan", PLANS, ids=[p.stem for p in PLANS])
def test_dump_matches_golden(plan: Path, tmp_path: Path) -> None:
    for docx in write_documents(plan, tmp_path):
        text = dump(read_docx(docx))
        golden = GOLDEN / f"{plan.stem}.{docx.stem}.txt"
        if os.environ.get("PLANGEN_UPDATE_GOLDEN"):
            golden.write_text(text, encoding="utf-8")
        assert golden.read_text(encoding="utf-8") == text
