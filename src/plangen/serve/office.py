"""LibreOffice kept warm, and PDF pages as images.

Why: LibreOffice takes a second or more to start; a preview that started it for every
save would be slow. One headless instance runs for the whole session with its own
profile and converts each document over UNO; pages are drawn by poppler's ``pdftoppm``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from plangen.pipeline.pdf import soffice

CONVERT_SECONDS = 120
PIPE_FOLDER = Path("/tmp")
PAGE_DPI = 96  # a page 794 px wide: sharp on a laptop screen, small to send


class Office:
    """One headless LibreOffice for a whole preview session, converting over UNO through
    :mod:`plangen.serve.unoworker`; :meth:`close` ends both and removes their files.
    Without a Python that has ``uno``, each conversion starts LibreOffice anew (slower).
    Unavailable (``available`` False) without LibreOffice or poppler."""

    def __init__(self) -> None:
        self.program = soffice()
        self.pdftoppm = shutil.which("pdftoppm")
        self.folder = Path(tempfile.mkdtemp(prefix="plangen-office-"))
        self.profile = (self.folder / "profile").as_uri()
        self.process: subprocess.Popen[bytes] | None = None
        self.worker: subprocess.Popen[str] | None = None
        self.pipes_before: set[Path] = set()
        self._started = False

    @property
    def available(self) -> bool:
        """True when documents can be turned into page images here."""
        return self.program is not None and self.pdftoppm is not None

    @property
    def pipe_name(self) -> str:
        """The pipe the instance listens on (its file is made in /tmp, whatever TMPDIR)."""
        return self.folder.name

    def start(self) -> None:
        """Start LibreOffice and the worker that talks to it (once); on any failure the
        conversions fall back to a LibreOffice of their own."""
        if self._started or self.program is None:
            return
        self._started = True
        python = uno_python(self.program)
        if python is None:
            return
        self.pipes_before = _pipes()
        self.process = subprocess.Popen(
            [self.program, f"-env:UserInstallation={self.profile}", "--headless",
             "--invisible", "--norestore", "--nologo", "--nolockcheck",
             f"--accept=pipe,name={self.pipe_name};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "TMPDIR": str(self.folder)},  # its own temporary files too
            # Its own process group: soffice starts soffice.bin as a child, and both must end.
            start_new_session=os.name == "posix")
        self.worker = subprocess.Popen(
            [python, str(Path(__file__).with_name("unoworker.py")), self.pipe_name],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, encoding="utf-8")
        assert self.worker.stdout is not None
        if self.worker.stdout.readline().strip() != "ready":
            self._stop_worker()

    def pdf(self, docx: Path) -> Path | None:
        """``docx`` as a PDF beside it; None when LibreOffice could not convert it."""
        if self.program is None:
            return None
        self.start()
        target = docx.with_suffix(".pdf")
        target.unlink(missing_ok=True)
        if self.worker is not None and self.worker.stdin and self.worker.stdout:
            self.worker.stdin.write(f"{docx.resolve()}\t{target.resolve()}\n")
            self.worker.stdin.flush()
            if self.worker.stdout.readline().strip() == "ok" and target.is_file():
                return target
        cold = (self.folder / "cold").as_uri()  # never the warm instance's profile
        subprocess.run([self.program, f"-env:UserInstallation={cold}", "--headless",
                        "--norestore", "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export",
                        "--outdir", str(docx.parent), str(docx)],
                       capture_output=True, timeout=CONVERT_SECONDS, check=False)
        return target if target.is_file() else None

    def pages(self, pdf: Path) -> list[bytes]:
        """Each page of ``pdf`` as JPEG bytes, in order (JPEG: poppler writes it some ten
        times faster than PNG, and a page of text at quality 90 reads as well)."""
        if self.pdftoppm is None:
            return []
        prefix = pdf.with_suffix("")
        for old in pdf.parent.glob(f"{prefix.name}-*.jpg"):
            old.unlink()
        subprocess.run([self.pdftoppm, "-r", str(PAGE_DPI), "-jpeg", "-jpegopt", "quality=90",
                        str(pdf), str(prefix)],
                       capture_output=True, timeout=CONVERT_SECONDS, check=False)
        found = sorted(pdf.parent.glob(f"{prefix.name}-*.jpg"),
                       key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [p.read_bytes() for p in found]

    def close(self) -> None:
        """End the worker and LibreOffice (and its children), and remove their files."""
        self._stop_worker()  # which asks LibreOffice to terminate
        if self.process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=10)
            _end(self.process)
            self.process = None
            # A killed instance leaves its pipes behind: ours, and the one-instance pipe
            # named after our profile, both new since the start.
            for pipe in _pipes() - self.pipes_before:
                if pipe.name.endswith(self.pipe_name) or "SingleOfficeIPC" in pipe.name:
                    pipe.unlink(missing_ok=True)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _stop_worker(self) -> None:
        if self.worker is None:
            return
        with contextlib.suppress(OSError):
            if self.worker.stdin:
                self.worker.stdin.close()
        try:
            self.worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.worker.kill()
            self.worker.wait(timeout=10)
        if self.worker.stdout:
            self.worker.stdout.close()
        self.worker = None


def uno_python(program: str) -> str | None:
    """A Python that can ``import uno``: ``PLANGEN_UNO_PYTHON``, the one LibreOffice ships
    beside itself (Windows, macOS), or the system's (Debian's python3-uno)."""
    chosen = os.environ.get("PLANGEN_UNO_PYTHON")
    folder = Path(program).resolve().parent
    candidates = [chosen] if chosen else [
        str(folder / "python.exe"), str(folder / "python"), "/usr/bin/python3",
        shutil.which("python3")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and subprocess.run(
                [candidate, "-c", "import uno"], capture_output=True, timeout=30,
                check=False).returncode == 0:
            return candidate
    return None


def _end(process: subprocess.Popen[bytes]) -> None:
    """Stop ``process`` and, on POSIX, every process of its group."""
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
    else:
        process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        if os.name == "posix":
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.wait(timeout=10)
    if os.name == "posix":  # the group may outlive its leader for a moment
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


def _pipes() -> set[Path]:
    """LibreOffice's pipe files in the pipe folder."""
    return set(PIPE_FOLDER.glob("OSL_PIPE_*")) if PIPE_FOLDER.is_dir() else set()
