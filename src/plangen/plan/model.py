"""The plan model: what one YAML plan file may say, field by field.

Why: the plan file is the single source of every document plangen writes, so its shape is
checked strictly (unknown keys are errors, so typos cannot pass) and each field documents
itself in Vietnamese; ``schema.py`` reads those docstrings into the JSON Schema
descriptions editors show.

Only per-field checks live here. Rules that relate several fields (phases in order, dates
inside the period, the archive line last…) are in ``rules.py`` so that each problem can be
reported at the exact field it concerns. This module does no I/O and knows nothing of DOCX.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetPydanticSchema,
    WithJsonSchema,
)
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from plangen.plan.problems import RuleProblem
from plangen.spec import mau, vn

if TYPE_CHECKING:
    from plangen.plan.datafiles import Bundle
    from plangen.plan.yamlread import DataPath

Authority = Literal["TM.", "KT.", "TL.", "TUQ.", "Q."]

_VN_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _parse_date(value: object) -> object:
    """Accept ``2023-08-25`` or ``25/8/2023``; say which day does not exist."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise PydanticCustomError("date_form", "not a date: {value}", {"value": str(value)})
    if not isinstance(value, str):
        return value
    text = value.strip()
    iso, vn_form = _ISO_DATE.match(text), _VN_DATE.match(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif vn_form:
        day, month, year = (int(g) for g in vn_form.groups())
    else:
        raise PydanticCustomError("date_form", "not a date: {value}", {"value": text})
    try:
        return date(year, month, day)
    except ValueError:
        raise PydanticCustomError("date_impossible", "no such day: {value}",
                                  {"value": text}) from None


def _no_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "must not be empty")
    return value


_TIME_FIRST = re.compile(r"^(\d{1,2})[:hg](\d{2})\s+(.+)$")
_TIME_LAST = re.compile(r"^(.+?)\s+(\d{1,2}):(\d{2})$")


def _parse_moment(value: object) -> object:
    """Accept ``2025-12-10 14:00``, ``10/12/2025 14:00`` or ``14:00 10/12/2025``: a day and
    a time of day; say which day or time does not exist."""
    if isinstance(value, datetime) or not isinstance(value, str):
        return value
    text = value.strip()
    first, last = _TIME_FIRST.match(text), _TIME_LAST.match(text)
    if first:
        hour, minute, day_text = int(first[1]), int(first[2]), first[3]
    elif last:
        day_text, hour, minute = last[1], int(last[2]), int(last[3])
    else:
        raise PydanticCustomError("moment_form", "not a day and time: {value}", {"value": text})
    day = _parse_date(day_text)
    if not isinstance(day, date) or not (0 <= hour < 24 and 0 <= minute < 60):
        raise PydanticCustomError("moment_form", "not a day and time: {value}", {"value": text})
    return datetime(day.year, day.month, day.day, hour, minute)


VnDate = Annotated[date, BeforeValidator(_parse_date)]
VnMoment = Annotated[datetime, BeforeValidator(_parse_moment)]
"""A day and a time of day: when a meeting starts or ends."""
Text = Annotated[str, AfterValidator(_no_blank)]
"""Free text: Markdown (bold, italic, lists, links) that may use Jinja over the plan's data."""

def _matching(pattern: str, code: str) -> AfterValidator:
    """A validator refusing text that does not match ``pattern``, with error ``code`` (its
    message, in both languages, is in ``messages``)."""
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.match(value):
            raise PydanticCustomError(code, "{value} does not match", {"value": value})
        return value

    return AfterValidator(check)


Url = Annotated[str, _matching(r"^https?://[^\s<>\"]+$", "url")]


def _recipient(value: str) -> str:
    """Drop the ``- `` and ``;``/``.`` that NĐ30 prints: the renderer adds them."""
    for dash in ("-", "–", "—"):  # an en or em dash pasted from Word is the same marker
        value = value.removeprefix(dash)
    return _no_blank(value.strip().rstrip(";.").strip())


Recipient = Annotated[str, AfterValidator(_recipient)]


