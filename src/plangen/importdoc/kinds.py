"""The imported parts shaped as the entry of the document's kind, found in the registry:
a Mẫu 1.4 document keeps its sections; a Quyết định gets its authority, proposal, articles
and what it issues; a Công văn its drafting unit and letter; a Biên bản its meeting.

Why: the kind of a document is read from its tên loại (or its "V/v", or its ký hiệu) and
looked up in the kind registry (``plangen.kinds``), which says which entry model it is
written with; this module knows how to fill each entry model, never a list of kinds. A
kind whose model it cannot fill is said so, and its fields are left to fill.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from plangen.check.read.facts import Paragraph
from plangen.check.read.layout import Layout
from plangen.importdoc.body import _joined_body, _markdown, _paragraph_markdown, _strip_end
from plangen.importdoc.names import _as_written, sentence_case
from plangen.importdoc.parts import _ITEM, Correction, Imported, to_fill_in
from plangen.importdoc.signature import signer_of
from plangen.kinds import KINDS, Kind
from plangen.plan.model import Entry, Plan
from plangen.spec import mau, vn
from plangen.spec.fill import to_fill

Shaper = Callable[[Layout, Imported, set[int], dict[str, str]], None]


def kind_of(code: str) -> Kind[Any] | None:
    """The registry's kind whose documents a plan writes as ``kind: code``."""
    return next((k for k in KINDS.values() if k.entry is not None and k.yaml_code == code),
                None)


def written_kinds() -> set[str]:
    """The ``kind:`` codes an imported document may be written as: every registered kind
    whose entry model this module fills."""
    return {k.yaml_code for k in KINDS.values() if k.entry is not None and k.yaml_code
            and _shaper(k.entry) is not None}


def shape(layout: Layout, out: Imported, used: set[int], notes: dict[str, str]) -> None:
    """``out.plan`` made the entry of its kind, with only that entry's and the plan's
    fields."""
    plan = out.plan
    code = plan.get("kind") or ""
    kind = kind_of(code)
    if kind is None:
        title = layout.title.text.strip() if layout.title is not None else ""
        why = (f'plangen không có loại văn bản "{title}": đọc như một văn bản có tên loại; '
               "sửa kind" if title else "không tìm thấy tên loại: đọc là Kế hoạch; sửa kind "
               "nếu là loại khác")
        if mau.is_legal_title(title):
            why = (f'"{title}" là văn bản quy phạm pháp luật (thể thức theo Nghị định '
                   "34/2016/NĐ-CP), plangen chỉ tạo văn bản hành chính: đọc như một kế hoạch "
                   "để xem lại, không dùng để ban hành")
        out.review.append(("kind", why))
        code = "KH"
        kind = kind_of(code)
        assert kind is not None
    plan["kind"] = code
    entry = kind.entry
    assert entry is not None
    shaper = _shaper(entry)
    if shaper is None:
        out.review.append(("kind", f"plangen chưa nhập được các trường riêng của "
                           f"{mau.name_of(code)}: điền theo mẫu (plangen schema)"))
    else:
        shaper(layout, out, used, notes)
    _joint(layout, out, entry)
    allowed = set(Plan.model_fields) | set(entry.model_fields)
    for key in [k for k in plan if k not in allowed]:
        dropped = plan.pop(key)
        if key == "kinh_gui" and dropped:  # never silently: a Quyết định has no Kính gửi
            out.review.append(("noi_nhan", f"{mau.name_of(code)} không có Kính gửi: "
                               f"{'; '.join(dropped)} (thêm vào nơi nhận nếu cần)"))
            out.unplaced.extend(dropped)
    if code == "KH" and "kind" in plan:
        del plan["kind"]  # a top-level document is a Kế hoạch unless it says otherwise


def _shaper(entry: type[Entry]) -> Shaper | None:
    for model in entry.__mro__:
        found = SHAPERS.get(model.__name__)
        if found is not None:
            return found
    return None


# -- Mẫu 1.4 --------------------------------------------------------------------------------


def _ten_loai(layout: Layout, out: Imported, used: set[int], notes: dict[str, str]) -> None:
    """A Mẫu 1.4 document: its sections as read."""


# -- Công văn --------------------------------------------------------------------------------


