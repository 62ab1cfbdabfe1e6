"""The sample layouts (mẫu) of NĐ30 Phụ lục III as profiles, and the table of tên loại.

Why: a Biên bản has no place-and-date line and two signature blocks with the Nơi nhận under
them; a Công văn has "V/v …" instead of a tên loại; a Giấy giới thiệu has no trích yếu. The
renderer lays a document out by its profile and the checker judges it by the same profile,
found from the tên loại it reads, so neither assumes the shape of Mẫu 1.4 and the two
cannot drift apart. The table of tên loại is the one list of kinds: the renderer names a
document from it, the checker recognises a title by it, and a kind plangen learns
(``register``) joins it for both.

This module is a leaf: it imports nothing from plangen.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Literal

TitleForm = Literal["ten-loai", "vv"]
NoiNhanPlace = Literal["beside", "under"]


@dataclass(frozen=True)
class Profile:
    """Which components a mẫu has and where: the header's lines, how the document is
    named, its signature blocks, where the Nơi nhận stands."""

    mau: str
    """The sample of Phụ lục III it follows ("1.4")."""
    so_line: bool = True
    """The header's left column ends with "Số: …/…"."""
    date_line: bool = True
    """The header's right column ends with the place and date."""
    title: TitleForm = "ten-loai"
    """A tên loại in capitals under the header, or a công văn's "V/v …" under the Số."""
    trich_yeu: bool = True
    """A trích yếu under the tên loại (Mẫu 1.8, a Giấy giới thiệu, has none)."""
    signatures: tuple[str | None, ...] = (None,)
    """The signature blocks, left to right: a fixed label ("THƯ KÝ") or None where the
    signer's authority and position head the block."""
    noi_nhan: NoiNhanPlace = "beside"
    """Nơi nhận beside the signer (left cell of the signature table), or under the blocks."""

    def joint(self, issuers: int) -> Profile:
        """The layout of the same kind issued jointly (liên tịch) by ``issuers`` bodies:
        one signature block per body, side by side, with the Nơi nhận under them.
        [PRACTICE] NĐ30 has no sample of a joint administrative document; offices sign
        side by side, as joint documents always have."""
        return replace(self, mau=f"{self.mau} liên tịch", signatures=(None,) * issuers,
                       noi_nhan="under")

    @property
    def has_title(self) -> bool:
        """The document is named by a tên loại (not by a công văn's "V/v")."""
        return self.title == "ten-loai"


# [MẪU] each profile is read off the decree's own samples (shared/reference, Phụ lục III).
MAU_1_1 = Profile("1.1")  # Nghị quyết (cá biệt)
MAU_1_2 = Profile("1.2")  # Quyết định (cá biệt); 1.3 adds the document it issues
MAU_1_4 = Profile("1.4")  # văn bản có tên loại
MAU_1_5 = Profile("1.5", title="vv")  # Công văn
MAU_1_6 = Profile("1.6")  # Công điện
MAU_1_7 = Profile("1.7")  # Giấy mời
MAU_1_8 = Profile("1.8", trich_yeu=False)  # Giấy giới thiệu
MAU_1_9 = Profile("1.9", date_line=False, signatures=("THƯ KÝ", "CHỦ TỌA"),
                  noi_nhan="under")  # Biên bản
MAU_1_10 = Profile("1.10", trich_yeu=False)  # Giấy nghỉ phép

JOINT_SUFFIX = "LT"
"""[PRACTICE] A joint document's type code ends in "LT" (KHLT, "Kế hoạch liên tịch": as in
"14/KHLT-HLHTNVN-HSVVN-NVHTN", 2024); its ký hiệu then names every body, joined by "-"
as NĐ30 PL I, II.3.c joins the groups of any ký hiệu. NĐ30 itself is silent on joint
administrative documents."""


@dataclass(frozen=True)
class TenLoai:
    """One kind of administrative document: its code in a ký hiệu, its name, its mẫu."""

    code: str
    name: str
    profile: Profile = MAU_1_4

    @property
    def title(self) -> str:
        """``KẾ HOẠCH``: the tên loại as printed."""
        return self.name.upper()


CONG_VAN = TenLoai("", "Công văn", MAU_1_5)
"""A công văn has no tên loại and no code in its ký hiệu (Phụ lục III lists none)."""