def _can_cu(value: str) -> str:
    """Drop the ``;`` ``.`` or ``,`` typed at the end: the renderer adds ``;`` or ``.``."""
    return _no_blank(value.strip().rstrip(";.,").rstrip())


CanCu = Annotated[str, AfterValidator(_can_cu)]
"""One căn cứ, written without its final ; or ."""
"""One line of Nơi nhận or Kính gửi, written without its leading dash and final ; or ."""
Abbreviation = Annotated[str, _matching(
    r"^([A-ZĐ0-9][A-Za-zĐđ0-9&]*(-[A-ZĐ0-9][A-Za-zĐđ0-9&]*)*|<<cần điền: [^<>\n]+>>)$",
    "abbreviation")]
"""Capitals, digits and "-": a body's or a unit's short name in a ký hiệu (or, in an
imported plan, ``<<cần điền: …>>``: a value to fill, which only a draft may print)."""


class StrictModel(BaseModel):
    """Base of every part of the plan: unknown keys are errors, text is stripped.

    Why: an admin's typo (``trich_yue``) must be reported, never ignored; numbers typed
    where text is expected (``name: 2023``) are read as text.
    """

    # defer_build: a model's validator is built when first used, and a plan's validator
    # takes in the models it holds; building each of forty models on its own at import
    # cost every command 20 ms.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True,
                              coerce_numbers_to_str=True, frozen=True, allow_inf_nan=False,
                              defer_build=True)


class Issuer(StrictModel):
    """Cơ quan, tổ chức ban hành văn bản."""

    name: Text
    """Tên đầy đủ của cơ quan ban hành, như in trên văn bản (ví dụ: Trường THPT Nguyễn Trãi). Xuống dòng trong tên được giữ nguyên ở phần đầu văn bản."""
    abbreviation: Abbreviation
    """Chữ viết tắt tên cơ quan, dùng trong ký hiệu văn bản (ví dụ: THPTNT → KH-THPTNT)."""
    parent: Text | None = None
    """Tên cơ quan, tổ chức chủ quản trực tiếp (nếu có), in phía trên tên cơ quan ban hành."""


class Phase(StrictModel):
    """Một đợt thi đua."""

    name: Text
    """Tên đợt (ví dụ: Đợt 1)."""
    start: VnDate | None = None
    """Ngày bắt đầu; để trống nghĩa là "từ nay" (từ ngày ban hành)."""
    end: VnDate
    """Ngày kết thúc."""
    tasks: list[Text] = Field(default_factory=list)
    """Các việc cần làm trong đợt."""
    link: str | None = None
    """Tên một đường link trong campaign.links dùng cho đợt này (ví dụ: dang_ky)."""


class Milestone(StrictModel):
    """Các việc của một năm trong giai đoạn."""

    year: int
    """Năm (ví dụ: 2024)."""
    tasks: list[Text] = Field(default_factory=list)
    """Các việc trong năm."""
    deadline: VnDate | None = None
    """Hạn báo cáo kết quả của năm."""


class Target(StrictModel):
    """Một chỉ tiêu thi đua."""

    description: Text
    """Nội dung chỉ tiêu."""
    value: float
    """Giá trị chỉ tiêu (ví dụ: 100 với đơn vị %, 1 với đơn vị mô hình)."""
    unit: str = "%"
    """Đơn vị (%, mô hình, …)."""
    group: str | None = None
    """Đối tượng áp dụng: tên một nhóm trong campaign.participants."""

    def __str__(self) -> str:
        """``100%`` or ``01 mô hình``: how prose quotes a target."""
        if self.unit == "%":
            return vn.phan_tram(self.value)
        count = vn.hai_so(int(self.value)) if self.value.is_integer() else vn.so(self.value)
        return f"{count} {self.unit}"


class ParticipantGroup(StrictModel):
    """Một nhóm đối tượng thi đua."""

    name: Text
    """Tên nhóm (ví dụ: Tập thể, Cá nhân)."""
    members: list[Text] = Field(default_factory=list)
    """Các thành phần của nhóm."""


