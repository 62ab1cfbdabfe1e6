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
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from plangen.check.read.facts import Document, Paragraph
from plangen.check.read.layout import AnnexHeading, Layout, find_layout, letters
from plangen.importdoc.lines import readable
from plangen.spec import mau, nd30, vn
from plangen.spec.fill import to_fill

_SO = re.compile(r"^(?:Số|SỐ|số)\s*:?\s*(?P<number>[\d\s.…]*?)\s*/\s*(?P<ky_hieu>\S+)\s*$")
_DATE = re.compile(r"^(?P<place>.*?),?\s*ngày\s*(?P<day>[\d\s.…]*)\s*tháng\s*(?P<month>[\d\s.…]*)"
                   r"\s*năm\s*(?P<year>[\d\s.…]*)\s*$")
_LABEL = re.compile(r"^(?P<label>(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])"
                    r"(?:\s*[.):/]|\s+[-–]|(?=\s)))\s*(?P<text>\S.*)$", re.S)
_ITEM = re.compile(r"^(?P<mark>[-+–—•\uf0b7\uf02d\uf0a7])\s*(?P<text>.*)$", re.S)
_PREFIX = re.compile(r"^(?P<prefix>TM|KT|TL|TUQ|Q|K/T|T/L|TU/Q)\.?\s+(?P<rest>.+)$")
_SENTENCE_END = (".", ":", ";", "!", "?", "…", ")", "”", '"', "./.", "/.")
END_MARKS = ("./.", "/.")
COLLECTION_AT_LEAST = 3
"""A file with this many Quốc hiệu lines or "Mẫu 1.x" labels is a collection of samples
(the decree's Phụ lục III), not one document."""
_SAMPLE_LABEL = re.compile(r"^Mẫu\s+\d+\.\d+\b")


@dataclass
class Correction:
    """One thing the document got wrong under NĐ30, and how the plan writes it."""

    where: str  # the plan field: "noi_nhan[2]", "body[1].sections[0].heading"
    text: str


@dataclass
class Imported:
    """What the reading gives: the plan's data (plain dicts and lists), the corrections,
    the text it could not place, what it did not import, and the source's text that it
    placed without its structure (a heading read as a line of text)."""

    plan: dict[str, Any]
    corrections: list[Correction] = field(default_factory=list)
    review: list[tuple[str, str]] = field(default_factory=list)  # (field, text)
    skipped: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    """Source paragraphs kept only as review comments, or placed as the wrong part: not
    counted as kept by the coverage."""
    collection: int = 0
    """How many samples the file holds when it is a collection of them (0: a document)."""
    rewritten: dict[str, str] = field(default_factory=dict)
    """Source lines the import corrected on purpose (listed as SỬA), and how plangen writes
    them: the coverage compares those as corrected."""

    def rewrite(self, line: str, corrected: str) -> None:
        """Record that ``line`` of the source is written ``corrected``."""
        self.rewritten[" ".join(line.split())] = corrected


def to_fill_in(out: Imported, where: str, what: str, why: str) -> str:
    """A value the build refuses, with a review note at its key: never a silent guess."""
    out.review.append((where, why))
    return to_fill(what)


def read_plan_parts(doc: Document, drawings: int = 0, footnotes: dict[str, str] | None = None
                    ) -> Imported:
    """The plan data of ``doc``; ``drawings`` is how many pictures or shapes it has (not
    imported: listed), ``footnotes`` the text of each footnote by its id."""
    doc = readable(doc)
    out = Imported({})
    out.collection = collection_size(doc)
    if out.collection:
        return out
    layout = find_layout(doc)
    used: set[int] = set()
    notes = footnotes or {}
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


def collection_size(doc: Document) -> int:
    """How many samples a file of samples holds (the decree's Phụ lục III); 0 for a
    document, which has one Quốc hiệu (two for a decision and what it issues)."""
    quoc_hieu = sum(letters(p.text) == letters(nd30.QUOC_HIEU_TEXT) for p in doc.paragraphs)
    samples = sum(bool(_SAMPLE_LABEL.match(p.text.strip())) for p in doc.paragraphs)
    found = max(quoc_hieu if quoc_hieu > 2 else 0, samples)
    return found if found >= COLLECTION_AT_LEAST else 0


