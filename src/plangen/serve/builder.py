"""One build of the preview, in a process of its own:
``python -m plangen.serve.builder [PLAN TEMPLATES LANG]``.

Why a process: a plan of a thousand registrations takes seconds and hundreds of
megabytes to build. In a process that ends with the build, a newer save stops it at once
(it is killed, not waited for), Ctrl-C does not wait for it, and the memory goes back to
the system when it ends, whatever the plan was. The preview keeps one such process
started ahead, its modules imported and warmed up on the plan (:func:`warm_up`), so a
save does not wait for Python to start.

The process reads one request (a JSON line) on stdin, then, while it builds, the name of
the document the page shows whenever it changes (``{"first": name}``); it answers with
JSON lines on stdout, in this order:

- ``{"errors": [...]}`` when the plan does not load (the CLI's lines, each located one
  followed by the YAML line it points at), or
- ``{"listing": [[kind, file name], ...]}``: every document the plan gives, in build
  order; then one ``{"document": {...}}`` per document as it is made, rendered and
  checked as ``plangen build`` checks it (the one the preview shows first), or
  ``{"failed": {"place": n, "lines": [...]}}`` for a document that could not be made;
- then ``{"done": {"sources": [...]}}``: the files the build read in the plan's folder and
  the templates' folder (the plan, its data files, its templates), found by watching what
  the process opens, so that nothing else rebuilds the preview.

It writes only into the request's folder: ``<place>.docx`` for each document, and
``<place>.head.docx``, its first pages, for a large one (:mod:`plangen.serve.excerpt`).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from plangen.check import check_document
from plangen.check.read.package import DocxUnreadable, read_docx
from plangen.check.rules.catalog import BY_CODE
from plangen.errors import PlanError, UserError
from plangen.kinds import KINDS, Rendered, render_documents
from plangen.messages import Lang
from plangen.pipeline.gate import TABLE_ROWS_READ, gate_reasons
from plangen.plan.datafiles import Bundle, load_bundle
from plangen.render.docx.package import docx_bytes
from plangen.serve.excerpt import excerpt

Send = Callable[[dict[str, Any]], None]


def build(request: dict[str, Any], send: Send, focus: Callable[[], str | None]) -> None:
    """Build the plan the request names into its folder, saying each step with ``send``;
    the document named by ``focus()`` (the one the page shows) is made next."""
    plan_file, lang = Path(request["plan"]), request["lang"]
    folder, templates = Path(request["folder"]), Path(request["templates"])
    try:
        bundle = load_bundle(plan_file, lang)
    except UserError as failed:
        send({"errors": quoted(failed)})
        return
    except Exception as bug:  # the page shows it; the preview keeps running
        send({"errors": [f"plangen: {type(bug).__name__}: {bug}"]})
        return
    names = listing(bundle)
    send({"listing": names})
    places = {name: i for i, (_kind, name) in enumerate(names)}

    def first() -> int | None:
        return places.get(focus() or request.get("first") or "")

    for place, made in rendered(bundle, templates, lang, list(range(len(names))), first):
        try:
            if not isinstance(made, list):
                send({"document": document(made, place, folder, lang)})
                continue
        except Exception as bug:
            made = [f"plangen: {type(bug).__name__}: {bug}"]
        send({"failed": {"place": place, "lines": made}})


def listing(bundle: Bundle) -> list[tuple[str, str]]:
    """Each document the plan gives, as its kind and file name, in build order (the
    registry's order, as :func:`plangen.kinds.render_documents` makes them)."""
    return [(kind.name, kind.file_name.format(key=made.key))
            for kind in KINDS.values() for made in kind.sources(bundle)]


def rendered(bundle: Bundle, templates: Path, lang: Lang, left: list[int],
             first: Callable[[], int | None]) -> Iterator[tuple[int, Rendered | list[str]]]:
    """Each document of ``left`` with its place, in order, but ``first()`` before the
    others whenever it names one that is left. A document that cannot be made gives the
    lines that say why, and the others are made all the same."""
    while left:
        wanted = _next(left, first())
        making: list[int] = []  # the place being made, between ``wants`` and its yield

        def wants(place: int, wanted: set[int] = wanted, making: list[int] = making) -> bool:
            if place in wanted:
                making.append(place)
            return place in wanted

        try:
            for made in render_documents(bundle, templates, lang=lang, wants=wants):
                place = making.pop()
                left.remove(place)
                yield place, made
                if left and len(_next(left, first())) == 1 and len(wanted) > 1:
                    break  # the page asks for another one: it comes next
        except Exception as failed:
            lines = (list(failed.lines) if isinstance(failed, UserError)
                     else [f"plangen: {type(failed).__name__}: {failed}"])
            for place in making or list(left):  # not one document's: all that are left
                left.remove(place)
                yield place, lines


def _next(left: list[int], first: int | None) -> set[int]:
    """The places the next pass makes: ``first`` alone, or all that are left in order."""
    return {first} if first in left and first != min(left) else set(left)


def document(made: Rendered, place: int, folder: Path, lang: Lang) -> dict[str, Any]:
    """Save ``made`` as ``<place>.docx`` in ``folder``, with its excerpt when it is large,
    and say what ``plangen build`` would say of it (:func:`judge`)."""
    data, reasons, findings = judge(made, lang)
    target = folder / f"{place}.docx"
    target.write_bytes(data)
    # A form filled from a template (one registration) is never large: not looked at.
    head = excerpt(data) if made.gate_full else None
    if head is not None:
        (folder / f"{place}.head.docx").write_bytes(head[0])
    return {"place": place, "name": made.file_name, "kind": made.kind,
            "docx": str(target), "reasons": reasons, "findings": findings,
            "checked_in_full": made.gate_full,
            "head": None if head is None else {"docx": str(folder / f"{place}.head.docx"),
                                               "kept": head[1], "total": head[2]}}


def judge(made: Rendered, lang: Lang) -> tuple[bytes, list[str], list[str]]:
    """The bytes of ``made``; the gate's reasons to refuse it; and the checker's findings
    (read as the gate reads plangen's own tables), but for a form filled from a template
    already checked in full, which the gate checks for its data only."""
    data = made.data if made.data is not None else docx_bytes(made.document)
    reasons = gate_reasons(made, data, False, lang, made.gate_full)
    findings: list[str] = []
    if made.gate_full:
        try:
            report = check_document(Path(made.file_name),
                                    read_docx(data, rows_per_table=TABLE_ROWS_READ))
            findings = [f"{f.code} [{BY_CODE[f.code].ref}] {f.where}: "
                        f"{f.vi if lang == 'vi' else f.en}" for f in report.findings]
        except DocxUnreadable:
            pass  # the gate says so
    return data, reasons, findings


def quoted(failed: UserError) -> list[str]:
    """The CLI's lines, each located one followed by the YAML line it points at."""
    if not isinstance(failed, PlanError):
        return list(failed.lines)
    lines: list[str] = []
    for problem in failed.problems:
        lines.append(str(problem))
        source = _line_of(Path(problem.file), problem.line)
        if source is not None:
            lines.append(f"    {problem.line} | {source}")
    return lines


def _line_of(path: Path, number: int) -> str | None:
    if number < 1:
        return None
    try:
        text = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return text[number - 1].rstrip() if number <= len(text) else None


class Reads:
    """The files this process opens for reading, seen through Python's audit hooks (an
    ``open`` event for every file opened): the sources of the build, whatever part of
    the plan named them."""

    def __init__(self) -> None:
        self.paths: set[str] = set()
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args: tuple[Any, ...]) -> None:
        if event == "open" and isinstance(args[0], str | os.PathLike):
            mode = args[1] if len(args) > 1 else None
            if mode is None or (isinstance(mode, str) and "r" in mode and "+" not in mode):
                self.paths.add(os.fspath(args[0]))

    def under(self, folders: list[Path], besides: Path) -> list[str]:
        """The files read below ``folders`` and not below ``besides``, sorted."""
        roots, own = [f.resolve() for f in folders], besides.resolve()
        found = {Path(p).resolve() for p in self.paths}
        return sorted(str(p) for p in found if any(p.is_relative_to(r) for r in roots)
                      and not p.is_relative_to(own) and p.is_file())