class Campaign(StrictModel):
    """Dữ liệu của phong trào: giai đoạn, các đợt, mốc hằng năm, chỉ tiêu, đối tượng, đường link."""

    name: Text
    """Tên phong trào (ví dụ: Cải cách hành chính)."""
    start: VnDate
    """Ngày bắt đầu giai đoạn."""
    end: VnDate
    """Ngày kết thúc giai đoạn."""
    phases: list[Phase] = Field(default_factory=list)
    """Các đợt thi đua, theo thứ tự thời gian."""
    milestones: list[Milestone] = Field(default_factory=list)
    """Tiến độ theo từng năm."""
    targets: dict[str, Target] = Field(default_factory=dict)
    """Các chỉ tiêu, theo tên ngắn (ví dụ: thanh_toan_dien_tu)."""
    participants: dict[str, ParticipantGroup] = Field(default_factory=dict)
    """Đối tượng thi đua, theo tên ngắn (ví dụ: tap_the, ca_nhan)."""
    links: dict[str, Url] = Field(default_factory=dict)
    """Các đường link, theo tên ngắn (ví dụ: dang_ky, bao_cao)."""

    @property
    def years(self) -> str:
        """``2023 - 2025``: the period as prose names it."""
        return vn.giai_doan(self.start.year, self.end.year)


class Section(StrictModel):
    """Một mục của phần nội dung; mục con được đánh số I. → 1. → a) → - → + (hoặc 1. → a) → - → +, hoặc 1. → 1.1. → 1.1.1.)."""

    heading: Text
    """Tiêu đề mục (không ghi số: plangen tự đánh số)."""
    so: Annotated[int, Field(ge=1, le=999)] | None = None
    """Số của mục này khi không bắt đầu từ 1 (ví dụ: 3 → mục "III." hoặc "3."); các mục sau đánh số tiếp."""
    content: Text | None = None
    """Nội dung: Markdown; dòng bắt đầu bằng "- " là ý gạch đầu dòng, thụt vào hai dấu cách là ý "+"."""
    sections: list[Section] = Field(default_factory=list)
    """Các mục con."""


AUTHORITY_FORMS: tuple[tuple[str, ...], ...] = (
    ("TM.",), ("KT.",), ("TL.",), ("TUQ.",), ("Q.",), ("TM.", "KT."))
"""Quyền hạn ký NĐ30 allows (PL I, II.7.a), and the collective-plus-deputy form used by
People's Committees: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"."""


def _authority(value: object) -> object:
    """``KT.`` or ``[TM., KT.]`` as a tuple; anything else is refused with the forms allowed."""
    if value is None:
        return None
    form = tuple(value) if isinstance(value, list | tuple) else (value,)
    if form not in AUTHORITY_FORMS:
        shown = ", ".join(str(v) for v in form) if isinstance(value, list | tuple) else value
        raise PydanticCustomError("authority", "not an authority: {value}",
                                  {"value": str(shown)})
    return form


AuthorityForm = Annotated[tuple[Authority, ...], BeforeValidator(_authority), WithJsonSchema({
    "anyOf": [{"enum": ["TM.", "KT.", "TL.", "TUQ.", "Q."]},
              {"type": "array", "prefixItems": [{"const": "TM."}, {"const": "KT."}],
               "items": False, "minItems": 2}]})]
"""How an editor sees the field: one prefix, or the list [TM., KT.]."""


class Signer(StrictModel):
    """Người ký: quyền hạn, tập thể hoặc chức vụ người đứng đầu, chức vụ, họ tên."""

    authority: AuthorityForm | None = None
    """Quyền hạn ký: TM., KT., TL., TUQ., Q., hoặc [TM., KT.] khi cấp phó ký thay người đứng đầu tập thể; để trống khi người đứng đầu ký."""
    collective: Text | None = None
    """Sau TM.: tên tập thể lãnh đạo (ví dụ: Ủy ban nhân dân)."""
    head_title: Text | None = None
    """Sau KT., TL., TUQ., Q.: chức vụ của người đứng đầu (ví dụ: Giám đốc)."""
    title: Text | None = None
    """Chức vụ của người ký (ví dụ: Hiệu trưởng, Phó Giám đốc); người ký Q. không ghi."""
    name: Text | None = None
    """Họ và tên người ký, không kèm học hàm, học vị (chỉ bản dự thảo được để trống)."""

    def titles(self) -> tuple[str, ...]:
        """The capitalised lines above the name: ``("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH")``, ``("KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG")``, ``("Q. GIÁM ĐỐC",)``."""
        lines: list[str] = []
        for prefix in self.authority or ():
            named = self.collective if prefix == "TM." else self.head_title
            if named is not None:
                lines.append(f"{prefix} {vn.upper(named)}")
        if self.title is not None:
            lines.append(vn.upper(self.title))
        return tuple(lines)


