"""``plangen verify FILE.pdf``: every signature, its integrity and chain, and whether it
sits and looks as NĐ30 says. Exit 1 when a signature is broken, the file was changed
after signing, or a chain does not reach a root given with ``--trust``."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from plangen.cli.common import EXIT_INVALID, EXIT_OK
from plangen.errors import UserError
from plangen.messages import Lang, message

if TYPE_CHECKING:
    from plangen.cli.common import Commands
    from plangen.sign.verify import Signature


def add_parser(commands: Commands, common: argparse.ArgumentParser,
               ) -> argparse.ArgumentParser:
    verify = commands.add_parser("verify", parents=[common],
                                 help="check the signatures of a PDF and their NĐ30 places")
    verify.add_argument("pdf", type=Path, metavar="FILE.pdf")
    verify.add_argument("--trust", type=Path, action="append", default=[], metavar="ROOT.pem",
                        help="a root certificate to trust (PEM or DER); repeat for several")
    return verify


def run(args: argparse.Namespace, lang: Lang) -> int:
    from plangen.sign import EXTRA

    if any(importlib.util.find_spec(name) is None for name in EXTRA):
        raise UserError([message("sign_needs_extra", lang)])
    from plangen.sign.verify import verify

    if not args.pdf.is_file():
        raise UserError([f"{args.pdf}: {message('file_missing', lang)}"])
    signatures = verify(args.pdf.read_bytes(), args.pdf, args.trust, lang)
    if not signatures:
        print(message("verify_none", lang, path=args.pdf))
        return EXIT_INVALID
    for number, signature in enumerate(signatures, start=1):
        for line in report_lines(number, signature, lang):
            print(line)
    return EXIT_INVALID if any(s.broken for s in signatures) else EXIT_OK


def report_lines(number: int, signature: Signature, lang: Lang) -> list[str]:
    """What ``verify`` prints about one signature: a heading, then one fact a line."""
    from plangen.sign import clock

    role = message(f"role_{signature.role or 'other'}", lang)
    lines = [message("verify_heading", lang, number=number, role=role,
                     field=signature.field_name)]
    lines.append("  " + message("verify_subject", lang, subject=signature.subject))
    when = clock.iso(signature.signed_at) if signature.signed_at else "—"
    key = "verify_time_stamped" if signature.timestamped else "verify_time_claimed"
    lines.append("  " + message(key, lang, time=when))
    if not signature.intact:
        lines.append("  " + message("verify_broken", lang))
    elif signature.changed_after:
        lines.append("  " + message("verify_changed", lang))
    else:
        lines.append("  " + message("verify_intact", lang))
    trust = {None: "verify_trust_unchecked", True: "verify_trusted",
             False: "verify_untrusted"}[signature.trusted]
    lines.append("  " + message(trust, lang))
    if signature.findings:
        lines += ["  " + message(finding, lang) for finding in signature.findings]
    else:
        lines.append("  " + message("verify_place_ok", lang))
    return lines
