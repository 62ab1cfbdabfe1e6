"""Build a plan's documents into a folder: render → gate → stage → protect → move →
manifest.

Why: everything that decides whether and how a file reaches output/ lives here, in the
order it happens, so "nothing is written when anything is wrong" is visible in one place.
Each document is rendered, passes the signed-ready gate and is written to a staging folder
beside the output folder, one at a time, so memory does not grow with the number of
documents; only when every document has passed, and no hand-edited file is in the way,
are the staged files moved into place.
"""

from __future__ import annotations

import contextlib
import gc
import json
import shutil
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, cast

from plangen import __version__
from plangen.errors import UserError
from plangen.kinds import KINDS, Rendered, render_documents
from plangen.messages import Lang, message
from plangen.outgoing.metadata import outgoing_metadata, pages_of
from plangen.pipeline import forked
from plangen.pipeline.forked import Wants
from plangen.pipeline.gate import gate_reasons
from plangen.pipeline.pdf import PdfOptions
from plangen.pipeline.save import (
    FileLocked,
    is_locked,
    move_into_place,
    sha256,
    write_atomic,
)
from plangen.plan.datafiles import Bundle
from plangen.render.docx.package import body_size, docx_bytes

MANIFEST = "manifest.json"


@dataclass
class Outcome:
    """What a build wrote, and where it kept hand-edited files it replaced."""

    written: list[Path] = field(default_factory=list)
    backups: list[Path] = field(default_factory=list)
    stale: list[Path] = field(default_factory=list)  # written before, not by this build


@dataclass(frozen=True)
class Staged:
    """One document written to the staging folder: its name, kind, hash and size, and its
    e-office metadata for the manifest."""

    file_name: str
    kind: str
    sha256: str
    size: int
    meta: dict[str, Any] = field(default_factory=dict)


def shipped_templates() -> Path:
    """The Word templates installed with plangen."""
    return Path(str(resources.files("plangen").joinpath("data/templates")))


def default_templates(plan_file: Path) -> Path:
    """The Word templates a plan's documents use: a ``templates/`` folder beside the plan
    file or one level up (a repository of plans keeps ``plans/`` and ``templates/`` side by
    side), else the templates installed with plangen; never the current folder, so the
    same plan builds the same bytes from wherever it is run."""
    folder = plan_file.resolve().parent
    for candidate in (folder / "templates", folder.parent / "templates"):
        if candidate.is_dir():
            return candidate
    return shipped_templates()


@dataclass(frozen=True)
class Job:
    """One plan's documents rendered, through the gate and staged, ready to be moved."""

    bundle: Bundle
    out_dir: Path
    files: list[Staged]
    draft: bool
    complete: bool  # every kind was built (no --only)
    made_parent: bool = False  # the output's parent folder did not exist before
    pdf_levels: list[str] = field(default_factory=list)  # what its PDFs claim: 2b
    pdf_fonts: list[str] = field(default_factory=list)  # the fonts its PDFs embed

    @property
    def staging(self) -> Path:
        return staging_dir(self.out_dir)


def staging_dir(out_dir: Path) -> Path:
    """Where a plan's documents wait until all have passed: beside its output folder, on
    the same file system, so that moving them into place is a rename."""
    return out_dir.parent / f".{out_dir.name}.dang-tao"


# A full collection costs ~20 ms: only after documents whose body (word/document.xml, as
# written, not compressed: a 10,000-row list is 19 MB but zips to 0.3 MB) is large.
COLLECT_ABOVE_BYTES = 1_000_000
Progress = Callable[[int], None]
"""Told how many documents are done, after each one; -1 when the build is through."""


def gated(bundle: Bundle, *, templates_dir: Path | None = None, draft: bool = False,
          only: Iterable[str] | None = None, lang: Lang = "vi", workers: int = 1
          ) -> Iterator[tuple[Rendered, bytes]]:
    """Each document of ``bundle`` rendered and passed through the signed-ready gate, one
    at a time, as finished bytes; once one has failed, the others are still gated but no
    longer given. After the last, raises :class:`UserError` with every reason. With
    ``workers`` above 1, that many processes render and gate (see ``forked``); the
    documents, the reasons and their order are the same.

    ``plangen build`` stages what this gives; ``plangen validate`` only reads it through,
    so the two commands reach the same verdict on the same plan.
    """
    for rendered, data in _through_gate(bundle, templates_dir, draft, only, lang, workers,
                                        staging=None):
        yield rendered, cast(bytes, data)


