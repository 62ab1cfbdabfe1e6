"""Saving: the same document gives the same bytes, and a file is never half-written.

Why: the IT teacher compares builds in CI and the văn thư signs what was built, so a DOCX
must depend only on the plan (zip entry times fixed, entries in a fixed order, core
properties from the plan) and must appear whole or not at all (written to a temporary
file in the same folder, then renamed over the target in one step).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all.

    The bytes go to a temporary file beside ``path``, are flushed to disk, and the file is
    renamed over ``path``; an interruption leaves the old file (or none), never a part.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                         dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The mode a new file gets from the umask (a temporary file is private, 0600), or the
    mode of the file it replaces."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def move_into_place(staging: Path, out_dir: Path, names: list[str]) -> None:
    """Move the staged files ``names`` over their places in ``out_dir``.

    The staged bytes are flushed to disk once, then each file is renamed over its target
    in one step (staging and output share a file system): a file in ``out_dir`` is always
    a whole old one or a whole new one.
    """
    _flush(staging, names)
    for name in names:
        target = out_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        source = staging / name
        os.chmod(source, _mode_for(target))
        try:
            os.replace(source, target)
        except PermissionError:  # opened in Word after the build looked (``is_locked``)
            raise FileLocked([target]) from None


def _flush(staging: Path, names: list[str]) -> None:
    """The staged bytes on disk before any rename: one ``sync`` where the system has it,
    each file's own ``fsync`` on Windows, which has none."""
    if hasattr(os, "sync"):
        os.sync()
        return
    for name in names:
        with open(staging / name, "rb+") as stream:
            os.fsync(stream.fileno())


class FileLocked(Exception):
    """Files another program holds open (Word on Windows), which cannot be replaced."""

    def __init__(self, paths: list[Path]) -> None:
        super().__init__(", ".join(map(str, paths)))
        self.paths = paths


def is_locked(path: Path) -> bool:
    """True when ``path`` exists and cannot be opened for writing: on Windows, Word holds
    an open document that way, and renaming over it would fail half-way through a build."""
    if not path.exists():
        return False
    try:
        with open(path, "ab"):
            return False
    except PermissionError:
        return True