class CsvSource(StrictModel):
    """Một tệp CSV xuất từ biểu mẫu đăng ký trực tuyến, và cách đọc các cột."""

    file: str
    """Đường dẫn tệp CSV, tính từ thư mục của tệp kế hoạch."""
    columns: dict[str, str]
    """Tên trường → tiêu đề cột trong CSV (ví dụ: name: "Tên mô hình")."""


class DataFiles(StrictModel):
    """Các tệp dữ liệu của kế hoạch (đường dẫn tính từ thư mục của tệp kế hoạch)."""

    registrations: list[str | CsvSource] = Field(default_factory=list)
    """Các tệp đăng ký: tệp YAML, hoặc tệp CSV kèm cách đọc cột."""
    results: str | None = None
    """Tệp kết quả (YAML)."""


class AnnexTable(StrictModel):
    """Một bảng: tiêu đề các cột và các dòng, ghi ngay trong kế hoạch hoặc lấy từ tệp CSV."""

    columns: list[Text] = Field(default_factory=list)
    """Tiêu đề các cột (ví dụ: [STT, Nhiệm vụ, Đơn vị chủ trì, Thời hạn]); để trống khi lấy từ dòng đầu của tệp CSV."""
    rows: list[list[str]] = Field(default_factory=list)
    """Các dòng, mỗi dòng một danh sách ô theo thứ tự cột."""
    file: str | None = None
    """Tệp CSV (UTF-8) chứa các dòng, tính từ thư mục của tệp kế hoạch; dòng đầu là tiêu đề cột."""


class Annex(StrictModel):
    """Một phụ lục kèm theo văn bản: mẫu Word, bảng, hoặc văn bản Markdown (chọn một)."""

    title: Text
    """Tên phụ lục (ví dụ: Danh sách nhiệm vụ trọng tâm), in hoa, đậm dưới dòng "Phụ lục I"."""
    template: str | None = None
    """Tên tệp mẫu Word (.docx) trong thư mục templates/, điền dữ liệu bằng thẻ {{ … }}."""
    table: AnnexTable | None = None
    """Một bảng (các cột và các dòng)."""
    content: Text | None = None
    """Văn bản Markdown: đoạn văn, ý gạch đầu dòng, bảng (| … |) và chú thích [^1]."""


Level = Literal["Hoàn thành tốt", "Hoàn thành", "Chưa hoàn thành"]
LEVELS: tuple[Level, ...] = ("Hoàn thành tốt", "Hoàn thành", "Chưa hoàn thành")
FileKey = Annotated[str, _matching(r"^[a-z0-9]+(-[a-z0-9]+)*$", "file_key")]
"""Part of a file name: lowercase letters, digits and "-" (``khen-thuong``)."""
SignerKey = Annotated[str, _matching(r"^[a-z0-9_]+$", "signer_key")]
"""The short name of a signer in ``signers`` (``hieu_truong``)."""
Numbering = Literal["roman", "arabic", "decimal"]


class CoIssuer(StrictModel):
    """Một cơ quan, tổ chức cùng ban hành văn bản liên tịch, và người ký của cơ quan đó."""

    issuer: Issuer
    """Tên và chữ viết tắt của cơ quan cùng ban hành (ví dụ: Ban Chấp hành Công đoàn trường, CĐCS)."""
    signer: Signer | SignerKey
    """Người ký thay mặt cơ quan cùng ban hành (ví dụ: TM. Ban Chấp hành, Chủ tịch), hoặc tên ngắn trong signers."""