class Focus:
    """The document the page shows now: a line ``{"first": name}`` on stdin, read by a
    thread while the build goes on (the build reads it between documents)."""

    def __init__(self) -> None:
        self.name: str | None = None
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in sys.stdin:
            with contextlib.suppress(ValueError, TypeError, AttributeError):
                self.name = json.loads(line).get("first")

    def __call__(self) -> str | None:
        return self.name


def warm_up(plan: Path, templates: Path, lang: Lang) -> None:
    """Load the plan and make its first document once, keeping nothing, while the
    process waits for its request: the first use of each library (its caches, its
    compiled templates and patterns) then costs the request nothing, a fifth of a second
    of each save. The request loads the plan again, as it then is."""
    with contextlib.suppress(Exception):  # the request will say what is wrong
        bundle = load_bundle(plan, lang)
        for made in render_documents(bundle, templates, lang=lang, wants=lambda p: p == 0):
            judge(made, lang)


def main() -> None:
    """Warm up for the plan of the command line (``PLAN TEMPLATES LANG``), wait for the
    request, build, say what was read, end."""
    reads = Reads()
    if len(sys.argv) == 4:
        warm_up(Path(sys.argv[1]), Path(sys.argv[2]), "en" if sys.argv[3] == "en" else "vi")
        reads.paths.clear()  # what the build reads is what counts
    line = sys.stdin.readline()
    if not line:  # the preview ended before it needed this process
        return
    request = json.loads(line)
    out = sys.stdout

    def send(message: dict[str, Any]) -> None:
        out.write(json.dumps(message, ensure_ascii=False) + "\n")
        out.flush()

    build(request, send, Focus())
    plan = Path(request["plan"])
    sources = reads.under([plan.parent, Path(request["templates"])], Path(request["folder"]))
    send({"done": {"sources": sorted({*sources, str(plan.resolve())})}})


if __name__ == "__main__":
    main()
