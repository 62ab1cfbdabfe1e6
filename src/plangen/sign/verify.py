"""What ``plangen verify`` reports of each signature in a PDF: who signed and when,
whether the document is intact since, whether the chain reaches a root the user trusts,
and whether the signature's place and look follow NĐ30.

Why its own reading of places: pyHanko validates the cryptography and the changes made
after each signature; only plangen knows where NĐ30 puts each signature, and it checks
them against the same text positions it signs by (``locate``, ``place``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from plangen.errors import UserError
from plangen.messages import Lang, message
from plangen.sign import clock, images, place
from plangen.sign.geometry import Rect
from plangen.sign.locate import Page, find_signer_block, read_pages
from plangen.sign.pkcs import SIGNING_USAGES, subject_name
from plangen.sign.roles import Role, role_of

# Changes after a signature that keep it valid: none, signatures and their timestamps
# and validation data, form filling (which is what a second signature is).
ACCEPTED_CHANGES = ("NONE", "LTA_UPDATES", "FORM_FILLING")


@dataclass(frozen=True)
class Widget:
    """Where a signature shows: its page (from 0) and rectangle; ``None`` when hidden."""

    page: int
    rect: Rect


@dataclass
class Signature:
    """One signature's verdict."""

    field_name: str
    role: Role | None
    subject: str
    signed_at: datetime | None
    timestamped: bool
    intact: bool
    changed_after: bool
    trusted: bool | None  # None: no trust roots were given
    widget: Widget | None
    findings: list[str] = field(default_factory=list)  # place and look, message keys

    @property
    def broken(self) -> bool:
        return not self.intact or self.changed_after or self.trusted is False


