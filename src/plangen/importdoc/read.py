"""A DOCX read back into the parts of a plan: issuer, number and date, tên loại and
trích yếu, căn cứ, Kính gửi, body sections, Nơi nhận, signer and Phụ lục, with every
NĐ30 mistake it repairs listed and every value it could not find left to fill.

Why: most offices start from last year's Word file, not from a plan file. The checker
already finds the parts of any DOCX (``check.read.layout``); ``lines`` first undoes the
ways offices type them (Shift+Enter lines, columns typed with spaces, Word's numbering),
then this reads the parts into plain data, repairs what NĐ30 says differently, and keeps
what it cannot place so that nothing is dropped silently. The fields of the kinds that
are more than Mẫu 1.4 (a Quyết định's articles, a Công văn's letter, a Biên bản's
meeting) are shaped by ``kinds``.
"""


from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from plangen.check.read.facts import Document, Paragraph
from plangen.check.read.layout import Layout, find_layout, letters
from plangen.importdoc.body import _annexes, _body
from plangen.importdoc.lines import readable
from plangen.importdoc.names import _abbreviate, _as_written, sentence_case
from plangen.importdoc.parts import (
    _SENTENCE_END,
    Correction,
    Imported,
    _is_caps_line,
    to_fill_in,
)
from plangen.importdoc.signature import _recipients, _signer
from plangen.spec import mau, nd30, vn
from plangen.spec.fill import to_fill

__all__ = ["Correction", "Imported", "read_plan_parts", "sentence_case"]

_SO = re.compile(r"^(?:Số|SỐ|số)\s*:?\s*(?P<number>[\d\s.…]*?)\s*/\s*(?P<ky_hieu>\S+)\s*$")


_DATE = re.compile(r"^(?P<place>.*?),?\s*ngày\s*(?P<day>[\d\s.…]*)\s*tháng\s*(?P<month>[\d\s.…]*)"
                   r"\s*năm\s*(?P<year>[\d\s.…]*)\s*$")


COLLECTION_AT_LEAST = 3
"""A file with this many Quốc hiệu lines or "Mẫu 1.x" labels is a collection of samples
(the decree's Phụ lục III), not one document."""


_SAMPLE_LABEL = re.compile(r"^Mẫu\s+\d+\.\d+\b")


def read_plan_parts(doc: Document, drawings: int = 0, footnotes: dict[str, str] | None = None
                    ) -> Imported:
    """The plan data of ``doc``; ``drawings`` is how many pictures or shapes it has (not
    imported: listed), ``footnotes`` the text of each footnote by its id."""
    doc = readable(doc)
    out = Imported({})
    out.collection = collection_size(doc)
    if out.collection:
        return out
    notes = _numbered_notes(doc, footnotes or {})
    layout = find_layout(doc)
    used: set[int] = set()
    _header(layout, out, used)
    _title(layout, out, used)
    _recipients(layout, out, used)
    _signer(layout, out, used)
    _body(layout, out, used, notes)
    _annexes(layout, out, used)
    from plangen.importdoc.kinds import shape

    shape(layout, out, used, notes)
    _leftovers(layout, out, used)
    if drawings:
        out.skipped.append(f"{drawings} hình, khung chữ hoặc hình vẽ")
    return out


def _numbered_notes(doc: Document, notes: dict[str, str]) -> dict[str, str]:
    """The footnotes numbered 1, 2, … in the order the text marks them (Word and pandoc
    number their ids from anywhere), the marks in ``doc`` renumbered with them."""
    order = dict.fromkeys(r.footnote for p in doc.paragraphs for r in p.runs
                          if r.footnote is not None and r.footnote in notes)
    number = {old: str(i) for i, old in enumerate(order, 1)}
    for p in doc.paragraphs:
        if any(r.footnote for r in p.runs):
            p.runs = [replace(r, footnote=number.get(r.footnote or "")) if r.footnote else r
                      for r in p.runs]
    return {number[old]: text for old, text in notes.items() if old in number}


def collection_size(doc: Document) -> int:
    """How many samples a file of samples holds (the decree's Phụ lục III); 0 for a
    document, which has one Quốc hiệu (two for a decision and what it issues)."""
    quoc_hieu = sum(letters(p.text) == letters(nd30.QUOC_HIEU_TEXT) for p in doc.paragraphs)
    samples = sum(bool(_SAMPLE_LABEL.match(p.text.strip())) for p in doc.paragraphs)
    found = max(quoc_hieu if quoc_hieu > 2 else 0, samples)
    return found if found >= COLLECTION_AT_LEAST else 0


def _lines_of(paragraphs: list[Paragraph]) -> list[str]:
    return [" ".join(p.text.split()) for p in paragraphs if p.text.strip()]


