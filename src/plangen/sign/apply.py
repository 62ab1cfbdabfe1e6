"""Sign a PDF where NĐ30 says, as an incremental update (earlier signatures stay valid),
and write it whole or not at all.

PAdES baseline B-B (ETSI.CAdES.detached, SHA-256, the signing certificate referenced in
the signed attributes); B-T when a time-stamping authority is given.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pyhanko.sign.signers import PdfSigner

from plangen.errors import UserError
from plangen.messages import Lang, message
from plangen.pipeline.save import write_atomic
from plangen.sign import appearance, clock, images, place
from plangen.sign.fonts import serif_font
from plangen.sign.geometry import Rect
from plangen.sign.locate import Page, document_number, find_signer_block, read_pages
from plangen.sign.pkcs import Key, check_certificate, subject_name
from plangen.sign.roles import FIELDS, Role
from plangen.sign.verify import Widget, _page_refs, _widget, integrity_problems, open_pdf

DEFAULT_SEAL_MM = 36.0  # a round seal of a school or a Sở is 35–36 mm across


@dataclass(frozen=True)
class Request:
    """What to sign, as whom, and with what image."""

    pdf: Path
    output: Path
    role: Role
    image: Path | None = None
    seal_mm: float = DEFAULT_SEAL_MM
    number: str | None = None
    tsa: str | None = None


@dataclass
class Placement:
    """Where the signature goes, what it shows, and what the user should hear about."""

    page: int
    rect: Rect
    style: Any
    text: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def sign(request: Request, key: Key, lang: Lang) -> list[str]:
    """Sign ``request.pdf`` with ``key`` into ``request.output``; returns the warnings and
    notes to show. Nothing is written unless the signature is made."""
    data = _read(request.pdf, lang)
    reader = open_pdf(data, request.pdf, lang)
    broken = integrity_problems(reader)
    if broken:
        raise UserError([message("sign_changed_after_signing", lang, path=request.pdf,
                                 fields=", ".join(broken))])
    existing = {str(e.field_name): e for e in reader.embedded_regular_signatures}
    if FIELDS[request.role] in existing:
        raise UserError([message(f"sign_already_{request.role}", lang, path=request.pdf)])
    signed_at = clock.now()
    check_certificate(key.certificate, signed_at, lang)
    pages = read_pages(data)
    if request.role == "attachment":
        placement = _attachment(request, pages, signed_at, lang)
    else:
        placement = _with_image(request, pages, reader, existing, lang)
    signed = _sign_bytes(data, request, key, placement, signed_at, lang)
    try:
        write_atomic(request.output, signed)
    except OSError as err:
        raise UserError([message("cannot_write", lang, path=request.output,
                                 reason=err.strerror or err)]) from None
    return placement.notes


def _read(path: Path, lang: Lang) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError([f"{path}: {message('file_missing', lang)}"]) from None
    except OSError as err:
        raise UserError([message("cannot_read", lang, path=path,
                                 reason=err.strerror or err)]) from None


def _with_image(request: Request, pages: list[Page], reader: Any, existing: dict[str, Any],
                lang: Lang) -> Placement:
    """The signer's image between position and name, or the seal over its left third."""
    assert request.image is not None
    try:
        picture = images.load_png(request.image)
    except OSError as err:
        raise UserError([message("cannot_read", lang, path=request.image,
                                 reason=err.strerror or err)]) from None
    except images.NotPng:
        raise UserError([message("sign_not_png", lang, path=request.image)]) from None
    notes = []
    if not picture.transparent:
        notes.append(message("sign_not_transparent", lang, path=request.image))
    wanted = "blue" if request.role == "signer" else "red"
    if picture.colour != wanted:
        key = "sign_signer_not_blue" if request.role == "signer" else "sign_seal_not_red"
        notes.append(message(key, lang, path=request.image))
    block = find_signer_block(pages)
    if request.role == "signer":
        if block is None:
            raise UserError([message("sign_no_signer_block", lang, path=request.pdf)])
        page, rect = block.page, place.signer_box(block, picture.size)
    else:
        signature = _signer_widget(reader, existing, block)
        if signature is None:
            raise UserError([message("sign_signer_first", lang, path=request.pdf)])
        page, rect = signature.page, place.seal_box(signature.rect, request.seal_mm, picture.size)
    scaled = images.scaled_for(picture.image, rect.width)
    return Placement(page, rect, appearance.image_style(scaled), notes=notes)


def _signer_widget(reader: Any, existing: dict[str, Any], block: Any) -> Widget | None:
    """The signer's signature the seal must cover: plangen's signer field, else a visible
    signature another tool put in the signer block's gap."""
    refs = _page_refs(reader)
    if FIELDS["signer"] in existing:
        return _widget(existing[FIELDS["signer"]].sig_field, refs)
    if block is None:
        return None
    for embedded in existing.values():
        widget = _widget(embedded.sig_field, refs)
        if (widget is not None and widget.page == block.page
                and widget.rect.overlaps_vertically(block.gap)):
            return widget
    return None


def _attachment(request: Request, pages: list[Page], signed_at: datetime,
                lang: Lang) -> Placement:
    """The number and time as text at the top right of the first page."""
    number = request.number or document_number(pages)
    if not number:
        raise UserError([message("sign_no_number", lang, path=request.pdf)])
    font = serif_font()
    if font is None:
        raise UserError([message("sign_no_font", lang)])
    notes = [] if font.is_times else [message("sign_font_substitute", lang, font=font.name)]
    info = appearance.attachment_text(number, signed_at)
    program = appearance.font_program(font, info)
    rect = place.attachment_box(pages[0], appearance.text_width(program, info))
    return Placement(0, rect, appearance.text_style(program), {"info": info}, notes)


def _sign_bytes(data: bytes, request: Request, key: Key, placement: Placement,
                signed_at: datetime, lang: Lang) -> bytes:
    """The signed document: ``data`` and one incremental update."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.general import SigningError
    from pyhanko.sign.timestamps import HTTPTimeStamper, TimestampRequestError

    name = FIELDS[request.role]
    metadata = signers.PdfSignatureMetadata(
        field_name=name, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
        name=subject_name(key.certificate), location="Việt Nam")
    spec = fields.SigFieldSpec(sig_field_name=name, on_page=placement.page,
                               box=placement.rect.as_tuple())  # type: ignore[arg-type]
    timestamper = HTTPTimeStamper(request.tsa, timeout=30) if request.tsa else None
    signer = _VietnamTimeSigner(metadata, key.signer, timestamper=timestamper,
                                stamp_style=placement.style, new_field_spec=spec)
    signer.signed_at = signed_at
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    output = io.BytesIO()
    try:
        signer.sign_pdf(writer, output=output, appearance_text_params=placement.text)
    except TimestampRequestError as err:
        raise UserError([message("sign_tsa_failed", lang, url=request.tsa, reason=err)]) from None
    except (SigningError, OSError) as err:
        if request.tsa and isinstance(err, OSError):
            raise UserError([message("sign_tsa_failed", lang, url=request.tsa,
                                     reason=err)]) from None
        raise UserError([message("sign_failed", lang, reason=err)]) from None
    finally:
        key.close()
    return output.getvalue()


class _VietnamTimeSigner(PdfSigner):
    """pyHanko's signer with the signing time (the /M entry and the CMS signing-time
    attribute) taken in Vietnam's time zone, not the computer's."""

    signed_at: datetime

    def init_signing_session(self, pdf_out: Any, existing_fields_only: bool = False) -> Any:
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self.signed_at
        return session
