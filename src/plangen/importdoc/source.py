"""The file a user asks to import, opened within bounds: a DOCX read as it is; a .doc,
.odt or .rtf made a DOCX by LibreOffice; anything else refused with what it is.

Why: offices keep Word 97–2003 files and OpenDocument files beside their DOCX, and a
file sent by e-mail may be a PDF renamed, an empty file or a hostile one (a zip bomb, a
part of hundreds of megabytes). Each is told apart by its first bytes, not its name, and
every part is measured before it is read, so that an import ends within seconds and a
gigabyte, or says why it will not.
"""

from __future__ import annotations

import io
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from plangen.errors import UserError
from plangen.messages import Lang, message

MAX_FILE_BYTES = 100_000_000
"""A Word file of a plan is some kilobytes, with pictures some megabytes."""
MAX_XML_BYTES = 16_000_000
"""The largest part read (document.xml): a 200-page plan typed in Word is 2–4 MB."""
MAX_PARAGRAPHS = 20_000
"""More paragraphs than a 600-page document has."""
CONVERT_SECONDS = 60
READ_PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml",
              "word/footnotes.xml", "word/theme/theme1.xml", "docProps/core.xml",
              "word/_rels/document.xml.rels", "word/comments.xml")
CONVERTED = {"doc": "Word 97–2003 (.doc)", "odt": "OpenDocument (.odt)", "rtf": "RTF (.rtf)"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          load_dtd=False)


@dataclass(frozen=True)
class Opened:
    """The DOCX bytes to read, and what they were made from ("docx", "doc", "odt",
    "rtf")."""

    data: bytes
    made_from: str


def file_format(data: bytes, name: str) -> str:
    """What the bytes are, by their first bytes: "docx", "doc", "odt", "rtf", "pdf",
    "empty", or "unknown"."""
    if not data.strip():
        return "empty"
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        # A Word 97–2003 file and a password-protected DOCX are both OLE containers.
        return "doc" if b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t" in data \
            else "encrypted"
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                names = set(package.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "mimetype" in names and package.getinfo("mimetype").file_size < 100 and \
                        package.read("mimetype").startswith(
                            b"application/vnd.oasis.opendocument.text"):
                    return "odt"
        except (zipfile.BadZipFile, OSError, KeyError):
            return "unknown"
    return "unknown"


def open_source(path: Path, lang: Lang) -> Opened:
    """The DOCX to import from ``path``; raises :class:`UserError` with the reason when it
    is missing, empty, too large, not a document, or cannot be converted."""
    if not path.exists():
        raise UserError([message("import_missing", lang, path=path)])
    if path.is_dir():
        raise UserError([message("import_unreadable", lang, path=path)])
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UserError([message("import_too_large", lang, path=path,
                                 what=f"{size:,} byte".replace(",", "."),
                                 limit=f"{MAX_FILE_BYTES:,}".replace(",", "."))])
    try:
        data = path.read_bytes()
    except OSError as err:
        raise UserError([message("cannot_read", lang, path=path,
                                 reason=err.strerror or err)]) from None
    kind = file_format(data, path.name)
    if kind == "docx":
        check_parts(data, path, lang)
        return Opened(data, "docx")
    if kind in CONVERTED:
        return Opened(_converted(path, kind, lang), kind)
    code = {"empty": "import_empty", "pdf": "import_pdf",
            "encrypted": "import_encrypted"}.get(kind, "import_unreadable")
    raise UserError([message(code, lang, path=path)])


def check_parts(data: bytes, path: Path, lang: Lang) -> None:
    """Refuse a DOCX whose parts would take too long or too much memory to read: a part
    of more than :data:`MAX_XML_BYTES` once unpacked (a zip bomb declares its size too),
    or XML with a document type (where entities hide)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for info in package.infolist():
            if info.filename not in READ_PARTS:
                continue  # pictures and fonts are never unpacked
            if info.file_size > MAX_XML_BYTES:
                raise UserError([message(
                    "import_too_large", lang, path=path,
                    what=f"{info.filename}: {info.file_size:,} byte".replace(",", "."),
                    limit=f"{MAX_XML_BYTES:,}".replace(",", "."))])
            with package.open(info) as part:
                head = part.read(4096)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise UserError([message("import_doctype", lang, path=path,
                                         part=info.filename)])
            if info.filename == "word/document.xml":
                _count_paragraphs(package.read(info), path, lang)


def _count_paragraphs(xml: bytes, path: Path, lang: Lang) -> None:
    """Refuse, before parsing it, a document of more paragraphs than any plan has."""
    count = xml.count(b"<w:p>") + xml.count(b"<w:p ")
    if count > MAX_PARAGRAPHS:
        raise UserError([message("import_too_large", lang, path=path,
                                 what=message("import_paragraphs", lang, count=count),
                                 limit=message("import_paragraphs", lang,
                                               count=MAX_PARAGRAPHS))])


def _converted(path: Path, kind: str, lang: Lang) -> bytes:
    """``path`` made a DOCX by LibreOffice (``PLANGEN_SOFFICE`` or the one installed), or
    a message naming the format and how to convert it by hand."""
    from plangen.pipeline.pdf import soffice

    program = soffice()
    if program is None:
        raise UserError([message("import_needs_libreoffice", lang, path=path,
                                 what=CONVERTED[kind])])
    with tempfile.TemporaryDirectory(prefix="plangen-import-") as work:
        source = Path(work) / f"source.{kind}"
        source.write_bytes(path.read_bytes())
        try:
            done = subprocess.run(
                [program, f"-env:UserInstallation={(Path(work) / 'profile').as_uri()}",
                 "--headless", "--norestore", "--nolockcheck", "--convert-to",
                 "docx:MS Word 2007 XML", "--outdir", str(Path(work) / "out"), str(source)],
                capture_output=True, text=True, timeout=CONVERT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as err:
            raise UserError([message("import_convert_failed", lang, path=path,
                                     what=CONVERTED[kind], reason=str(err)[:200])]) from None
        converted = Path(work) / "out" / "source.docx"
        if not converted.is_file():
            said = (done.stderr or done.stdout).strip()[-200:] or f"exit {done.returncode}"
            raise UserError([message("import_convert_failed", lang, path=path,
                                     what=CONVERTED[kind], reason=said)])
        data = converted.read_bytes()
    check_parts(data, path, lang)
    return data


def footnote_texts(data: bytes) -> dict[str, str]:
    """The text of each footnote of a DOCX, by its id (separators left out)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "word/footnotes.xml" not in package.namelist():
            return {}
        root = etree.fromstring(package.read("word/footnotes.xml"), _PARSER)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    notes = {}
    for note in root.iter(f"{w}footnote"):
        if note.get(f"{w}type") in ("separator", "continuationSeparator",
                                    "continuationNotice"):
            continue
        text = " ".join("".join(t.text or "" for t in p.iter(f"{w}t"))
                        for p in note.iter(f"{w}p"))
        notes[note.get(f"{w}id") or ""] = " ".join(text.split())
    return notes


def drawings(data: bytes) -> int:
    """How many pictures or shapes the document has (not imported: said so)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml")
    return xml.count(b"<w:drawing") + xml.count(b"<w:pict")
