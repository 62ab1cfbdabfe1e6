"""A plan and its data files are read in one run: a data file's problems are told with
the plan's own, and what a final build needs waits for no other stage."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from plangen.errors import PlanError
from plangen.plan.datafiles import load_bundle

PLAN = ROOT / "plans" / "cchc-2023-2025.yaml"


def _copy(tmp_path: Path, **changes: str) -> Path:
    shutil.copytree(PLAN.with_suffix(""), tmp_path / PLAN.stem)
    text = PLAN.read_text(encoding="utf-8")
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new, 1)
    plan = tmp_path / PLAN.name
    plan.write_text(text, encoding="utf-8")
    return plan


def _problems(plan: Path, final: bool = False) -> list[str]:
    with pytest.raises(PlanError) as refused:
        load_bundle(plan, "en", final=final)
    return [f"{Path(p.file).name}:{p.line}: {p.path}: {p.message}"
            for p in refused.value.problems]


def test_a_data_file_is_read_even_when_the_plan_has_problems(tmp_path: Path) -> None:
    plan = _copy(tmp_path, **{"issued_on: 2023-08-21": "issued_on: 2023-08-32"})
    registrations = tmp_path / PLAN.stem / "dang-ky.yaml"
    registrations.write_text(registrations.read_text(encoding="utf-8").replace(
        "    kind: mô hình\n", "    kind: mô hinh\n", 1), encoding="utf-8")
    found = _problems(plan)
    assert found[0].startswith('cchc-2023-2025.yaml:25: issued_on: no such day: "2023-08-32"')
    assert len(found) == 2
    assert found[1].startswith("dang-ky.yaml:5: registrations[0].kind: ")


def test_what_a_final_build_needs_is_told_with_what_the_data_gives(tmp_path: Path) -> None:
    plan = _copy(tmp_path, **{
        "ket_qua.tong_ket.tong | hai_so }} mô hình": "ket_qua.tong_kett.tong | hai_so }} mô hình",
        "de_trong: [number]\n": ""})
    found = _problems(plan, final=True)
    assert found[0].startswith("cchc-2023-2025.yaml:")
    assert any(": number: number is blank but not listed in de_trong" in f for f in found)
    assert any('the expression uses a name the plan does not have: "tong_kett"' in f
               for f in found)
    # A draft may leave the number blank: the name is still wrong.
    assert len(_problems(plan, final=False)) == 1


def test_a_final_plan_loads_when_it_has_all_it_needs() -> None:
    assert load_bundle(PLAN, final=True).plan.van_ban
