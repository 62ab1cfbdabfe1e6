"""Whatever mix of headings, numbered and lettered lines, items, emphasis, tables and
footnotes a plan's text has, the built document holds exactly the paragraphs meant: none
merged into another, none lost, no markup printed, no number doubled.

Hypothesis writes the plans; each is built as ``plangen build`` builds it (the signed-ready
gate included) and its DOCX read back element by element, in order.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import write_documents
from plangen.spec import vn

WORDS = ("tổ", "chức", "hội", "thi", "giáo", "viên", "năm", "học", "kế", "hoạch", "đơn",
         "vị", "báo", "cáo", "kết", "quả", "sáng", "kiến", "nhà", "trường", "thực", "hiện",
         "2024", "2025", "(kèm", "theo)", "“Hoàn", "thành”", "8/2024", "30%")
LETTERS = "abcdđeghik"


@dataclass
class Written:
    """One document's text as a plan writes it, and what its body must read back as."""

    sections: list[str] = field(default_factory=list)  # the YAML of body:
    expected: list[tuple[str, object]] = field(default_factory=list)
    emphasised: list[tuple[str, str]] = field(default_factory=list)  # (word, bold|italic)
    notes: list[str] = field(default_factory=list)


words = st.lists(st.sampled_from(WORDS), min_size=2, max_size=6).map(" ".join)


@st.composite
def paragraph(draw: st.DrawFn, written: Written, notes: list[str]) -> tuple[str, str]:
    """A paragraph, maybe wrapped over two lines, maybe with an emphasised word and a
    footnote: what is typed, and the text it prints."""
    first, second = draw(words), draw(st.one_of(st.none(), words))
    look = draw(st.sampled_from(["", "bold", "italic"]))
    typed_first, shown_first = first.capitalize(), first.capitalize()
    if look:
        word = draw(st.sampled_from(WORDS))
        mark = "**" if look == "bold" else "*"
        typed_first += f" {mark}{word}{mark}"
        shown_first += f" {word}"
        written.emphasised.append((word, look))
    lines = [typed_first] + ([second] if second else [])
    shown = " ".join([shown_first] + ([second] if second else []))
    if draw(st.booleans()):
        key = str(len(notes) + 1)
        note = f"Chú thích {draw(words)}."
        notes.append(f"[^{key}]: {note}")
        written.notes.append(note)
        lines[-1] += f".[^{key}]"
    else:
        lines[-1] += "."
    return "\n".join(lines), shown + "."


@st.composite
def run_of_lines(draw: st.DrawFn) -> list[tuple[str, str]]:
    """Lines that each print as a paragraph of their own, typed one under another:
    "1." and "1.1." khoản, "a)" điểm, "- " items and "+ " items under them."""
    out: list[tuple[str, str]] = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["number", "subnumber", "letter", "item", "nested"]))
        text = f"{draw(words)}."
        if kind == "number":
            line = f"{draw(st.integers(1, 9))}. {text}"
        elif kind == "subnumber":
            line = f"{draw(st.integers(1, 9))}.{draw(st.integers(1, 9))}. {text}"
        elif kind == "letter":
            line = f"{draw(st.sampled_from(LETTERS))}) {text}"
        elif kind == "item" or not out or not out[-1][1].startswith(("- ", "+ ")):
            line = f"- {text}"
        else:
            out.append((f"  + {text}", f"+ {text}"))
            continue
        out.append((line, line))
    return out


@st.composite
def table(draw: st.DrawFn) -> tuple[str, list[list[str]]]:
    width = draw(st.integers(2, 3))
    header = ["STT", *[draw(words).capitalize() for _ in range(width - 1)]]
    rows = [[str(i), *[draw(words) for _ in range(width - 1)]]
            for i in range(1, draw(st.integers(1, 3)) + 1)]
    typed = "\n".join([f"| {' | '.join(header)} |", "|" + "---|" * width,
                       *(f"| {' | '.join(r)} |" for r in rows)])
    return typed, [header, *rows]


@st.composite
def content(draw: st.DrawFn, written: Written) -> str:
    """One section's text: blocks apart by blank lines, footnotes defined at its end."""
    blocks: list[str] = []
    notes: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["paragraph", "lines", "table"]))
        if kind == "paragraph":
            typed, shown = draw(paragraph(written, notes))
            blocks.append(typed)
            written.expected.append(("p", shown))
        elif kind == "lines":
            lines = draw(run_of_lines())
            blocks.append("\n".join(typed for typed, _ in lines))
            written.expected += [("p", shown) for _, shown in lines]
        else:
            typed, cells = draw(table())
            blocks.append(typed)
            written.expected.append(("t", cells))
    return "\n\n".join(blocks + (["\n".join(notes)] if notes else []))