class Entry(StrictModel):
    """Một văn bản của tệp kế hoạch: mọi loại văn bản đều có số, ngày, trích yếu, nơi nhận, người ký."""

    kind: str
    """Loại văn bản theo Phụ lục III Nghị định 30 (KH: Kế hoạch, QĐ: Quyết định, CV: Công văn, BB: Biên bản, GM: Giấy mời, …)."""
    key: FileKey | None = None
    """Tên ngắn của văn bản trong tên tệp (ví dụ: khen-thuong → quyet-dinh-khen-thuong.docx); không ghi thì tệp mang tên loại văn bản (quyet-dinh.docx)."""
    number: Annotated[int, Field(ge=1, le=999_999)] | None = None
    """Số văn bản; để trống (và ghi "number" trong de_trong) để văn thư ghi số khi ban hành."""
    issued_on: VnDate | None = None
    """Ngày ban hành (YYYY-MM-DD hoặc DD/MM/YYYY); để trống (và ghi "issued_on" trong de_trong) để văn thư ghi ngày."""
    de_trong: list[Literal["number", "issued_on"]] = Field(default_factory=list)
    """Những chỗ cố ý để trống cho văn thư ghi tay khi ban hành: number (số), issued_on (ngày). Bản chính thức chỉ được để trống những chỗ ghi ở đây."""
    abbreviation: Abbreviation | None = None
    """Chữ viết tắt của cơ quan hoặc chức danh ban hành trong ký hiệu, khi khác issuer.abbreviation (ví dụ: CTUBND cho quyết định của Chủ tịch UBND: QĐ-CTUBND)."""
    trich_yeu: Text
    """Trích yếu nội dung; xuống dòng được giữ nguyên."""
    noi_nhan: list[Recipient] = Field(min_length=1)
    """Nơi nhận, mỗi dòng một nơi; dòng cuối là "Lưu: VT, …"."""
    signer: Signer | SignerKey | None = None
    """Người ký; để trống thì dùng người ký chung (signer), hoặc ghi tên ngắn của một người trong signers."""
    lien_tich: list[CoIssuer] = Field(default_factory=list)
    """Văn bản liên tịch: các cơ quan cùng ban hành (mỗi cơ quan một khối chữ ký, ký hiệu dạng KHLT-A-B)."""

    uses_signer: ClassVar[bool] = True
    """Signed by ``signer`` (its own or the plan's); a Biên bản is signed by its meeting's
    secretary and chair instead."""

    @property
    def ten_loai(self) -> mau.TenLoai:
        """The kind in the decree's table (or the công văn, which has no code)."""
        return mau.ten_loai_of(self.kind)

    @property
    def day(self) -> date | None:
        """The document's date, as other documents quote it (a Biên bản's: its meeting's)."""
        return self.issued_on

    @property
    def file_stem(self) -> str:
        """``quyet-dinh-khen-thuong``: the file's name without ``.docx``."""
        stem = vn.slug(self.ten_loai.name)
        return f"{stem}-{self.key}" if self.key else stem

    def ky_hieu(self, issuer: Issuer) -> str:
        """``KH-THPTNT``; a joint document names every body after its joint code:
        ``KHLT-THPTNT-CĐCS``."""
        own = self.abbreviation or issuer.abbreviation
        if not self.lien_tich:
            return vn.ky_hieu(self.kind, own)
        bodies = [own, *(co.issuer.abbreviation for co in self.lien_tich)]
        return "-".join([f"{self.kind}{mau.JOINT_SUFFIX}", *bodies])

    # -- what the checks before the build read; a kind with more fields says more ------

    def texts(self) -> Iterator[tuple[DataPath, str]]:
        """Its Markdown fields, where footnotes and tables are written, with their paths."""
        return iter(())

    def lines(self) -> Iterator[tuple[DataPath, str]]:
        """Its one-line texts, where no footnote is printed."""
        yield ("trich_yeu",), self.trich_yeu

    def annex_lists(self) -> Iterator[tuple[DataPath, list[Annex]]]:
        """Its lists of Phụ lục."""
        return iter(())

    def rules(self, plan: Plan) -> Iterator[RuleProblem]:
        """The rules of its kind over its own fields (paths relative to the entry)."""
        return iter(())

    def data_rules(self, bundle: Bundle) -> Iterator[RuleProblem]:
        """The rules of its kind that need the plan's data files read (paths relative to
        the entry): an award list no result fills."""
        return iter(())


