"""A body's name as it is written: capitals read back into sentence case (acronyms and
place names kept), found as written elsewhere in the document, or shortened for a ký
hiệu.

Why: a header prints names in capitals; the plan keeps them as written ("UBND huyện Tuy
Phước"), and a guess is always said to be one.
"""

from __future__ import annotations

import re

from plangen.importdoc.parts import Imported
from plangen.spec import vn


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
