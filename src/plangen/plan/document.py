"""One administrative document, as its layout builder reads it.

Why: a plan gives several documents (the Kế hoạch, a Báo cáo each year, and later the
Quyết định, Công văn and Tờ trình of the same campaign). They are made of the same parts:
issuer, number and date, recipients, body, signer, annexes. Every builder reads this one
model, so a new kind is a new way to fill it, never a new copy of a layout, and the
manifest reads structured values here instead of parsing printed text back.

The parts are separate models; ``Document`` is the member of the layout family "mẫu 1.4"
(văn bản có tên loại: Kế hoạch, Báo cáo, Tờ trình, Thông báo…). The Quyết định
(Mẫu 1.2/1.3) and Công văn (Mẫu 1.5) families join ``AnyDocument`` with their builders.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field

from plangen.plan.model import Issuer, Numbering, Signer, StrictModel
from plangen.spec import mau, nd30, vn

Blank = Literal["number", "issued_on"]


class NumberAndDate(StrictModel):
    """Số, địa danh và ngày ban hành; what is left blank for the văn thư, and what may be."""

    number: int | None = None
    place: str
    issued_on: date | None = None
    de_trong: frozenset[Blank] = frozenset()

    @property
    def blanks(self) -> frozenset[Blank]:
        """The parts this document leaves blank."""
        blanks: set[Blank] = set()
        if self.number is None:
            blanks.add("number")
        if self.issued_on is None:
            blanks.add("issued_on")
        return frozenset(blanks)


class Recipients(StrictModel):
    """Kính gửi (before the body) and Nơi nhận (beside the signer)."""

    kinh_gui: tuple[str, ...] = ()
    noi_nhan: tuple[str, ...] = ()

    def noi_nhan_lines(self) -> tuple[str, ...]:
        """Nơi nhận as printed: "Như trên" first when the document has a Kính gửi block
        (NĐ30 PL I, II.9.b), unless the author wrote it already."""
        if self.kinh_gui and "Như trên" not in self.noi_nhan:
            return ("Như trên", *self.noi_nhan)
        return self.noi_nhan


class Heading(StrictModel):
    """A numbered heading; its number comes from the document's numbering scheme, from 1
    or from ``start``, or is ``label`` as given (an article's "Điều 3.")."""

    type: Literal["heading"] = "heading"
    level: Annotated[int, Field(ge=1, le=nd30.SECTION_DEPTH)]
    text: str
    start: int | None = None
    label: str | None = None


class Division(StrictModel):
    """A Phần, Chương or Mục of a regulation: its label ("Chương I") and its title, each
    on a line of its own, centred and bold (NĐ30 PL I, II.6.đ)."""

    type: Literal["division"] = "division"
    label: str
    title: str


class Prose(StrictModel):
    """Markdown text: paragraphs and "-" / "+" items; ``notes`` are the footnotes its
    ``[^key]`` marks cite, by key."""

    type: Literal["prose"] = "prose"
    text: str
    notes: tuple[tuple[str, str], ...] = ()


class Column(StrictModel):
    """A table column: its title, its width, how its cells are aligned below the title."""

    title: str
    width_cm: float
    align: Literal["left", "center", "right"] = "left"


class Table(StrictModel):
    """A table with a bold, centred, repeating title row; rows never split across pages."""

    type: Literal["table"] = "table"
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    size_pt: float = 13


Block = Annotated[Heading | Division | Prose | Table, Field(discriminator="type")]


class TemplateAnnex(StrictModel):
    """A Phụ lục from a Word template of the templates folder, filled with ``context``."""

    type: Literal["template"] = "template"
    title: str
    template: str
    context: dict[str, Any] = Field(default_factory=dict)


class BlocksAnnex(StrictModel):
    """A Phụ lục written in the plan: prose and tables, laid out as the body is."""

    type: Literal["blocks"] = "blocks"
    title: str
    blocks: tuple[Block, ...]


Annex = Annotated[TemplateAnnex | BlocksAnnex, Field(discriminator="type")]


class SignatureBlock(StrictModel):
    """One signature block: its signer, under a fixed label ("THƯ KÝ", "CHỦ TỌA") or
    under the signer's own authority and position lines."""

    signer: Signer
    label: str | None = None

    def lines(self) -> tuple[str, ...]:
        """The capitalised lines above the space for the signature."""
        return (self.label,) if self.label else self.signer.titles()


class IssuedDocument(StrictModel):
    """What every issued document has, whatever its layout: issuer (and, when joint, the
    bodies issuing it too), number and date, trích yếu, recipients, signers, annexes, and
    the mẫu profile it is laid out by; the manifest and the gate read these."""

    kind: str
    profile: mau.Profile = mau.MAU_1_4
    issuer: Issuer
    co_issuers: tuple[Issuer, ...] = ()
    """The other bodies of a joint document (liên tịch), in the order they sign."""
    ky_hieu: str
    """``KH-THPTNT``, ``THPTNT-VP`` (a công văn), ``KHLT-THPTNT-CĐCS`` (joint)."""
    number: NumberAndDate
    trich_yeu: str
    recipients: Recipients = Recipients()
    signer: Signer
    """The signer the manifest names: the only one, or the issuing body's."""
    signatures: tuple[SignatureBlock, ...] = ()
    """The signature blocks left to right; none given: the one block of ``signer``."""
    body: tuple[Block, ...]
    """The content: headings, prose and tables (a decision's articles, a letter's text)."""
    annexes: tuple[Annex, ...] = ()
    numbering: Numbering = "roman"
    """How headings are numbered: from I., from 1., or 1.1. (``nd30.NUMBERING``)."""
    @property
    def kind_name(self) -> str:
        """``Kế hoạch``, ``Quyết định``: the tên loại of the kind."""
        return mau.name_of(self.kind)

    @property
    def blocks(self) -> tuple[SignatureBlock, ...]:
        """The signature blocks as printed, left to right."""
        return self.signatures or (SignatureBlock(signer=self.signer),)

    @property
    def so_ky_hieu(self) -> str:
        """``Số: 05/KH-THPTNT``, blank room before the slash without a number."""
        return vn.so_ky_hieu_of(self.number.number, self.ky_hieu)

    @property
    def issued_by(self) -> str:
        """Who the "(Kèm theo …)" line names as the issuer: the body (the bodies of a joint
        document)."""
        return " và ".join(" ".join(body.name.split()) for body in (self.issuer, *self.co_issuers))


class Document(IssuedDocument):
    """A document of the mẫu 1.4 family: header, tên loại and trích yếu, Kính gửi, căn
    cứ, body, Nơi nhận and signer, then its Phụ lục."""

    layout: Literal["mau-1.4"] = "mau-1.4"
    can_cu: tuple[str, ...] = ()


class IssuedWith(StrictModel):
    """A document a decision issues (Mẫu 1.3): its kind, trích yếu and content."""

    kind: str
    trich_yeu: str
    body: tuple[Block, ...]
    numbering: Numbering = "roman"

    @property
    def kind_name(self) -> str:
        """``Quy chế``."""
        return mau.name_of(self.kind)


class Decision(IssuedDocument):
    """A Quyết định (Mẫu 1.2): the authority that decides, căn cứ and "Theo đề nghị của …",
    "QUYẾT ĐỊNH:", its articles, Nơi nhận beginning "Như Điều …"."""

    layout: Literal["mau-1.2"] = "mau-1.2"
    kind: Literal["QĐ"] = "QĐ"
    authority: str
    can_cu: tuple[str, ...] = ()
    theo_de_nghi: str | None = None
    issues: IssuedWith | None = None
    """The document the decision issues (Mẫu 1.3), after it on pages of its own."""

    @property
    def issued_by(self) -> str:
        """A decision is issued by its authority: "Hiệu trưởng Trường THPT …"."""
        return " ".join(self.authority.split())


class Letter(IssuedDocument):
    """A Công văn (Mẫu 1.5): no tên loại; "V/v …" under the Số; Kính gửi; the body."""

    layout: Literal["mau-1.5"] = "mau-1.5"
    kind: Literal["CV"] = "CV"
    profile: mau.Profile = mau.MAU_1_5


AnyDocument = Annotated[Document | Decision | Letter, Field(discriminator="layout")]
"""Every layout family plangen builds."""
