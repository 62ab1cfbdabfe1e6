"""The metadata of an outgoing document under the tags of NĐ30 Phụ lục VI (Phần II, Mục I:
"Thông tin đầu vào của dữ liệu quản lý văn bản đi"), from what the manifest records of it.

Why: an electronic document-management system (Hệ thống quản lý tài liệu điện tử) takes a
document with these fields; typing them again is where numbers and dates go wrong. They
are computed from the e-office fields each kind already puts in its manifest entry
(``kinds.MANIFEST_FIELDS``), so this module knows the manifest, not the plan model. A
value plangen does not know (a recipient's identifier, the urgency, the number of copies,
a reply deadline) is ``None`` for the văn thư to fill, never a guess.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

LANGUAGE = "Tiếng Việt"
"""Field 9, Ngôn ngữ (String 30): the document's language as a person writes it; its code
(vi-VN) is in the DOCX and PDF themselves."""
DRAFT = "Dự thảo"
"""Field 11, Ghi chú: what a draft's metadata says of it."""
KEPT = "Lưu"
"""The Nơi nhận line that names who keeps the office's copy ("Lưu: VT, TĐKT"), not a
recipient."""
TAGS = ("TypeName", "CodeNumber", "CodeNotation", "IssuedDate", "OrganName", "Subject",
        "Language", "PageAmount", "Description", "SignerInfo", "To", "Priority",
        "IssuedAmount", "DueDate")
"""The tags of Phụ lục VI, Phần II, Mục I that concern the document itself, in the
decree's order (FileCode and DocOrdinal belong to the file (hồ sơ) it is put in)."""


def split_number(so_ky_hieu: str) -> tuple[str | None, str]:
    """``05/KH-THPTNT`` → (``05``, ``KH-THPTNT``); a number left blank → (None, …)."""
    number, _slash, notation = so_ky_hieu.partition("/")
    return (number or None), notation


def recipients(entry: Mapping[str, Any]) -> list[str]:
    """Who receives the document: the Kính gửi, then the Nơi nhận lines, without the line
    of the office's own copy (``Lưu: …``)."""
    lines = [*entry.get("kinh_gui", ()), *entry.get("noi_nhan", ())]
    return [line for line in lines if not is_kept_copy(line)]


def kept_copy(entry: Mapping[str, Any]) -> str | None:
    """Who keeps the office's copy: ``VT, TĐKT`` from the line ``Lưu: VT, TĐKT``."""
    line = next((x for x in entry.get("noi_nhan", ()) if is_kept_copy(x)), None)
    return line.partition(":")[2].strip().rstrip(".") if line else None


def is_kept_copy(line: str) -> bool:
    """True for the ``Lưu: …`` line of a Nơi nhận."""
    return line.strip().startswith(f"{KEPT}:")


def outgoing_metadata(entry: Mapping[str, Any], *, organ: str, pages: int | None,
                      draft: bool) -> dict[str, Any]:
    """The Phụ lục VI fields of the document the manifest ``entry`` describes, issued by
    ``organ``; ``pages`` from its PDF (None when none was built). A field whose e-office
    source the kind does not record (``Kind.manifest``) is None."""
    number, notation = split_number(str(entry.get("so_ky_hieu") or "/"))
    return {
        "TypeName": entry.get("loai_van_ban"),
        "CodeNumber": number,
        "CodeNotation": notation or None,
        "IssuedDate": entry.get("ngay"),
        "OrganName": organ,
        "Subject": entry.get("trich_yeu"),
        "Language": LANGUAGE,
        "PageAmount": pages,
        "Description": DRAFT if draft else None,
        "SignerInfo": {"Position": entry.get("chuc_vu"), "FullName": entry.get("nguoi_ky")},
        "To": [{"OrganId": None, "OrganName": name} for name in recipients(entry)],
        "Priority": None,
        "IssuedAmount": None,
        "DueDate": None,
    }


def pages_of(files: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """The number of pages of each DOCX whose PDF is among ``files`` (manifest entries):
    ``ke-hoach.docx`` → the ``trang`` of ``ke-hoach.pdf``."""
    return {str(f["file"]).removesuffix(".pdf") + ".docx": int(f["trang"])
            for f in files if f.get("kind") == "pdf" and "trang" in f}
