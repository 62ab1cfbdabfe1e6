"""What verify says of signatures plangen did not place: one put in the wrong place under
plangen's field name, and one another tool made (its place not judged, never passed)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from plangen.sign import appearance, images
from plangen.sign.pkcs import from_pkcs12
from plangen.sign.verify import verify
from signing import MISSING_TOOLS, PASSWORD, copy_of, make_keys

pytestmark = [pytest.mark.libreoffice,
              pytest.mark.skipif(bool(MISSING_TOOLS), reason=f"needs {MISSING_TOOLS}")]


def sign_at(pdf: Path, p12: Path, image: Path, field: str,
            box: tuple[int, int, int, int]) -> None:
    """Sign with pyHanko alone, at ``box`` on page 4, in field ``field``."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    key = from_pkcs12(p12, PASSWORD, "en")
    style = appearance.image_style(images.load_png(image).image)
    signer = signers.PdfSigner(
        signers.PdfSignatureMetadata(field_name=field), key.signer, stamp_style=style,
        new_field_spec=fields.SigFieldSpec(field, on_page=3, box=box))
    out = io.BytesIO()
    signer.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf.read_bytes())), output=out)
    pdf.write_bytes(out.getvalue())


def test_a_signature_beside_the_signer_block_is_reported(tmp_path: Path) -> None:
    keys = make_keys(tmp_path)
    pdf = copy_of("cchc-2023-2025", "ke-hoach.pdf", tmp_path / "pdf")
    sign_at(pdf, keys.signer, keys.signature, "plangen-nguoi-ky", (90, 620, 240, 680))
    sign_at(pdf, keys.office, keys.signature, "Signature1", (380, 620, 430, 660))
    first, second = verify(pdf.read_bytes(), pdf, [keys.root], "en")
    assert first.findings == ["place_signer_outside_gap", "place_signer_not_centred"]
    assert not first.broken
    assert second.role is None and second.findings == ["place_unknown_role"]
    assert second.trusted is True and not second.broken
