"""A DOCX read back into the parts of a plan: issuer, number and date, trích yếu, căn cứ,
body sections, Nơi nhận, signer and Phụ lục, with every NĐ30 mistake it repairs listed.

Why: most offices start from last year's Word file, not from a plan file. The checker
already finds the parts of any DOCX (``check.read.layout``); this reads the same parts
into plain data, repairs what NĐ30 says differently, and keeps what it cannot place so that
nothing is dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from plangen.check.read.facts import Document, Paragraph
from plangen.check.read.layout import AnnexHeading, Layout, find_layout, letters
from plangen.plan.model import ENTRY_MODELS, VanBanTenLoai
from plangen.spec import mau, nd30, vn

_SO = re.compile(r"^Số\s*:?\s*(?P<number>[\d\s.…]*?)\s*/\s*(?P<ky_hieu>\S+)\s*$")
_DATE = re.compile(r"^(?P<place>.*?),\s*ngày\s+(?P<day>[\d\s.…]*)\s+tháng\s+(?P<month>[\d\s.…]*)"
                   r"\s+năm\s+(?P<year>[\d\s.…]*)\s*$")
_LABEL = re.compile(r"^(?P<label>[IVXLC]+\.|\d{1,2}[.)]|[a-zđ][.)])\s+(?P<text>\S.*)$", re.S)
_ITEM = re.compile(r"^(?P<mark>[-+–—•])\s*(?P<text>.*)$", re.S)
_PREFIX = re.compile(r"^(?P<prefix>TM|KT|TL|TUQ|Q|K/T|T/L|TU/Q)\.?\s+(?P<rest>.+)$")
END_MARKS = ("./.", "/.")


@dataclass
class Correction:
    """One thing the document got wrong under NĐ30, and how the plan writes it."""

    where: str  # the plan field: "noi_nhan[2]", "body[1].sections[0].heading"
    text: str


@dataclass
class Imported:
    """What the reading gives: the plan's data (plain dicts and lists), the corrections, the
    text it could not place, and what it did not import at all."""

    plan: dict[str, Any]
    corrections: list[Correction] = field(default_factory=list)
    review: list[tuple[str, str]] = field(default_factory=list)  # (field, text)
    skipped: list[str] = field(default_factory=list)


def read_plan_parts(doc: Document, drawings: int = 0, footnotes: int = 0) -> Imported:
    """The plan data of ``doc``; ``drawings`` and ``footnotes`` are how many pictures or
    shapes and footnotes it has (neither is imported: each is listed)."""
    layout = find_layout(doc)
    out = Imported({})
    used: set[int] = set()
    _header(layout, out, used)
    _title(layout, out, used)
    _recipients(layout, out, used)
    _signer(layout, out, used)
    _body(layout, out, used)
    _annexes(layout, out, used)
    _leftovers(layout, out, used)
    if drawings:
        out.skipped.append(f"{drawings} hình, khung chữ hoặc hình vẽ")
    if footnotes:
        out.skipped.append(f"{footnotes} chú thích cuối trang (chép lại bằng [^1] và "
                           'dòng "[^1]: …")')
    return out


# -- header --------------------------------------------------------------------------------


def _header(layout: Layout, out: Imported, used: set[int]) -> None:
    plan = out.plan
    issuer_lines = [p.text.strip() for p in layout.issuer_lines if p.text.strip()]
    parent_lines = [p.text.strip() for p in layout.parent_lines if p.text.strip()]
    used.update(p.index for p in [*layout.issuer_lines, *layout.parent_lines])
    body_text = " ".join(p.text for p in layout.doc.paragraphs)
    name = " ".join(issuer_lines)
    plan["issuer"] = {"name": _as_written(name, body_text, out) or "Cơ quan ban hành"}
    if parent_lines:
        plan["issuer"]["parent"] = "\n".join(_as_written(t, body_text, out)
                                             for t in parent_lines)
    plan["kind"] = "KH"
    if layout.so_line is not None:
        used.add(layout.so_line.index)
        _number(layout.so_line.text.strip(), out)
    else:
        plan.setdefault("de_trong", []).append("number")
    if "abbreviation" not in plan["issuer"]:
        plan["issuer"]["abbreviation"] = _abbreviate(name)
    if layout.date_line is not None:
        used.add(layout.date_line.index)
        _place_and_date(layout.date_line.text.strip(), out)
    for p in (layout.quoc_hieu, layout.tieu_ngu):
        if p is not None:
            used.add(p.index)
    motto = layout.tieu_ngu.text if layout.tieu_ngu is not None else ""
    if "–" in motto or "—" in motto:
        out.corrections.append(Correction("(Tiêu ngữ)", 'gạch nối trong Tiêu ngữ là "-", '
                                          'không phải gạch dài: plangen in "Độc lập - Tự do - '
                                          'Hạnh phúc"'))


def _number(text: str, out: Imported) -> None:
    plan = out.plan
    found = _SO.match(text.replace("\u00a0", " "))
    if found is None:
        out.review.append(("number", text))
        plan["de_trong"] = ["number"]
        return
    if re.search(r"\d\s+/|/\s+", text) or not text.startswith("Số:"):
        out.corrections.append(Correction("number", f'dòng số "{text}" viết lại đúng dạng '
                                          '"Số: 04/KH-…" (dấu hai chấm, không có dấu cách)'))
    digits = re.sub(r"\D", "", found["number"])
    if digits:
        plan["number"] = int(digits)
    else:
        plan.setdefault("de_trong", []).append("number")
    parts = found["ky_hieu"].split("-")
    if len(parts) >= 2 and parts[0] in mau.TEN_LOAI:
        plan["kind"] = parts[0]
        plan["issuer"]["abbreviation"] = "-".join(parts[1:])


def _place_and_date(text: str, out: Imported) -> None:
    plan = out.plan
    found = _DATE.match(text)
    if found is None:
        out.review.append(("place", text))
        before = text.split(",")[0].strip()
        plan["place"] = before if before and "ngày" not in before and len(before) < 40 \
            else "Địa danh"
        plan.setdefault("de_trong", []).append("issued_on")
        return
    plan["place"] = found["place"].strip()
    parts = [re.sub(r"\D", "", found[k]) for k in ("day", "month", "year")]
    if not all(parts):
        plan.setdefault("de_trong", []).append("issued_on")
        return
    day, month, year = (int(x) for x in parts)
    try:
        plan["issued_on"] = date(year, month, day)
    except ValueError:
        out.review.append(("issued_on", text))
        plan.setdefault("de_trong", []).append("issued_on")
        return
    written = f"ngày {found['day'].strip()} tháng {found['month'].strip()} năm"
    if written != f"ngày {vn.day_text(day)} tháng {vn.month_text(month)} năm":
        out.corrections.append(Correction("issued_on", f'"{written} …" viết lại '
                                          f'"{vn.ngay(plan["issued_on"])}" (số 0 trước ngày, '
                                          "tháng nhỏ hơn 10 theo Nghị định 30)"))


def _abbreviate(name: str) -> str:
    """``TRƯỜNG THPT NGUYỄN TRÃI`` → ``THPTNT``: a stand-in the author should check."""
    words = [w for w in re.split(r"\s+", vn.upper(name)) if w]
    letters_ = "".join(w if w.isupper() and len(w) > 1 and not any(
        c in "AĂÂEÊIOÔƠUƯYÁÀẢÃẠ" for c in w) else w[0] for w in words[1:] or words)
    return vn.slug(letters_).replace("-", "").upper() or "CQ"


def _as_written(name: str, text: str, out: Imported) -> str:
    """``name`` (printed in capitals) as the document writes it elsewhere, or a guess in
    sentence case, its acronyms kept, listed for review."""
    if not name:
        return ""
    pattern = re.compile(r"\s+".join(map(re.escape, name.split())), re.IGNORECASE)
    for found in pattern.finditer(text):
        if found.group() != vn.upper(found.group()):
            return " ".join(found.group().split())
    guess = sentence_case(name, name=True)
    out.review.append(("issuer", f'chữ hoa, chữ thường của tên "{guess}" là đoán'))
    return guess


_VOWELS = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_SYLLABLE = re.compile(rf"^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?[{_VOWELS}]+"
                       r"(ch|ng|nh|[cmnpt])?$")
PLACE_LEVELS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")


def _acronym(word: str) -> bool:
    """``THPT``, ``UBND``, ``GD&ĐT``: capitals that are no Vietnamese syllable."""
    core = re.sub(r"[^\w]", "", word)
    return bool(core) and core.isupper() and not all(
        _SYLLABLE.match(part) for part in re.findall(r"\w+", word.lower()))


def sentence_case(text: str, name: bool = False) -> str:
    """``MỤC ĐÍCH, YÊU CẦU`` → ``Mục đích, yêu cầu``; acronyms (THPT, UBND, CCHC) stay. In
    a body's ``name``, the place after its level is a proper name: ``UBND huyện Tuy Phước``."""
    out: list[str] = []
    proper = False
    for i, word in enumerate(text.split(" ")):
        if _acronym(word):
            out.append(word)
            continue
        lower = word.lower()
        out.append(lower[:1].upper() + lower[1:] if i == 0 or proper else lower)
        if name and " ".join(out).lower().endswith(PLACE_LEVELS):
            proper = True
    return " ".join(out)