# -- header --------------------------------------------------------------------------------


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


def _abbreviate(name: str) -> str:
    """``TRƯỜNG THPT NGUYỄN TRÃI`` → ``THPTNT``: a stand-in the author should check."""
    words = [w for w in re.split(r"[\s\-–]+", vn.upper(name)) if w]
    letters_ = "".join(w if w.isupper() and len(w) > 1 and not any(
        c in "AĂÂEÊIOÔƠUƯYÁÀẢÃẠ" for c in w) else w[0] for w in words[1:] or words)
    slug = re.sub(r"[^A-Z0-9]", "", vn.slug(letters_).upper())
    return slug or "CQ"


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
            proper = (name and i > 0) or proper  # "Phòng GD&ĐT Bảo Lâm"
            continue
        lower = word.lower()
        level = name and i > 0 and (" ".join([*out, lower]).lower().endswith(PLACE_LEVELS)
                                    or lower in ("thị", "thành"))
        out.append(lower[:1].upper() + lower[1:] if (i == 0 or proper) and not level
                   else lower)
        if name and " ".join(out).lower().endswith(PLACE_LEVELS):
            proper = True
    return " ".join(out)


# -- title, trích yếu, căn cứ ----------------------------------------------------------------


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
        plan["can_cu"] = [" ".join(p.text.split()).rstrip(";.,").strip() for p in layout.can_cu]
        used.update(p.index for p in layout.can_cu)


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


# -- recipients and signer ----------------------------------------------------------------


LIST_STYLES = ("Compact", "List Paragraph", "List Bullet", "List Number")
"""Styles of list items whose "-" is Word's numbering, not text (pandoc writes Compact)."""


def _plain_signature(layout: Layout) -> None:
    """Nơi nhận and the signer typed as plain lines (no table): the recipients after
    "Nơi nhận:", and the signer's lines after them or before the label. Sets them on
    ``layout`` as the table reading would."""
    label = layout.noi_nhan_label
    if label is None or label.table is not None:
        return
    after = [p for p in layout.doc.paragraphs if p.index > label.index and p.table is None]
    items: list[Paragraph] = []
    for p in after:
        text = p.text.strip()
        if not text:
            if items:
                break
            continue
        continues = bool(items) and items[-1].text.rstrip().endswith(",") and \
            not _ITEM.match(text)
        if not (_ITEM.match(text) or continues or text.startswith("Lưu")) and (
                _is_caps_line(p) or p.align in ("center", "right") or all_bold(p)):
            break
        items.append(p)
    layout.noi_nhan_items = items
    if layout.signatures:
        return
    start = items[-1].index if items else label.index
    below: list[Paragraph] = []
    for p in [p for p in after if p.index > start][:12]:
        if p.text.strip() and not (_is_caps_line(p) or p.align in ("center", "right")
                                   or all_bold(p)) and len(p.text.strip()) > 60:
            break  # running text after the signer: no part of the block
        below.append(p)
    if any(p.text.strip() for p in below):
        layout.signatures = [below]
        return
    above: list[Paragraph] = []
    start_of_body = min((p.index for p in layout.body), default=label.index)
    for p in reversed([p for p in layout.doc.paragraphs[start_of_body:label.index]
                       if p.table is None]):
        if p.text.strip() and not (_is_caps_line(p) or p.align in ("center", "right")):
            break
        above.insert(0, p)
        if len(above) >= 12:
            break
    if any(_is_caps_line(p) for p in above):
        first = next(i for i, p in enumerate(above) if _is_caps_line(p))
        layout.signatures = [above[first:]]
        layout.body = [p for p in layout.body if p.index < above[first].index]


def _is_caps_line(p: Paragraph) -> bool:
    text = p.text.strip()
    return bool(text) and text == vn.upper(text) and any(ch.isalpha() for ch in text)


def all_bold(p: Paragraph) -> bool:
    bold = [r.bold for r in p.runs if r.text.strip()]
    return bool(bold) and all(bold)


