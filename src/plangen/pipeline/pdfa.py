"""The PDF/A LibreOffice wrote, made the same for the same document: what depends on the
clock replaced by the document's own date, and the fonts it embeds named.

Why: two LibreOffice runs on one DOCX differ in the creation date (document information
dictionary and XMP), in the creation date of the sRGB colour profile its PDF/A output
intent carries, and so in the file identifier (``/ID``) derived from them. A CI that
compares builds, a manifest with checksums and a signature over the bytes all need the
same bytes; archives need the date to be the document's, not the build machine's. pikepdf
(qpdf) rewrites the file; its identifier is then a hash of the content.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pikepdf

from plangen.spec import nd30

ICC_DATE = slice(24, 36)
"""An ICC profile header's creation date and time (six big-endian 16-bit numbers)."""
ICC_FIXED_DATE = bytes.fromhex("07bc00010001000000000000")
"""1980-01-01 00:00:00, the DOS epoch DOCX zip entries carry too: a colour profile's own
creation date is no date of the document's."""
XMP_DATES = ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate")
INFO_DATES = ("/CreationDate", "/ModDate")
_SUBSET = re.compile(r"^[A-Z]{6}\+")
# The PostScript names of Times New Roman and of its metric-compatible stand-in.
FAMILIES = {"TimesNewRoman": nd30.FONT_NAME, "TimesNewRomanPSMT": nd30.FONT_NAME,
            "TimesNewRomanPS": nd30.FONT_NAME, "LiberationSerif": "Liberation Serif"}


@dataclass(frozen=True)
class Finished:
    """A PDF/A made reproducible: its bytes, the part and level it claims (``2b``), its
    number of pages and the families of the fonts embedded in it (``Liberation Serif``
    where the machine had no Times New Roman)."""

    data: bytes
    level: str
    pages: int
    fonts: tuple[str, ...]


def finish(raw: bytes, when: datetime | None) -> Finished:
    """``raw`` (LibreOffice's PDF/A) with its dates set to ``when`` in both the information
    dictionary and the XMP metadata, or removed when the document has no date; the colour
    profile's date fixed; the identifier a hash of the content."""
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        _set_dates(pdf, when)
        _fix_profile_dates(pdf)
        _drop_identity_roles(pdf)
        for key in ("/DocChecksum", "/ID"):  # LibreOffice's checksum, and its random /ID
            if key in pdf.trailer:
                del pdf.trailer[key]
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, fix_metadata_version=False)
        return Finished(out.getvalue(), conformance(pdf), len(pdf.pages),
                        embedded_families(pdf))


def _set_dates(pdf: pikepdf.Pdf, when: datetime | None) -> None:
    """The same moment in the information dictionary and in the XMP, as PDF/A demands."""
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        for key in XMP_DATES:
            if key in xmp:
                del xmp[key]
        if when is not None:
            xmp["xmp:CreateDate"] = xmp["xmp:ModifyDate"] = when.isoformat()
    info = pdf.docinfo
    for key in INFO_DATES:
        if key in info:
            del info[key]
        if when is not None:
            info[key] = pdf_date(when)


def pdf_date(when: datetime) -> str:
    """``D:20230821000000Z``: a PDF date in UTC."""
    return when.astimezone(UTC).strftime("D:%Y%m%d%H%M%SZ")


def _fix_profile_dates(pdf: pikepdf.Pdf) -> None:
    """The output intents' ICC profiles (LibreOffice makes its sRGB profile anew each run,
    dated that second) dated :data:`ICC_FIXED_DATE`."""
    for intent in pdf.Root.get("/OutputIntents", []):
        profile = intent.get("/DestOutputProfile")
        if profile is None:
            continue
        data = bytearray(profile.read_bytes())
        if len(data) >= ICC_DATE.stop and data[ICC_DATE] != ICC_FIXED_DATE:
            data[ICC_DATE] = ICC_FIXED_DATE
            profile.write(bytes(data))


def _drop_identity_roles(pdf: pikepdf.Pdf) -> None:
    """The structure tree's role map without the entries that map a standard type to
    itself (LibreOffice writes ``/Document /Document``, ``/Table /Table``…): validators read
    them as circular mappings, which PDF/A-1a and 2a forbid, and they say nothing."""
    tree = pdf.Root.get("/StructTreeRoot")
    roles = tree.get("/RoleMap") if tree is not None else None
    if roles is None:
        return
    for key in list(roles.keys()):
        if roles[key] == pikepdf.Name(key):
            del roles[key]


def conformance(pdf: pikepdf.Pdf) -> str:
    """The PDF/A part and level the file claims in its XMP (``2b``, ``1a``), or ``""``."""
    meta = pdf.open_metadata()
    return f"{meta.get('pdfaid:part', '')}{meta.get('pdfaid:conformance', '')}".lower()


def embedded_families(pdf: pikepdf.Pdf) -> tuple[str, ...]:
    """The families of the fonts the pages use, in order of first use (``Times New Roman``,
    ``Liberation Serif``); other fonts by their PostScript name without the subset tag."""
    found: dict[str, None] = {}
    for page in pdf.pages:
        for font in _fonts(page.obj.get("/Resources")):
            found[family(str(font.get("/BaseFont", "")))] = None
    return tuple(name for name in found if name)


def family(base_font: str) -> str:
    """``BAAAAA+LiberationSerif-Bold`` → ``Liberation Serif``."""
    name = _SUBSET.sub("", base_font.lstrip("/"))
    stem = name.split("-")[0].split(",")[0]
    return FAMILIES.get(stem, stem)


def _fonts(resources: Any, seen: set[tuple[int, int]] | None = None) -> list[Any]:
    """The font dictionaries of ``resources`` and of the forms it draws."""
    seen = set() if seen is None else seen
    if resources is None:
        return []
    fonts = list(resources.get("/Font", {}).values())
    for xobject in resources.get("/XObject", {}).values():
        if xobject.objgen in seen or xobject.get("/Subtype") != "/Form":
            continue
        seen.add(xobject.objgen)
        fonts += _fonts(xobject.get("/Resources"), seen)
    return fonts