# [ND30] Phụ lục III, I: the 27 abbreviations, in the decree's order, each with its mẫu.
_TABLE = (
    TenLoai("NQ", "Nghị quyết", MAU_1_1),
    TenLoai("QĐ", "Quyết định", MAU_1_2),
    TenLoai("CT", "Chỉ thị"),
    TenLoai("QC", "Quy chế"),
    TenLoai("QyĐ", "Quy định"),
    TenLoai("TC", "Thông cáo"),
    TenLoai("TB", "Thông báo"),
    TenLoai("HD", "Hướng dẫn"),
    TenLoai("CTr", "Chương trình"),
    TenLoai("KH", "Kế hoạch"),
    TenLoai("PA", "Phương án"),
    TenLoai("ĐA", "Đề án"),
    TenLoai("DA", "Dự án"),
    TenLoai("BC", "Báo cáo"),
    TenLoai("BB", "Biên bản", MAU_1_9),
    TenLoai("TTr", "Tờ trình"),
    TenLoai("HĐ", "Hợp đồng"),
    TenLoai("CĐ", "Công điện", MAU_1_6),
    TenLoai("BGN", "Bản ghi nhớ"),
    TenLoai("BTT", "Bản thỏa thuận"),
    TenLoai("GUQ", "Giấy ủy quyền"),
    TenLoai("GM", "Giấy mời", MAU_1_7),
    TenLoai("GGT", "Giấy giới thiệu", MAU_1_8),
    TenLoai("GNP", "Giấy nghỉ phép", MAU_1_10),
    TenLoai("PG", "Phiếu gửi"),
    TenLoai("PC", "Phiếu chuyển"),
    TenLoai("PB", "Phiếu báo"),
)
TEN_LOAI: dict[str, TenLoai] = {kind.code: kind for kind in _TABLE}
"""Every kind by its code: the decree's table, then any kind plangen registers."""
OBSOLETE_CODES = {"GN": "BGN", "TTh": "BTT", "UQ": "GUQ", "NP": "GNP", "TS": "TrS"}
"""Thông tư 01/2011 codes NĐ30 replaced (C46)."""


def register(kind: TenLoai) -> TenLoai:
    """Add a kind the decree's table does not have (or give one of its kinds a profile of
    its own); the checker then reads documents of that tên loại by ``kind.profile``."""
    TEN_LOAI[kind.code] = kind
    _BY_TITLE.clear()
    return kind


def unregister(code: str) -> None:
    """Take back :func:`register` (a test's own kind); the decree's kinds come back."""
    TEN_LOAI.pop(code, None)
    for kind in _TABLE:
        if kind.code == code:
            TEN_LOAI[code] = kind
    _BY_TITLE.clear()


WITHOUT_CODE = {"CV": CONG_VAN}
"""Kinds a plan names by a code the decree's table does not have."""


def ten_loai_of(code: str) -> TenLoai:
    """The kind of ``code``: ``KH``, or ``CV`` for a công văn."""
    return WITHOUT_CODE.get(code) or TEN_LOAI[code]


def name_of(code: str) -> str:
    """``Kế hoạch`` for ``KH``."""
    return ten_loai_of(code).name


def key(text: str) -> str:
    """Letters and digits of ``text``, NFC, capitals, "HOÀ" spelt "HÒA": two spellings
    of one title compare equal."""
    text = unicodedata.normalize("NFC", text).upper().replace("HOÀ", "HÒA")
    return "".join(ch for ch in text if ch.isalnum())


_BY_TITLE: dict[str, TenLoai] = {}


def by_title(text: str) -> TenLoai | None:
    """The kind whose tên loại ``text`` is ("KẾ HOẠCH", "Biên bản"), if any."""
    if not _BY_TITLE:
        _BY_TITLE.update((key(kind.name), kind) for kind in TEN_LOAI.values())
    return _BY_TITLE.get(key(text))


LEGAL_ONLY = ("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Lệnh", "Nghị định", "Thông tư",
              "Thông tư liên tịch", "Nghị quyết liên tịch")
"""[LAW] Tên loại that only a legal normative document has (Luật Ban hành văn bản quy phạm
pháp luật 2015, Điều 4). Their format is set by Nghị định 34/2016/NĐ-CP (as amended), not
by NĐ30, which governs administrative documents (NĐ30 Điều 1)."""
LEGAL_SHARED = ("Nghị quyết", "Quyết định")
"""Tên loại of both kinds: a legal normative one is told by the year in its number
("Số: 15/2020/QĐ-TTg"), which an administrative one never has (NĐ30 PL I, II.3)."""
_LEGAL_KEYS = {key(name): name for name in LEGAL_ONLY}
_SHARED_KEYS = {key(name): name for name in LEGAL_SHARED}
_YEAR_IN_NUMBER = re.compile(r"/(19|20)\d\d/")


def legal_title(title: str, so_line: str = "") -> str | None:
    """The name of the legal normative kind a document of tên loại ``title`` and number
    line ``so_line`` is ("Nghị định"), or None for an administrative document."""
    found = key(title)
    if found in _LEGAL_KEYS:
        return _LEGAL_KEYS[found]
    if found in _SHARED_KEYS and _YEAR_IN_NUMBER.search(so_line):
        return _SHARED_KEYS[found]
    return None


def is_legal_title(text: str) -> bool:
    """``text`` is a tên loại only legal normative documents have ("NGHỊ ĐỊNH")."""
    return key(text) in _LEGAL_KEYS


def type_code(ky_hieu: str) -> tuple[str, bool]:
    """The type code of a ký hiệu and whether the document is joint: ``("KH", True)`` for
    ``KHLT-THPTNT-CĐCS``."""
    code = ky_hieu.split("-")[0]
    if code not in TEN_LOAI and code.endswith(JOINT_SUFFIX) and code[:-2] in TEN_LOAI:
        return code[:-2], True
    return code, False
