"""What the preview shows, rebuilt after each save: the plan's errors, each document's
state (what ``plangen build`` would say of it), and its pages, drawn when asked for.

Why: the preview must say exactly what ``plangen build`` would say, so each build runs
the build's own functions (:mod:`plangen.serve.builder`, in a process of its own). It
writes only into its own temporary folder, never into ``output/``. A save that breaks
the plan keeps the last good documents and shows the errors above them.

Everything here runs in the server's event loop; what blocks (LibreOffice, poppler) runs
in threads, and what is long can be stopped: a newer save ends the build and the large
conversions of the one before, and :meth:`Preview.stop` ends everything at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from plangen.messages import Lang, message
from plangen.pipeline.run import default_templates
from plangen.serve.office import Office
from plangen.serve.watch import Sources

State = Literal["pending", "clean", "findings", "refused"]
LINE_LIMIT = 1 << 26  # a listing of 10,000 documents is one line of a megabyte or two
DRAWING = 2  # pages drawn at once by poppler


@dataclass
class Pages:
    """The pages of one document as far as they are known: their sizes (pixels), the
    PDF they are drawn from, and whether more are coming."""

    sizes: list[tuple[int, int]] = field(default_factory=list)
    pdf: Path | None = None
    stage: int = 0  # 1: the first pages, from the excerpt; 2: all of them
    estimate: int | None = None  # how many pages the whole will have, roughly
    complete: bool = False
    failed: bool = False
    task: asyncio.Task[None] | None = None
    stop: threading.Event = field(default_factory=threading.Event)


@dataclass
class Shown:
    """One document of a build: its name, what the gate and the checker say of it, its
    files in the build's folder and its pages."""

    place: int
    name: str
    kind: str
    state: State = "pending"
    reasons: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    checked_in_full: bool = True
    docx: Path | None = None
    head: Path | None = None  # the excerpt of a large document (its first pages)
    share: float = 1.0  # the part of the document the excerpt holds
    pages: Pages = field(default_factory=Pages)


@dataclass
class Snapshot:
    """Everything the page shows, at one version."""

    version: int = 0
    errors: list[str] = field(default_factory=list)
    documents: list[Shown] = field(default_factory=list)
    building: bool = True
    folder: Path | None = None

    def find(self, name: str | None) -> Shown | None:
        """The document called ``name``, if this version has it."""
        return next((d for d in self.documents if d.name == name), None)