def _block_scalar(text: str, indent: int) -> str:
    pad = " " * indent
    return "".join(f"{pad}{line}\n" if line else "\n" for line in text.split("\n"))


headings = st.lists(st.sampled_from(WORDS[:22]), min_size=1, max_size=5).map(
    lambda w: " ".join(w).capitalize())


@st.composite
def documents(draw: st.DrawFn) -> Written:
    """Mục I, II, … each with text, sections 1., 2., … under it, or both."""
    written = Written()
    for i in range(draw(st.integers(1, 3))):
        heading = draw(headings)
        written.expected.append(("p", f"{vn.la_ma(i + 1)}. {vn.upper(heading)}"))
        yaml = f"      - heading: {heading}\n"
        subsections = draw(st.integers(0, 2))
        if not subsections or draw(st.booleans()):
            yaml += "        content: |\n" + _block_scalar(draw(content(written)), 10)
        if subsections:
            yaml += "        sections:\n"
        for j in range(subsections):
            sub = draw(headings)
            written.expected.append(("p", f"{j + 1}. {sub}"))
            yaml += (f"          - heading: {sub}\n            content: |\n"
                     + _block_scalar(draw(content(written)), 14))
        written.sections.append(yaml)
    return written


PLAN = """\
issuer:
  name: Trường THPT Thử Nghiệm
  abbreviation: THPTTN
  parent: Sở Giáo dục và Đào tạo Hà Nội
place: Hà Nội
signer:
  title: Hiệu trưởng
  name: Trần Thị Bình
van_ban:
  - kind: TB
    number: 5
    issued_on: 2024-03-01
    trich_yeu: lịch tổ chức hội thi
    noi_nhan: ["Lưu: VT"]
    body:
"""


def body_elements(path: Path) -> list[tuple[str, object]]:
    """The document's body in order: each paragraph with text, each table's cells."""
    document = docx.Document(str(path))
    out: list[tuple[str, object]] = []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            text = Paragraph(child, document).text
            if text.strip():
                out.append(("p", text))
        elif child.tag.endswith("}tbl"):
            out.append(("t", [[c.text for c in r.cells] for r in Table(child, document).rows]))
    return out


def runs_with(path: Path, word: str, look: str) -> bool:
    document = docx.Document(str(path))
    return any(word in run.text and getattr(run, look)
               for p in document.paragraphs for run in p.runs)


def with_end_mark(expected: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """The end mark "./." NĐ30 puts after the text: in place of the last paragraph's full
    stop, or on a line of its own after a table."""
    kind, last = expected[-1]
    if kind == "t":
        return [*expected, ("p", "./.")]
    return [*expected[:-1], ("p", f"{str(last)[:-1]}./.")]


MARKUP = re.compile(r"\*\*|(?<!\S)\*|\[\^|\|\s*-{3}|~~|^#|^>")
DOUBLED = re.compile(r"^(\d+(\.\d+)*\.|[a-zđ]\)|[IVX]+\.)\s+(\d+(\.\d+)*\.|[a-zđ]\)|[IVX]+\.)\s")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_the_built_paragraphs_are_the_ones_written(written: Written) -> None:
    plan_text = PLAN + "".join(written.sections)
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "plan.yaml"
        plan.write_text(plan_text, encoding="utf-8")
        write_documents(plan, Path(folder) / "out")  # the gate passed: no NĐ30 error
        built = Path(folder) / "out" / "thong-bao.docx"
        elements = body_elements(built)
        start = elements.index(written.expected[0])
        expected = with_end_mark(written.expected)
        body = elements[start:start + len(expected)]
        assert body == expected, plan_text
        following = elements[start + len(expected)]
        assert following[0] == "t" and "Nơi nhận" in str(following[1])  # nothing after
        for kind, text in body:
            if kind == "p":
                assert not MARKUP.search(str(text)), text
                assert not DOUBLED.match(str(text)), text
        for word, look in written.emphasised:
            assert runs_with(built, word, look), (word, look)
        with zipfile.ZipFile(built) as package:
            footnotes = (package.read("word/footnotes.xml").decode()
                         if "word/footnotes.xml" in package.namelist() else "")
        for note in written.notes:
            assert note in footnotes
