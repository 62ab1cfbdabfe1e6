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
from datetime import date
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from plangen.spec import vn

# Kinds laid out by Mẫu 1.4 "Văn bản có tên loại" of Phụ lục III (nd30.md §8).
DocKind = Literal["CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC",
                  "TTr", "GUQ", "PG", "PC", "PB"]
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


VnDate = Annotated[date, BeforeValidator(_parse_date)]
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
    r"^[A-ZĐ0-9][A-Za-zĐđ0-9&]*(-[A-ZĐ0-9][A-Za-zĐđ0-9&]*)*$", "abbreviation")]
"""Capitals, digits and "-": a body's or a unit's short name in a ký hiệu."""


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
    """Một mục của phần nội dung; mục con được đánh số I. → 1. → a) (hoặc 1. → a))."""

    heading: Text
    """Tiêu đề mục (không ghi số: plangen tự đánh số)."""
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


class Issued(StrictModel):
    """What every document of the paper trail has: its key, number, date and signer."""

    key: FileKey
    """Tên ngắn của văn bản, dùng trong tên tệp (ví dụ: khen-thuong → quyet-dinh-khen-thuong.docx)."""
    number: Annotated[int, Field(ge=1, le=999_999)] | None = None
    """Số văn bản; để trống (và ghi "number" trong de_trong) để văn thư ghi số."""
    issued_on: VnDate | None = None
    """Ngày ban hành; để trống (và ghi "issued_on" trong de_trong) để văn thư ghi ngày."""
    de_trong: list[Literal["number", "issued_on"]] = Field(default_factory=list)
    """Những chỗ cố ý để trống cho văn thư ghi tay: number, issued_on."""
    trich_yeu: Text
    """Trích yếu nội dung (với công văn: phần sau "V/v")."""
    noi_nhan: list[Recipient] = Field(min_length=1)
    """Nơi nhận, dòng cuối là "Lưu: VT, …"; plangen thêm "Như trên" hoặc "Như Điều …" ở đầu."""
    signer: Signer | None = None
    """Người ký; để trống thì dùng người ký của kế hoạch."""


class AwardList(StrictModel):
    """Danh sách khen thưởng lấy từ kết quả: các đăng ký đạt mức độ đã chọn."""

    title: Text
    """Tên phụ lục (ví dụ: Danh sách mô hình, giải pháp, sáng kiến được khen thưởng)."""
    results: Literal["tong-ket"] | int = "tong-ket"
    """Kết quả dùng để xét: tong-ket (kết quả mới nhất của mỗi đăng ký) hoặc một năm (ví dụ: 2024)."""
    levels: list[Level] = Field(default_factory=lambda: [LEVELS[0]], min_length=1)
    """Các mức độ hoàn thành được khen thưởng."""


class BanHanh(StrictModel):
    """Văn bản được ban hành kèm theo quyết định (Mẫu 1.3): quy chế, quy định, kế hoạch, …"""

    kind: Literal["QC", "QyĐ", "KH", "HD", "CTr", "PA", "ĐA"]
    """Loại văn bản: QC (Quy chế), QyĐ (Quy định), KH (Kế hoạch), …"""
    trich_yeu: Text
    """Trích yếu của văn bản (ví dụ: Tổ chức và hoạt động của Ban tổ chức hội thi)."""
    content: Text
    """Nội dung (Markdown): các điều ghi "**Điều 1.** …" hoặc đoạn văn, ý gạch đầu dòng, bảng."""


class QuyetDinh(Issued):
    """Một quyết định (Mẫu 1.2 Phụ lục III): thẩm quyền, căn cứ, các điều, phụ lục."""

    kind: Literal["QĐ"]
    """QĐ: Quyết định."""
    authority: Text
    """Thẩm quyền ban hành, in hoa dưới trích yếu (ví dụ: Hiệu trưởng Trường THPT Nguyễn Trãi)."""
    can_cu: list[CanCu] = Field(default_factory=list)
    """Các căn cứ ban hành."""
    theo_de_nghi: Text | None = None
    """Dòng "Theo đề nghị của …" sau các căn cứ (ghi cả chữ "Theo đề nghị của")."""
    dieu: list[Text] = Field(min_length=1)
    """Các điều, theo thứ tự; plangen ghi "Điều 1.", "Điều 2.", … ở đầu mỗi điều."""
    khen_thuong: AwardList | None = None
    """Danh sách khen thưởng lấy từ tệp kết quả, kèm theo làm phụ lục."""
    ban_hanh: BanHanh | None = None
    """Văn bản được ban hành kèm theo quyết định (Mẫu 1.3), in sau quyết định, trang mới."""
    phu_luc: list[Annex] = Field(default_factory=list)
    """Các phụ lục khác, sau danh sách khen thưởng."""


class CongVan(Issued):
    """Một công văn (Mẫu 1.5 Phụ lục III): không có tên loại, trích yếu "V/v …", Kính gửi."""

    kind: Literal["CV"]
    """CV: Công văn."""
    unit: Abbreviation
    """Chữ viết tắt của đơn vị soạn thảo, trong ký hiệu: Số: …/THPTNT-VP."""
    kinh_gui: list[Recipient] = Field(min_length=1)
    """Nơi nhận ghi sau "Kính gửi"."""
    content: Text
    """Nội dung công văn (Markdown)."""