# -- title, trích yếu, căn cứ ----------------------------------------------------------------


def written_kinds() -> set[str]:
    """The kinds an imported document may be written as: those of Mẫu 1.4, whose fields
    the import fills (from the kind registry)."""
    import plangen.kinds  # noqa: F401  (the registry fills ENTRY_MODELS)

    return {code for code, entry in ENTRY_MODELS.items() if entry is VanBanTenLoai}


def _title(layout: Layout, out: Imported, used: set[int]) -> None:
    plan = out.plan
    if layout.title is not None:
        used.add(layout.title.index)
        kind = mau.by_title(layout.title.text)
        if kind is not None and kind.code in written_kinds():
            plan["kind"] = kind.code
    lines = [line.strip() for p in layout.trich_yeu for line in p.text.split("\n")]
    used.update(p.index for p in layout.trich_yeu)
    if layout.trich_yeu_rule is not None:
        used.add(layout.trich_yeu_rule.paragraph.index)
    trich_yeu = "\n".join(line for line in lines if line) or "Trích yếu"
    if trich_yeu == vn.upper(trich_yeu):
        trich_yeu = sentence_case(trich_yeu)
        out.corrections.append(Correction("trich_yeu", "trích yếu in hoa toàn bộ viết lại chữ "
                                          "thường (plangen in đậm theo Nghị định 30)"))
    plan["trich_yeu"] = trich_yeu
    if layout.can_cu:
        plan["can_cu"] = [p.text.strip().rstrip(";.,").strip() for p in layout.can_cu]
        used.update(p.index for p in layout.can_cu)