def _recipients(layout: Layout, out: Imported, used: set[int]) -> None:
    plan = out.plan
    _plain_signature(layout)
    if layout.kinh_gui:
        used.update(p.index for p in layout.kinh_gui)
        first = layout.kinh_gui[0].text.split(":", 1)[-1].strip()
        items = [first] if first else []
        items += _joined_recipients([p.text for p in layout.kinh_gui[1:]])
        plan["kinh_gui"] = [_recipient(t) for t in items if _recipient(t).strip(".…_ ")]
    if layout.noi_nhan_label is not None:
        used.add(layout.noi_nhan_label.index)
        inline = layout.noi_nhan_label.text.split(":", 1)
        extra = [inline[1]] if len(inline) > 1 and inline[1].strip() else []
    else:
        extra = []
    items = []
    used.update(p.index for p in layout.noi_nhan_items)
    for line in _joined_recipients(extra + [p.text for p in layout.noi_nhan_items]):
        text = _recipient(line)
        if not text.strip(".…_ "):
            out.review.append(("noi_nhan", line.strip()))  # a line of dots: to fill in
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
    if not items:
        plan["noi_nhan"] = [to_fill_in(out, "noi_nhan", "nơi nhận",
                                       "không tìm thấy nơi nhận"), "Lưu: VT"]
        return
    if not items[-1].startswith("Lưu"):
        out.corrections.append(Correction("noi_nhan", 'thêm dòng cuối "Lưu: VT" (Nghị định 30 '
                                          "PL I, II.9.b)"))
        items.append("Lưu: VT")
    plan["noi_nhan"] = items


def _joined_recipients(lines: list[str]) -> list[str]:
    """Recipients with the ones wrapped over two lines joined: a line that ends with ","
    and a next line without a "-" are one recipient."""
    joined: list[str] = []
    for line in (" ".join(x.split()) for x in lines):
        if not line:
            continue
        if joined and joined[-1].endswith(",") and not _ITEM.match(line):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _recipient(text: str) -> str:
    text = text.strip()
    for dash in ("-", "–", "—", "+", "•"):
        text = text.removeprefix(dash)
    return text.strip().rstrip(";.,").strip()


def signer_of(block: list[Paragraph], out: Imported, where: str = "signer") -> dict[str, Any]:
    """The signer a signature block names: authority, positions and name."""
    from plangen.check.rules.signer import signer_parts

    titles, _blanks, name = signer_parts(block)
    if name is not None and (_PREFIX.match(name.text.strip()) or _is_caps_line(name)) and \
            not titles:
        titles, name = [name], None
    signer: dict[str, Any] = {}
    authority: list[str] = []
    plain: list[str] = []
    for p in titles:
        text = " ".join(p.text.split())
        if text.startswith("(") or "chữ ký" in text.lower() or "dấu" in text.lower().split():
            continue  # "(Ký, đóng dấu)": the sample's hint, no part of the signer
        found = _PREFIX.match(text)
        if found is None:
            plain.append(text)
            continue
        prefix = {"K/T": "KT", "T/L": "TL", "TU/Q": "TUQ"}.get(found["prefix"], found["prefix"])
        if not text.startswith(f"{prefix}. "):
            out.corrections.append(Correction(f"{where}.authority",
                                              f'"{found["prefix"]}" viết lại "{prefix}."'))
            out.rewrite(text, f"{prefix}. {found['rest']}")
        authority.append(f"{prefix}.")
        if prefix == "TM":
            signer["collective"] = sentence_case(found["rest"])
        else:
            signer["head_title"] = sentence_case(found["rest"])
    if authority:
        signer["authority"] = authority[0] if len(authority) == 1 else authority
    if plain:
        signer["title"] = sentence_case(" ".join(plain))
    elif "head_title" in signer and authority != ["Q."]:
        signer["title"] = signer.pop("head_title")
    elif not authority:
        signer["title"] = to_fill_in(out, where, "chức vụ người ký",
                                     "không tìm thấy chức vụ người ký")
    if name is not None and name.text.strip():
        signer["name"] = _without_title(" ".join(name.text.split()), out, where)
    else:
        out.review.append((where, "không tìm thấy họ tên người ký: điền name trước khi ký "
                           "(chưa có tên thì chỉ tạo được bản dự thảo)"))
    return signer