def _through_gate(bundle: Bundle, templates_dir: Path | None, draft: bool,
                  only: Iterable[str] | None, lang: Lang, workers: int, staging: Path | None
                  ) -> Generator[tuple[Rendered, bytes | Staged], None, None]:
    """:func:`gated`; with ``staging``, each document that passes is written there by the
    process that made it (creating files is slow on some disks, and so shared too), and
    what was written is given instead of the bytes."""
    templates = templates_dir or default_templates(bundle.plan_file)

    def checked(wants: Wants | None) -> Iterator[tuple[Rendered, bytes | Staged, list[str]]]:
        return _checked(bundle, templates, draft, only, lang, wants, staging)

    reasons: list[str] = []
    made: set[str] = set()  # the kinds the plan gave documents of
    names: set[str] = set()
    for rendered, passed, found in forked.in_order(checked, workers):
        made.add(rendered.kind)
        if rendered.file_name.casefold() in names:  # two documents, one file: refuse both
            reasons.append(message("same_file_twice", lang, file=rendered.file_name))
            continue
        names.add(rendered.file_name.casefold())
        reasons += found
        if not reasons:
            yield rendered, passed
    reasons += _nothing_made(bundle, only, made, lang)
    if reasons:
        raise UserError(reasons)


def _checked(bundle: Bundle, templates: Path, draft: bool, only: Iterable[str] | None,
             lang: Lang, wants: Wants | None, staging: Path | None
             ) -> Iterator[tuple[Rendered, bytes | Staged, list[str]]]:
    """The documents ``wants`` takes, each with why the gate refuses it, and its bytes
    or, with ``staging``, the file it was written to there."""
    for rendered in render_documents(bundle, templates, draft=draft, only=only, lang=lang,
                                     wants=wants):
        data = rendered.data
        if data is None:
            # Saved, a large python-docx document (a web of cycles) is collected at once,
            # before the gate reads the bytes: a long report is never held twice.
            data = docx_bytes(rendered.document)
            rendered = replace(rendered, document=None)
            if body_size(data) > COLLECT_ABOVE_BYTES:
                gc.collect()
        found = gate_reasons(rendered, data, draft, lang, full=rendered.gate_full)
        if staging is None:
            yield rendered, data, found
            continue
        if not found:
            _stage(staging / rendered.file_name, data, lang)
        yield (replace(rendered, data=None),
               Staged(rendered.file_name, rendered.kind, sha256(data), len(data),
                      rendered.meta), found)


def prepare(bundle: Bundle, out_dir: Path, *, templates_dir: Path | None = None,
            draft: bool = False, only: Iterable[str] | None = None,
            lang: Lang = "vi", progress: Progress | None = None, workers: int = 1) -> Job:
    """Render every document of ``bundle``, pass each through the signed-ready gate and
    write it to the staging folder; nothing reaches ``out_dir``. Raises
    :class:`UserError` with every reason when any document fails the gate."""
    staging = staging_dir(out_dir)
    shutil.rmtree(staging, ignore_errors=True)  # what a killed build left
    made_parent = not out_dir.parent.exists()
    files: list[Staged] = []
    # Closed on any way out, so that no worker still writes to the staging folder when
    # it is removed.
    documents = contextlib.closing(_through_gate(bundle, templates_dir, draft, only, lang,
                                                 workers, staging))
    try:
        with documents as passed:
            for _rendered, staged in passed:
                files.append(cast(Staged, staged))
                if progress is not None:
                    progress(len(files))
        if progress is not None:
            progress(-1)
    except BaseException:
        if progress is not None:
            progress(-1)
        _remove_staging(staging, made_parent)
        raise
    return Job(bundle, out_dir, files, draft, only is None or set(KINDS) <= set(only),
               made_parent)


