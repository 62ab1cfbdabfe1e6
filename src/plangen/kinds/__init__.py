"""The kinds of document a plan gives, in one registry: what each is made from, which
layout builds it, what its files are called, how it is checked, and what
the manifest says of it.

Why: adding a kind must not mean touching the build, the gate, the CLI and the manifest.
Each of those reads ``KINDS``; a new kind is one ``register`` call and one builder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from plangen.messages import Lang
from plangen.plan.datafiles import Bundle
from plangen.plan.document import IssuedDocument, TemplateAnnex
from plangen.plan.model import Plan
from plangen.render.annex.forms import TemplateStore
from plangen.render.context import RenderContext
from plangen.spec import vn

Source = TypeVar("Source")
Family = Literal["van-ban", "phu-luc"]
"""How ``plangen check`` reads a file: a whole document (header, body, signer) or an
attached Phụ lục or form. The gate refuses a file the checker reads otherwise."""


@dataclass(frozen=True)
class Made(Generic[Source]):
    """One document a kind makes of a plan: the key in its file name, and what its layout
    builds it from."""

    key: str
    source: Source


@dataclass(frozen=True)
class Kind(Generic[Source]):
    """One kind of document: its registry entry."""

    name: str
    """What ``--only`` takes and the manifest records (``ke-hoach``)."""
    file_name: str
    """The file in the plan's output folder; ``{key}`` is the document's key."""
    sources: Callable[[Bundle], list[Made[Source]]]
    """The documents of this kind the plan and its data give (none when they give none)."""
    layout: Callable[[Source, RenderContext], Any]
    """The builder: a python-docx document, or finished DOCX bytes."""
    checked_as: Family
    manifest: tuple[str, ...] = ()
    """The e-office fields the manifest records, read from the document model."""
    needs: str = ""
    """The message that says what a plan needs for this kind (``needs_bao_cao``): shown when
    ``--only`` asks for it and the plan gives none."""
    one_template: bool = False
    """Every document is filled from one template: the gate checks the first in full and
    the others for what their data can change."""


KINDS: dict[str, Kind[Any]] = {}


def register(kind: Kind[Any]) -> Kind[Any]:
    """Add ``kind`` to the registry; its name must be new."""
    if kind.name in KINDS:
        raise ValueError(f"kind {kind.name!r} is registered already")
    KINDS[kind.name] = kind
    return kind


@dataclass(frozen=True)
class Rendered:
    """A document ready to save: its path in the output folder, its kind, and either a
    python-docx document or finished bytes; what it leaves blank and may leave blank."""

    file_name: str
    kind: str
    document: Any = None
    data: bytes | None = None
    blanks: frozenset[str] = frozenset()
    allowed_blanks: frozenset[str] = frozenset()
    signer: str | None = None  # the signer's name where the document has a signer block
    checked_as: Family = "van-ban"
    meta: dict[str, Any] = field(default_factory=dict)
    gate_full: bool = True  # False: a form filled from a template already checked in full

    @property
    def signed(self) -> bool:
        """True when the document carries a signer block, so the name is required."""
        return self.signer is not None


def render_documents(bundle: Bundle, templates_dir: Path, *, draft: bool = False,
                     only: Iterable[str] | None = None, lang: Lang = "vi",
                     wants: Callable[[int], bool] | None = None) -> Iterator[Rendered]:
    """Every document of the plan and its data (of the kinds in ``only``), one at a time,
    so that a caller can write each away before the next is made. With ``wants``, only
    the documents whose place in that order (counted from 0) it accepts: one of several
    processes building the plan together."""
    store = TemplateStore(templates_dir, lang)
    wanted = set(KINDS if only is None else only)
    place = -1
    for kind in KINDS.values():
        if kind.name not in wanted:
            continue
        context = RenderContext(store, draft)
        for i, made in enumerate(kind.sources(bundle)):
            place += 1
            if wants is not None and not wants(place):
                continue
            # No local keeps the document: the caller drops it before the next is made.
            yield replace(_rendered(kind, made, kind.layout(made.source, context)),
                          gate_full=not kind.one_template or i == 0)


def _rendered(kind: Kind[Any], made: Made[Any], built: Any) -> Rendered:
    rendered = Rendered(kind.file_name.format(key=made.key), kind.name,
                        checked_as=kind.checked_as)
    rendered = (replace(rendered, data=built) if isinstance(built, bytes)
                else replace(rendered, document=built))
    doc = made.source
    if not isinstance(doc, IssuedDocument):
        return rendered
    return replace(rendered, blanks=doc.number.blanks, allowed_blanks=doc.number.de_trong,
                   signer=doc.signer.name or "", meta=manifest_fields(doc, kind.manifest))


MANIFEST_FIELDS: Mapping[str, Callable[[IssuedDocument], Any]] = {
    "loai_van_ban": lambda d: d.kind_name,
    "so_ky_hieu": lambda d: (f"{vn.hai_so(d.number.number)}/{d.ky_hieu}"
                             if d.number.number else f"/{d.ky_hieu}"),
    "trich_yeu": lambda d: " ".join(d.trich_yeu.split()),
    "ngay": lambda d: d.number.issued_on.isoformat() if d.number.issued_on else None,
    "nguoi_ky": lambda d: d.signer.name or None,
    "quyen_han": lambda d: list(d.signer.authority or ()),
    "tap_the": lambda d: d.signer.collective,
    "chuc_vu_cap_truong": lambda d: d.signer.head_title,
    "chuc_vu": lambda d: d.signer.title,
    "kinh_gui": lambda d: list(d.recipients.kinh_gui),
    "noi_nhan": lambda d: list(d.recipients.noi_nhan),
}
"""Each e-office field a kind may list, computed from the document model."""


def manifest_fields(doc: IssuedDocument, names: Iterable[str]) -> dict[str, Any]:
    """The manifest's e-office fields ``names`` of ``doc``, in that order."""
    return {name: MANIFEST_FIELDS[name](doc) for name in names}


def kind_names() -> tuple[str, ...]:
    """The registered kinds, in build order."""
    return tuple(KINDS)


def compile_all(plan: Plan, templates_dir: Path, lang: Lang = "vi") -> TemplateStore:
    """Read, lint and compile every Word template the plan's documents use (its Phụ lục;
    the filled forms use the same templates), before anything is built."""
    store = TemplateStore(templates_dir, lang)
    for annex in ke_hoach.plan_document(plan).annexes:
        if isinstance(annex, TemplateAnnex):
            store.get(annex.template, annex.context)
    return store


from plangen.kinds import (  # noqa: E402
    bao_cao,
    cong_van,
    danh_sach,
    ke_hoach,
    phieu_dang_ky,
    quyet_dinh,
    van_ban,
)

for _module in (ke_hoach, phieu_dang_ky, danh_sach, bao_cao, quyet_dinh, van_ban, cong_van):
    register(_module.KIND)