# -- recipients and signer ----------------------------------------------------------------


LIST_STYLES = ("Compact", "List Paragraph", "List Bullet", "List Number")
"""Styles of list items whose "-" is Word's numbering, not text (pandoc writes Compact)."""


def _plain_signature(layout: Layout) -> None:
    """Nơi nhận and the signer typed as plain lines after "Nơi nhận:" (no table): the
    recipients, then the bold lines of the signer block (capitals: titles; the last: the
    name). Sets them on ``layout`` as the table reading would."""
    label = layout.noi_nhan_label
    if label is None or label.table is not None or layout.noi_nhan_items:
        return
    after = [p for p in layout.doc.paragraphs if p.index > label.index and p.table is None]
    items: list[Paragraph] = []
    for p in after:
        bold = [r.bold for r in p.runs if r.text.strip()]
        if bold and all(bold):
            break
        if p.text.strip():
            items.append(p)
    layout.noi_nhan_items = items
    start = items[-1].index if items else label.index
    layout.signatures = [[p for p in after if p.index > start][:12]]


def _recipients(layout: Layout, out: Imported, used: set[int]) -> None:
    plan = out.plan
    _plain_signature(layout)
    if layout.kinh_gui:
        used.update(p.index for p in layout.kinh_gui)
        first = layout.kinh_gui[0].text.split(":", 1)[-1].strip()
        items = [first] if first else []
        items += [p.text.strip() for p in layout.kinh_gui[1:]]
        plan["kinh_gui"] = [_recipient(t) for t in items if _recipient(t).strip(".…_ ")]
    if layout.noi_nhan_label is not None:
        used.add(layout.noi_nhan_label.index)
    items = []
    for p in layout.noi_nhan_items:
        used.add(p.index)
        text = _recipient(p.text)
        if not text.strip(".…_ "):
            out.review.append(("noi_nhan", p.text.strip()))  # a line of dots: to fill in
            continue
        if text in ("Như trên",) or text.startswith("Như Điều"):
            continue  # plangen writes it
        if re.match(r"^Lưu\s*:?\s*VT", text) and not re.match(r"^Lưu: VT(, [^.;]+)?$", text):
            unit = re.sub(r"[.…;:]+", "", re.sub(r"^Lưu\s*:?\s*VT", "", text)).strip(" ,")
            fixed = f"Lưu: VT, {unit}" if re.fullmatch(r"[^\W\d][\w\s,&-]*", unit) else "Lưu: VT"
            out.corrections.append(Correction(f"noi_nhan[{len(items)}]",
                                              f'"{text}" viết lại "{fixed}"'))
            text = fixed
        items.append(text)
    if not items or not items[-1].startswith("Lưu"):
        out.corrections.append(Correction("noi_nhan", 'thêm dòng cuối "Lưu: VT" (Nghị định 30 '
                                          "PL I, II.9.b)"))
        items.append("Lưu: VT")
    plan["noi_nhan"] = items


