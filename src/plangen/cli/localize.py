"""The command line in the user's language: the help of every command and option, and
argparse's own words (usage, errors), in Vietnamese unless ``--lang en``.

Why: a văn thư who types ``plangen --help`` or forgets an argument reads Vietnamese, as in
every other message. The commands declare their help in English (the code's language);
this table gives each its Vietnamese, and a test fails when a help text has none.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator, Sequence

from plangen.messages import Lang

HELP_VI: dict[str, str] = {
    "Vietnamese administrative documents per Nghị định 30/2020/NĐ-CP from one YAML plan file.":
        "Văn bản hành chính theo Nghị định 30/2020/NĐ-CP từ một tệp kế hoạch YAML.",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "language of messages (vi, en); default vi":
        "ngôn ngữ của thông báo (vi, en); mặc định vi",
    "show program's version number and exit": "in phiên bản của plangen rồi thoát",
    "build the documents of plan files": "tạo văn bản từ các tệp kế hoạch",
    "check the Word templates against a plan's data":
        "kiểm tra các mẫu Word với dữ liệu của kế hoạch",
    "check plan files as build would, writing nothing":
        "kiểm tra tệp kế hoạch như khi tạo văn bản, không ghi tệp nào",
    "a live preview of a plan's documents in the browser":
        "xem trước các văn bản của kế hoạch trong trình duyệt, cập nhật mỗi lần lưu",
    "a plan file from an existing Word document": "tạo tệp kế hoạch từ một văn bản Word có sẵn",
    "check DOCX files against the rules of Nghị định 30":
        "kiểm tra thể thức tệp DOCX theo Nghị định 30",
    "print the checker's rules table": "in bảng các quy tắc kiểm tra",
    "next period's plan: a copy with every date moved":
        "kế hoạch của giai đoạn sau: bản chép với mọi ngày được dời",
    "print the JSON Schema of plan files (for editors)":
        "in lược đồ JSON của tệp kế hoạch (cho trình soạn thảo)",
    "write a commented starter plan": "ghi một kế hoạch mẫu có chú thích",
    "write or extend the outgoing register (Sổ đăng ký văn bản đi) of built documents":
        "ghi mới hoặc bổ sung Sổ đăng ký văn bản đi từ các văn bản đã tạo",
    "sign a PDF where Nghị định 30 puts the signature (signer, office seal, attachment)":
        "ký số tệp PDF đúng vị trí Nghị định 30 quy định (người ký, dấu cơ quan, tệp kèm theo)",
    "check the signatures of a PDF and their NĐ30 places":
        "kiểm tra các chữ ký số của tệp PDF và vị trí theo Nghị định 30",
    "folder for the documents; each plan gets DIR/<plan name>/":
        "thư mục ghi văn bản; mỗi kế hoạch một thư mục DIR/<tên kế hoạch>/",
    'a draft: marked "DỰ THẢO", may leave number, date and signer blank':
        'bản dự thảo: có dấu "DỰ THẢO", được để trống số, ngày và họ tên người ký',
    "overwrite files edited by hand, keeping them as backups":
        "ghi đè tệp đã sửa tay, giữ bản sửa tay làm bản lưu",
    "also convert every document to PDF/A with LibreOffice":
        "chuyển thêm mọi văn bản sang PDF/A bằng LibreOffice",
    "the PDF/A part of the PDFs, implies --pdf (default 2: PDF/A-2b; TCVN 14159-1:2024 "
    "adopts PDF/A-1)":
        "phần của chuẩn PDF/A, kèm luôn --pdf (mặc định 2: PDF/A-2b; TCVN 14159-1:2024 "
        "áp dụng PDF/A-1)",
    "build the plans in N processes (default: one per core), each plan on its own: a bad "
    "plan does not stop the others":
        "tạo các kế hoạch trong N tiến trình (mặc định: mỗi lõi một), mỗi kế hoạch riêng: "
        "kế hoạch lỗi không chặn kế hoạch khác",
    "folder of the Word templates (default: templates/ beside the plan or one folder up, "
    "else those installed with plangen)":
        "thư mục mẫu Word (mặc định: templates/ cạnh tệp kế hoạch hoặc ở thư mục cha, nếu "
        "không có thì mẫu cài sẵn)",
    "judge the plan as a draft (build --draft)": "xét kế hoạch như bản dự thảo (build --draft)",
    "folder of the Word templates, as for build": "thư mục mẫu Word, như với build",
    "port (default: 8000; 0: a free port, printed)":
        "cổng (mặc định: 8000; 0: một cổng trống, được in ra)",
    "address to listen on (default: 127.0.0.1, this computer only)":
        "địa chỉ nghe (mặc định: 127.0.0.1, chỉ máy này)",
    "open the page in the browser": "mở trang trong trình duyệt",
    "the plan file to write (default: DOC.yaml beside DOC.docx)":
        "tệp kế hoạch sẽ ghi (mặc định: DOC.yaml cạnh DOC.docx)",
    "overwrite the plan file": "ghi đè tệp kế hoạch",
    "warnings fail too": "cảnh báo cũng tính là lỗi",
    "move every date N years": "dời mọi ngày N năm",
    "move every date so that the campaign (or the first document dated) starts on this day":
        "dời mọi ngày để phong trào (hoặc văn bản đầu tiên có ngày) bắt đầu vào ngày này",
    "overwrite NEW.yaml": "ghi đè NEW.yaml",
    "overwrite the file": "ghi đè tệp",
    "a plan's output folder (with manifest.json), or a folder of them":
        "thư mục kết quả của một kế hoạch (có manifest.json), hoặc thư mục chứa nhiều thư mục đó",
    "the register to write or extend (default so-dang-ky-van-ban-di.xlsx)":
        "sổ đăng ký ghi mới hoặc bổ sung (mặc định so-dang-ky-van-ban-di.xlsx)",
    "PKCS#12 key file (passphrase from PLANGEN_P12_PASSWORD or a prompt)":
        "tệp khóa PKCS#12 (mật khẩu lấy từ PLANGEN_P12_PASSWORD hoặc hỏi khi chạy)",
    "PKCS#11 library of a USB token (PIN from PLANGEN_PIN or a prompt)":
        "thư viện PKCS#11 của USB token (mã PIN lấy từ PLANGEN_PIN hoặc hỏi khi chạy)",
    "the token's label (several tokens)": "nhãn của token (khi có nhiều token)",
    "the key's label (several keys)": "nhãn của khóa (khi có nhiều khóa)",
    "transparent PNG: the signature (blue) or, with --organisation, the seal (red)":
        "ảnh PNG nền trong suốt: chữ ký (màu xanh) hoặc, với --organisation, con dấu (màu đỏ)",
    "the office's signature (văn thư): the seal, or an attachment":
        "chữ ký số của cơ quan (văn thư): con dấu, hoặc tệp kèm theo",
    "with --organisation: a Phụ lục in its own file, signed at the top right of page 1 "
    "without image":
        "với --organisation: phụ lục ở tệp riêng, ký ở góc trên bên phải trang 1, không có hình",
    "the seal's real width in mm (default 36)": "đường kính thật của con dấu, mm (mặc định 36)",
    "with --attachment: the document's Số và ký hiệu (default: read from the PDF)":
        "với --attachment: số và ký hiệu của văn bản (mặc định: đọc từ tệp PDF)",
    "time-stamping authority (PAdES B-T)": "máy chủ cấp dấu thời gian (PAdES B-T)",
    "write the signed PDF here (default: replace FILE.pdf)":
        "ghi tệp PDF đã ký vào đây (mặc định: thay FILE.pdf)",
    "a root certificate to trust (PEM or DER); repeat for several":
        "chứng thư gốc được tin cậy (PEM hoặc DER); ghi nhiều lần cho nhiều chứng thư",
}
"""Each help text of the commands, in Vietnamese."""

HELP_PATTERNS_VI: tuple[tuple[str, str], ...] = (
    ("build only this kind (", "chỉ tạo loại văn bản này ("),
)
"""Help texts made from data (the kinds' names): their English opening, and its Vietnamese."""
HELP_ENDINGS_VI = {"); may be repeated": "); ghi được nhiều lần"}

ARGPARSE_VI: dict[str, str] = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": HELP_VI["show this help message and exit"],
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "giá trị không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "not allowed with argument %s": "không dùng cùng tham số %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn không rõ: %(option)s có thể là %(matches)s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
}
"""argparse's own words (usage, section titles, errors), in Vietnamese."""