def _sections_texts(sections: list[Section], path: DataPath) -> Iterator[tuple[DataPath, str]]:
    for i, section in enumerate(sections):
        if section.content is not None:
            yield (*path, i, "content"), section.content
        yield from _sections_texts(section.sections, (*path, i, "sections"))


def section_headings(sections: list[Section], path: DataPath
                     ) -> Iterator[tuple[DataPath, str]]:
    """Every heading of ``sections`` and their subsections, with its path."""
    for i, section in enumerate(sections):
        yield (*path, i, "heading"), section.heading
        yield from section_headings(section.sections, (*path, i, "sections"))


GENERIC_KINDS = ("KH", "BC", "TTr", "TB", "HD", "CTr", "PA", "ĐA", "DA", "CT", "QC", "QyĐ",
                 "TC", "GUQ", "PG", "PC", "PB")
"""The kinds a document of Mẫu 1.4 is written as, with no fields of their own."""


class VanBanTenLoai(Entry):
    """Một văn bản có tên loại theo Mẫu 1.4 (Kế hoạch, Báo cáo, Tờ trình, Thông báo, Hướng dẫn, …)."""

    kind: Literal["KH", "BC", "TTr", "TB", "HD", "CTr", "PA", "ĐA", "DA", "CT", "QC", "QyĐ",
                  "TC", "GUQ", "PG", "PC", "PB"]
    """Loại văn bản: KH (Kế hoạch), BC (Báo cáo), TTr (Tờ trình), TB (Thông báo), HD (Hướng dẫn), CTr (Chương trình), PA (Phương án), ĐA (Đề án), …"""
    can_cu: list[CanCu] = Field(default_factory=list)
    """Các căn cứ ban hành, mỗi căn cứ một dòng (không cần dấu ; hoặc . ở cuối)."""
    kinh_gui: list[Recipient] = Field(default_factory=list)
    """Nơi nhận ghi sau "Kính gửi" (dùng cho báo cáo, tờ trình gửi cấp trên)."""
    opening: Text | None = None
    """Đoạn mở đầu, trước mục đầu tiên."""
    content: Text | None = None
    """Nội dung (Markdown: đoạn văn, ý gạch đầu dòng, bảng, chú thích), khi văn bản không chia mục."""
    numbering: Numbering = "roman"
    """Cách đánh số mục: roman (I. → 1. → a), mặc định), arabic (1. → a)) hoặc decimal (1. → 1.1. → 1.1.1.; Nghị định 30 không quy định cách này)."""
    body: list[Section] = Field(default_factory=list)
    """Các mục của nội dung."""
    closing: Text | None = None
    """Đoạn kết, sau mục cuối cùng; plangen thêm ./. ở cuối."""
    phu_luc: list[Annex] = Field(default_factory=list)
    """Các phụ lục kèm theo, theo thứ tự; plangen đánh số Phụ lục I, II, … và ghi dòng "(Kèm theo …)". Không ghi thì văn bản không có phụ lục."""

    def texts(self) -> Iterator[tuple[DataPath, str]]:
        for name in ("opening", "content", "closing"):
            text = getattr(self, name)
            if text is not None:
                yield (name,), text
        yield from _sections_texts(self.body, ("body",))
        yield from annex_texts(self.phu_luc, ("phu_luc",))

    def lines(self) -> Iterator[tuple[DataPath, str]]:
        yield from super().lines()
        yield from ((("can_cu", i), text) for i, text in enumerate(self.can_cu))
        yield from section_headings(self.body, ("body",))

    def annex_lists(self) -> Iterator[tuple[DataPath, list[Annex]]]:
        yield ("phu_luc",), self.phu_luc


def annex_texts(annexes: list[Annex], path: DataPath) -> Iterator[tuple[DataPath, str]]:
    """The Markdown of each Phụ lục written in the plan, with its path."""
    for i, annex in enumerate(annexes):
        if annex.content is not None:
            yield (*path, i, "content"), annex.content


