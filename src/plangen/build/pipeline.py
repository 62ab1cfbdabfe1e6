"""Build a plan's documents into a folder: render → gate → protect → write → manifest.

Why: everything that decides whether and how a file reaches output/ lives here, in the
order it happens, so "nothing is written when anything is wrong" is visible in one place:
every document is rendered and passes the signed-ready gate, and no hand-edited file is
in the way, before the first byte is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from plangen import __version__
from plangen.build.gate import gate_reasons
from plangen.build.pdf import convert_to_pdf
from plangen.build.save import docx_bytes, sha256, write_atomic
from plangen.errors import UserError
from plangen.kinds import KINDS, render_documents
from plangen.messages import Lang, message
from plangen.plan.datafiles import Bundle

MANIFEST = "manifest.json"


@dataclass
class Outcome:
    """What a build wrote, and where it kept hand-edited files it replaced."""

    written: list[Path] = field(default_factory=list)
    backups: list[Path] = field(default_factory=list)
    stale: list[Path] = field(default_factory=list)  # written before, not by this build


@dataclass(frozen=True)
class Blob:
    """One document's file name, kind and bytes, before writing; its e-office metadata."""

    file_name: str
    kind: str
    data: bytes
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
    """One plan's documents rendered and through the gate, ready to be written."""

    bundle: Bundle
    out_dir: Path
    blobs: list[Blob]
    draft: bool
    complete: bool  # every kind was built (no --only)


def prepare(bundle: Bundle, out_dir: Path, *, templates_dir: Path | None = None,
            draft: bool = False, only: Iterable[str] | None = None,
            lang: Lang = "vi") -> Job:
    """Render every document of ``bundle`` and pass each through the signed-ready gate;
    nothing is written."""
    templates = templates_dir or default_templates(bundle.plan_file)
    rendered = render_documents(bundle, templates, draft=draft, only=only, lang=lang)
    blobs = [Blob(r.file_name, r.kind, r.data if r.data is not None
                  else docx_bytes(r.document), r.meta) for r in rendered]
    reasons = [reason for r, b in zip(rendered, blobs, strict=True)
               for reason in gate_reasons(r, b.data, draft, lang)]
    if reasons:
        raise UserError(reasons)
    return Job(bundle, out_dir, blobs, draft, only is None or set(KINDS) <= set(only))


def check_hand_edits(job: Job, force: bool, lang: Lang) -> None:
    """Refuse, before anything is written, to overwrite files edited by hand (unless
    ``force``)."""
    edited = _edited(job.out_dir, [b.file_name for b in job.blobs])
    if edited and not force:
        raise UserError([message("hand_edited", lang, path=p) for p in edited])


def write(job: Job, *, force: bool = False, pdf: bool = False, lang: Lang = "vi") -> Outcome:
    """Write a prepared job's documents (and PDFs) and its manifest."""
    outcome = Outcome()
    out_dir, blobs = job.out_dir, list(job.blobs)
    _clear_interrupted_writes(out_dir)
    check_hand_edits(job, force, lang)
    for target in _edited(out_dir, [b.file_name for b in blobs]):
        digest = sha256(target.read_bytes())[:8]
        backup = target.with_name(f"{target.stem}.sua-tay-{digest}{target.suffix}")
        target.replace(backup)
        outcome.backups.append(backup)
    for blob in blobs:
        write_atomic(out_dir / blob.file_name, blob.data)
        outcome.written.append(out_dir / blob.file_name)
    if pdf:
        for made in convert_to_pdf(outcome.written, lang):
            blobs.append(Blob(str(made.relative_to(out_dir)), "pdf", made.read_bytes()))
            outcome.written.append(made)
    kept = _untouched_earlier_files(out_dir, {b.file_name for b in blobs})
    if job.complete:
        outcome.stale = [out_dir / e["file"] for e in kept if e.get("kind") != "pdf"]
    write_atomic(out_dir / MANIFEST, make_manifest(job.bundle, blobs, job.draft, kept))
    return outcome


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
               draft: bool = False, force: bool = False, pdf: bool = False,
               only: Iterable[str] | None = None, lang: Lang = "vi") -> Outcome:
    """Prepare and write one plan: every document of ``bundle`` into ``out_dir`` (with a
    PDF of each when ``pdf``) and the manifest beside them."""
    job = prepare(bundle, out_dir, templates_dir=templates_dir, draft=draft, only=only,
                  lang=lang)
    return write(job, force=force, pdf=pdf, lang=lang)


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


def _edited(out_dir: Path, names: list[str]) -> list[Path]:
    """Files among ``names`` whose bytes differ from what the last manifest recorded."""
    recorded = recorded_hashes(out_dir)
    return [out_dir / name for name in names
            if (out_dir / name).is_file()
            and sha256((out_dir / name).read_bytes()) != recorded.get(name)]


def make_manifest(bundle: Bundle, blobs: list[Blob], draft: bool,
                  kept: list[dict[str, Any]] | None = None) -> bytes:
    """The manifest: each file's kind, hash and size, the plan's hash (of the bytes the
    documents were made from), the e-office data; ``kept`` lists unchanged files of earlier
    builds."""
    data = {
        "plangen": __version__,
        "plan": {"file": bundle.plan_file.name, "sha256": bundle.plan_sha256},
        "du_thao": draft,
        "documents": [{"file": b.file_name, "kind": b.kind, "sha256": sha256(b.data),
                       "size": len(b.data), **b.meta} for b in blobs] + list(kept or []),
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