def _cong_van(layout: Layout, out: Imported, used: set[int], notes: dict[str, str]) -> None:
    """A công văn: the drafting unit of its ký hiệu, Kính gửi, and its text as one letter
    (its numbered lines kept as typed)."""
    plan = out.plan
    if "unit" not in plan:
        plan["unit"] = to_fill_in(out, "unit", "chữ viết tắt đơn vị soạn thảo",
                                  "ký hiệu công văn không có đơn vị soạn thảo")
    if not plan.get("kinh_gui"):
        plan["kinh_gui"] = [to_fill_in(out, "kinh_gui", "nơi nhận sau Kính gửi",
                                       "không tìm thấy Kính gửi")]
    kept = {p.index for p in layout.can_cu}
    paragraphs = _joined_body([p for p in layout.body if p.index not in kept], used)
    blocks = [f"{b}" for b in (_block(p, out, notes) for p in paragraphs) if b]
    can_cu = [" ".join(p.text.split()) for p in layout.can_cu]
    text = _letter(can_cu + blocks)
    plan["content"] = _strip_end(text) if text else to_fill_in(
        out, "content", "nội dung công văn", "không tìm thấy nội dung")
    for key in ("body", "opening", "closing", "numbering", "can_cu"):
        plan.pop(key, None)


def _block(p: Paragraph, out: Imported, notes: dict[str, str]) -> str:
    return _paragraph_markdown(p, out, notes)


def _letter(blocks: list[str]) -> str:
    text = ""
    for block in blocks:
        item = block.startswith(("- ", "  - "))
        text = block if not text else f"{text}\n{block}" if item and text.split("\n")[
            -1].startswith(("- ", "  - ")) else f"{text}\n\n{block}"
    return text


# -- Quyết định -----------------------------------------------------------------------------

_ARTICLE = re.compile(r"^Điều\s+(?P<n>\d+)\s*[.:]?\s*(?P<text>.*)$", re.S)
_DECIDES = re.compile(r"^QUYẾT\s+ĐỊNH\s*:?$")
_PROPOSAL = ("Theo đề nghị", "Xét đề nghị")


def _quyet_dinh(layout: Layout, out: Imported, used: set[int], notes: dict[str, str]) -> None:
    """A decision: the authority under the trích yếu, the căn cứ and the proposal, its
    articles, and what it issues (Mẫu 1.3) after the signer."""
    plan = out.plan
    trich_yeu = plan.get("trich_yeu", "")
    lines = trich_yeu.split("\n")
    authority = [line for line in lines if line == vn.upper(line) and any(
        ch.isalpha() for ch in line)]
    if authority:
        plan["trich_yeu"] = "\n".join(line for line in lines if line not in authority)
    paragraphs = [p for p in layout.body if p.table is None]
    texts = [" ".join(p.text.split()) for p in paragraphs]
    start = next((i for i, t in enumerate(texts) if _DECIDES.match(t)), None)
    head = texts[:start] if start is not None else []
    if not authority:
        authority = [t for t in head if t == vn.upper(t) and any(ch.isalpha() for ch in t)]
    can_cu = list(plan.get("can_cu", []))
    first_authority = next((i for i, t in enumerate(head) if t in authority), len(head))
    for i, t in enumerate(head):
        if i < first_authority and not t.startswith(("Căn cứ", *_PROPOSAL)):
            plan["trich_yeu"] = f"{plan['trich_yeu']}\n{t}"  # a trích yếu's next lines
        elif not t.startswith(("Căn cứ", *_PROPOSAL)) and t not in authority:
            out.review.append(("trich_yeu", t))
            out.unplaced.append(t)
    for t in head:
        if t.startswith(_PROPOSAL):
            plan["theo_de_nghi"] = t.rstrip(";.,").strip()
        elif t.startswith("Căn cứ") and t.rstrip(";.,") not in can_cu:
            can_cu.append(t.rstrip(";.,").strip())
    if can_cu:
        plan["can_cu"] = [c for c in can_cu if not c.startswith(_PROPOSAL)]
        proposal = [c for c in can_cu if c.startswith(_PROPOSAL)]
        if proposal and "theo_de_nghi" not in plan:
            plan["theo_de_nghi"] = proposal[-1]
    plan["authority"] = _authority(" ".join(authority), layout, plan) if authority else \
        to_fill_in(out, "authority", "thẩm quyền ban hành",
                   "không tìm thấy dòng thẩm quyền (in hoa, dưới trích yếu)")
    articles: list[str] = []
    after = paragraphs[start + 1:] if start is not None else paragraphs
    for p in _joined_body(after, used):
        text = _markdown(p, notes)
        found = _ARTICLE.match(text.replace("**", "").strip())
        if found is not None:
            articles.append(found["text"].strip())
        elif articles and text:
            articles[-1] = _join_article(articles[-1], _paragraph_markdown(p, out, notes))
    used.update(p.index for p in paragraphs)
    plan["dieu"] = [_strip_end(a) for a in articles] or [to_fill_in(
        out, "dieu", "nội dung Điều 1", "không tìm thấy các điều (Điều 1., Điều 2., …)")]
    for key in ("body", "opening", "closing", "content", "numbering"):
        plan.pop(key, None)
    issued = _issued(layout, out, used, notes)
    if issued:
        plan["ban_hanh"] = issued