class VanBanTenLoai(Issued):
    """Một văn bản có tên loại theo Mẫu 1.4 (Tờ trình, Thông báo, …)."""

    kind: Literal["TTr", "TB", "BC", "KH", "HD", "CTr", "PA", "ĐA"]
    """Loại văn bản: TTr (Tờ trình), TB (Thông báo), …"""
    kinh_gui: list[Recipient] = Field(default_factory=list)
    """Nơi nhận ghi sau "Kính gửi" (tờ trình gửi cấp trên)."""
    can_cu: list[CanCu] = Field(default_factory=list)
    """Các căn cứ."""
    content: Text
    """Nội dung (Markdown: đoạn văn, ý gạch đầu dòng, bảng, chú thích)."""
    phu_luc: list[Annex] = Field(default_factory=list)
    """Các phụ lục kèm theo."""


VanBan = Annotated[QuyetDinh | CongVan | VanBanTenLoai, Field(discriminator="kind")]


class ReportSettings(StrictModel):
    """Cách gửi và người ký các báo cáo kết quả."""

    kinh_gui: list[Recipient] = Field(default_factory=list)
    """Cơ quan nhận báo cáo (ví dụ: Sở Giáo dục và Đào tạo)."""
    noi_nhan: list[Recipient] = Field(default_factory=lambda: ["Lưu: VT"], min_length=1)
    """Nơi nhận sau "- Như trên;", dòng cuối là "Lưu: VT"."""
    signer: Signer | None = None
    """Người ký các báo cáo; để trống thì dùng người ký của kế hoạch (signer)."""


class Plan(StrictModel):
    """Một kế hoạch: mọi văn bản plangen tạo ra đều lấy dữ liệu từ đây."""

    issuer: Issuer
    """Cơ quan ban hành và cơ quan chủ quản."""
    kind: DocKind = "KH"
    """Loại văn bản theo Phụ lục III Nghị định 30 (KH: Kế hoạch, BC: Báo cáo, …)."""
    number: Annotated[int, Field(ge=1, le=999_999)] | None = None
    """Số văn bản; để trống (và ghi "number" trong de_trong) để văn thư ghi số khi ban hành."""
    place: Text
    """Địa danh ghi ở dòng ngày tháng (tên đầy đủ, ví dụ: Thành phố Hồ Chí Minh)."""
    issued_on: VnDate | None = None
    """Ngày ban hành (YYYY-MM-DD hoặc DD/MM/YYYY); để trống (và ghi "issued_on" trong de_trong) để văn thư ghi ngày."""
    de_trong: list[Literal["number", "issued_on"]] = Field(default_factory=list)
    """Những chỗ cố ý để trống cho văn thư ghi tay khi ban hành: number (số), issued_on (ngày). Bản chính thức chỉ được để trống những chỗ ghi ở đây."""
    trich_yeu: Text
    """Trích yếu nội dung; xuống dòng được giữ nguyên."""
    can_cu: list[CanCu] = Field(default_factory=list)
    """Các căn cứ ban hành, mỗi căn cứ một dòng (không cần dấu ; hoặc . ở cuối)."""
    kinh_gui: list[Recipient] = Field(default_factory=list)
    """Nơi nhận ghi sau "Kính gửi" (dùng cho báo cáo, tờ trình gửi cấp trên)."""
    opening: Text | None = None
    """Đoạn mở đầu, trước mục đầu tiên."""
    numbering: Literal["roman", "arabic"] = "roman"
    """Cách đánh số mục: roman (I. → 1. → a), mặc định) hoặc arabic (1. → a), cho văn bản không chia phần lớn)."""
    body: list[Section] = Field(min_length=1)
    """Các mục của nội dung."""
    closing: Text | None = None
    """Đoạn kết, sau mục cuối cùng; plangen thêm ./. ở cuối."""
    campaign: Campaign | None = None
    """Dữ liệu của phong trào (nếu có): giai đoạn, các đợt, mốc, chỉ tiêu, đối tượng, đường link. Cần cho biểu mẫu đăng ký, danh sách và báo cáo kết quả."""
    noi_nhan: list[Recipient] = Field(min_length=1)
    """Nơi nhận, mỗi dòng một nơi; dòng cuối là "Lưu: VT, …"."""
    signer: Signer
    """Người ký."""
    phu_luc: list[Annex] = Field(default_factory=list)
    """Các phụ lục kèm theo, theo thứ tự; plangen đánh số Phụ lục I, II, … và ghi dòng "(Kèm theo …)". Không ghi thì văn bản không có phụ lục."""
    van_ban: list[VanBan] = Field(default_factory=list)
    """Các văn bản khác của phong trào, tạo từ cùng dữ liệu: quyết định (QĐ), công văn (CV), tờ trình (TTr), thông báo (TB). Văn bản chữ có thể dùng {{ ket_qua }} và {{ bao_cao }}."""
    data: DataFiles | None = None
    """Các tệp dữ liệu: danh sách đăng ký (YAML hoặc CSV của biểu mẫu trực tuyến) và kết quả."""
    reports: ReportSettings = Field(default_factory=ReportSettings)
    """Cách gửi các báo cáo kết quả (Kính gửi, nơi nhận)."""

    @property
    def ky_hieu(self) -> str:
        """``KH-THPTNT``: the document's symbol, from its kind and the issuer's abbreviation."""
        return vn.ky_hieu(self.kind, self.issuer.abbreviation)
