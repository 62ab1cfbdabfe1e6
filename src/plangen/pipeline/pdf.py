"""PDF/A copies for signing tools and archives, made by LibreOffice in one headless run.

Why: signing tools want PDF with the fonts inside, and Vietnamese archives keep PDF/A
(TCVN 14159-1:2024 adopts PDF/A-1; plangen writes PDF/A-2b unless told otherwise). One
soffice process converts the whole batch (starting LibreOffice costs seconds), with its
own profile folder so it neither touches nor waits for a LibreOffice the user has open,
fonts from ``PLANGEN_FONTS`` in that profile, and a time limit so a stuck converter cannot
hang CI. ``pdfa.finish`` then makes each file the same for the same document.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

from plangen.errors import UserError
from plangen.messages import Lang, message

TIMEOUT_SECONDS = 300
FILES_PER_RUN = 200  # a Windows command line holds 32,767 characters
PDFA_PARTS = (1, 2, 3)
DEFAULT_PDFA = 2
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
_CREATED = "{http://purl.org/dc/terms/}created"


@dataclass(frozen=True)
class PdfOptions:
    """What a build's PDFs are: the PDF/A part (conformance level b), and the moment their
    dates give when ``SOURCE_DATE_EPOCH`` is set (else each document's own date)."""

    part: int = DEFAULT_PDFA
    epoch: datetime | None = None


def options_from_environment(part: int, lang: Lang = "vi") -> PdfOptions:
    """The options of a build asking for PDF/A-``part``, with ``SOURCE_DATE_EPOCH`` read
    (reproducible-builds.org: seconds since 1970 UTC); a value that is no such number is
    refused rather than ignored."""
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or raw == "":
        return PdfOptions(part)
    try:
        return PdfOptions(part, datetime.fromtimestamp(int(raw), UTC))
    except (ValueError, OverflowError, OSError):
        raise UserError([message("bad_source_date_epoch", lang, value=raw)]) from None


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


def program_or_error(lang: Lang) -> str:
    """The LibreOffice program, or a :class:`UserError` that says what is wrong: a
    ``PLANGEN_SOFFICE`` naming no file, or no LibreOffice at all."""
    chosen = os.environ.get("PLANGEN_SOFFICE")
    if chosen and not Path(chosen).is_file():
        raise UserError([message("soffice_not_found", lang, path=chosen)])
    program = soffice()
    if program is None:
        raise UserError([message("no_libreoffice", lang)])
    return program


def font_files(lang: Lang) -> list[Path]:
    """The font files of the folder ``PLANGEN_FONTS`` names (none when it is not set): a
    machine without Times New Roman installed gets it from there."""
    folder = os.environ.get("PLANGEN_FONTS")
    if not folder:
        return []
    if not Path(folder).is_dir():
        raise UserError([message("fonts_folder_missing", lang, path=folder)])
    files = sorted(p for p in Path(folder).iterdir()
                   if p.is_file() and p.suffix.lower() in FONT_SUFFIXES)
    if not files:
        raise UserError([message("fonts_folder_empty", lang, path=folder,
                                 kinds=", ".join(FONT_SUFFIXES))])
    return files


def filter_options(part: int) -> str:
    """LibreOffice's PDF export options: PDF/A-``part`` (conformance b), tagged."""
    return json.dumps({"SelectPdfVersion": {"type": "long", "value": str(part)},
                       "UseTaggedPDF": {"type": "boolean", "value": "true"}},
                      separators=(",", ":"))


def convert(docx_files: Sequence[Path], part: int, lang: Lang = "vi") -> Iterator[bytes]:
    """LibreOffice's PDF/A of each DOCX, in order, one at a time; raises
    :class:`UserError` when LibreOffice is missing or fails.

    LibreOffice converts :data:`FILES_PER_RUN` files a run (a command line's length is
    bounded), and their PDFs are given before the next run, so that a province's ten
    thousand forms are never all held at once. Each file is handed to LibreOffice under a
    name made of a hash of its bytes: files of several plans with one name
    (``ke-hoach.docx``) do not collide, and a document converts the same whatever else is
    in the batch."""
    program = program_or_error(lang)
    fonts = font_files(lang)
    with tempfile.TemporaryDirectory(prefix="plangen-pdf-") as work:
        profile = Path(work) / "profile"
        _install_fonts(profile, fonts)
        for start in range(0, len(docx_files), FILES_PER_RUN):
            batch = docx_files[start:start + FILES_PER_RUN]
            yield from _convert_batch(program, profile, Path(work) / str(start), batch,
                                      part, lang)


def _convert_batch(program: str, profile: Path, folder: Path, docx_files: Sequence[Path],
                   part: int, lang: Lang) -> Iterator[bytes]:
    """One LibreOffice run over ``docx_files``, copied into ``folder`` under hashed names;
    their PDFs in order (the folder removed once they are read)."""
    inputs, outdir = folder / "in", folder / "out"
    inputs.mkdir(parents=True)
    names = []
    for docx in docx_files:
        data = docx.read_bytes()
        name = f"{hashlib.sha256(data).hexdigest()[:24]}"
        (inputs / f"{name}.docx").write_bytes(data)
        names.append(name)
    done = _run([program, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                 "--norestore", "--nolockcheck", "--convert-to",
                 f"pdf:writer_pdf_Export:{filter_options(part)}", "--outdir", str(outdir),
                 *(str(inputs / f"{n}.docx") for n in dict.fromkeys(names))], lang)
    for docx, name in zip(docx_files, names, strict=True):
        pdf = outdir / f"{name}.pdf"
        if not pdf.is_file():
            said = (done.stderr or done.stdout).strip()[-300:] or f"exit {done.returncode}"
            raise UserError([message("pdf_failed", lang, file=docx.name, reason=said)])
        yield pdf.read_bytes()
    shutil.rmtree(folder, ignore_errors=True)


def _install_fonts(profile: Path, fonts: list[Path]) -> None:
    """LibreOffice reads the fonts of its profile's ``user/fonts`` folder as installed."""
    if fonts:
        target = profile / "user" / "fonts"
        target.mkdir(parents=True)
        for font in fonts:
            shutil.copyfile(font, target / font.name)


def _run(command: list[str], lang: Lang) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(command, capture_output=True, text=True,
                              timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise UserError([message("pdf_failed", lang, file="…",
                                 reason=f"> {TIMEOUT_SECONDS} s")]) from None
    except OSError as err:  # e.g. PLANGEN_SOFFICE names a file that is no program
        raise UserError([message("pdf_failed", lang, file="…",
                                 reason=f"{command[0]}: {err.strerror or err}")]) from None


def own_date(docx: Path) -> datetime | None:
    """The creation date a DOCX's core properties give (plangen writes the document's date
    of issue there, and none while the văn thư has yet to date it)."""
    with zipfile.ZipFile(docx) as package:
        try:
            core = etree.fromstring(package.read("docProps/core.xml"))
        except KeyError:
            return None
    created = core.find(_CREATED)
    if created is None or not (created.text or "").strip():
        return None
    try:
        return datetime.fromisoformat(created.text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