def _authority(caps: str, layout: Layout, plan: dict[str, Any]) -> str:
    """``HIỆU TRƯỞNG TRƯỜNG THPT TRẦN PHÚ`` as the document writes it elsewhere, or its
    title in sentence case followed by the issuer's name as written."""
    text = " ".join(p.text for p in layout.doc.paragraphs)
    scratch = Imported({})
    written = _as_written(caps, text, scratch)
    if not scratch.review:
        return written
    name = str(plan.get("issuer", {}).get("name", ""))
    if name and caps.endswith(vn.upper(name)):
        head = caps[: -len(name)].strip()
        return f"{sentence_case(head)} {name}".strip()
    return sentence_case(caps, name=True)


def _join_article(before: str, text: str) -> str:
    item = text.startswith(("- ", "  - "))
    return f"{before}\n{text}" if item and before.split("\n")[-1].startswith(("- ", "  - ")) \
        else f"{before}\n\n{text}"


_CHUONG = re.compile(r"^Chương\s+([IVXLC]+|\d+)$")
_MUC = re.compile(r"^Mục\s+(\d+)$")
_KHOAN = re.compile(r"^(\d{1,2})\.\s+(.*)$", re.S)
_DIEM = re.compile(r"^([a-zđ])\)\s+(.*)$", re.S)


def _issued(layout: Layout, out: Imported, used: set[int], notes: dict[str, str]
            ) -> dict[str, Any] | None:
    """What a decision issues (Mẫu 1.3): after the signer, a header of its own, a tên
    loại, its trích yếu, "(Kèm theo Quyết định …)", then its chapters and articles."""
    doc = layout.doc
    end = max((p.index for block in layout.signatures for p in block), default=-1)
    if layout.noi_nhan_items:
        end = max(end, layout.noi_nhan_items[-1].index)
    rest = [p for p in doc.paragraphs if p.index > end and p.table is None and p.text.strip()]
    title = next((i for i, p in enumerate(rest[:4]) if mau.by_title(p.text) is not None), None)
    if title is None:
        return None
    kind = mau.by_title(rest[title].text)
    assert kind is not None
    kem_theo = next((i for i, p in enumerate(rest) if p.text.strip().startswith(
        ("(Kèm theo", "(Ban hành kèm theo"))), None)
    if kem_theo is None or kind.code not in ("QC", "QyĐ", "KH", "HD", "CTr", "PA", "ĐA"):
        return None
    header = [p for p in doc.paragraphs if end < p.index <= rest[kem_theo].index]
    used.update(p.index for p in header)
    issued: dict[str, Any] = {"kind": kind.code, "trich_yeu": " ".join(
        " ".join(p.text.split()) for p in rest[title + 1:kem_theo]) or to_fill(
        "trích yếu của văn bản ban hành kèm theo")}
    body = rest[kem_theo + 1:]
    used.update(p.index for p in body)
    chuong: list[dict[str, Any]] = []
    dieu: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    i = 0
    while i < len(body):
        text = " ".join(body[i].text.split())
        found = _CHUONG.match(text) or _MUC.match(text)
        if found and i + 1 < len(body):
            name = sentence_case(" ".join(body[i + 1].text.split()))
            if text.startswith("Chương"):
                chuong.append({"title": name})
                current = None
            elif chuong:
                chuong[-1].setdefault("muc", []).append({"title": name})
            i += 2
            continue
        article = _ARTICLE.match(text)
        if article is not None:
            current = {"title": article["text"].strip()}
            holder = chuong[-1]["muc"][-1] if chuong and chuong[-1].get("muc") else \
                chuong[-1] if chuong else None
            (holder.setdefault("dieu", []) if holder is not None else dieu).append(current)
        elif current is not None:
            _article_text(current, _paragraph_markdown(body[i], out, notes))
        i += 1
    if chuong:
        issued["chuong"] = chuong
    elif dieu:
        issued["dieu"] = dieu
    else:
        issued["content"] = "\n\n".join(_paragraph_markdown(p, out, notes) for p in body) or \
            to_fill("nội dung văn bản ban hành kèm theo")
    return issued