def _without_title(name: str, out: Imported, where: str) -> str:
    """The signer's name without an academic title before it (NĐ30 PL I, II.7.b)."""
    first = name.split(" ", 1)
    if len(first) == 2 and (first[0] in nd30.ACADEMIC_TITLES
                            or first[0].rstrip(".") + "." in nd30.ACADEMIC_TITLES):
        out.corrections.append(Correction(f"{where}.name", f'bỏ học hàm, học vị "{first[0]}" '
                                          "trước họ tên người ký (Nghị định 30 PL I, II.7.b)"))
        out.rewrite(name, first[1])
        return first[1]
    return name


def _signer(layout: Layout, out: Imported, used: set[int]) -> None:
    for block in layout.signatures:
        used.update(p.index for p in block)
    block = layout.signatures[-1] if layout.signatures else []
    out.plan["signer"] = signer_of(block, out)


# -- body -----------------------------------------------------------------------------------


def _joined_body(paragraphs: list[Paragraph], used: set[int] | None = None
                 ) -> list[Paragraph]:
    """Lines hard-wrapped mid-sentence (text pasted from a PDF, or broken with Shift+Enter)
    joined back into their paragraph: a line that ends without a sentence's end, followed
    by one that starts in lower case and is no heading or list item."""
    out: list[Paragraph] = []
    for p in paragraphs:
        text = p.text.strip()
        if out and p.table is None and out[-1].table is None and text and \
                text[0].islower() and not _ITEM.match(text) and \
                not re.match(r"^[a-zđ][.)]\s", text) and \
                not out[-1].text.rstrip().endswith(_SENTENCE_END):
            last = out[-1]
            space = replace(last.runs[-1], text=" ", footnote=None) if last.runs else None
            runs = [*last.runs, *([space] if space else []), *p.runs]
            out[-1] = replace(last, runs=runs, text=f"{last.text.rstrip()} {text}")
            if used is not None:
                used.add(p.index)
            continue
        out.append(p)
    return out


def _body(layout: Layout, out: Imported, used: set[int], notes: dict[str, str]) -> None:
    plan = out.plan
    paragraphs = _joined_body([p for p in layout.body if p.index not in used], used)
    tables = _body_tables(layout)
    sections: list[dict[str, Any]] = []
    stack: list[tuple[int, dict[str, Any]]] = []
    opening: list[str] = []
    roman = any(_heading_level(p) == "muc" for p in paragraphs)
    decimal = any(_heading_level(p) == "sub" for p in paragraphs)
    plan["numbering"] = "roman" if roman else "decimal" if decimal else "arabic"
    levels = ("muc", "khoan", "diem") if roman else ("khoan", "sub", "sub2") if decimal \
        else ("khoan", "diem")
    for p, kind in _with_tables(paragraphs, tables, layout):
        used.add(p.index)
        level_name = _heading_level(p) if kind is None else None
        if level_name in levels:
            level = levels.index(level_name) + 1
            found = _LABEL.match(p.text.strip())
            assert found is not None
            label = found["label"]
            text = _markdown(p, notes, skip=len(p.text) - len(p.text.lstrip()) + found.start(
                "text")).rstrip(":").strip()
            if re.fullmatch(r"[a-zđ]\.", label):
                out.corrections.append(Correction("body", f'điểm "{label}" viết lại '
                                                  f'"{label[0]})"'))
            elif not re.fullmatch(r"[IVXLC]+\.|\d+(\.\d+)*\.|[a-zđ]\)", label):
                out.corrections.append(Correction("body", f'số mục "{label}" viết lại theo '
                                                  "Nghị định 30 (I., 1., a))"))
            text = sentence_case(text) if level_name == "muc" and text == vn.upper(text) \
                else text
            section: dict[str, Any] = {"heading": text}
            while stack and stack[-1][0] >= level:
                stack.pop()
            (stack[-1][1].setdefault("sections", []) if stack else sections).append(section)
            stack.append((level, section))
            continue
        text = kind if isinstance(kind, str) else _paragraph_markdown(p, out, notes)
        if not text:
            continue
        if not stack:
            opening.append(text)
        else:
            current = stack[-1][1]
            current["content"] = _join(current.get("content"), text)
    if opening:
        plan["opening"] = _strip_end("\n\n".join(opening).strip())
    _closing(sections, plan)
    if sections:
        plan["body"] = sections
    elif "opening" in plan:
        plan["content"] = plan.pop("opening")
    else:
        plan["content"] = to_fill_in(out, "content", "nội dung", "không tìm thấy nội dung")
    _footnotes(plan, notes)


