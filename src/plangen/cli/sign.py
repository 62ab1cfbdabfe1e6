"""``plangen sign FILE.pdf``: sign where NĐ30 says, with a PKCS#12 file or a USB token."""

from __future__ import annotations

import argparse
import getpass
import importlib.util
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from plangen.cli.common import EXIT_OK, EXIT_USAGE
from plangen.errors import UserError
from plangen.messages import Lang, message

if TYPE_CHECKING:
    from plangen.cli.common import Commands
    from plangen.sign.pkcs import Key
    from plangen.sign.roles import Role

PASSWORD_VARIABLE = "PLANGEN_P12_PASSWORD"
PIN_VARIABLE = "PLANGEN_PIN"


def add_parser(commands: Commands, common: argparse.ArgumentParser,
               ) -> argparse.ArgumentParser:
    sign = commands.add_parser(
        "sign", parents=[common],
        help="sign a PDF where Nghị định 30 puts the signature (signer, office seal, attachment)")
    sign.add_argument("pdf", type=Path, metavar="FILE.pdf")
    key = sign.add_mutually_exclusive_group(required=True)
    key.add_argument("--p12", type=Path, metavar="KEY.p12",
                     help=f"PKCS#12 key file (passphrase from {PASSWORD_VARIABLE} or a prompt)")
    key.add_argument("--pkcs11", metavar="LIB.so",
                     help=f"PKCS#11 library of a USB token (PIN from {PIN_VARIABLE} or a prompt)")
    sign.add_argument("--token", metavar="LABEL", help="the token's label (several tokens)")
    sign.add_argument("--key-label", metavar="LABEL", help="the key's label (several keys)")
    sign.add_argument("--image", type=Path, metavar="IMAGE.png",
                      help="transparent PNG: the signature (blue) or, with --organisation, "
                           "the seal (red)")
    sign.add_argument("--organisation", action="store_true",
                      help="the office's signature (văn thư): the seal, or an attachment")
    sign.add_argument("--attachment", action="store_true",
                      help="with --organisation: a Phụ lục in its own file, signed at the "
                           "top right of page 1 without image")
    sign.add_argument("--seal-mm", type=float, default=36.0, metavar="MM",
                      help="the seal's real width in mm (default 36)")
    sign.add_argument("--number", metavar="SỐ/KÝ-HIỆU",
                      help="with --attachment: the document's Số và ký hiệu (default: read "
                           "from the PDF)")
    sign.add_argument("--tsa", metavar="URL", help="time-stamping authority (PAdES B-T)")
    sign.add_argument("-o", "--output", type=Path, metavar="OUT.pdf",
                      help="write the signed PDF here (default: replace FILE.pdf)")
    return sign


def run(args: argparse.Namespace, lang: Lang) -> int:
    from plangen.sign import EXTRA

    if any(importlib.util.find_spec(name) is None for name in EXTRA):
        raise UserError([message("sign_needs_extra", lang)])
    role = _role(args, lang)
    if role is None:
        return EXIT_USAGE
    from plangen.sign.apply import Request, sign

    request = Request(pdf=args.pdf, output=args.output or args.pdf, role=role,
                      image=args.image, seal_mm=args.seal_mm, number=args.number, tsa=args.tsa)
    if not args.pdf.is_file():
        raise UserError([f"{args.pdf}: {message('file_missing', lang)}"])
    notes = sign(request, _key(args, lang), lang)
    for note in notes:
        print(note, file=sys.stderr)
    print(message(f"signed_{role}", lang, path=request.output))
    return EXIT_OK


def _role(args: argparse.Namespace, lang: Lang) -> Role | None:
    """Which of NĐ30's signatures the options ask for; ``None`` (after saying why) when
    they do not fit together."""
    problem = None
    if args.attachment and not args.organisation:
        problem = "sign_attachment_needs_organisation"
    elif args.attachment and args.image:
        problem = "sign_attachment_no_image"
    elif not args.attachment and args.image is None:
        problem = "sign_image_needed"
    elif args.seal_mm <= 0:
        problem = "sign_seal_size"
    if problem:
        print(f"plangen sign: {message(problem, lang)}", file=sys.stderr)
        return None
    if args.attachment:
        return "attachment"
    return "organisation" if args.organisation else "signer"


def _key(args: argparse.Namespace, lang: Lang) -> Key:
    """The key the options name, unlocked with the secret from the environment or typed
    at a prompt that does not echo."""
    from plangen.sign.pkcs import from_pkcs12, from_token

    if args.p12 is not None:
        if not args.p12.is_file():
            raise UserError([f"{args.p12}: {message('file_missing', lang)}"])
        secret = _secret(PASSWORD_VARIABLE, message("prompt_password", lang, path=args.p12),
                         lang)
        return from_pkcs12(args.p12, secret, lang)
    secret = _secret(PIN_VARIABLE, message("prompt_pin", lang), lang)
    return from_token(args.pkcs11, args.token, args.key_label, secret, lang)


def _secret(variable: str, prompt: str, lang: Lang) -> str:
    value = os.environ.get(variable)
    if value is not None:
        return value
    if not sys.stdin.isatty():  # CI, a pipe: no one to type it, and no echo to turn off
        raise UserError([message("sign_no_secret", lang, variable=variable)])
    return getpass.getpass(prompt)