def _nothing_made(bundle: Bundle, only: Iterable[str] | None, made: set[str],
                  lang: Lang) -> list[str]:
    """A kind ``--only`` asked for that the plan gave no document of, and what it needs."""
    return [message("only_nothing", lang, kind=name, plan=bundle.plan_file.name,
                    needs=KINDS[name].needs_text(lang))
            for name in dict.fromkeys(only or ()) if name not in made]


def _stage(target: Path, data: bytes, lang: Lang) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as err:
        raise UserError([message("cannot_write", lang, path=err.filename or target,
                                 reason=err.strerror or err)]) from None


def add_pdfs(jobs: Sequence[Job], options: PdfOptions, lang: Lang = "vi") -> None:
    """A PDF/A of every staged DOCX of ``jobs``, staged beside it and listed in its job:
    one LibreOffice run for them all, then each file made reproducible (``pdfa.finish``).
    Raises :class:`UserError` when LibreOffice is missing or fails; nothing has reached an
    output folder then, and the caller discards the jobs."""
    from plangen.pipeline import pdf, pdfa  # pikepdf only for a build that makes PDFs

    sources = [(job, staged) for job in jobs for staged in job.files
               if staged.file_name.endswith(".docx")]
    made = pdf.convert([job.staging / staged.file_name for job, staged in sources],
                       options.part, lang)
    for (job, staged), raw in zip(sources, made, strict=True):
        finished = pdfa.finish(raw, options.epoch or pdf.own_date(job.staging
                                                                  / staged.file_name))
        name = staged.file_name.removesuffix(".docx") + ".pdf"
        _stage(job.staging / name, finished.data, lang)
        job.files.append(Staged(name, "pdf", sha256(finished.data), len(finished.data),
                                {"pdfa": finished.level, "trang": finished.pages,
                                 "phong_chu": list(finished.fonts)}))
        for seen, new in ((job.pdf_levels, (finished.level,)), (job.pdf_fonts, finished.fonts)):
            seen.extend(item for item in new if item not in seen)


def discard(job: Job) -> None:
    """Drop a prepared job's staged files (another plan of the run failed): the output
    folder is as it was, down to a parent folder the build had to create."""
    _remove_staging(job.staging, job.made_parent)


def _remove_staging(staging: Path, made_parent: bool) -> None:
    shutil.rmtree(staging, ignore_errors=True)
    if made_parent:
        with contextlib.suppress(OSError):  # only when empty: another plan may be in it
            staging.parent.rmdir()


def check_hand_edits(job: Job, force: bool, lang: Lang) -> None:
    """Refuse, before anything is written, to overwrite files edited by hand (unless
    ``force``)."""
    edited = _edited(job.out_dir, job.files)
    if edited and not force:
        raise UserError([message("hand_edited", lang, path=p) for p in edited])


def write(job: Job, *, force: bool = False, lang: Lang = "vi") -> Outcome:
    """Move a prepared job's documents (and PDFs) into place, keeping hand-edited ones as
    backups with ``force``, then the manifest."""
    outcome = Outcome()
    out_dir, files = job.out_dir, list(job.files)
    recorded = recorded_hashes(out_dir)
    _clear_interrupted_writes(out_dir)
    check_hand_edits(job, force, lang)
    locked = [out_dir / f.file_name for f in files if is_locked(out_dir / f.file_name)]
    if locked:  # before any backup or move: a locked file leaves everything as it was
        raise UserError([message("file_locked", lang, path=p) for p in locked])
    for target in _edited(out_dir, files):
        digest = sha256(target.read_bytes())[:8]
        backup = target.with_name(f"{target.stem}.sua-tay-{digest}{target.suffix}")
        target.replace(backup)
        outcome.backups.append(backup)
    try:
        move_into_place(job.staging, out_dir, [f.file_name for f in files])
    except FileLocked as held:
        raise UserError([message("file_locked", lang, path=p) for p in held.paths]) from None
    outcome.written += [out_dir / f.file_name for f in files]
    shutil.rmtree(job.staging, ignore_errors=True)
    kept = _untouched_earlier_files(out_dir, {f.file_name for f in files})
    if job.complete:
        made = {f.file_name: f.sha256 for f in files}
        current = [_pdf_still_current(e, made, recorded) for e in kept]
        outcome.stale = [out_dir / e["file"] for e, ok in zip(kept, current, strict=True)
                         if not ok]
        kept = [e for e, ok in zip(kept, current, strict=True) if ok]
    write_atomic(out_dir / MANIFEST, make_manifest(job.bundle, files, job.draft, kept))
    return outcome