def _footnotes(plan: dict[str, Any], notes: dict[str, str]) -> None:
    """Each footnote written under the text that marks it, as ``[^1]: …``."""
    def under(text: str) -> str:
        marks = dict.fromkeys(re.findall(r"\[\^(\d+)\]", text))
        defined = [f"[^{m}]: {' '.join(notes[m].split())}" for m in marks if m in notes
                   and notes[m].strip()]
        return "\n\n".join([text, *defined]) if defined else text

    def walk(sections: list[dict[str, Any]]) -> None:
        for section in sections:
            if "content" in section:
                section["content"] = under(section["content"])
            walk(section.get("sections", []))

    for key in ("opening", "content", "closing"):
        if key in plan:
            plan[key] = under(plan[key])
    walk(plan.get("body", []))


def _closing(sections: list[dict[str, Any]], plan: dict[str, Any]) -> None:
    """The last section's final "Trên đây là …" paragraph is the closing; ./. goes."""
    if not sections:
        if plan.get("opening"):
            plan["opening"] = _strip_end(plan["opening"])
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
    text = text.rstrip()
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
    """The level of a numbered heading ("muc" I., "khoan" 1., "diem" a), "sub" 1.1.), or
    None for running text: bold or capitals, short, with no sentence's end."""
    text = p.text.strip()
    found = _LABEL.match(text)
    if found is None or len(text) > 200 or p.table is not None:
        return None
    label = re.sub(r"[\s.):/\-–]+$", "", found["label"])
    words = found["text"].strip()
    caps = words == vn.upper(words) and any(ch.isalpha() for ch in words)
    bold = all_bold(p)
    ends = words.rstrip("*").endswith((".", ";", ","))
    if re.fullmatch(r"[IVXLC]+", label) and (bold or caps) and (
            found["label"] != label or words[:1].isupper()):
        return "muc"
    if re.fullmatch(r"\d{1,2}", label) and not ends and (bold or (
            len(words) < 100 and words[:1].isupper() and p.list_label == "")) and \
            found["label"].strip()[-1:] in ".)/" and not ends:
        return "khoan"
    if re.fullmatch(r"\d{1,2}(\.\d{1,2}){1,3}", label) and (bold or len(words) < 100) \
            and not ends:
        return "sub" if label.count(".") == 1 else "sub2"
    if re.fullmatch(r"[a-zđ]", label) and found["label"].strip()[-1:] in ".)" and \
            not text.endswith((".", ";", ":")) and len(text) < 120:
        return "diem"
    return None


def _markdown(p: Paragraph, notes: dict[str, str] | None = None, skip: int = 0) -> str:
    """The paragraph's text from character ``skip`` with bold and italic as Markdown,
    except where the whole paragraph carries them (a heading's own style), and each
    footnote's mark as ``[^id]``."""
    runs = [r for r in p.runs if r.text or r.footnote]
    every_bold = all(r.bold for r in runs if r.text.strip())
    every_italic = all(r.italic for r in runs if r.text.strip())
    out, pos = [], 0
    for r in runs:
        text = r.text
        if pos + len(text) <= skip and not (r.footnote and pos >= skip):
            pos += len(text)
            continue
        if pos < skip:
            text = text[skip - pos:]
        pos += len(r.text)
        mark_note = f"[^{r.footnote}]" if r.footnote and notes and r.footnote in notes else ""
        core = text.strip()
        if not core:
            out.append(text + mark_note)
            continue
        mark = ("**" if r.bold and not every_bold else "") + ("*" if r.italic and
                                                              not every_italic else "")
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        out.append(f"{lead}{mark}{_escape(core)}{mark[::-1]}{mark_note}{trail}")
    return re.sub(r"\*\*\s*\*\*", "", "".join(out)).strip()


