"""The first pages of a large document (plangen.serve.excerpt): small documents are left
whole; a large one is cut between table rows with its page setup kept; and LibreOffice
draws the excerpt's pages, all but its last, exactly as the whole document's."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT

from plangen.kinds import render_documents
from plangen.pipeline.run import default_templates
from plangen.plan.datafiles import load_bundle
from plangen.render.docx.package import docx_bytes
from plangen.serve.excerpt import EXCERPT, LARGE, excerpt, weight
from serving import grow, needs, seed_copy

LIST = "danh-sach-dang-ky.docx"


def documents(plan: Path) -> dict[str, bytes]:
    return {r.file_name: r.data if r.data is not None else docx_bytes(r.document)
            for r in render_documents(load_bundle(plan), default_templates(plan))}


@pytest.fixture(scope="module")
def large_list(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The registration list with 300 more registrations (some 20 landscape pages)."""
    folder = tmp_path_factory.mktemp("excerpt")
    plan = seed_copy(folder / "work")
    grow(plan, 300, folder / "grown")
    return documents(plan)[LIST]


def test_every_document_of_the_seed_plan_is_left_whole(tmp_path: Path) -> None:
    for name, data in documents(seed_copy(tmp_path)).items():
        assert excerpt(data) is None, name


def test_a_large_list_is_cut_between_rows_with_its_page_setup(large_list: bytes) -> None:
    made = excerpt(large_list)
    assert made is not None
    data, kept, total = made
    whole = Document(io.BytesIO(large_list))
    part = Document(io.BytesIO(data))
    assert total == weight(whole.element.body) > LARGE
    assert kept == weight(part.element.body)
    assert EXCERPT - 20 < kept <= EXCERPT  # a row is some ten paragraphs
    rows = [[c.text for c in row.cells] for row in part.tables[0].rows]
    assert rows == [[c.text for c in row.cells] for row in whole.tables[0].rows][:len(rows)]
    assert 10 < len(rows) < len(whole.tables[0].rows)
    assert part.sections[-1].orientation == WD_ORIENT.LANDSCAPE
    assert [p.text for p in part.paragraphs] == [p.text for p in whole.paragraphs][
        :len(part.paragraphs)]


@needs("office")
def test_the_excerpts_pages_are_the_documents_first_pages(tmp_path: Path,
                                                          large_list: bytes) -> None:
    made = excerpt(large_list)
    assert made is not None
    (tmp_path / "whole.docx").write_bytes(large_list)
    (tmp_path / "part.docx").write_bytes(made[0])
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "whole.docx"), str(tmp_path / "part.docx")],
                   capture_output=True, check=True, timeout=300)
    pages = {}
    for name in ("whole", "part"):
        subprocess.run(["pdftoppm", "-r", "40", "-png", str(tmp_path / f"{name}.pdf"),
                        str(tmp_path / name)], check=True, timeout=300)
        pages[name] = sorted(tmp_path.glob(f"{name}-*.png"))
    assert 2 <= len(pages["part"]) < len(pages["whole"])
    for mine, theirs in zip(pages["part"][:-1], pages["whole"], strict=False):
        assert mine.read_bytes() == theirs.read_bytes(), mine.name
    assert pages["part"][-1].read_bytes() != pages["whole"][len(pages["part"]) - 1].read_bytes()