class Preview:
    """The preview of one plan file. :meth:`rebuild` after each save (a build in progress
    is ended), :meth:`pages_of` when a page shows a document, :meth:`stop` then
    :meth:`close` at the end (it removes the temporary folder and stops LibreOffice)."""

    def __init__(self, plan_file: Path, lang: Lang = "vi", templates: Path | None = None,
                 office: Office | None = None) -> None:
        self.plan_file = plan_file
        self.lang = lang
        self.templates = templates or default_templates(plan_file)
        self.office = office or Office()
        self.folder = Path(tempfile.mkdtemp(prefix="plangen-preview-"))
        self.sources = Sources(plan_file, self.templates)
        self.snapshot = Snapshot()
        self.before = Snapshot()  # the version before: its pages are shown until replaced
        self.focus: str | None = None  # the document a page asked for last: made first
        self.tick = 0  # counts every change the page may want to see
        self.stopping = False
        self._wake = asyncio.Event()
        self._builds = 0
        self._build: asyncio.Task[None] | None = None
        self._standby: asyncio.subprocess.Process | None = None
        self._processes: set[asyncio.subprocess.Process] = set()
        self._drawing = asyncio.Semaphore(DRAWING)
        self._asking: asyncio.StreamWriter | None = None

    # -- changes -----------------------------------------------------------------------

    def changed(self) -> None:
        """Wake every page: something they show has changed."""
        self.tick += 1
        self._wake.set()
        self._wake = asyncio.Event()

    async def next_change(self, seen: int, timeout: float) -> None:
        """Return once :attr:`tick` is past ``seen``, the preview stops, or ``timeout``."""
        if self.tick > seen or self.stopping:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout)

    # -- builds ------------------------------------------------------------------------

    def rebuild(self) -> asyncio.Task[None]:
        """Build the plan again, ending the build in progress; the task of the build."""
        if self._build is not None:
            self._build.cancel()
        self._build = asyncio.create_task(self._run_build())
        return self._build

    async def _run_build(self) -> None:
        process = self._standby or await self._spawn()
        self._standby = None
        try:
            if not self.stopping:  # the next build's process starts while this one works
                self._standby = await self._spawn()
            self._builds += 1
            folder = self.folder / str(self._builds)
            folder.mkdir()
            await self._talk(process, folder)
        finally:
            self._end(process)
            await process.wait()
            self._processes.discard(process)

    async def _spawn(self) -> asyncio.subprocess.Process:
        """A build process, started now, that waits for its request (its own session: a
        terminal's Ctrl-C is for the preview, which ends it)."""
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "plangen.serve.builder", str(self.plan_file),
            str(self.templates), self.lang, stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
            limit=LINE_LIMIT, start_new_session=True)
        self._processes.add(process)
        if self.stopping:
            self._end(process)
        return process

    @staticmethod
    def _end(process: asyncio.subprocess.Process) -> None:
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.kill()

    async def _talk(self, process: asyncio.subprocess.Process, folder: Path) -> None:
        """Send the request, apply each answer as it comes."""
        assert process.stdin and process.stdout and process.stderr
        # The paths as the user gave them: the messages name the files as the CLI does
        # (the build process runs in this one's folder).
        request = {"plan": str(self.plan_file), "lang": self.lang,
                   "folder": str(folder), "templates": str(self.templates),
                   "first": self.focus}
        process.stdin.write((json.dumps(request) + "\n").encode())
        self._asking = process.stdin  # for the document the page asks for next
        complaint = asyncio.create_task(process.stderr.read())
        finished = False
        try:
            async for line in process.stdout:
                finished = self._apply(json.loads(line), folder) or finished
        finally:
            self._asking = None
            process.stdin.close()
        await process.wait()
        said = (await complaint).decode("utf-8", "replace").strip().splitlines()
        if not finished:  # the process died: a bug, or the system ended it
            why = said[-1] if said else f"exit {process.returncode}"
            self._failed([message("serve_build_died", self.lang, why=why)])

    def _apply(self, answer: dict[str, Any], folder: Path) -> bool:
        """One answer of the build; True when it was the last."""
        if "errors" in answer:
            self._failed(answer["errors"])
        elif "listing" in answer:
            self._forget(self.snapshot)
            self.before = self.snapshot
            self.snapshot = Snapshot(
                self.snapshot.version + 1, [], [Shown(i, name, kind) for i, (kind, name)
                                                in enumerate(answer["listing"])], True, folder)
        elif "document" in answer:
            self._made(answer["document"])
        elif "failed" in answer:
            shown = self.snapshot.documents[answer["failed"]["place"]]
            shown.state, shown.reasons = "refused", answer["failed"]["lines"]
        elif "done" in answer:
            self.sources.read(answer["done"]["sources"])
            if self.snapshot.errors:  # it did not load: what it would read is not known
                self.sources.failed()
            self.snapshot.building = False
            self._clean_folders()
            self._shown_again()
        self.changed()
        return "done" in answer or "errors" in answer

    def _made(self, made: dict[str, Any]) -> None:
        shown = self.snapshot.documents[made["place"]]
        shown.reasons, shown.findings = made["reasons"], made["findings"]
        shown.state = "refused" if shown.reasons else "findings" if shown.findings else "clean"
        shown.checked_in_full = made["checked_in_full"]
        shown.docx = Path(made["docx"])
        if made["head"] is not None:
            shown.head = Path(made["head"]["docx"])
            shown.share = made["head"]["kept"] / made["head"]["total"]
        if shown.name == self.focus:
            self.pages_of(shown)

    def _failed(self, errors: list[str]) -> None:
        """The plan did not build: its errors above the last good documents."""
        last = self.snapshot
        self.snapshot = Snapshot(last.version + 1, errors, last.documents, False, last.folder)
        self.sources.failed()
        self._clean_folders()

    def _forget(self, old: Snapshot) -> None:
        """Stop drawing the pages of a version no page will ask for again (it may still
        ask for those already drawn)."""
        for shown in old.documents:
            if shown.pages.task is not None and not shown.pages.complete:
                shown.pages.task.cancel()
                self.office.cancel(shown.pages.stop)

    def _clean_folders(self) -> None:
        """Remove the folders of the builds no page shows, in a thread of their own (a
        thousand forms take a tenth of a second): what is shown, the version before it
        and the build in progress stay."""
        keep = {self.snapshot.folder, self.before.folder}
        if self._build is not None and not self._build.done():
            keep.add(self.folder / str(self._builds))
        for old in self.folder.iterdir():
            if old not in keep and old.name.isdigit():
                gone = old.with_name(f"gone-{old.name}")
                with contextlib.suppress(OSError):
                    old.rename(gone)
                    threading.Thread(target=shutil.rmtree, args=(gone, True), daemon=True
                                     ).start()

    def _shown_again(self) -> None:
        """The document the pages look at is complete in the version shown: the version
        before it is no longer needed."""
        shown = self.snapshot.find(self.focus)
        if self.before.folder is not None and not self.snapshot.building \
                and shown is not None and shown.pages.complete:
            self.before = Snapshot()
            self._clean_folders()

    def look_at(self, name: str) -> None:
        """A page shows the document ``name``: the build in progress makes it next."""
        if name == self.focus:
            return
        self.focus = name
        shown = self.snapshot.find(name)
        if self._asking is not None and (shown is None or shown.state == "pending"):
            with contextlib.suppress(OSError, RuntimeError):
                self._asking.write((json.dumps({"first": name}) + "\n").encode())

    # -- pages -------------------------------------------------------------------------

    def pages_of(self, shown: Shown) -> Pages:
        """The pages of ``shown``, their drawing started if it has not been."""
        pages = shown.pages
        if pages.task is None and shown.docx is not None and self.office.available \
                and not self.stopping:
            pages.task = asyncio.create_task(self._draw(shown))
        return pages

    async def _draw(self, shown: Shown) -> None:
        """Convert ``shown``: a large document's first pages from its excerpt by the warm
        LibreOffice, while a LibreOffice of its own converts the whole."""
        pages, docx = shown.pages, shown.docx
        assert docx is not None
        whole = asyncio.create_task(self._convert(docx, large=shown.head is not None,
                                                  pages=pages))
        try:
            if shown.head is not None:
                head = await self._convert(shown.head, large=False, pages=pages)
                if head is not None and not whole.done():
                    sizes = await asyncio.to_thread(self.office.page_sizes, head)
                    # The excerpt's last page may stop short of the document's.
                    pages.sizes, pages.pdf, pages.stage = sizes[:-1], head, 1
                    pages.estimate = round(len(sizes) / shown.share)
                    self.changed()
            pdf = await whole
            if pdf is None:
                pages.failed = True
            else:
                sizes = await asyncio.to_thread(self.office.page_sizes, pdf)
                pages.sizes, pages.pdf, pages.stage, pages.estimate = sizes, pdf, 2, None
            pages.complete = True
            self._shown_again()
        finally:
            whole.cancel()  # when this drawing was cancelled: its conversion was ended
            self.changed()

    async def _convert(self, docx: Path, large: bool, pages: Pages) -> Path | None:
        convert: Callable[[Path, threading.Event], Path | None] = (
            self.office.convert_cold if large else self.office.convert)
        return await asyncio.to_thread(convert, docx, pages.stop)

    def version(self, number: int) -> Snapshot | None:
        """The version ``number``, if it is the one shown or the one before it (whose
        pages a page shows until their new images have come)."""
        return next((s for s in (self.snapshot, self.before) if s.version == number), None)

    async def page(self, shown: Shown, number: int) -> bytes | None:
        """Page ``number`` of ``shown`` as a JPEG image, once it is known."""
        pages = shown.pages
        if not 1 <= number <= len(pages.sizes) or pages.pdf is None:
            return None
        pdf, stage = pages.pdf, pages.stage
        target = pdf.with_name(f"{shown.place}-{stage}-{number}.jpg")
        async with self._drawing:
            return await asyncio.to_thread(self.office.draw, pdf, number, target)

    async def pdf(self, shown: Shown) -> Path | None:
        """The whole document as a PDF, converted first if it has not been."""
        task = self.pages_of(shown).task
        if task is not None:
            await asyncio.wait({task})  # ended by a newer save: no PDF
        pages = shown.pages
        return pages.pdf if pages.complete and pages.stage == 2 else None

    # -- the end -----------------------------------------------------------------------

    def stop(self) -> None:
        """End everything now: the builds, the conversions, every page's wait. Safe to
        call more than once, from the event loop."""
        if self.stopping:
            return
        self.stopping = True
        if self._build is not None:
            self._build.cancel()
        for process in list(self._processes):
            self._end(process)
        self.office.abort()
        for shown in self.snapshot.documents:
            if shown.pages.task is not None:
                shown.pages.task.cancel()
        self.changed()

    async def stopped(self) -> None:
        """Stop, and wait until the build processes have gone."""
        self.stop()
        if self._processes:
            await asyncio.wait([asyncio.create_task(p.wait()) for p in self._processes],
                               timeout=5)
        self._processes.clear()

    def close(self) -> None:
        """Stop LibreOffice and remove every file the preview wrote (blocking)."""
        self.office.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def note(self) -> str | None:
        """What the page says when it cannot draw pages at all."""
        return None if self.office.available else message("serve_no_office", self.lang)