ENTRY_MODELS: dict[str, type[Entry]] = {}
"""The model of each ``kind:`` a plan's document may have, filled by the kind registry
(``plangen.kinds``): the plan's union of entries is made of it, never listed by hand."""


def _entries_schema(_source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
    """One model per ``kind``, chosen by the value of ``kind`` (a tagged union)."""
    choices: dict[str, CoreSchema] = {}
    for code, model in ENTRY_MODELS.items():
        choices[code] = handler.generate_schema(model)
    return core_schema.tagged_union_schema(choices, discriminator="kind")


AnyEntry = Annotated[Entry, GetPydanticSchema(_entries_schema)]


def add_entry_model(code: str, model: type[Entry], rebuild: bool = True) -> None:
    """Let documents of ``kind: code`` be written with ``model``; the plan's validator is
    made again now, unless ``rebuild`` is False (the caller rebuilds ``Plan`` once after
    adding several)."""
    ENTRY_MODELS[code] = model
    if rebuild:
        Plan.model_rebuild(force=True)


def remove_entry_model(code: str) -> None:
    """Take back :func:`add_entry_model` (a test's own kind)."""
    ENTRY_MODELS.pop(code, None)
    Plan.model_rebuild(force=True)


class ReportSettings(StrictModel):
    """Cách gửi và người ký các báo cáo kết quả."""

    kinh_gui: list[Recipient] = Field(default_factory=list)
    """Cơ quan nhận báo cáo (ví dụ: Sở Giáo dục và Đào tạo)."""
    noi_nhan: list[Recipient] = Field(default_factory=lambda: ["Lưu: VT"], min_length=1)
    """Nơi nhận sau "- Như trên;", dòng cuối là "Lưu: VT"."""
    signer: Signer | SignerKey | None = None
    """Người ký các báo cáo; để trống thì dùng người ký chung (signer)."""


class Plan(StrictModel):
    """Một tệp kế hoạch: dữ liệu chung (cơ quan ban hành, người ký, phong trào, tệp dữ liệu) và các văn bản tạo từ đó."""

    issuer: Issuer
    """Cơ quan ban hành và cơ quan chủ quản."""
    place: Text
    """Địa danh ghi ở dòng ngày tháng (tên đầy đủ, ví dụ: Thành phố Hồ Chí Minh)."""
    signer: Signer | None = None
    """Người ký chung: người ký của mọi văn bản không ghi người ký riêng."""
    signers: dict[SignerKey, Signer] = Field(default_factory=dict)
    """Những người ký khác, theo tên ngắn (ví dụ: pho_hieu_truong), để các văn bản ghi signer: pho_hieu_truong."""
    campaign: Campaign | None = None
    """Dữ liệu của phong trào (nếu có): giai đoạn, các đợt, mốc, chỉ tiêu, đối tượng, đường link. Cần cho biểu mẫu đăng ký, danh sách và báo cáo kết quả."""
    van_ban: list[AnyEntry] = Field(default_factory=list)
    """Các văn bản của tệp: kế hoạch (KH), quyết định (QĐ), công văn (CV), tờ trình (TTr), thông báo (TB), báo cáo (BC), biên bản (BB), giấy mời (GM), … Văn bản chính có thể ghi thẳng ở cấp ngoài cùng của tệp, như các kế hoạch trước đây."""
    data: DataFiles | None = None
    """Các tệp dữ liệu: danh sách đăng ký (YAML hoặc CSV của biểu mẫu trực tuyến) và kết quả."""
    reports: ReportSettings = Field(default_factory=ReportSettings)
    """Cách gửi các báo cáo kết quả (Kính gửi, nơi nhận)."""

    def signer_of(self, chosen: Signer | str | None) -> Signer | None:
        """The signer a document names (itself, or by its short name in ``signers``), or
        the plan's own when it names none."""
        if isinstance(chosen, str):
            return self.signers.get(chosen)
        return chosen or self.signer

    def first(self, *kinds: str) -> Entry | None:
        """The first document of one of ``kinds`` (the campaign's Kế hoạch: ``first("KH")``)."""
        return next((entry for entry in self.van_ban if entry.kind in kinds), None)