def _article_text(article: dict[str, Any], text: str) -> None:
    khoan, diem = _KHOAN.match(text), _DIEM.match(text)
    if khoan is not None and "content" not in article:
        article.setdefault("khoan", []).append(_strip_end(khoan[2]))
    elif diem is not None and article.get("khoan"):
        last = article["khoan"][-1]
        if isinstance(last, str):
            article["khoan"][-1] = last = {"content": last, "diem": []}
        last["diem"].append(diem[2])
    elif not article.get("khoan"):
        article["content"] = f"{article['content']}\n\n{text}" if "content" in article else text
    else:
        article["khoan"].append(text)


# -- Biên bản -------------------------------------------------------------------------------

_MOMENT = re.compile(r"(?P<h>\d{1,2})\s*(?:giờ|h|g|:)\s*(?P<m>\d{1,2})?\s*(?:phút)?[\s,]*"
                     r"(?:(?:[Tt]hứ\s+\w+|[Cc]hủ\s+nhật)[\s,]*)?"
                     r"(?:ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<mo>\d{1,2})\s*năm\s*(?P<y>\d{4})|"
                     r"(?:ngày\s*)?(?P<d2>\d{1,2})/(?P<mo2>\d{1,2})/(?P<y2>\d{4}))?")
_FIELD = re.compile(r"^(?P<label>[^:]{2,60}):\s*(?P<value>.*)$", re.S)


def _moment(text: str, day: datetime | None = None) -> datetime | None:
    found = _MOMENT.search(text)
    if found is None:
        return None
    d, mo, y = (found["d"] or found["d2"]), (found["mo"] or found["mo2"]), (found["y"] or
                                                                              found["y2"])
    try:
        if d and mo and y:
            return datetime(int(y), int(mo), int(d), int(found["h"]), int(found["m"] or 0))
        if day is not None:
            return day.replace(hour=int(found["h"]), minute=int(found["m"] or 0))
    except ValueError:
        return None
    return None