def open_pdf(data: bytes, path: Path, lang: Lang) -> Any:
    """A pyHanko reader of ``data``; refuses what is not a PDF, or is encrypted."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    if not data.lstrip()[:5].startswith(b"%PDF-"):
        raise UserError([message("sign_not_pdf", lang, path=path)])
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        encrypted = reader.encrypted
    except (PdfReadError, ValueError, KeyError) as err:
        raise UserError([message("sign_not_pdf", lang, path=path) + f" ({err})"]) from None
    if encrypted:
        raise UserError([message("sign_encrypted", lang, path=path)])
    return reader


def verify(data: bytes, path: Path, roots: Sequence[Path], lang: Lang) -> list[Signature]:
    """Every signature of the PDF ``data``, in the order they were made."""
    from pyhanko.sign.validation import validate_pdf_signature

    reader = open_pdf(data, path, lang)
    context = _context(roots, lang)
    pages = read_pages(data)
    refs = _page_refs(reader)
    found = []
    for embedded in reader.embedded_regular_signatures:
        status = validate_pdf_signature(embedded, context, key_usage_settings=_usages())
        found.append(_signature(embedded, status, refs, trusting=bool(roots)))
    by_role = {s.role: s for s in found if s.role}
    for signature in found:
        signature.findings = _findings(signature, by_role, pages, embedded_of(reader, signature))
    return found


def integrity_problems(reader: Any) -> list[str]:
    """The fields whose signature is broken or was followed by other changes (no trust
    check: used before signing, where only the document's state matters)."""
    from pyhanko.sign.validation import validate_pdf_signature

    context = _context((), "vi")
    broken = []
    for embedded in reader.embedded_regular_signatures:
        status = validate_pdf_signature(embedded, context, key_usage_settings=_usages())
        if not (status.intact and status.valid) or _changed(status):
            broken.append(str(embedded.field_name))
    return broken


def embedded_of(reader: Any, signature: Signature) -> Any:
    return next(e for e in reader.embedded_regular_signatures
                if e.field_name == signature.field_name)


def _context(roots: Sequence[Path], lang: Lang) -> Any:
    """Validation against the user's roots only: nothing fetched from the network, the
    computer's own trust store never consulted."""
    from asn1crypto import pem, x509
    from pyhanko_certvalidator import ValidationContext

    certificates = []
    for root in roots:
        try:
            data = root.read_bytes()
            if pem.detect(data):
                _type, _headers, data = pem.unarmor(data)
            certificates.append(x509.Certificate.load(data))
            certificates[-1].native  # noqa: B018 - parse now: a bad file fails here
        except (OSError, ValueError) as err:
            raise UserError([message("verify_bad_root", lang, path=root, reason=err)]) from None
    return ValidationContext(trust_roots=certificates, allow_fetching=False,
                             revocation_mode="soft-fail")


def _usages() -> Any:
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    return KeyUsageConstraints(key_usage=set(SIGNING_USAGES), match_all_key_usages=False)


def _changed(status: Any) -> bool:
    level = status.modification_level
    return level is None or level.name not in ACCEPTED_CHANGES or status.docmdp_ok is False


def _signature(embedded: Any, status: Any, refs: dict[int, int], trusting: bool) -> Signature:
    reported = status.signer_reported_dt
    timestamp = status.timestamp_validity
    signed_at = timestamp.timestamp if timestamp is not None else reported
    return Signature(
        field_name=str(embedded.field_name), role=role_of(str(embedded.field_name)),
        subject=subject_name(embedded.signer_cert),
        signed_at=signed_at.astimezone(clock.VIETNAM) if signed_at else None,
        timestamped=timestamp is not None and timestamp.intact and timestamp.valid,
        intact=bool(status.intact and status.valid), changed_after=_changed(status),
        trusted=bool(status.trusted) if trusting else None,
        widget=_widget(embedded.sig_field, refs))


def _page_refs(reader: Any) -> dict[int, int]:
    """The object number of each page, to its index."""
    count = int(reader.root["/Pages"]["/Count"])
    refs = {}
    for index in range(count):
        ref, _resources = reader.find_page_for_modification(index)
        refs[ref.idnum] = index
    return refs


def _widget(sig_field: Any, refs: dict[int, int]) -> Widget | None:
    """The signature's rectangle and page, when it shows (a field merged with its widget,
    as pyHanko and most tools make them, or its first kid)."""
    widget = sig_field
    if "/Rect" not in widget and "/Kids" in widget:
        widget = widget["/Kids"][0].get_object()
    if "/Rect" not in widget or "/P" not in widget:
        return None
    x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
    rect = Rect(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    page = refs.get(widget.raw_get("/P").idnum)
    if page is None or rect.width <= 0 or rect.height <= 0:
        return None
    return Widget(page, rect)


def _findings(signature: Signature, by_role: dict[Role, Signature], pages: list[Page],
              embedded: Any) -> list[str]:
    """Place and look, as NĐ30 describes them for the signature's role."""
    if signature.role is None:
        return ["place_unknown_role"]
    if signature.widget is None:
        return ["place_hidden"]
    rect, page = signature.widget.rect, signature.widget.page
    found: list[str] = []
    if signature.role == "signer":
        block = find_signer_block(pages)
        if block is None or block.page != page:
            found.append("place_signer_no_block")
        else:
            found += place.signer_problems(rect, block)
    elif signature.role == "organisation":
        signer = by_role.get("signer")
        signer_rect = signer.widget.rect if signer and signer.widget else None
        same_page = signer is not None and signer.widget is not None and (
            signer.widget.page == page)
        found += place.seal_problems(rect, signer_rect if same_page else None)
    else:
        found += place.attachment_problems(rect, page, pages[page])
    found += _look(signature.role, embedded.sig_field)
    return found


def _look(role: Role, sig_field: Any) -> list[str]:
    """The appearance's image: present and transparent, blue for the signer and red for
    the seal; no image on an attachment."""
    picture = _appearance_image(sig_field)
    if role == "attachment":
        return ["look_attachment_image"] if picture is not None else []
    if picture is None:
        return ["look_no_image"]
    found = []
    if not images.has_transparency(picture):
        found.append("look_not_transparent")
    wanted = "blue" if role == "signer" else "red"
    if images.dominant_colour(picture) != wanted:
        found.append("look_signer_not_blue" if role == "signer" else "look_seal_not_red")
    return found


def _appearance_image(sig_field: Any) -> Any:
    """The first image drawn by the signature's normal appearance, as a Pillow image."""
    try:
        stream = sig_field["/AP"]["/N"]
    except KeyError:
        return None
    return _first_image(stream, depth=0)


def _first_image(xobject: Any, depth: int) -> Any:
    if depth > 4:
        return None
    try:
        children = xobject["/Resources"]["/XObject"]
    except KeyError:
        return None
    for name in children:
        child = children[name]
        if child.get("/Subtype") == "/Image":
            return images.from_pdf(child)
        found = _first_image(child, depth + 1)
        if found is not None:
            return found
    return None

