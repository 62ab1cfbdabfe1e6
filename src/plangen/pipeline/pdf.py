"""PDF copies for signing tools, made by LibreOffice in one headless run.

Why: signing tools want PDF with the fonts inside. One soffice process converts the whole
batch (starting LibreOffice costs seconds), with its own profile folder so it neither
touches nor waits for a LibreOffice the user has open, and a time limit so a stuck
converter cannot hang CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from plangen.errors import UserError
from plangen.messages import Lang, message
from plangen.pipeline.save import write_atomic

TIMEOUT_SECONDS = 300


def soffice() -> str | None:
    """The LibreOffice program: ``PLANGEN_SOFFICE`` when set, else ``soffice`` or
    ``libreoffice`` on PATH, else where LibreOffice's installer puts it (on Windows it does
    not add itself to PATH)."""
    chosen = os.environ.get("PLANGEN_SOFFICE")
    if chosen:
        return chosen if Path(chosen).is_file() else None
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((str(p) for p in default_installs() if p.is_file()), None)


def default_installs() -> list[Path]:
    """Where LibreOffice's own installers put the program, on this platform."""
    if sys.platform == "win32":
        roots = [os.environ.get(name) for name in ("ProgramFiles", "ProgramFiles(x86)")]
        return [Path(root, "LibreOffice", "program", "soffice.exe") for root in roots if root]
    if sys.platform == "darwin":
        return [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")]
    return [Path("/usr/bin/soffice"), Path("/opt/libreoffice/program/soffice")]


def convert_to_pdf(docx_files: Sequence[Path], lang: Lang = "vi") -> list[Path]:
    """A PDF beside each DOCX; raises :class:`UserError` when LibreOffice is missing or fails."""
    program = soffice()
    if program is None:
        raise UserError([message("no_libreoffice", lang)])
    if not docx_files:
        return []
    with tempfile.TemporaryDirectory(prefix="plangen-pdf-") as work:
        profile = Path(work) / "profile"
        command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                   "--norestore", "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export",
                   "--outdir", work, *map(str, docx_files)]
        try:
            done = subprocess.run(command, capture_output=True, text=True,
                                  timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise UserError([message("pdf_failed", lang,
                                     reason=f"> {TIMEOUT_SECONDS} s")]) from None
        written = []
        for docx_file in docx_files:
            produced = Path(work) / f"{docx_file.stem}.pdf"
            if not produced.is_file():
                reason = (done.stderr or done.stdout).strip()[-300:] or f"exit {done.returncode}"
                raise UserError([message("pdf_failed", lang, reason=reason)])
            target = docx_file.with_suffix(".pdf")
            write_atomic(target, produced.read_bytes())
            written.append(target)
    return written