def _bien_ban(layout: Layout, out: Imported, used: set[int], notes: dict[str, str]) -> None:
    """Minutes (Mẫu 1.9): when, where, who attended, chaired and kept the record, what was
    said and concluded, when it ended; signed by the secretary and the chair."""
    plan = out.plan
    lines = [_paragraph_markdown(p, out, notes) for p in _joined_body(layout.body, used)]
    fields: dict[str, Any] = {}
    content: list[str] = []
    conclusion: list[str] = []
    target: list[str] | None = None
    attending: list[str] = []
    in_attending = False
    for line in lines:
        plain = line.replace("**", "").replace("*", "").strip()
        found = _FIELD.match(plain)
        label = found["label"].strip().lower() if found else ""
        if in_attending and _ITEM.match(plain):
            attending.append(plain.lstrip("-–+• ").rstrip(";.").strip())
            continue
        in_attending = False
        if label.startswith("thời gian bắt đầu") or (label.startswith("thời gian") and
                                                     "bat_dau" not in fields):
            fields["bat_dau"] = _moment(found["value"]) if found else None
        elif label.startswith("địa điểm") and found:
            fields["dia_diem"] = found["value"].rstrip(".").strip()
        elif label.startswith("thành phần") and found:
            in_attending = not found["value"].strip()
            if found["value"].strip():
                attending.append(found["value"].rstrip(".").strip())
        elif label.startswith(("chủ tọa", "chủ trì", "chủ toạ")) and found:
            fields["chu_toa"] = _person(found["value"])
            fields["chu_toa_goi_la"] = "chủ trì" if label.startswith("chủ trì") else "chủ tọa"
        elif label.startswith("thư ký") and found:
            fields["thu_ky"] = _person(found["value"])
        elif label.startswith("nội dung") and found and not found["value"].strip():
            fields["loai"] = _loai(label)
            target = content
        elif label.startswith("kết luận") and found and not found["value"].strip():
            target = conclusion
        elif re.search(r"kết thúc (vào|lúc)", plain):
            fields["ket_thuc"] = _moment(plain, fields.get("bat_dau"))
            target = None
        elif target is not None:
            target.append(line)
        else:
            content.append(line)
    used.update(p.index for p in layout.body)
    plan["loai"] = fields.get("loai", "cuộc họp")
    if plan["loai"] == "cuộc họp":
        del plan["loai"]
    for key, what in (("bat_dau", "thời gian bắt đầu"), ("ket_thuc", "thời gian kết thúc")):
        plan[key] = fields.get(key) or to_fill_in(out, key, what, f"không đọc được {what}")
    plan["dia_diem"] = fields.get("dia_diem") or to_fill_in(out, "dia_diem", "địa điểm",
                                                            "không tìm thấy địa điểm")
    plan["thanh_phan"] = attending or [to_fill_in(out, "thanh_phan", "thành phần tham dự",
                                                  "không tìm thấy thành phần tham dự")]
    names = [signer_of(block, out, "chu_toa").get("name") for block in layout.signatures]
    for key, what, i in (("thu_ky", "thư ký", 0), ("chu_toa", "chủ tọa", -1)):
        if key not in fields:
            name = names[i] if names and names[i] else to_fill(f"họ tên {what}")
            fields[key] = {"name": name}
            out.review.append((key, f"không tìm thấy dòng {what} trong nội dung"))
        plan[key] = fields[key]
    if fields.get("chu_toa_goi_la") == "chủ trì":
        plan["chu_toa_goi_la"] = "chủ trì"
    plan["content"] = "\n\n".join(content) or to_fill_in(
        out, "content", "nội dung cuộc họp", "không tìm thấy nội dung cuộc họp")
    if conclusion:
        plan["ket_luan"] = "\n\n".join(conclusion)
    for key in ("body", "opening", "closing", "numbering", "can_cu", "signer", "issued_on"):
        plan.pop(key, None)
    plan["de_trong"] = [d for d in plan.get("de_trong", []) if d != "issued_on"]
    if not plan["de_trong"]:
        del plan["de_trong"]
    out.review[:] = [(w, t) for w, t in out.review if not (w in ("place", "signer") or (
        w == "de_trong" and "ngày" in t))]  # a Biên bản has no date line and no signer
    if str(plan.get("place", "")).startswith("<<"):
        plan["place"] = to_fill_in(out, "place", "địa danh", "biên bản không có dòng địa danh, "
                                   "ngày tháng: địa danh dùng cho các văn bản khác của tệp")


def _loai(label: str) -> str:
    for what in ("hội nghị", "hội thảo"):
        if what in label:
            return what
    return "cuộc họp"


def _person(text: str) -> dict[str, str]:
    """``Nguyễn Văn An, Hiệu trưởng.`` → name and title."""
    text = text.strip().rstrip(".").strip()
    text = re.sub(r"^(Ông|Bà|ông|bà|Đồng chí|đồng chí|Đ/c|đ/c)\s+", "", text)
    name, _, title = text.partition(",")
    person = {"name": name.strip() or to_fill("họ tên")}
    if title.strip():
        person["title"] = title.strip()
    return person


# -- Giấy mời -------------------------------------------------------------------------------

_INVITES = re.compile(r"trân trọng kính mời\s*:?\s*(?P<who>.*)$", re.I)
_TIME = re.compile(r"(\d{1,2})\s*(?:giờ|h)\s*(\d{1,2})?")
_DAY = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})")


def _when(text: str) -> tuple[datetime | None, datetime | None]:
    """``từ 08 giờ 00 đến 11 giờ 00, thứ Sáu, ngày 19 tháng 12 năm 2025`` → start, end."""
    times, days = _TIME.findall(text), _DAY.findall(text)
    if not times or not days:
        return None, None
    try:
        first = datetime(int(days[0][2]), int(days[0][1]), int(days[0][0]))
        last = datetime(int(days[-1][2]), int(days[-1][1]), int(days[-1][0]))
        start = first.replace(hour=int(times[0][0]), minute=int(times[0][1] or 0))
        end = last.replace(hour=int(times[1][0]), minute=int(times[1][1] or 0)) \
            if len(times) > 1 else None
    except ValueError:
        return None, None
    return start, end