def _escape(text: str) -> str:
    """Text that Markdown or Jinja would read as markup, kept as written."""
    text = text.replace("{{", "{ {").replace("}}", "} }").replace("{%", "{ %").replace(
        "%}", "% }")
    return re.sub(r"(?<!\\)([*_`])", r"\\\1", text) if re.search(r"[*_`]", text) else text


def _paragraph_markdown(p: Paragraph, out: Imported, notes: dict[str, str]) -> str:
    text = _markdown(p, notes)
    if p.style in LIST_STYLES and p.table is None and not _ITEM.match(text) and \
            not p.list_label and not _LABEL.match(text):
        text = f"- {text}"
    found = _ITEM.match(text)
    if found is not None and found["text"].strip():
        nested = found["mark"] == "+" or p.left_cm > 1.5
        return ("  - " if nested else "- ") + found["text"].strip()
    label = re.match(r"^([a-zđ])\.\s", text)
    if label is not None:
        out.corrections.append(Correction("body", f'điểm "{label[1]}." viết lại "{label[1]})"'))
        text = f"{label[1]}) {text[3:]}"
    if p.align == "center" and all_bold(p) and len(text) < 150:
        return f"-> **{text.strip('*')}** <-"
    return text


# -- tables ---------------------------------------------------------------------------------


def _body_tables(layout: Layout) -> dict[int, str]:
    """Each table between the header and the signer, as a Markdown pipe table, by the
    index of its first paragraph."""
    doc = layout.doc
    skip = {t.index for t in (layout.header_table, layout.signature_table) if t is not None}
    skip |= {p.table for block in layout.signatures for p in block if p.table is not None}
    end = min((p.index for p in doc.paragraphs if layout.signature_table is not None
               and p.table == layout.signature_table.index), default=len(doc.paragraphs))
    if layout.noi_nhan_label is not None:
        end = min(end, layout.noi_nhan_label.index)
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
        grid.setdefault((p.row or 1, p.col or 1), []).append(" ".join(p.text.split()))
    rows = max(r for r, _c in grid)
    cols = sorted({c for _r, c in grid})
    lines = []
    for r in range(1, rows + 1):
        values = [" ".join(t for t in grid.get((r, c), []) if t).replace("|", "\\|")
                  for c in cols]
        lines.append("| " + " | ".join(values) + " |")
        if r == 1:
            lines.append("|" + "---|" * len(cols))
    return "\n".join(lines)


def _with_tables(paragraphs: list[Paragraph], tables: dict[int, str],
                 layout: Layout) -> list[tuple[Paragraph, str | None]]:
    """Body paragraphs and tables in document order: (paragraph, None) or (first cell,
    the table's Markdown)."""
    cells = {i: layout.doc.paragraphs[i] for i in tables}
    merged: list[tuple[int, Paragraph, str | None]] = [(p.index, p, None) for p in paragraphs]
    merged += [(i, cells[i], tables[i]) for i in tables]
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
        if not any(ch.isalpha() for ch in title):
            title = to_fill_in(out, "phu_luc", "tên phụ lục", "phụ lục không có tên")
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
                blocks.append(_paragraph_markdown(p, out, {}))
        annexes.append({"title": sentence_case(title) if title == vn.upper(title) else title,
                        "content": "\n\n".join(blocks) or to_fill_in(
                            out, "phu_luc", "nội dung phụ lục", "phụ lục không có nội dung")})
    out.plan["phu_luc"] = annexes


def _annex_start(head: AnnexHeading) -> int:
    """The first paragraph of a Phụ lục heading."""
    first = head.label or (head.titles[0] if head.titles else head.kem_theo)
    return first.index


def _is_rule(p: Paragraph) -> bool:
    return not p.text.strip() and p.border_bottom


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
