"""The signer's key: a PKCS#12 file or a USB token through PKCS#11, and the checks on its
certificate that must pass before anything is signed.

Why the checks are ours: pyHanko signs with any key it is given; a signature made with an
expired certificate, or one not issued for signing, is worthless to the recipient, and
the văn thư should learn that before sending the file, in words she can act on.
Vietnamese CAs (VGCA, Viettel-CA, VNPT-CA, …) issue keys on tokens; a PKCS#12 file is
what a test CA or a software certificate gives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plangen.errors import UserError
from plangen.messages import Lang, message

if TYPE_CHECKING:
    from pyhanko.sign.signers import Signer

SIGNING_USAGES = {"digital_signature", "non_repudiation"}


@dataclass
class Key:
    """A ready signer and what must be released when signing is done."""

    signer: Signer
    close: Callable[[], None] = lambda: None

    @property
    def certificate(self) -> Any:
        """The signer's certificate (asn1crypto)."""
        return self.signer.signing_cert


def from_pkcs12(path: Path, passphrase: str, lang: Lang) -> Key:
    """The key and certificate in the PKCS#12 file ``path``."""
    from pyhanko.sign.signers import SimpleSigner

    try:
        data = path.read_bytes()
    except OSError as err:
        raise UserError([f"{path}: {message('unreadable', lang, reason=err.strerror)}"]) from None
    try:
        signer = SimpleSigner.load_pkcs12_data(data, (), passphrase.encode() or None)
    except ValueError:
        raise UserError([message("sign_p12_wrong", lang, path=path)]) from None
    return Key(signer)


def from_token(library: str, token_label: str | None, key_label: str | None, pin: str,
               lang: Lang) -> Key:
    """The key on a token, through the PKCS#11 library ``library``."""
    import pkcs11
    from pkcs11 import Attribute, ObjectClass, TokenFlag
    from pkcs11 import exceptions as p11
    from pyhanko.sign.pkcs11 import PKCS11Signer

    try:
        lib = pkcs11.lib(library)
        tokens = [slot.get_token() for slot in lib.get_slots(token_present=True)]
    except (RuntimeError, OSError) as err:
        raise UserError([message("sign_pkcs11_library", lang, path=library,
                                 reason=str(err) or type(err).__name__)]) from None
    ready = [t for t in tokens if t.flags & TokenFlag.TOKEN_INITIALIZED]
    chosen = [t for t in ready if token_label is None or t.label == token_label]
    if len(chosen) != 1:
        labels = ", ".join(t.label for t in ready) or "—"
        key = "sign_token_missing" if not chosen else "sign_token_ambiguous"
        raise UserError([message(key, lang, label=token_label or "", labels=labels)])
    try:
        session = chosen[0].open(user_pin=pin)
    except (p11.PinIncorrect, p11.PinInvalid, p11.PinLenRange):
        raise UserError([message("sign_pin_wrong", lang)]) from None
    except p11.PinLocked:
        raise UserError([message("sign_pin_locked", lang)]) from None
    keys: list[Any] = list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY,
                                     Attribute.SIGN: True}))
    matching = [k for k in keys if key_label is None or k.label == key_label]
    if len(matching) != 1:
        session.close()
        labels = ", ".join(k.label for k in keys) or "—"
        key = "sign_key_missing" if not matching else "sign_key_ambiguous"
        raise UserError([message(key, lang, labels=labels)])
    key_id = matching[0][Attribute.ID]
    signer = PKCS11Signer(session, key_id=key_id, cert_id=key_id)
    try:
        _load(signer)
    except p11.PKCS11Error as err:
        session.close()
        raise UserError([message("sign_token_no_certificate", lang, reason=str(err))]) from None
    return Key(signer, session.close)


def _load(signer: Any) -> None:
    """Read the certificate and key handle from the token now, so that a missing
    certificate is reported before the PDF is touched."""
    import asyncio

    asyncio.run(signer.ensure_objects_loaded())


def check_certificate(certificate: Any, now: datetime, lang: Lang) -> None:
    """Refuse a certificate that is expired, not yet valid, or not issued for signing."""
    not_before: datetime = certificate.not_valid_before
    not_after: datetime = certificate.not_valid_after
    if now > not_after:
        raise UserError([message("sign_cert_expired", lang, date=_day(not_after, now))])
    if now < not_before:
        raise UserError([message("sign_cert_not_yet", lang, date=_day(not_before, now))])
    usages = certificate.key_usage_value
    if usages is not None and not SIGNING_USAGES & set(usages.native):
        raise UserError([message("sign_cert_usage", lang)])


def _day(moment: datetime, now: datetime) -> str:
    """``moment`` as a Vietnamese reads it, in the signing time's zone."""
    return moment.astimezone(now.tzinfo).strftime("%d/%m/%Y %H:%M:%S")


def subject_name(certificate: Any) -> str:
    """Who the certificate names: its common name, else its whole subject."""
    subject = certificate.subject.native
    return str(subject.get("common_name") or certificate.subject.human_friendly)

