"""The kind of an imported document is looked up in the kind registry: a kind registered
later is found by its tên loại, without any list being changed; one whose fields the
import cannot fill is said so."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from kinds.test_kinds import TOY, TOY_PLAN, write_plan

from conftest import without_campaign
from plangen.check.read.package import read_docx
from plangen.importdoc.kinds import kind_of, written_kinds
from plangen.importdoc.read import read_plan_parts
from plangen.kinds import KINDS, Kind, register, unregister
from plangen.pipeline.run import build_plan
from plangen.plan.datafiles import load_bundle


def test_every_kind_plangen_writes_is_importable() -> None:
    assert written_kinds() == {k.yaml_code for k in KINDS.values() if k.entry is not None}


@pytest.fixture
def toy_kind() -> Iterator[Kind[object]]:
    register(TOY)
    try:
        yield TOY
    finally:
        unregister(TOY.name)


def test_a_kind_registered_later_is_found_by_its_ten_loai(toy_kind: Kind[object],
                                                          tmp_path: Path) -> None:
    assert kind_of("GGT") is toy_kind
    assert "GGT" not in written_kinds()  # its entry model's fields: no reader yet
    plan = write_plan(tmp_path, without_campaign() + TOY_PLAN)
    built = build_plan(load_bundle(plan), tmp_path / "out", only=["giay-gioi-thieu"]).written
    docx = next(p for p in built if p.suffix == ".docx")
    parts = read_plan_parts(read_docx(docx))
    assert parts.plan["kind"] == "GGT"
    assert ("kind", "plangen chưa nhập được các trường riêng của Giấy giới thiệu: điền theo "
            "mẫu (plangen schema)") in parts.review