def _pdf_still_current(entry: dict[str, Any], made: dict[str, str],
                       recorded: dict[str, str]) -> bool:
    """True for the PDF of an earlier build whose DOCX this build wrote again (``made``:
    file → hash), unchanged (a build without ``--pdf``): it stays listed. Any other earlier
    file this complete build did not make is stale: no longer listed, and named."""
    if entry.get("kind") != "pdf":
        return False
    docx = str(entry["file"]).removesuffix(".pdf") + ".docx"
    return docx in made and recorded.get(docx) == made[docx]


def _untouched_earlier_files(out_dir: Path, produced: set[str]) -> list[dict[str, Any]]:
    """Manifest entries of files an earlier build wrote, this one did not, and nobody
    changed since: they stay listed, so a later build still knows they are plangen's."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        entries = [e for e in data.get("documents", []) if isinstance(e, dict)]
    except (OSError, ValueError, AttributeError):
        return []
    kept = []
    for entry in entries:
        name = str(entry.get("file", ""))
        path = out_dir / name
        if name and name not in produced and path.is_file() \
                and sha256(path.read_bytes()) == entry.get("sha256"):
            kept.append(entry)
    return kept


def build_plan(bundle: Bundle, out_dir: Path, *, templates_dir: Path | None = None,
               draft: bool = False, force: bool = False, pdf: PdfOptions | None = None,
               only: Iterable[str] | None = None, lang: Lang = "vi") -> Outcome:
    """Prepare and write one plan: every document of ``bundle`` into ``out_dir`` (with a
    PDF/A of each when ``pdf`` says which) and the manifest beside them."""
    job = prepare(bundle, out_dir, templates_dir=templates_dir, draft=draft, only=only,
                  lang=lang)
    if pdf is not None:
        try:
            add_pdfs([job], pdf, lang)
        except BaseException:
            discard(job)
            raise
    return write(job, force=force, lang=lang)


def _clear_interrupted_writes(out_dir: Path) -> None:
    """Remove temporary files a killed build left (``save.write_atomic`` names them)."""
    if out_dir.is_dir():
        for stale in out_dir.rglob(".*.tmp"):
            stale.unlink(missing_ok=True)


def recorded_hashes(out_dir: Path) -> dict[str, str]:
    """File name → sha256 from the manifest of the previous build (empty when none)."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        return {d["file"]: d["sha256"] for d in data.get("documents", [])}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _edited(out_dir: Path, files: list[Staged]) -> list[Path]:
    """Files whose bytes differ both from what the last manifest recorded and from what
    this build writes (a build stopped before its manifest left whole files of its own:
    the same plan rebuilt gives the same bytes, which are not a hand edit)."""
    recorded = recorded_hashes(out_dir)
    edited = []
    for staged in files:
        target = out_dir / staged.file_name
        if target.is_file() and sha256(target.read_bytes()) not in (
                recorded.get(staged.file_name), staged.sha256):
            edited.append(target)
    return edited


def make_manifest(bundle: Bundle, files: list[Staged], draft: bool,
                  kept: list[dict[str, Any]] | None = None) -> bytes:
    """The manifest: each file's kind, hash and size, the plan's hash (of the bytes the
    documents were made from), the e-office data and, under ``metadata``, the fields of NĐ30
    Phụ lục VI (``outgoing.metadata``); ``kept`` lists unchanged files of earlier builds."""
    entries = [{"file": f.file_name, "kind": f.kind, "sha256": f.sha256, "size": f.size,
                **f.meta} for f in files]
    pages = pages_of(entries)
    organ = " ".join(bundle.plan.issuer.name.split())
    for entry in entries:
        if "so_ky_hieu" in entry:
            entry["metadata"] = outgoing_metadata(entry, organ=organ, draft=draft,
                                                  pages=pages.get(entry["file"]))
    data = {
        "plangen": __version__,
        "plan": {"file": bundle.plan_file.name, "sha256": bundle.plan_sha256},
        "du_thao": draft,
        "documents": entries + list(kept or []),
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