def _header(layout: Layout, out: Imported, used: set[int]) -> None:
    plan = out.plan
    issuer_lines = _lines_of(layout.issuer_lines)
    parent_lines = _lines_of(layout.parent_lines)
    used.update(p.index for p in [*layout.issuer_lines, *layout.parent_lines])
    body_text = " ".join(p.text for p in layout.doc.paragraphs)
    name = " ".join(issuer_lines)
    if name:
        plan["issuer"] = {"name": _as_written(name, body_text, out)}
    else:
        plan["issuer"] = {"name": to_fill_in(out, "issuer", "tên cơ quan ban hành",
                                             "không tìm thấy tên cơ quan ban hành ở phần đầu")}
    if parent_lines:
        written = _as_written(" ".join(parent_lines), body_text, out).split(" ")
        lines, at = [], 0
        for line in parent_lines:  # the name as written, broken where the header breaks it
            count = len(line.split())
            lines.append(" ".join(written[at:at + count]))
            at += count
        plan["issuer"]["parent"] = "\n".join(lines)
    plan["kind"] = ""
    if layout.so_line is not None:
        used.add(layout.so_line.index)
        _number(layout.so_line.text.strip(), out)
    elif layout.profile.so_line:
        out.review.append(("de_trong", "không tìm thấy dòng Số: văn thư ghi số khi ban hành"))
        plan.setdefault("de_trong", []).append("number")
    if "abbreviation" not in plan["issuer"]:
        if name:
            plan["issuer"]["abbreviation"] = _abbreviate(name)
            out.review.append(("issuer", f'chữ viết tắt "{plan["issuer"]["abbreviation"]}" '
                               "của tên cơ quan là đoán: sửa theo quy định của cơ quan"))
        else:
            plan["issuer"]["abbreviation"] = to_fill("chữ viết tắt tên cơ quan")
    if layout.date_line is not None:
        used.add(layout.date_line.index)
        _place_and_date(layout.date_line.text.strip(), out)
    else:
        plan["place"] = to_fill_in(out, "place", "địa danh",
                                   "không tìm thấy dòng địa danh, ngày tháng")
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
        out.review.append(("de_trong", f'không đọc được dòng số "{text}": văn thư ghi số khi '
                           "ban hành"))
        plan.setdefault("de_trong", []).append("number")
        return
    if re.search(r"\d\s+/|/\s+", text) or not text.startswith("Số:"):
        out.corrections.append(Correction("number", f'dòng số "{text}" viết lại đúng dạng '
                                          '"Số: 04/KH-…" (dấu hai chấm, không có dấu cách)'))
    digits = re.sub(r"\D", "", found["number"])
    if digits and 1 <= int(digits) <= 999_999:
        plan["number"] = int(digits)
    else:
        plan.setdefault("de_trong", []).append("number")
    plan["ky_hieu"] = found["ky_hieu"].rstrip(".,;")
    if "number" in plan:
        out.rewrite(text, f"Số: {vn.hai_so(plan['number'])}/{plan['ky_hieu']}")
    parts = [p for p in plan["ky_hieu"].split("-") if p]
    code, joint = mau.type_code(plan["ky_hieu"])
    if len(parts) >= 2 and (code in mau.TEN_LOAI or code in mau.OBSOLETE_CODES):
        plan["kind"] = mau.OBSOLETE_CODES.get(code, code)
        bodies = parts[1:]
        plan["issuer"]["abbreviation"] = bodies[0] if joint else "-".join(bodies)
        if joint and len(bodies) > 1:
            plan["co_abbreviations"] = bodies[1:]
    elif parts and _abbreviation(parts[0]):
        plan["issuer"]["abbreviation"] = parts[0]  # a công văn: THPTNT-VP
        if len(parts) > 1 and _abbreviation("-".join(parts[1:])):
            plan["unit"] = "-".join(parts[1:])


def _abbreviation(text: str) -> bool:
    return re.fullmatch(r"[A-ZĐ0-9][A-Za-zĐđ0-9&]*(-[A-ZĐ0-9][A-Za-zĐđ0-9&]*)*", text) is not None