def _recipient(text: str) -> str:
    text = text.strip()
    for dash in ("-", "–", "—", "+"):
        text = text.removeprefix(dash)
    return text.strip().rstrip(";.,").strip()


def _signer(layout: Layout, out: Imported, used: set[int]) -> None:
    from plangen.check.rules.signer import signer_parts

    block = layout.signatures[-1] if layout.signatures else []
    titles, _blanks, name = signer_parts(block)
    used.update(p.index for p in block)
    signer: dict[str, Any] = {}
    authority: list[str] = []
    plain: list[str] = []
    for p in titles:
        text = " ".join(p.text.split())
        found = _PREFIX.match(text)
        if found is None:
            plain.append(text)
            continue
        prefix = {"K/T": "KT", "T/L": "TL", "TU/Q": "TUQ"}.get(found["prefix"], found["prefix"])
        if not text.startswith(f"{prefix}. "):
            out.corrections.append(Correction("signer.authority",
                                              f'"{found["prefix"]}" viết lại "{prefix}."'))
        authority.append(f"{prefix}.")
        if prefix == "TM":
            signer["collective"] = sentence_case(found["rest"])
        else:
            signer["head_title"] = sentence_case(found["rest"])
    if authority:
        signer["authority"] = authority[0] if len(authority) == 1 else authority
    if plain:
        signer["title"] = sentence_case(plain[-1])
    elif "head_title" not in signer or authority != ["Q."]:
        signer["title"] = signer.pop("head_title", "Thủ trưởng cơ quan")
    if name is not None and name.text.strip():
        signer["name"] = " ".join(name.text.split())
    out.plan["signer"] = signer


# -- body -----------------------------------------------------------------------------------


def _body(layout: Layout, out: Imported, used: set[int]) -> None:
    plan = out.plan
    paragraphs = [p for p in layout.body if p.index not in used]
    tables = _body_tables(layout)
    sections: list[dict[str, Any]] = []
    stack: list[tuple[int, dict[str, Any]]] = []
    opening: list[str] = []
    roman = any(_heading_level(p) == "muc" for p in paragraphs)
    plan["numbering"] = "roman" if roman else "arabic"
    levels = ("muc", "khoan", "diem") if roman else ("khoan", "diem")
    for p, kind in _with_tables(paragraphs, tables, layout):
        used.add(p.index)
        level_name = _heading_level(p) if isinstance(p, Paragraph) else None
        if level_name in levels:
            level = levels.index(level_name) + 1
            found = _LABEL.match(p.text.strip())
            assert found is not None
            label, text = found["label"], _markdown(p, skip=len(p.text) - len(found["text"]))
            if label.endswith(".") and label[0].islower():
                out.corrections.append(Correction("body", f'điểm "{label}" viết lại '
                                                  f'"{label[0]})"'))
            text = sentence_case(text) if level_name == "muc" and text == vn.upper(text) \
                else text
            section: dict[str, Any] = {"heading": text}
            while stack and stack[-1][0] >= level:
                stack.pop()
            (stack[-1][1].setdefault("sections", []) if stack else sections).append(section)
            stack.append((level, section))
            continue
        text = kind if isinstance(kind, str) else _paragraph_markdown(p, out)
        if not stack:
            opening.append(text)
        else:
            current = stack[-1][1]
            current["content"] = _join(current.get("content"), text)
    if opening:
        plan["opening"] = _strip_end("\n\n".join(opening).strip())
    _closing(sections, plan)
    plan["body"] = sections or [{"heading": "Nội dung",
                                 "content": plan.pop("opening", "Nội dung")}]


