"""The kinds of document a plan gives, in one registry. Each kind is declared once: its
YAML entry model, its tên loại and mẫu profile (data in ``spec/mau.py``), how its documents
are made from the plan, which layout builds them, what its files are called, what the
manifest records of it, and what a plan needs for it.

Why: adding a kind must be one room. The plan's union of documents (and so its error
locations and the JSON Schema), ``--only``, the gate, the checker's reading of the mẫu,
the manifest and the messages all read this registry; none keeps a list of kinds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar, get_args

from plangen.messages import Lang, message
from plangen.plan import model
from plangen.plan.datafiles import Bundle
from plangen.plan.document import IssuedDocument
from plangen.plan.model import Entry, Plan
from plangen.render.annex.forms import TemplateStore
from plangen.render.context import RenderContext
from plangen.spec import mau, vn

Source = TypeVar("Source")
Family = Literal["document", "attachment"]
"""How ``plangen check`` reads a file: a whole document (header, body, signer) or an
attached Phụ lục or form. The gate refuses a file the checker reads otherwise."""

ISSUED_FIELDS = ("loai_van_ban", "so_ky_hieu", "trich_yeu", "ngay", "nguoi_ky", "quyen_han",
                 "tap_the", "chuc_vu_cap_truong", "chuc_vu", "kinh_gui", "noi_nhan")
"""The e-office fields the manifest records of an issued document."""


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
    ten_loai: mau.TenLoai | None = None
    """Its tên loại, code and mẫu profile; None for an attachment (a form, a list), which
    the checker reads as a Phụ lục in a file of its own."""
    entry: type[Entry] | None = None
    """The model of its documents in the plan file (``van_ban``), when a plan writes them."""
    code: str | None = None
    """Its ``kind:`` in the plan file; the tên loại's code when not given (``CV`` is a
    công văn's, which the decree's table does not list)."""
    manifest: tuple[str, ...] = ISSUED_FIELDS
    """The e-office fields the manifest records, read from the document model."""
    needs: str = "needs_document"
    """The message that says what a plan needs for this kind: shown when ``--only`` asks
    for it and the plan gives none."""
    one_template: bool = False
    """Every document is filled from one template: the gate checks the first in full and
    the others for what their data can change."""

    @property
    def checked_as(self) -> Family:
        """How the checker must read its files."""
        return "attachment" if self.ten_loai is None else "document"

    @property
    def yaml_code(self) -> str | None:
        """Its ``kind:`` in the plan file."""
        return self.code or (self.ten_loai.code if self.entry is not None and self.ten_loai
                             else None)

    def needs_text(self, lang: Lang) -> str:
        """What a plan needs to give a document of this kind."""
        return message(self.needs, lang, code=self.yaml_code or "",
                       name=self.ten_loai.name if self.ten_loai else self.name)


KINDS: dict[str, Kind[Any]] = {}


def register(kind: Kind[Any], rebuild: bool = True) -> Kind[Any]:
    """Add ``kind`` to the registry: its name must be new; its entry model joins the
    plan's union of documents under its code (the plan's validator is made again unless
    ``rebuild`` is False: the built-in kinds make it once, together), and its tên loại the
    checker's table."""
    if kind.name in KINDS:
        raise ValueError(f"kind {kind.name!r} is registered already")
    code = kind.yaml_code
    if kind.entry is not None and code is not None:
        codes = get_args(kind.entry.model_fields["kind"].annotation)
        if code not in codes:
            raise ValueError(f"kind {kind.name!r}: its entry model takes {codes}, not {code!r}")
        model.add_entry_model(code, kind.entry, rebuild)
    if kind.ten_loai is not None and kind.ten_loai.code and \
            mau.TEN_LOAI.get(kind.ten_loai.code) != kind.ten_loai:
        mau.register(kind.ten_loai)
    KINDS[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    """Take back :func:`register` (a test's own kind)."""
    kind = KINDS.pop(name)
    if kind.yaml_code is not None and kind.entry is not None:
        model.remove_entry_model(kind.yaml_code)
    if kind.ten_loai is not None and kind.ten_loai.code:
        mau.unregister(kind.ten_loai.code)


E = TypeVar("E", bound=Entry)


def entries(plan: Plan, entry: type[E], code: str) -> list[E]:
    """The plan's documents of ``kind: code``, in the order the file lists them."""
    return [e for e in plan.van_ban if isinstance(e, entry) and e.kind == code]


def from_entries(code: str, entry: type[E], convert: Callable[[Bundle, E], Source]
                 ) -> Callable[[Bundle], list[Made[Source]]]:
    """A kind's ``sources``: each document of ``kind: code`` the plan lists, made into
    what its layout builds from, under the file name its tên loại and key give."""
    def sources(bundle: Bundle) -> list[Made[Source]]:
        return [Made(e.file_stem, convert(bundle, e)) for e in entries(bundle.plan, entry, code)]
    return sources


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
    checked_as: Family = "document"
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
    names = [block.signer.name or "" for block in doc.blocks]
    return replace(rendered, blanks=doc.number.blanks, allowed_blanks=doc.number.de_trong,
                   signer=next((n for n in names if not n), names[-1]),
                   meta=manifest_fields(doc, kind.manifest))


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


def document_kinds() -> tuple[Kind[Any], ...]:
    """The kinds a plan file writes as documents (in ``van_ban``), in build order."""
    return tuple(kind for kind in KINDS.values() if kind.entry is not None)


def compile_all(plan: Plan, templates_dir: Path, lang: Lang = "vi") -> TemplateStore:
    """Read, lint and compile every Word template the plan's documents use (their Phụ
    lục; the filled forms use the same templates), before anything is built."""
    store = TemplateStore(templates_dir, lang)
    values = campaign.template_context(plan)
    for entry in plan.van_ban:
        for _path, annexes in entry.annex_lists():
            for annex in annexes:
                if annex.template is not None:
                    store.get(annex.template, values)
    return store


from plangen.kinds import (  # noqa: E402
    bao_cao,
    bien_ban,
    campaign,
    cong_van,
    danh_sach,
    giay_moi,
    phieu_dang_ky,
    quyet_dinh,
    ten_loai,
)

BUILT_IN: tuple[Kind[Any], ...] = (
    ten_loai.KE_HOACH, phieu_dang_ky.KIND, danh_sach.KIND, bao_cao.KIND, bien_ban.KIND,
    quyet_dinh.KIND, *ten_loai.OTHERS, cong_van.KIND, giay_moi.KIND)
"""plangen's kinds, in build order."""
for _kind in BUILT_IN:
    register(_kind, rebuild=False)
model.Plan.model_rebuild(force=True)  # once for all: 21 rebuilds took 0.7 s of every start
