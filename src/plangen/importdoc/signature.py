"""Kính gửi, Nơi nhận and the signer of an imported document: recipients wrapped over two
lines joined, "Lưu VT" repaired, the signer's authority, positions and name read from a
table or from lines.

Why: offices type the signature area in every way Word allows; the checker's reading finds
its table, and this reads what is typed as lines the same way.
"""

from __future__ import annotations

import re
from typing import Any

from plangen.check.read.facts import Paragraph
from plangen.check.read.layout import Layout
from plangen.importdoc.names import sentence_case
from plangen.importdoc.parts import (
    _ITEM,
    Correction,
    Imported,
    _is_caps_line,
    all_bold,
    to_fill_in,
)
from plangen.spec import nd30

_PREFIX = re.compile(r"^(?P<prefix>TM|KT|TL|TUQ|Q|K/T|T/L|TU/Q)\.?\s+(?P<rest>.+)$")


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