def _closing(sections: list[dict[str, Any]], plan: dict[str, Any]) -> None:
    """The last section's final "Trên đây là …" paragraph is the closing; ./. goes."""
    if not sections:
        return
    last = sections[-1]
    while last.get("sections"):
        last = last["sections"][-1]
    content = last.get("content")
    if not content:
        return
    paragraphs = content.split("\n\n")
    if paragraphs[-1].startswith("Trên đây"):
        plan["closing"] = _strip_end(paragraphs.pop())
    content = "\n\n".join(paragraphs)
    if content:
        last["content"] = _strip_end(content)
    else:
        del last["content"]


def _strip_end(text: str) -> str:
    for mark in END_MARKS:
        if text.endswith(mark):
            return text[: -len(mark)].rstrip() + ("." if mark == "./." else "")
    return text


def _join(before: str | None, text: str) -> str:
    if not before:
        return text
    item = text.startswith(("- ", "  - "))
    return f"{before}\n{text}" if item and before.split("\n")[-1].startswith(("- ", "  - ")) \
        else f"{before}\n\n{text}"


def _heading_level(p: Paragraph) -> str | None:
    found = _LABEL.match(p.text.strip())
    if found is None or len(p.text) > 200:
        return None
    label = found["label"]
    bold = [r.bold for r in p.runs if r.text.strip()]
    all_bold = bool(bold) and all(bold)
    if re.fullmatch(r"[IVXLC]+\.", label) and all_bold:
        return "muc"
    if re.fullmatch(r"\d{1,2}\.", label) and all_bold:
        return "khoan"
    if re.fullmatch(r"[a-zđ][.)]", label) and not p.text.rstrip().endswith((".", ";", ":")) \
            and len(p.text) < 120:
        return "diem"
    return None


def _markdown(p: Paragraph, skip: int = 0) -> str:
    """The paragraph's text from character ``skip`` with bold and italic as Markdown,
    except where the whole paragraph carries them (a heading's own style)."""
    runs = [r for r in p.runs if r.text]
    every_bold = all(r.bold for r in runs if r.text.strip())
    every_italic = all(r.italic for r in runs if r.text.strip())
    out, pos = [], 0
    for r in runs:
        text = r.text
        if pos + len(text) <= skip:
            pos += len(text)
            continue
        if pos < skip:
            text = text[skip - pos:]
        pos += len(r.text)
        core = text.strip()
        if not core:
            out.append(text)
            continue
        mark = ("**" if r.bold and not every_bold else "") + ("*" if r.italic and
                                                              not every_italic else "")
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        out.append(f"{lead}{mark}{core}{mark[::-1]}{trail}")
    return re.sub(r"\*\*\s*\*\*", "", "".join(out)).strip()


def _paragraph_markdown(p: Paragraph, out: Imported) -> str:
    text = _markdown(p)
    if p.style in LIST_STYLES and p.table is None and not _ITEM.match(text):
        text = f"- {text}"
    found = _ITEM.match(text)
    if found is not None:
        nested = found["mark"] == "+" or p.left_cm > 1.5
        return ("  - " if nested else "- ") + found["text"].strip()
    label = re.match(r"^([a-zđ])\.\s", text)
    if label is not None:
        out.corrections.append(Correction("body", f'điểm "{label[1]}." viết lại "{label[1]})"'))
        text = f"{label[1]}) {text[3:]}"
    if p.align == "center" and all(r.bold for r in p.runs if r.text.strip()):
        return f"-> **{text.strip('*')}** <-"
    return text


# -- tables ---------------------------------------------------------------------------------