def _place_and_date(text: str, out: Imported) -> None:
    plan = out.plan
    text = " ".join(text.split())
    found = _DATE.match(text)
    if found is None or not found["place"].strip(" ,"):
        before = text.split(",")[0].strip()
        plan["place"] = before if before and "ngày" not in before and len(before) < 40 \
            else to_fill_in(out, "place", "địa danh", f'không đọc được địa danh trong "{text}"')
        out.review.append(("de_trong", f'không đọc được ngày trong "{text}": văn thư ghi ngày'))
        plan.setdefault("de_trong", []).append("issued_on")
        return
    plan["place"] = found["place"].strip(" ,")
    parts = [re.sub(r"\D", "", found[k]) for k in ("day", "month", "year")]
    if not all(parts):
        plan.setdefault("de_trong", []).append("issued_on")
        return
    day, month, year = (int(x) for x in parts)
    try:
        plan["issued_on"] = date(year, month, day)
    except ValueError:
        out.review.append(("de_trong", f'ngày "{text}" không có thật: văn thư ghi ngày'))
        plan.setdefault("de_trong", []).append("issued_on")
        return
    written = f"ngày {found['day'].strip()} tháng {found['month'].strip()} năm"
    out.rewrite(text, f"{plan['place']}, {vn.ngay(plan['issued_on'])}")
    if written != f"ngày {vn.day_text(day)} tháng {vn.month_text(month)} năm":
        out.corrections.append(Correction("issued_on", f'"{written} …" viết lại '
                                          f'"{vn.ngay(plan["issued_on"])}" (số 0 trước ngày, '
                                          "tháng nhỏ hơn 10 theo Nghị định 30)"))


def _title(layout: Layout, out: Imported, used: set[int]) -> None:
    plan = out.plan
    if layout.title is not None:
        used.add(layout.title.index)
        kind = mau.by_title(layout.title.text)
        if kind is not None:
            plan["kind"] = kind.code
    elif layout.vv_line is not None:
        plan["kind"] = "CV"
    lines = [" ".join(p.text.split()) for p in layout.trich_yeu]
    used.update(p.index for p in layout.trich_yeu)
    if layout.trich_yeu_rule is not None:
        used.add(layout.trich_yeu_rule.paragraph.index)
    if layout.vv_line is not None and layout.title is None:
        used.add(layout.vv_line.index)
        vv = re.sub(r"^\s*V/v\s*:?\s*", "", layout.vv_line.text.strip(), flags=re.I)
        following = _vv_continues(layout)
        used.update(p.index for p in following)
        lines = [" ".join(vv.split()), *(" ".join(p.text.split()) for p in following)]
    trich_yeu = "\n".join(line for line in lines if line)
    if not trich_yeu:
        trich_yeu = to_fill_in(out, "trich_yeu", "trích yếu",
                               "không tìm thấy trích yếu dưới tên loại")
    elif trich_yeu == vn.upper(trich_yeu):
        trich_yeu = sentence_case(trich_yeu)
        out.corrections.append(Correction("trich_yeu", "trích yếu in hoa toàn bộ viết lại chữ "
                                          "thường (plangen in đậm theo Nghị định 30)"))
    plan["trich_yeu"] = trich_yeu
    if layout.can_cu:
        plan["can_cu"] = [_can_cu_text(p, layout, used) for p in layout.can_cu]
        used.update(p.index for p in layout.can_cu)


def _can_cu_text(p: Paragraph, layout: Layout, used: set[int]) -> str:
    """One căn cứ, with the line it was hard-wrapped onto (in lower case, the căn cứ not
    ended) joined back."""
    text = " ".join(p.text.split())
    following = next((q for q in layout.body if q.index > p.index and q.text.strip()), None)
    if following is not None and following not in layout.can_cu and \
            following.text.strip()[:1].islower() and not text.endswith(_SENTENCE_END):
        used.add(following.index)
        text = f"{text} {' '.join(following.text.split())}"
    return text.rstrip(";.,").strip()


def _vv_continues(layout: Layout) -> list[Paragraph]:
    """The lines a công văn's V/v wraps onto in the header's left column."""
    vv = layout.vv_line
    assert vv is not None
    if vv.table is not None:
        return [p for p in layout.doc.paragraphs if p.table == vv.table and p.col == vv.col
                and p.index > vv.index and p.text.strip() and p not in (layout.date_line,)]
    following: list[Paragraph] = []  # typed as lines: the next short line, before Kính gửi
    for p in layout.doc.paragraphs[vv.index + 1:vv.index + 3]:
        text = p.text.strip()
        if p.table is not None or not text or len(text) > 80 or p is layout.date_line or \
                text.startswith(("Kính gửi", "Căn cứ")) or _is_caps_line(p) or \
                (following or [vv])[-1].text.rstrip().endswith(_SENTENCE_END):
            break
        following.append(p)
    return following


def _leftovers(layout: Layout, out: Imported, used: set[int]) -> None:
    """Text no part took: kept for review, never dropped, and not counted as kept."""
    for p in layout.doc.paragraphs:
        text = " ".join(p.text.split())
        if p.index in used or not text or (p.table is not None and p.table in {
                t.index for t in (layout.header_table, layout.signature_table) if t}):
            continue
        if p.table is not None and any(q.index in used for q in layout.doc.paragraphs
                                       if q.table == p.table):
            continue
        if text == nd30.DRAFT_MARK_TEXT or letters(text) in (letters(nd30.QUOC_HIEU_TEXT),
                                                               letters(nd30.TIEU_NGU_TEXT)):
            continue
        out.review.append(("body", text))
        out.unplaced.append(text)