def _giay_moi(layout: Layout, out: Imported, used: set[int], notes: dict[str, str]) -> None:
    """An invitation (Mẫu 1.7): whom, to what, who chairs, when, where, what to note."""
    plan = out.plan
    lines = [_paragraph_markdown(p, out, notes) for p in _joined_body(layout.body, used)]
    used.update(p.index for p in layout.body)
    invited: list[str] = []
    rest: list[str] = []
    listing = False
    for line in lines:
        plain = line.replace("**", "").strip()
        found = _INVITES.search(plain)
        label = plain.split(":", 1)[0].strip().lower() if ":" in plain else ""
        if listing and _ITEM.match(plain):
            invited.append(plain.lstrip("-–+• ").rstrip(";.").strip())
            continue
        listing = False
        if found is not None:
            who = found["who"].rstrip(".").strip()
            listing = not who
            if who:
                invited.append(who)
        elif plain.startswith("Tới dự"):
            plan["toi_du"] = plain.removeprefix("Tới dự").strip().rstrip(".").strip()
        elif label in ("chủ trì", "chủ tọa"):
            plan["chu_tri"] = plain.split(":", 1)[1].strip().rstrip(".")
        elif label == "thời gian":
            start, end = _when(plain)
            if start is not None:
                plan["bat_dau"] = start
            if end is not None:
                plan["ket_thuc"] = end
        elif label == "địa điểm":
            plan["dia_diem"] = plain.split(":", 1)[1].strip().rstrip(".")
        else:
            rest.append(line)
    plan["kinh_moi"] = invited or [to_fill_in(out, "kinh_moi", "người được mời",
                                              "không tìm thấy dòng \"trân trọng kính mời\"")]
    for key, what in (("toi_du", "tên cuộc họp, hội nghị"), ("bat_dau", "thời gian bắt đầu"),
                      ("dia_diem", "địa điểm")):
        if key not in plan:
            plan[key] = to_fill_in(out, key, what, f"không tìm thấy {what}")
    if rest:
        plan["luu_y"] = _strip_end("\n\n".join(rest))
    for key in ("body", "opening", "closing", "numbering", "can_cu", "content"):
        plan.pop(key, None)


# -- joint documents ------------------------------------------------------------------------


def _joint(layout: Layout, out: Imported, entry: type[Entry]) -> None:
    """A joint document (ký hiệu KHLT-A-B): each other body's name from the header, its
    signer from its signature block (left of the issuing body's)."""
    plan = out.plan
    others = plan.pop("co_abbreviations", [])
    if not others or "lien_tich" not in entry.model_fields:
        return
    from plangen.check.read.layout import _ORG_WORDS

    lines = [" ".join(p.text.split()) for p in layout.issuer_lines if p.text.strip()]
    starts = [i for i, line in enumerate(lines) if i and line.startswith(_ORG_WORDS)]
    cuts = [0, *starts[-len(others):]] if len(starts) >= len(others) else [0]
    names = [" ".join(lines[a:b]) for a, b in zip(cuts, [*cuts[1:], len(lines)], strict=True)]
    body_text = " ".join(p.text for p in layout.doc.paragraphs)
    if len(names) == len(others) + 1:
        plan["issuer"]["name"] = _as_written(names[0], body_text, out)
    blocks = layout.signatures
    co: list[dict[str, Any]] = []
    for i, abbreviation in enumerate(others):
        name = names[i + 1] if len(names) == len(others) + 1 else ""
        signer = signer_of(blocks[i], out, f"lien_tich[{i}].signer") if len(blocks) > i + 1 \
            else {"title": to_fill("chức vụ người ký")}
        co.append({"issuer": {"name": _as_written(name, body_text, out) if name else
                              to_fill_in(out, "lien_tich", "tên cơ quan cùng ban hành",
                                         "không tách được tên các cơ quan ở phần đầu"),
                              "abbreviation": abbreviation}, "signer": signer})
    plan["lien_tich"] = co
    out.corrections.append(Correction("lien_tich", f"văn bản liên tịch của {len(others) + 1} "
                                      "cơ quan: mỗi cơ quan một khối chữ ký"))


SHAPERS: dict[str, Shaper] = {
    "VanBanTenLoai": _ten_loai,
    "CongVan": _cong_van,
    "QuyetDinh": _quyet_dinh,
    "BienBan": _bien_ban,
    "GiayMoi": _giay_moi,
}
"""How each entry model is filled, by its name (the registry says which model a kind is
written with)."""
