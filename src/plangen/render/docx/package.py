"""A DOCX as bytes: the one zip writer every document goes through.

Why: the same document must give the same bytes (CI compares builds, the manifest records
hashes), so every entry gets the zip format's fixed time and attributes and the entries a
fixed order. python-docx's documents and the Word templates filled string by string
(``render/annex/engine.py``) are both written here, never by a zip writer of their own.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.oxml import CT_Types, serialize_part_xml
from docx.opc.packuri import PACKAGE_URI
from docx.opc.spec import default_content_types

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's epoch; Word writes the same
CONTENT_TYPES = "[Content_Types].xml"
COMPRESS_LEVEL = 6


def docx_bytes(document: Any) -> bytes:
    """The bytes of a python-docx ``document``, identical for identical content.

    Each part is serialised and compressed once, straight into the final zip: saving with
    python-docx and then rewriting its zip with fixed times compressed everything twice."""
    package = document.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    entries = {CONTENT_TYPES: _content_types(parts),
               PACKAGE_URI.rels_uri.membername: package.rels.xml}
    for part in parts:
        entries[part.partname.membername] = part.blob
        if len(part.rels):
            entries[part.partname.rels_uri.membername] = part.rels.xml
    return zip_entries(entries)


def _content_types(parts: list[Any]) -> bytes:
    """``[Content_Types].xml`` as python-docx writes it: a Default for each extension the
    OPC specification maps, an Override for every other part, each sorted."""
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides = {}
    for part in parts:
        ext = part.partname.ext
        if (ext.lower(), part.content_type) in default_content_types:
            defaults[ext] = part.content_type
        else:
            overrides[str(part.partname)] = part.content_type
    types = CT_Types.new()  # type: ignore[no-untyped-call]
    for ext in sorted(defaults):
        types.add_default(ext, defaults[ext])
    for name in sorted(overrides):
        types.add_override(name, overrides[name])
    return serialize_part_xml(types)


def zip_entries(entries: Mapping[str, bytes]) -> bytes:
    """A zip of ``entries`` with fixed entry times and attributes, ``[Content_Types].xml``
    first and the others sorted by name: the same entries give the same bytes."""
    ordered = [n for n in entries if n == CONTENT_TYPES] + sorted(
        n for n in entries if n != CONTENT_TYPES)
    return append_entries(b"", {name: entries[name] for name in ordered})


def append_entries(prefix: bytes, entries: Mapping[str, bytes]) -> bytes:
    """The zip ``prefix`` (empty: a new zip) with ``entries`` added in the order given:
    a form filled from a template adds its own parts to the parts it shares with every
    other form, compressed once."""
    out = io.BytesIO(prefix)
    with zipfile.ZipFile(out, "a" if prefix else "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            package.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED,
                             compresslevel=COMPRESS_LEVEL)
    return out.getvalue()


def body_size(data: bytes) -> int:
    """The uncompressed size of a DOCX's ``word/document.xml``, from the zip's directory."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.getinfo("word/document.xml").file_size
