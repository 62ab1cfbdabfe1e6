"""What the preview shows, rebuilt after each save: the plan's errors, each document's
gate findings and NĐ30 findings, and its pages as images.

Why: the preview must say exactly what ``plangen build`` would say, so it loads the plan
and renders and gates every document with the build's own functions; it only writes into
its own temporary folder, never into ``output/``. A save that breaks the plan keeps the
last good documents and shows the errors above them.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from plangen.check import check_docx
from plangen.check.rules.catalog import BY_CODE
from plangen.errors import PlanError, UserError
from plangen.kinds import KINDS, render_documents
from plangen.messages import Lang
from plangen.pipeline.gate import gate_reasons
from plangen.pipeline.run import default_templates
from plangen.plan.datafiles import Bundle, load_bundle
from plangen.render.docx.package import docx_bytes
from plangen.serve.office import Office

SOURCE_SUFFIXES = (".yaml", ".yml", ".csv", ".docx")


@dataclass
class Shown:
    """One document of the preview: its file, what the gate and the checker say of it,
    and its pages once drawn."""

    file_name: str
    kind: str
    docx: Path
    reasons: list[str]
    findings: list[str]
    pages: list[bytes] | None = None  # None: not drawn yet
    pdf: Path | None = None


@dataclass
class Snapshot:
    """Everything the page shows, at one version."""

    version: int = 0
    errors: list[str] = field(default_factory=list)
    documents: list[Shown] = field(default_factory=list)


class Preview:
    """The preview of one plan file; :meth:`rebuild` after each save, :meth:`close` at
    the end (it removes the temporary folder and stops LibreOffice)."""

    def __init__(self, plan_file: Path, lang: Lang = "vi", templates: Path | None = None,
                 office: Office | None = None) -> None:
        self.plan_file = plan_file
        self.lang = lang
        self.templates = templates
        self.office = office or Office()
        self.folder = Path(tempfile.mkdtemp(prefix="plangen-preview-"))
        self.snapshot = Snapshot()
        self._lock = threading.Lock()
        self._builds = 0

    def watched_folders(self) -> list[Path]:
        """The plan's folder and the templates' folder."""
        templates = self.templates or default_templates(self.plan_file)
        folders = [self.plan_file.resolve().parent, templates.resolve()]
        return [f for i, f in enumerate(folders) if f.is_dir() and f not in folders[:i]]

    def is_source(self, _change: object, path: str) -> bool:
        """A file whose change rebuilds the preview: a plan, data or template file, not a
        build's output, an editor's backup or a hidden folder."""
        name = Path(path)
        if name.suffix.lower() not in SOURCE_SUFFIXES or name.name.startswith(("~$", ".")):
            return False
        return not any(part.startswith(".") or part == "output" for part in name.parts[:-1])

    def rebuild(self) -> Snapshot:
        """Load, render and gate the plan again; draw the first document's pages."""
        with self._lock:
            self._builds += 1
            try:
                bundle = load_bundle(self.plan_file, self.lang)
            except Exception as bug:
                failed = bug if isinstance(bug, UserError) else UserError(
                    [f"plangen: {type(bug).__name__}: {bug}"])
                self.snapshot = Snapshot(self.snapshot.version + 1, self._quoted(failed),
                                         self.snapshot.documents)
                return self.snapshot
            folder = self.folder / str(self._builds)
            folder.mkdir()
            try:
                documents = self._render(bundle, folder)
            except UserError as failed:  # a template that does not fill, for example
                self.snapshot = Snapshot(self.snapshot.version + 1, list(failed.lines),
                                         self.snapshot.documents)
                return self.snapshot
            except Exception as bug:
                self.snapshot = Snapshot(self.snapshot.version + 1,
                                         [f"plangen: {type(bug).__name__}: {bug}"],
                                         self.snapshot.documents)
                return self.snapshot
            for old in self.folder.iterdir():
                if old != folder:
                    shutil.rmtree(old, ignore_errors=True)
            self.snapshot = Snapshot(self.snapshot.version + 1, [], documents)
            return self.snapshot

    def pages(self, index: int) -> list[bytes]:
        """The pages of document ``index`` of the current snapshot, drawn on first use."""
        with self._lock:
            documents = self.snapshot.documents
            if not 0 <= index < len(documents):
                return []
            return self._draw(documents[index])

    def close(self) -> None:
        """Stop LibreOffice and remove every file the preview wrote."""
        self.office.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _render(self, bundle: Bundle, folder: Path) -> list[Shown]:
        """Every document rendered and gated; the first one's pages are drawn while the
        others render (LibreOffice and poppler are processes of their own)."""
        templates = self.templates or default_templates(self.plan_file)
        documents: list[Shown] = []
        with ThreadPoolExecutor(max_workers=1) as drawer:
            drawing: Future[list[bytes]] | None = None
            for i, rendered in enumerate(render_documents(bundle, templates, lang=self.lang)):
                if KINDS[rendered.kind].one_template and not rendered.gate_full:
                    continue  # one filled form shows them all; a Sở's thousands would not
                data = rendered.data if rendered.data is not None else docx_bytes(
                    rendered.document)
                target = folder / f"{i}.docx"  # a name of ours: nothing from the plan
                target.write_bytes(data)
                documents.append(Shown(rendered.file_name, rendered.kind, target,
                                       gate_reasons(rendered, data, False, self.lang), []))
                if drawing is None:
                    drawing = drawer.submit(self._draw, documents[0])
            if drawing is not None:
                drawing.result()
        return documents

    def _draw(self, shown: Shown) -> list[bytes]:
        """The pages of ``shown`` and its NĐ30 findings (with their references)."""
        if shown.pages is None:
            report = check_docx(shown.docx)
            shown.findings = [f"{f.code} [{BY_CODE[f.code].ref}] {f.where}: "
                              f"{f.vi if self.lang == 'vi' else f.en}" for f in report.findings]
            shown.pdf = self.office.pdf(shown.docx) if self.office.available else None
            shown.pages = self.office.pages(shown.pdf) if shown.pdf else []
        return shown.pages

    def _quoted(self, failed: UserError) -> list[str]:
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