def _body_tables(layout: Layout) -> dict[int, str]:
    """Each table between the header and the signer, as a Markdown pipe table, by the
    index of its first paragraph."""
    doc = layout.doc
    skip = {t.index for t in (layout.header_table, layout.signature_table) if t is not None}
    end = min((p.index for p in doc.paragraphs if layout.signature_table is not None
               and p.table == layout.signature_table.index), default=len(doc.paragraphs))
    tables: dict[int, str] = {}
    for table in doc.tables:
        if table.index in skip:
            continue
        cells = [p for p in doc.paragraphs if p.table == table.index]
        if not cells or cells[0].index > end:
            continue
        tables[cells[0].index] = pipe_table(cells)
    return tables


def pipe_table(cells: list[Paragraph]) -> str:
    """A table's paragraphs (row, col) as a Markdown pipe table."""
    grid: dict[tuple[int, int], list[str]] = {}
    for p in cells:
        grid.setdefault((p.row or 1, p.col or 1), []).append(p.text.strip())
    rows = max(r for r, _c in grid)
    cols = max(c for _r, c in grid)
    lines = []
    for r in range(1, rows + 1):
        values = [" ".join(t for t in grid.get((r, c), []) if t).replace("|", "\\|")
                  for c in range(1, cols + 1)]
        lines.append("| " + " | ".join(values) + " |")
        if r == 1:
            lines.append("|" + "---|" * cols)
    return "\n".join(lines)


def _with_tables(paragraphs: list[Paragraph], tables: dict[int, str],
                 layout: Layout) -> list[tuple[Any, Any]]:
    """Body paragraphs and tables in document order: (paragraph, None) or (first cell,
    the table's Markdown)."""
    cells = {i: next(p for p in layout.doc.paragraphs if p.index == i) for i in tables}
    merged = [(p.index, p, None) for p in paragraphs] + [(i, cells[i], tables[i])
                                                         for i in tables]
    return [(p, md) for _i, p, md in sorted(merged, key=lambda x: x[0])]


# -- annexes and leftovers -------------------------------------------------------------------


def _annexes(layout: Layout, out: Imported, used: set[int]) -> None:
    doc = layout.doc
    heads = layout.annexes
    if not heads:
        return
    annexes: list[dict[str, str]] = []
    for i, head in enumerate(heads):
        start = head.kem_theo.index
        end = _annex_start(heads[i + 1]) if i + 1 < len(heads) else len(doc.paragraphs)
        for p in [head.label, *head.titles, head.kem_theo]:
            if p is not None:
                used.add(p.index)
        title = " ".join(t.text.strip() for t in head.titles)
        if not any(ch.isalpha() for ch in title):  # a sample's "…… 2 ……": not a title
            out.review.append(("phu_luc", f"{head.label.text if head.label else ''} {title}"
                               .strip()))
            title = "Nội dung kèm theo"
        inside = [p for p in doc.paragraphs if start < p.index < end]
        blocks: list[str] = []
        seen_tables: set[int] = set()
        for p in inside:
            used.add(p.index)
            if p.table is not None:
                if p.table not in seen_tables:
                    seen_tables.add(p.table)
                    blocks.append(pipe_table([c for c in inside if c.table == p.table]))
                continue
            if p.text.strip() and not _is_rule(p):
                blocks.append(_paragraph_markdown(p, out))
        annexes.append({"title": sentence_case(title) if title == vn.upper(title) else title,
                        "content": "\n\n".join(blocks) or "(trống)"})
    out.plan["phu_luc"] = annexes


def _annex_start(head: AnnexHeading) -> int:
    """The first paragraph of a Phụ lục heading."""
    first = head.label or (head.titles[0] if head.titles else head.kem_theo)
    return first.index


TYPED_RULE = re.compile(r"\s*[_\-=–—]{3,}\s*")
"""A line typed as a rule ("__________" under a sample's header): a drawing, not text, and
Markdown's horizontal rule, which a plan refuses."""


def _is_rule(p: Paragraph) -> bool:
    return (not p.text.strip() and p.border_bottom) or bool(TYPED_RULE.fullmatch(p.text))


def _leftovers(layout: Layout, out: Imported, used: set[int]) -> None:
    """Text no part took: kept for review, never dropped."""
    for p in layout.doc.paragraphs:
        text = p.text.strip()
        if p.index in used or not text or p.table is not None:
            continue
        if text == nd30.DRAFT_MARK_TEXT or letters(text) in (letters(nd30.QUOC_HIEU_TEXT),
                                                               letters(nd30.TIEU_NGU_TEXT)):
            continue
        out.review.append(("body", text))
