"""The checker's rules as data: code, severity, place in Phụ lục I, what each checks.

Why: the README's rules table, the JSON output and the tests all read this one table, so a
rule's code, severity and reference are written once. Codes follow nd30.md §12.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from plangen.check.read.layout import FAMILIES, Family

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class RuleInfo:
    """One checkable rule."""

    code: str
    severity: Severity
    ref: str  # where Nghị định 30/2020 (or its mẫu) states it
    vi: str
    en: str
    families: frozenset[Family] = frozenset({"document"})
    """The files it applies to: a document's header, body and signer rules do not apply to
    an attachment in a file of its own, which has none; the page rules apply to both."""


E: Severity = "error"
W: Severity = "warning"
EVERY_FILE = frozenset(FAMILIES)
RULES: tuple[RuleInfo, ...] = (
    RuleInfo("C01", E, "PL I, I.1", "Khổ giấy A4", "Paper is A4", EVERY_FILE),
    RuleInfo("C02", E, "PL I, I.3", "Lề trang trong khoảng cho phép",
             "Margins inside the allowed ranges", EVERY_FILE),
    RuleInfo("C03", E, "PL I, I.4", "Phông Times New Roman ở mọi đoạn, cả bảng và đầu trang",
             "Times New Roman in every run, tables and headers included", EVERY_FILE),
    RuleInfo("C04", W, "PL I, I.4", "Chữ Unicode dựng sẵn (NFC)", "Text is composed Unicode (NFC)", EVERY_FILE),
    RuleInfo("C05", E, "PL I, I.4", "Chữ và đường kẻ màu đen", "Text and rules are black", EVERY_FILE),
    RuleInfo("C06", E, "PL I, II.1.a", "Quốc hiệu: đúng chữ, in hoa, đậm, cỡ 12–13",
             "Quốc hiệu: exact text, capitals, bold, 12–13 pt", EVERY_FILE),
    RuleInfo("C07", E, "PL I, II.1.b", "Tiêu ngữ: đúng chữ và gạch nối, đậm, cỡ 13–14",
             "Tiêu ngữ: exact text and hyphens, bold, 13–14 pt", EVERY_FILE),
    RuleInfo("C08", E, "PL I, II.1.c", "Đường kẻ dưới Tiêu ngữ dài bằng dòng chữ",
             "Rule under the Tiêu ngữ as long as the text", EVERY_FILE),
    RuleInfo("C09", E, "PL I, II.2", "Cơ quan chủ quản không đậm, cơ quan ban hành đậm, cỡ 12–13",
             "Parent body regular, issuing body bold, 12–13 pt"),
    RuleInfo("C10", E, "PL I, II.2", "Đường kẻ dưới tên cơ quan dài 1/3–1/2 dòng chữ",
             "Rule under the issuing body 1/3–1/2 of the name"),
    RuleInfo("C11", W, "PL I, II.1, II.4", "Quốc hiệu và dòng ngày tháng không xuống dòng",
             "Quốc hiệu and the date line fit on one line", EVERY_FILE),
    RuleInfo("C12", W, "[MẪU] PL III", "Cột trái phần đầu không rộng hơn cột phải",
             "Left header column not wider than the right one", EVERY_FILE),
    RuleInfo("C13", W, "[MẪU] PL III", "Bảng phần đầu không có đường viền",
             "Header table has no visible borders", EVERY_FILE),
    RuleInfo("C14", E, "PL I, II.3; PL III", "Dòng Số: dấu hai chấm, số có 0 đứng trước, ký hiệu đúng",
             "Số line: colon, leading zero, valid ký hiệu"),
    RuleInfo("C15", E, "PL I, II.3", "Dòng Số cỡ 13, không đậm", "Số line 13 pt, not bold"),
    RuleInfo("C16", E, "PL I, II.4", "Địa danh, ngày tháng: nghiêng, cỡ 13–14, số 0 đúng chỗ, cùng dòng với Số",
             "Place and date: italic, 13–14 pt, leading zeros, level with the Số line"),
    RuleInfo("C17", W, "PL I, II.4", "Địa danh không viết tắt", "Place name not abbreviated"),
    RuleInfo("C18", E, "PL I, II.5.a", "Tên loại in hoa, đậm, căn giữa",
             "Type name in capitals, bold, centred"),
    RuleInfo("C19", E, "PL I, II.5.a", "Trích yếu đậm, không in hoa toàn bộ, căn giữa",
             "Trích yếu bold, not all capitals, centred"),
    RuleInfo("C20", E, "PL I, II.5.a", "Có đường kẻ dưới trích yếu", "Rule under the trích yếu"),
    RuleInfo("C21", E, "PL I, II.5.b", "Công văn: V/v không đậm, không in hoa, cỡ 12–13",
             "Công văn: V/v not bold, not capitals, 12–13 pt"),
    RuleInfo("C22", E, "PL I, II.5", "Văn bản có tên loại không có dòng V/v",
             "A document with a type name has no V/v line"),
    RuleInfo("C23", E, "PL I, II.6", "Nội dung căn đều hai bên, cỡ 13–14, chữ đứng",
             "Body justified, 13–14 pt, upright"),
    RuleInfo("C24", W, "PL I, II.6", "Nội dung một cỡ chữ", "Body text in one size"),
    RuleInfo("C25", E, "PL I, II.6", "Lùi đầu dòng 1 cm hoặc 1,27 cm",
             "First-line indent 1 cm or 1.27 cm"),
    RuleInfo("C26", E, "PL I, II.6", "Cách đoạn ít nhất 6 pt, giãn dòng từ đơn đến 1,5 dòng",
             "At least 6 pt between paragraphs, single to 1.5 line spacing"),
    RuleInfo("C27", E, "PL I, II.6.a", "Căn cứ: nghiêng, mỗi căn cứ một dòng, kết thúc ; và .",
             "Căn cứ: italic, one per line, ending ; and ."),
    RuleInfo("C28", W, "PL I, II.6.c–đ", "Đánh số mục I. / 1. / a), tiêu đề mục in hoa, đậm",
             "Numbering I. / 1. / a), mục headings bold capitals"),
    RuleInfo("C29", W, "[MẪU] PL III", "Kết thúc nội dung bằng ./.", "Content ends with ./."),
    RuleInfo("C30", E, "PL I, II.7.a", "Quyền hạn ký TM., KT., TL., TUQ., Q. có dấu chấm",
             "Authority prefixes TM., KT., TL., TUQ., Q. with their dots"),
    RuleInfo("C31", E, "PL I, II.7.a", "Chức vụ người ký in hoa, đậm, cỡ 13–14",
             "Signer's position in bold capitals, 13–14 pt"),
    RuleInfo("C32", E, "PL I, II.7.b", "Họ tên người ký đậm, không kèm học hàm, học vị",
             "Signer's name bold, no academic title"),
    RuleInfo("C33", W, "PL I, II.7.b", "Họ tên người ký không in hoa toàn bộ",
             "Signer's name not all capitals"),
    RuleInfo("C34", W, "[PRACTICE]", "Chừa ít nhất 3 dòng để ký và đóng dấu",
             "At least 3 blank lines for signature and seal"),
    RuleInfo("C35", E, "PL I, II.9.b", "\"Nơi nhận:\" cỡ 12, đậm, nghiêng, sát lề trái",
             "\"Nơi nhận:\" 12 pt bold italic, flush left"),
    RuleInfo("C36", E, "PL I, II.9.b", "Mỗi nơi nhận cỡ 11, bắt đầu bằng - và kết thúc bằng ;",
             "Each recipient 11 pt, starting with - and ending with ;"),
    RuleInfo("C37", E, "PL I, II.9.b", "Dòng cuối \"- Lưu: VT, …\" kết thúc bằng dấu chấm",
             "Last line \"- Lưu: VT, …\" ending with a full stop"),
    RuleInfo("C38", W, "PL I, II.9.b", "\"- Như trên;\" đi cùng Kính gửi",
             "\"- Như trên;\" goes with a Kính gửi block"),
    RuleInfo("C39", E, "PL I, II.9.a", "Kính gửi không đậm; nhiều nơi thì - … ; và . ở cuối",
             "Kính gửi not bold; several recipients as - … ; ending ."),
    RuleInfo("C40", E, "PL I, I.7", "Số trang ở giữa lề trên, cỡ 13–14, số Ả Rập, không ở trang đầu",
             "Page number top centre, 13–14 pt, Arabic, not on page 1", EVERY_FILE),
    RuleInfo("C41", W, "PL I, I.7", "Văn bản nhiều trang có đánh số trang",
             "A multi-page document has page numbers", EVERY_FILE),
    RuleInfo("C42", E, "PL I, III.1", "Phụ lục: nhãn cỡ 14 đậm đứng, số La Mã; tên in hoa, đậm; "
             "dòng (Kèm theo …) nghiêng", "Phụ lục: label 14 pt bold upright, Roman number; title "
             "bold capitals; the (Kèm theo …) line italic", EVERY_FILE),
    RuleInfo("C46", W, "PL III", "Không dùng chữ viết tắt tên loại cũ (TT01)",
             "No obsolete (TT01) type abbreviations"),
    RuleInfo("C47", E, "Điều 8.2; PL III", "Có đủ các thành phần chính theo mẫu của loại văn bản: dòng Số, dòng ngày tháng, trích yếu dưới tên loại, số khối chữ ký",
             "All main components of the kind's mẫu: the Số line, the date line, the trích yếu under a type name, the number of signature blocks"),
    RuleInfo("C48", E, "[PRACTICE] Điều 8", "Không còn chỗ cần điền (<<cần điền: …>>) trong văn bản",
             "No value left to fill in (<<cần điền: …>>)", EVERY_FILE),
)
BY_CODE = {rule.code: rule for rule in RULES}
LEGAL_LEFT_OUT: dict[str, tuple[str, str]] = {
    "C14": ("văn bản quy phạm pháp luật ghi năm ban hành trong số, ký hiệu (Nghị định "
            "34/2016/NĐ-CP), khác văn bản hành chính",
            "a legal normative document's number carries its year (Nghị định 34/2016/NĐ-CP), "
            "unlike an administrative document's"),
    "C27": ('căn cứ của văn bản quy phạm pháp luật kết thúc bằng "Theo đề nghị của …;" và '
            'dòng "… ban hành …" (Nghị định 34/2016/NĐ-CP)',
            'a legal normative document\'s căn cứ close with "Theo đề nghị của …;" and the '
            '"… ban hành …" line (Nghị định 34/2016/NĐ-CP)'),
    "C46": ("chữ viết tắt tên loại văn bản quy phạm pháp luật (NĐ, TT, …) không thuộc bảng "
            "của Phụ lục III", "a legal normative document's type codes (NĐ, TT, …) are not "
            "those of Phụ lục III"),
}
"""[LAW] The rules not applied to a legal normative document (Nghị định, Thông tư, Nghị
quyết…), whose format Nghị định 34/2016/NĐ-CP sets, not NĐ30 (Điều 1): where the two
differ, each rule left out says why; the rest (paper, font, Quốc hiệu, signer,
Nơi nhận) are the same in both and stay."""
