"""pdfa.finish on a PDF shaped like LibreOffice's PDF/A (made here with pikepdf, no
LibreOffice needed): what depends on the clock is replaced, nothing else moves."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pikepdf
import pytest

from plangen.pipeline import pdfa

NOW = "D:20261207134243Z"  # what LibreOffice writes: the moment of the build


def icc_profile(stamp: bytes) -> bytes:
    """A 132-byte ICC header with ``stamp`` as its creation date (bytes 24–35)."""
    header = bytearray(132)
    header[36:40] = b"acsp"
    header[24:36] = stamp
    return bytes(header)


def libreoffice_like(random_id: bytes = b"0123456789abcdef") -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Title"] = "Kế hoạch Phát động phong trào"
    pdf.docinfo["/CreationDate"] = NOW
    with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
        xmp["pdfaid:part"] = "2"
        xmp["pdfaid:conformance"] = "B"
        xmp["dc:title"] = "Kế hoạch Phát động phong trào"
        xmp["xmp:CreateDate"] = "2026-12-07T13:42:43Z"
    profile = pdf.make_stream(icc_profile(bytes.fromhex("07ea000c0007000d002a002b")))
    pdf.Root.OutputIntents = pikepdf.Array([pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFA1,
        DestOutputProfile=profile)])
    pdf.Root.StructTreeRoot = pikepdf.Dictionary(RoleMap=pikepdf.Dictionary({
        "/Document": pikepdf.Name.Document, "/ND30 Body": pikepdf.Name.P}))
    pdf.trailer.DocChecksum = pikepdf.Name("/A1B2")
    out = io.BytesIO()
    pdf.save(out, static_id=False)
    data = out.getvalue()
    with pikepdf.open(io.BytesIO(data)) as reopened:
        reopened.trailer.ID = pikepdf.Array([pikepdf.String(random_id)] * 2)
        again = io.BytesIO()
        reopened.save(again)
    return again.getvalue()


def test_the_dates_become_the_documents_in_info_and_xmp() -> None:
    day = datetime(2023, 8, 21, tzinfo=UTC)
    finished = pdfa.finish(libreoffice_like(), day)
    with pikepdf.open(io.BytesIO(finished.data)) as pdf:
        assert str(pdf.docinfo["/CreationDate"]) == "D:20230821000000Z"
        assert str(pdf.docinfo["/ModDate"]) == "D:20230821000000Z"
        xmp = pdf.open_metadata()
        assert xmp["xmp:CreateDate"] == xmp["xmp:ModifyDate"] == "2023-08-21T00:00:00+00:00"
        assert "xmp:MetadataDate" not in xmp
        assert str(pdf.docinfo["/Title"]) == "Kế hoạch Phát động phong trào"
    assert finished.level == "2b" and finished.pages == 1


def test_an_undated_document_has_no_date_at_all() -> None:
    finished = pdfa.finish(libreoffice_like(), None)
    with pikepdf.open(io.BytesIO(finished.data)) as pdf:
        assert "/CreationDate" not in pdf.docinfo and "/ModDate" not in pdf.docinfo
        assert "xmp:CreateDate" not in pdf.open_metadata()


def test_the_same_document_gives_the_same_bytes_whatever_id_libreoffice_drew() -> None:
    day = datetime(2023, 8, 21, tzinfo=UTC)
    first = pdfa.finish(libreoffice_like(b"0123456789abcdef"), day).data
    second = pdfa.finish(libreoffice_like(b"fedcba9876543210"), day).data
    assert first == second
    with pikepdf.open(io.BytesIO(first)) as pdf:
        ids = [bytes(part) for part in pdf.trailer.ID]
        assert ids[0] == ids[1] and ids[0] != b"0123456789abcdef"
        assert "/DocChecksum" not in pdf.trailer


def test_the_colour_profile_is_dated_the_fixed_epoch() -> None:
    finished = pdfa.finish(libreoffice_like(), None)
    with pikepdf.open(io.BytesIO(finished.data)) as pdf:
        profile = pdf.Root.OutputIntents[0].DestOutputProfile.read_bytes()
    assert profile[24:36] == pdfa.ICC_FIXED_DATE == bytes.fromhex("07bc00010001000000000000")
    assert profile[36:40] == b"acsp"


def test_a_role_mapped_to_itself_is_dropped_the_others_stay() -> None:
    finished = pdfa.finish(libreoffice_like(), None)
    with pikepdf.open(io.BytesIO(finished.data)) as pdf:
        roles = pdf.Root.StructTreeRoot.RoleMap
        assert dict(roles) == {"/ND30 Body": pikepdf.Name.P}


@pytest.mark.parametrize(("base_font", "family"), [
    ("/BAAAAA+LiberationSerif", "Liberation Serif"),
    ("/CAAAAA+LiberationSerif-BoldItalic", "Liberation Serif"),
    ("/DAAAAA+TimesNewRomanPSMT", "Times New Roman"),
    ("/EAAAAA+TimesNewRomanPS-BoldMT", "Times New Roman"),
    ("/TimesNewRoman,Bold", "Times New Roman"),
    ("/FAAAAA+DejaVuSans", "DejaVuSans"),
])
def test_font_families_from_postscript_names(base_font: str, family: str) -> None:
    assert pdfa.family(base_font) == family


def test_pdf_dates_are_utc() -> None:
    assert pdfa.pdf_date(datetime(2024, 10, 30, 7, 5, 9, tzinfo=UTC)) == "D:20241030070509Z"
