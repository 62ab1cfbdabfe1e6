"""The plan file written: comments above their keys, every line of a comment a comment,
long paragraphs folded, and YAML that always loads, whatever the document held."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plangen.check.read.package import read_docx
from plangen.importdoc.read import Correction, Imported, read_plan_parts
from plangen.importdoc.write import plan_yaml
from plangen.plan.yamlread import read_yaml

PLAN = {"issuer": {"name": "Trường THCS Lê Lợi", "abbreviation": "THCSLL"},
        "place": "Tuy Phước", "trich_yeu": "Tổ chức hội thi", "noi_nhan": ["Lưu: VT"]}


def test_a_review_note_with_line_breaks_is_commented_line_by_line() -> None:
    """Once only its first line was commented: the file did not parse."""
    imported = Imported(dict(PLAN), review=[("trich_yeu", "dòng một\ndòng hai: a\n# ba")],
                        corrections=[Correction("noi_nhan[0]", "sửa\nhai dòng")])
    text = plan_yaml(imported, "cu.docx")
    assert "# XEM LẠI: dòng một\n# dòng hai: a\n# # ba\ntrich_yeu: Tổ chức hội thi" in text
    assert "# SỬA: sửa\n# hai dòng\nnoi_nhan:" in text
    assert read_yaml(text).data == PLAN


def test_a_long_paragraph_is_a_folded_block() -> None:
    long = " ".join(["Nhà trường tổ chức hội thi giáo viên dạy giỏi cấp trường."] * 8)
    text = plan_yaml(Imported({**PLAN, "closing": long}), "cu.docx")
    block = text[text.index("closing:"):].splitlines()
    assert block[0] == "closing: >-"
    assert all(len(line) <= 88 for line in block)
    assert read_yaml(text).data["closing"] == long


_TEXT = st.text(st.characters(blacklist_categories=("Cs",), min_codepoint=1), max_size=60)


@st.composite
def documents(draw: st.DrawFn) -> list[tuple[str, str, bool, bool]]:
    """Random paragraphs: a style, a text (with line breaks, quotes, colons, control
    characters, YAML's own marks), bold, centred."""
    styles = st.sampled_from(["Normal", "List Bullet", "List Number", "Title", "Heading 1"])
    return draw(st.lists(st.tuples(styles, _TEXT, st.booleans(), st.booleans()),
                         min_size=0, max_size=14))


SHAPES = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH",
          "QUYẾT ĐỊNH", "BIÊN BẢN", "V/v: a", "Số: 1/KH-A", "Nơi nhận:", "Kính gửi:",
          "I. MỤC ĐÍCH", "1. a", "Điều 1. b", "- c;", "Lưu: VT", "KT. GIÁM ĐỐC"]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(paragraphs=documents(), shapes=st.lists(st.sampled_from(SHAPES), max_size=8),
       seed=st.integers(0, 3))
def test_any_document_gives_a_plan_file_that_loads(
        tmp_path_factory: Any, paragraphs: list[tuple[str, str, bool, bool]],
        shapes: list[str], seed: int) -> None:
    """A random DOCX (random texts among the shapes of a document's parts, in a table or
    not) imports into YAML that plangen's reader loads, every comment a comment."""
    folder: Path = tmp_path_factory.mktemp("random")
    document = docx.Document()
    table = document.add_table(rows=1, cols=2) if seed % 2 else None
    items = [(s, t, b, c) for s, t, b, c in paragraphs] + [("Normal", x, True, True)
                                                             for x in shapes]
    items.sort(key=lambda item: hash((item[1], seed)))
    for i, (style, text, bold, centred) in enumerate(items):
        clean = "".join(ch for ch in text if ch in "\t\n" or (ord(ch) >= 32 and
                                                               ch not in "\ufffe\uffff"))
        holder = table.cell(0, i % 2) if table is not None and i < 4 else document
        paragraph = holder.add_paragraph(style=style) if holder is document else \
            holder.add_paragraph()
        for j, piece in enumerate(clean.split("\n")):
            if j:
                paragraph.add_run().add_break()
            run = paragraph.add_run(piece)
            run.bold = bold
        if centred:
            paragraph.alignment = 1
    path = folder / "random.docx"
    document.save(str(path))
    imported = read_plan_parts(read_docx(path.read_bytes()))
    if imported.collection:
        return
    text = plan_yaml(imported, "random.docx")
    read_yaml(text)  # raises when the file does not load
    for line in text.splitlines():
        assert not line.lstrip().startswith("#") or line.startswith("#"), line
