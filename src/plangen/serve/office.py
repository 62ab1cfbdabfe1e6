"""LibreOffice kept warm for small files, a LibreOffice of its own for each large one, and
PDF pages as images.

Why: LibreOffice takes a second or more to start, so one headless instance runs for the
whole session and converts each small document over UNO (:mod:`plangen.serve.unoworker`).
A large document (a list of a thousand registrations takes LibreOffice some ten seconds)
is converted by a LibreOffice started for it alone: it runs beside the warm one, so the
other documents do not wait; it can be stopped at once when a save makes it useless; and
the memory it took goes back to the system when it ends. Pages are drawn one at a time by
poppler's ``pdftoppm`` when the page asks for them, measured first by ``pdfinfo``.

Stopping is immediate: every LibreOffice process is killed, not asked to quit (a quit
waits for the conversion in progress), and the pipe files a killed LibreOffice leaves in
/tmp are removed by name, the names LibreOffice derives from the profile folders this
module made. A LibreOffice the user runs meanwhile has other names and keeps its pipes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from plangen.pipeline.pdf import soffice

CONVERT_SECONDS = 300
GONE_SECONDS = 2.0
PIPE_FOLDER = Path("/tmp")  # LibreOffice makes its pipe files here, whatever TMPDIR says
PAGE_DPI = 96  # a page 794 px wide: sharp on a laptop screen, small to send
_PAGE_SIZE = re.compile(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts", re.M)


class Office:
    """The LibreOffice processes of one preview session (:meth:`close` ends them and
    removes their files). Without a Python that has ``uno``, small documents too are
    converted by a LibreOffice of their own (slower). Unavailable (``available`` False)
    without LibreOffice or poppler."""

    def __init__(self) -> None:
        self.program = soffice()
        self.pdftoppm = shutil.which("pdftoppm")
        self.pdfinfo = shutil.which("pdfinfo")
        self.folder = Path(tempfile.mkdtemp(prefix="plangen-office-"))
        self.process: subprocess.Popen[bytes] | None = None
        self.worker: subprocess.Popen[str] | None = None
        self._started = False
        self._warm = threading.Lock()  # one conversion at a time in the warm instance
        self._cold = threading.Lock()  # and one large document at a time beside it
        self._running: dict[subprocess.Popen[bytes], threading.Event | None] = {}
        self._closed = False

    @property
    def available(self) -> bool:
        """True when documents can be turned into page images here."""
        return None not in (self.program, self.pdftoppm, self.pdfinfo)

    @property
    def pipe_name(self) -> str:
        """The pipe the warm instance listens on."""
        return self.folder.name

    def profile(self, name: str) -> str:
        """The URL of a LibreOffice profile folder of this session (``warm``, ``cold``)."""
        return (self.folder / name).as_uri()

    def own_pipes(self) -> list[Path]:
        """The pipe files of the LibreOffice instances this session starts."""
        return pipe_files([self.profile("warm"), self.profile("cold")], [self.pipe_name])

    def start(self) -> None:
        """Start the warm LibreOffice and the worker that talks to it (once); without a
        Python that has ``uno``, or when it fails, conversions use :meth:`convert_cold`."""
        with self._warm:
            if self._started or self.program is None or self._closed:
                return
            self._started = True
            python = uno_python(self.program)
            if python is None:
                return
            self.process = subprocess.Popen(
                [self.program, f"-env:UserInstallation={self.profile('warm')}", "--headless",
                 "--invisible", "--norestore", "--nologo", "--nolockcheck",
                 f"--accept=pipe,name={self.pipe_name};urp;"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=self._env(),
                start_new_session=True)  # see _kill_group
            if self._closed:  # stopped while it started
                self._end_warm()
                return
            self.worker = subprocess.Popen(
                [python, str(Path(__file__).with_name("unoworker.py")), self.pipe_name],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                text=True, encoding="utf-8", start_new_session=True)
            assert self.worker.stdout is not None
            if self._closed or self.worker.stdout.readline().strip() != "ready":
                self._end_warm()

    def convert(self, docx: Path, stop: threading.Event | None = None) -> Path | None:
        """``docx`` as a PDF beside it, by the warm instance; None when it could not be
        converted, or when ``stop`` was set (by :meth:`cancel`) before its turn came."""
        if self.program is None:
            return None
        self.start()
        target = docx.with_suffix(".pdf")
        with self._warm:
            if self._closed or (stop is not None and stop.is_set()):
                return None
            worker = self.worker
            if worker is not None and worker.stdin and worker.stdout:
                target.unlink(missing_ok=True)
                try:
                    worker.stdin.write(f"{docx.resolve()}\t{target.resolve()}\n")
                    worker.stdin.flush()
                    answer = worker.stdout.readline().strip()
                except (OSError, ValueError):  # the worker was ended: the session stops
                    return None
                return target if answer == "ok" and target.is_file() else None
        return self.convert_cold(docx, stop)

    def convert_cold(self, docx: Path, stop: threading.Event | None = None) -> Path | None:
        """``docx`` as a PDF beside it, by a LibreOffice started for it alone (the warm
        one's profile is never shared: a second instance would hand its work over); None
        when it failed or :meth:`cancel` ended it."""
        if self.program is None:
            return None
        target = docx.with_suffix(".pdf")
        with self._cold:
            if self._closed or (stop is not None and stop.is_set()):
                return None
            target.unlink(missing_ok=True)
            process = subprocess.Popen(
                [self.program, f"-env:UserInstallation={self.profile('cold')}", "--headless",
                 "--norestore", "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export",
                 "--outdir", str(docx.parent), str(docx)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=self._env(),
                start_new_session=True)
            self._running[process] = stop
            if self._closed:  # stopped while it started
                _kill_group(process)
            try:
                process.wait(timeout=CONVERT_SECONDS)
            except subprocess.TimeoutExpired:
                _end(process)
            finally:
                del self._running[process]
        done = process.returncode == 0 and not (stop is not None and stop.is_set())
        return target if done and target.is_file() else None

    def cancel(self, stop: threading.Event) -> None:
        """Set ``stop`` and end the conversion it was given to, if one runs beside the
        warm instance (a newer save made it useless); one waiting for its turn will not
        start. A conversion in the warm instance is short, and is let finish."""
        stop.set()
        for process, owner in list(self._running.items()):
            if owner is stop:
                _kill_group(process)

    def page_sizes(self, pdf: Path) -> list[tuple[int, int]]:
        """The size of each page of ``pdf`` in pixels, as :meth:`draw` draws it."""
        if self.pdfinfo is None:
            return []
        done = subprocess.run([self.pdfinfo, "-f", "1", "-l", "100000", str(pdf)],
                              capture_output=True, text=True, timeout=CONVERT_SECONDS,
                              check=False)
        return [(round(float(w) * PAGE_DPI / 72), round(float(h) * PAGE_DPI / 72))
                for _n, w, h in _PAGE_SIZE.findall(done.stdout)]

    def draw(self, pdf: Path, number: int, target: Path) -> bytes | None:
        """Page ``number`` of ``pdf`` as JPEG bytes, kept in ``target`` (JPEG: poppler
        writes it some ten times faster than PNG, and a page of text at quality 90 reads
        as well)."""
        if not target.is_file() and self.pdftoppm is not None:
            partial = target.with_suffix(".part")
            subprocess.run([self.pdftoppm, "-f", str(number), "-l", str(number), "-singlefile",
                            "-r", str(PAGE_DPI), "-jpeg", "-jpegopt", "quality=90", str(pdf),
                            str(partial)], capture_output=True, timeout=CONVERT_SECONDS,
                           check=False)
            made = partial.with_suffix(".part.jpg")
            if made.is_file():
                made.replace(target)
        try:
            return target.read_bytes()
        except OSError:
            return None

    def abort(self) -> None:
        """Kill every LibreOffice process of the session now, from any thread: what waits
        on them returns at once. :meth:`close` then removes what they left."""
        self._closed = True
        for process in [self.process, *self._running]:
            if process is not None:
                _kill_group(process)
        if self.worker is not None:
            _kill_group(self.worker)

    def close(self) -> None:
        """End every LibreOffice process of the session and remove their files: the
        profiles, their temporary files and their pipes, and no one else's."""
        self.abort()
        with self._warm:
            self._end_warm()
        for process in list(self._running):
            _end(process)
        for pipe in self.own_pipes():
            pipe.unlink(missing_ok=True)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _env(self) -> dict[str, str]:
        """LibreOffice's environment: its temporary files go into the session's folder."""
        return {**os.environ, "TMPDIR": str(self.folder)}

    def _end_warm(self) -> None:
        if self.worker is not None:
            _end(self.worker)
            for stream in (self.worker.stdin, self.worker.stdout):
                with contextlib.suppress(OSError, ValueError):
                    if stream is not None:
                        stream.close()
            self.worker = None
        if self.process is not None:
            _end(self.process)
            self.process = None


def pipe_files(profiles: list[str], names: list[str]) -> list[Path]:
    """The pipe files of LibreOffice instances started with the profile folders
    ``profiles`` (URLs) and listening on the UNO pipes ``names``: each instance's
    single-instance pipe is named after the MD5 of its profile URL (as UTF-16, each byte
    in hex without its leading zero), and a UNO pipe after its name."""
    if os.name != "posix":
        return []  # named pipes there are no files
    uid = os.getuid()
    for profile in profiles:
        digest = hashlib.md5(profile.encode("utf-16-le")).digest()
        names = [*names, f"SingleOfficeIPC_{''.join(f'{b:x}' for b in digest)}"]
    return [PIPE_FOLDER / f"OSL_PIPE_{uid}_{name}" for name in names]


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


def _kill_group(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    """Kill ``process`` and, on POSIX, every process of its group. Each process of this
    module starts a session of its own (``start_new_session``), so its group holds it
    and what it starts (soffice starts soffice.bin), and nothing else; and the Ctrl-C a
    terminal sends to the preview's group does not reach it: the preview ends it."""
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    else:
        with contextlib.suppress(OSError):
            process.kill()


def _end(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    """Kill ``process`` with its group and wait until none of the group runs any more."""
    _kill_group(process)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)
    deadline = time.monotonic() + GONE_SECONDS
    while os.name == "posix" and _group_runs(process.pid) and time.monotonic() < deadline:
        time.sleep(0.01)


def _group_runs(group: int) -> bool:
    """True while a process of ``group`` runs. A killed soffice.bin, whose parent was
    killed with it, is collected by the system's first process when that one gets to it
    (a second or two on some machines); until then it is a zombie, which runs nothing and
    holds no memory, so it does not count. Where there is no /proc, the group counts until
    it has gone."""
    proc = Path("/proc")
    if not (proc / "self" / "stat").exists():
        try:
            os.killpg(group, 0)
        except (ProcessLookupError, PermissionError):
            return False
        return True
    for stat in proc.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended while we looked
        if int(fields[2]) == group and fields[0] != "Z":
            return True
    return False
