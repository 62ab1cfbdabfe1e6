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
from plangen.errors import UserError
from plangen.gate import gate_reasons
from plangen.load_data import Bundle
from plangen.messages import Lang, message
from plangen.model import Plan
from plangen.pdf import convert_to_pdf
from plangen.render import KINDS, render_documents
from plangen.save import docx_bytes, sha256, write_atomic

MANIFEST = "manifest.json"


@dataclass
class Outcome:
    """What a build wrote, and where it kept hand-edited files it replaced."""

    written: list[Path] = field(default_factory=list)
    backups: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class Blob:
    """One document's file name, kind and bytes, before writing; its e-office metadata."""

    file_name: str
    kind: str
    data: bytes
    meta: dict[str, Any] = field(default_factory=dict)


def default_templates() -> Path:
    """``templates/`` of the current folder, else the templates plangen ships."""
    local = Path("templates")
    if local.is_dir():
        return local
    return Path(str(resources.files("plangen").joinpath("data/templates")))


def build_plan(bundle: Bundle, plan_file: Path, out_dir: Path, *,
               templates_dir: Path | None = None, draft: bool = False, force: bool = False,
               pdf: bool = False, only: Iterable[str] = KINDS, lang: Lang = "vi") -> Outcome:
    """Write every document of ``bundle`` into ``out_dir`` (with a PDF of each when
    ``pdf``) and the manifest beside them."""
    plan = bundle.plan
    rendered = render_documents(bundle, templates_dir or default_templates(), draft=draft,
                                only=only, lang=lang)
    blobs = [Blob(r.file_name, r.kind, r.data if r.data is not None
                  else docx_bytes(r.document), r.meta) for r in rendered]
    reasons = [reason for r, b in zip(rendered, blobs, strict=True)
               for reason in gate_reasons(plan, r, b.data, draft, lang)]
    if reasons:
        raise UserError(reasons)
    outcome = Outcome()
    _clear_interrupted_writes(out_dir)
    _protect_hand_edits(out_dir, [b.file_name for b in blobs], force, lang, outcome)
    for blob in blobs:
        write_atomic(out_dir / blob.file_name, blob.data)
        outcome.written.append(out_dir / blob.file_name)
    if pdf:
        for made in convert_to_pdf(outcome.written, lang):
            blobs.append(Blob(str(made.relative_to(out_dir)), "pdf", made.read_bytes()))
            outcome.written.append(made)
    manifest = make_manifest(plan, plan_file, blobs, draft)
    write_atomic(out_dir / MANIFEST, manifest)
    return outcome


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


def _protect_hand_edits(out_dir: Path, names: list[str], force: bool, lang: Lang,
                        outcome: Outcome) -> None:
    """Refuse (or, with ``force``, back up) files changed since plangen wrote them."""
    recorded = recorded_hashes(out_dir)
    edited = []
    for name in names:
        target = out_dir / name
        if target.is_file() and sha256(target.read_bytes()) != recorded.get(name):
            edited.append(target)
    if edited and not force:
        raise UserError([message("hand_edited", lang, path=p) for p in edited])
    for target in edited:
        digest = sha256(target.read_bytes())[:8]
        backup = target.with_name(f"{target.stem}.sua-tay-{digest}{target.suffix}")
        target.replace(backup)
        outcome.backups.append(backup)


def make_manifest(plan: Plan, plan_file: Path, blobs: list[Blob], draft: bool) -> bytes:
    """The manifest: each file's kind, hash and size, the plan's hash, the e-office data."""
    data = {
        "plangen": __version__,
        "plan": {"file": plan_file.name, "sha256": sha256(plan_file.read_bytes())},
        "du_thao": draft,
        "documents": [{"file": b.file_name, "kind": b.kind, "sha256": sha256(b.data),
                       "size": len(b.data), **b.meta} for b in blobs],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