def chosen_lang(argv: Sequence[str]) -> Lang:
    """The language ``argv`` asks for (``--lang en`` or ``--lang=en`` anywhere), before
    the arguments are parsed, so that parsing itself speaks it."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] == "en":
            return "en"
        if arg == "--lang=en":
            return "en"
    return "vi"


def help_vi(text: str) -> str | None:
    """The Vietnamese of one help text, or None when the table has none."""
    if text in HELP_VI:
        return HELP_VI[text]
    for english, vietnamese in HELP_PATTERNS_VI:
        if text.startswith(english):
            rest = text[len(english):]
            for ending, ending_vi in HELP_ENDINGS_VI.items():
                rest = rest.replace(ending, ending_vi)
            return vietnamese + rest
    return None


def help_texts(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    """Every action with a help text, in every command."""
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            yield action
        if isinstance(action, argparse._SubParsersAction):
            yield from action._choices_actions
            for sub in action.choices.values():
                yield from help_texts(sub)


def localize(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """Give every help text of ``parser`` and its commands in ``lang``."""
    if lang == "en":
        return
    if parser.description:
        parser.description = help_vi(parser.description) or parser.description
    for action in help_texts(parser):
        action.help = help_vi(action.help or "") or action.help


@contextlib.contextmanager
def argparse_speaks(lang: Lang) -> Iterator[None]:
    """argparse's own words in ``lang`` while parsing (and printing help or errors)."""
    if lang == "en":
        yield
        return
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: ARGPARSE_VI.get(text, text)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]
