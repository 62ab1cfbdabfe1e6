"""Every message plangen shows a user, in Vietnamese and English.

Why: messages are part of the interface and are tested word for word. Keying them by a
stable code (pydantic's error *type*, or plangen's own code) keeps them independent of the
wording of libraries, which changes between versions.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")

DATE_FORMS = {"vi": "YYYY-MM-DD (2023-08-25) hoặc DD/MM/YYYY (25/8/2023)",
              "en": "YYYY-MM-DD (2023-08-25) or DD/MM/YYYY (25/8/2023)"}

CATALOG: dict[str, dict[Lang, str]] = {
    # -- reading YAML ---------------------------------------------------------------------
    "yaml_tab": {
        "vi": "có ký tự Tab; hãy thụt lề bằng dấu cách",
        "en": "found a tab character; indent with spaces",
    },
    "yaml_unclosed_quote": {
        "vi": "dấu nháy mở ở đây chưa được đóng; thêm dấu nháy đóng ở cuối giá trị",
        "en": "the quote opened here is never closed; add the closing quote at the end of the value",
    },
    "yaml_indent": {
        "vi": "thụt lề không thẳng hàng: các khóa cùng cấp phải bắt đầu ở cùng một cột",
        "en": "bad indentation: keys of the same level must start in the same column",
    },
    "yaml_colon": {
        "vi": 'có dấu ":" giữa giá trị; đặt cả giá trị trong dấu nháy kép, ví dụ: ten: "a: b"',
        "en": 'a ":" inside a value; put the whole value in double quotes, e.g. name: "a: b"',
    },
    "yaml_missing_colon": {
        "vi": 'thiếu dấu ":" sau tên khóa (hoặc thiếu "- " trước một phần tử danh sách)',
        "en": 'missing ":" after a key (or "- " before a list item)',
    },
    "yaml_bad_start": {
        "vi": 'giá trị không được bắt đầu bằng "{char}"; đặt cả giá trị trong dấu nháy kép',
        "en": 'a value cannot start with "{char}"; put the whole value in double quotes',
    },
    "yaml_flow": {
        "vi": 'thiếu dấu đóng "]" hoặc "}}"',
        "en": 'a closing "]" or "}}" is missing',
    },
    "invisible_char": {
        "vi": "có ký tự vô hình U+{char:04X} ({name}); hãy xóa nó (thường do dán từ Word hoặc trang web)",
        "en": "invisible character U+{char:04X} ({name}); remove it (usually pasted from Word or a web page)",
    },
    "yaml_syntax": {
        "vi": "lỗi cú pháp YAML: {problem}",
        "en": "YAML syntax error: {problem}",
    },
    "duplicate_key": {
        "vi": 'khóa "{key}" bị lặp (đã có ở dòng {first_line})',
        "en": 'duplicate key "{key}" (first at line {first_line})',
    },
    "bad_tag": {
        "vi": "không chấp nhận thẻ YAML {tag}",
        "en": "YAML tag {tag} is not allowed",
    },
    "key_not_text": {
        "vi": "tên khóa phải là chữ",
        "en": "keys must be text",
    },
    "top_not_mapping": {
        "vi": "tệp phải là một bảng khóa: giá trị (ví dụ issuer: …)",
        "en": "the file must be a mapping of keys to values (e.g. issuer: …)",
    },
    "too_large": {
        "vi": "tệp quá lớn ({size} byte; tối đa {limit} byte)",
        "en": "file too large ({size} bytes; at most {limit} bytes)",
    },
    "too_many_nodes": {
        "vi": "tệp có quá nhiều phần tử sau khi mở rộng bí danh (tối đa {limit})",
        "en": "too many elements once aliases are expanded (at most {limit})",
    },
    "too_deep": {
        "vi": "tệp lồng nhau quá sâu",
        "en": "the file is nested too deeply",
    },
    "control_char": {
        "vi": "có ký tự điều khiển U+{char:04X} không thể ghi vào văn bản; hãy xóa nó",
        "en": "control character U+{char:04X} cannot be written to a document; remove it",
    },
    "unreadable": {
        "vi": "không đọc được tệp: {reason}",
        "en": "cannot read the file: {reason}",
    },
    "not_utf8": {
        "vi": "tệp không phải UTF-8 (byte 0x{byte:02X} ở dòng {line}, cột {col}); hãy lưu lại với mã hóa UTF-8",
        "en": "the file is not UTF-8 (byte 0x{byte:02X} at line {line}, column {col}); save it again as UTF-8",
    },
    "yaml_nbsp": {
        "vi": "có khoảng trắng không ngắt (U+00A0, thường dán từ Word) ngay sau dấu hai chấm; thay bằng một dấu cách thường",
        "en": "a non-breaking space (U+00A0, often pasted from Word) right after the colon; replace it with a plain space",
    },
    "yaml_key_indented": {
        "vi": "khóa này thụt vào sâu hơn dòng trên nên YAML đọc nó là phần tiếp của giá trị dòng trên; thụt lề bằng khóa dòng trên",
        "en": "this key is indented further than the line above, so YAML reads it as the rest of that line's value; indent it as the key above",
    },
    "is_folder": {
        "vi": "đây là một thư mục, không phải tệp kế hoạch; ghi đường dẫn tới tệp .yaml (ví dụ plans/ke-hoach.yaml)",
        "en": "this is a folder, not a plan file; give the path of a .yaml file (e.g. plans/ke-hoach.yaml)",
    },
    "jobs_positive": {
        "vi": "--jobs phải từ 1 trở lên (nhận được {value})",
        "en": "--jobs must be 1 or more (got {value})",
    },
    # -- pydantic error types -------------------------------------------------------------
    "missing": {
        "vi": "thiếu trường bắt buộc",
        "en": "required field is missing",
    },
    "extra_forbidden": {
        "vi": 'khóa không hợp lệ "{key}"{hint}',
        "en": 'unknown key "{key}"{hint}',
    },
    "key_not_for_kind": {
        "vi": '{name} (kind: {code}) không có khóa "{key}"; kiểm tra lại kind, hoặc bỏ khóa này',
        "en": 'a {name} (kind: {code}) has no key "{key}"; check its kind, or remove the key',
    },
    "did_you_mean": {
        "vi": '; có phải ý bạn là "{suggestion}"?',
        "en": '; did you mean "{suggestion}"?',
    },
    "string_type": {
        "vi": "cần một đoạn chữ, nhận được {got}",
        "en": "expected text, got {got}",
    },
    "int_type": {
        "vi": "cần một số nguyên (ví dụ: 5), nhận được {got}",
        "en": "expected a whole number (e.g. 5), got {got}",
    },
    "int_parsing": {
        "vi": "cần một số nguyên (ví dụ: 5), nhận được {got}",
        "en": "expected a whole number (e.g. 5), got {got}",
    },
    "int_from_float": {
        "vi": "cần một số nguyên (ví dụ: 5), nhận được {got}",
        "en": "expected a whole number (e.g. 5), got {got}",
    },
    "float_type": {
        "vi": "cần một số (ví dụ: 100), nhận được {got}",
        "en": "expected a number (e.g. 100), got {got}",
    },
    "float_parsing": {
        "vi": "cần một số (ví dụ: 100), nhận được {got}",
        "en": "expected a number (e.g. 100), got {got}",
    },
    "string_pattern_mismatch": {
        "vi": 'giá trị {got} không đúng dạng: chỉ gồm chữ cái không dấu, chữ số, "-" và "_"',
        "en": 'value {got} has the wrong form: unaccented letters, digits, "-" and "_" only',
    },
    "string_too_long": {
        "vi": "dài quá {max_length} ký tự",
        "en": "longer than {max_length} characters",
    },
    "less_than_equal": {
        "vi": "phải nhỏ hơn hoặc bằng {le}",
        "en": "must be at most {le}",
    },
    "greater_than_equal": {
        "vi": "phải lớn hơn hoặc bằng {ge}",
        "en": "must be at least {ge}",
    },
    "literal_error": {
        "vi": "giá trị {got} không hợp lệ; chọn một trong: {expected}",
        "en": "invalid value {got}; use one of: {expected}",
    },
    "list_type": {
        "vi": "cần một danh sách (mỗi phần tử một dòng bắt đầu bằng \"- \"), nhận được {got}",
        "en": "expected a list (one item per line starting with \"- \"), got {got}",
    },
    "dict_type": {
        "vi": "cần một bảng khóa: giá trị, nhận được {got}",
        "en": "expected a mapping of keys to values, got {got}",
    },
    "model_type": {
        "vi": "cần một bảng khóa: giá trị, nhận được {got}",
        "en": "expected a mapping of keys to values, got {got}",
    },
    "too_short": {
        "vi": "cần ít nhất {min_length} phần tử",
        "en": "needs at least {min_length} item(s)",
    },
    "date_type": {
        "vi": "cần một ngày dạng {forms}, nhận được {got}",
        "en": "expected a date as {forms}, got {got}",
    },
    "date_form": {
        "vi": 'không phải ngày: "{value}"; viết dạng {forms}',
        "en": 'not a date: "{value}"; write {forms}',
    },
    "date_impossible": {
        "vi": 'ngày không có thật: "{value}"; ghi một ngày có thật theo dạng {forms}',
        "en": 'no such day: "{value}"; write a day that exists, as {forms}',
    },
    "text_with_colon": {
        "vi": 'YAML đọc "{text}" thành một cặp khóa: giá trị vì có dấu ":"; đặt cả giá trị trong dấu nháy kép thẳng: "{text}"',
        "en": 'YAML reads "{text}" as a key: value pair because of its ":"; put the whole value in straight double quotes: "{text}"',
    },
    "text_with_colon_curly": {
        "vi": 'giá trị "{text}" được đặt trong dấu nháy cong (“ ”, thường do Word tự đổi) nên YAML không coi là dấu nháy; dùng dấu nháy kép thẳng: "{text}"',
        "en": 'the value "{text}" is in curly quotes (“ ”, often put by Word), which YAML does not take as quotes; use straight double quotes: "{text}"',
    },
    "blank": {
        "vi": "không được để trống",
        "en": "must not be empty",
    },
    "url": {
        "vi": 'không phải địa chỉ web: "{value}"; viết dạng https://…',
        "en": 'not a web address: "{value}"; write https://…',
    },
    "file_key": {
        "vi": 'key "{value}" không hợp lệ: chỉ gồm chữ thường không dấu, chữ số và "-" (ví dụ: khen-thuong)',
        "en": 'key "{value}" is invalid: lowercase ASCII letters, digits and "-" only (e.g. khen-thuong)',
    },
    "abbreviation": {
        "vi": 'chữ viết tắt "{value}" không hợp lệ: chỉ gồm chữ hoa, chữ số, "-", không có dấu cách',
        "en": 'abbreviation "{value}" is invalid: capitals, digits and "-" only, no spaces',
    },
    "invalid": {
        "vi": "giá trị không hợp lệ: {detail}",
        "en": "invalid value: {detail}",
    },
    # -- templates --------------------------------------------------------------------------
    "templates_none": {
        "vi": "{path}: kế hoạch không dùng mẫu Word nào (không có campaign), không có gì để kiểm tra",
        "en": "{path}: the plan uses no Word template (it has no campaign); nothing to check",
    },
    "templates_ok": {
        "vi": "{path}: các mẫu Word hợp lệ",
        "en": "{path}: the Word templates are valid",
    },
    "template_unreadable": {
        "vi": "{template}: không đọc được mẫu Word: {reason}",
        "en": "{template}: cannot read the Word template: {reason}",
    },
    "template_part_missing": {
        "vi": "{template}: mẫu Word thiếu phần {part}",
        "en": "{template}: the Word template lacks its {part} part",
    },
    "template_split": {
        "vi": '{template}: thẻ "{tag}" bị Word tách thành nhiều đoạn định dạng; xóa và gõ lại cả thẻ một lần, không đổi định dạng giữa chừng',
        "en": '{template}: Word split the tag "{tag}" across runs; delete it and type the whole tag again, without changing formatting inside it',
    },
    "template_syntax": {
        "vi": '{template}: thẻ "{tag}" sai cú pháp: {detail}',
        "en": '{template}: the tag "{tag}" is malformed: {detail}',
    },
    "template_unknown": {
        "vi": '{template}: thẻ "{tag}" dùng "{name}", dữ liệu không có (có: {known})',
        "en": '{template}: the tag "{tag}" uses "{name}", which the data does not have (it has: {known})',
    },
    "template_relation": {
        "vi": "{template}: phần nội dung có đối tượng plangen không đính kèm được vào kế hoạch ({target}); chỉ dùng chữ, bảng, hình ảnh và đường link",
        "en": "{template}: the body holds an object plangen cannot attach to the plan ({target}); use text, tables, pictures and links only",
    },
    "template_render": {
        "vi": "{template}: không điền được mẫu: {detail}",
        "en": "{template}: cannot fill the template: {detail}",
    },
    # -- data files -------------------------------------------------------------------------
    "data_outside": {
        "vi": 'tệp dữ liệu "{path}" phải nằm trong thư mục của tệp kế hoạch',
        "en": 'data file "{path}" must be inside the plan file\'s folder',
    },
    "data_missing": {
        "vi": 'không tìm thấy tệp dữ liệu "{path}"',
        "en": 'data file "{path}" not found',
    },
    "csv_broken": {
        "vi": "không đọc được tệp CSV: {reason}",
        "en": "cannot read the CSV file: {reason}",
    },
    "csv_columns": {
        "vi": "thiếu cột {missing} trong tệp CSV (các cột có: {found})",
        "en": "column(s) {missing} missing from the CSV file (its columns: {found})",
    },
    "duplicate_id": {
        "vi": 'mã đăng ký "{id}" bị trùng (đã có trong {first})',
        "en": 'registration id "{id}" is used twice (first in {first})',
    },
    "duplicate_result": {
        "vi": 'đăng ký "{id}" có hai kết quả trong năm {year}',
        "en": 'registration "{id}" has two results in {year}',
    },
    "unknown_registration": {
        "vi": 'không có đăng ký mã "{id}"',
        "en": 'no registration with id "{id}"',
    },
    "unknown_target": {
        "vi": 'không có chỉ tiêu "{name}" trong campaign.targets (đang có: {known})',
        "en": 'no target "{name}" in campaign.targets (defined: {known})',
    },
    # -- rules across fields --------------------------------------------------------------
    "period_reversed": {
        "vi": "ngày kết thúc giai đoạn ({end}) trước ngày bắt đầu ({start})",
        "en": "the period ends ({end}) before it starts ({start})",
    },
    "phase_reversed": {
        "vi": "đợt kết thúc ({end}) trước khi bắt đầu ({start})",
        "en": "the phase ends ({end}) before it starts ({start})",
    },
    "phase_overlap": {
        "vi": "đợt này bắt đầu ({start}) trước khi đợt trước kết thúc ({previous_end})",
        "en": "this phase starts ({start}) before the previous one ends ({previous_end})",
    },
    "outside_period": {
        "vi": "ngày {value} nằm ngoài giai đoạn {start} – {end}",
        "en": "{value} is outside the period {start} – {end}",
    },
    "issued_after_first_phase": {
        "vi": "ngày ban hành ({issued}) phải trước ngày kết thúc đợt đầu tiên ({end})",
        "en": "the date of issue ({issued}) must come before the first phase ends ({end})",
    },
    "milestone_year": {
        "vi": "năm {year} nằm ngoài giai đoạn {start_year} - {end_year}",
        "en": "year {year} is outside the period {start_year} - {end_year}",
    },
    "deadline_year": {
        "vi": "hạn {value} không thuộc năm {year}",
        "en": "deadline {value} is not in year {year}",
    },
    "unknown_link": {
        "vi": 'không có đường link "{name}" trong campaign.links (đang có: {known})',
        "en": 'no link "{name}" in campaign.links (defined: {known})',
    },
    "unknown_group": {
        "vi": 'không có nhóm "{name}" trong campaign.participants (đang có: {known})',
        "en": 'no group "{name}" in campaign.participants (defined: {known})',
    },
    "archive_missing": {
        "vi": 'dòng cuối của nơi nhận phải là dòng lưu, ví dụ "Lưu: VT" hoặc "Lưu: VT, TCCB"',
        "en": 'the last recipient must be the archive line, e.g. "Lưu: VT" or "Lưu: VT, TCCB"',
    },
    "data_needs_campaign": {
        "vi": "có tệp dữ liệu (đăng ký, kết quả) nhưng không có campaign: hãy thêm campaign (name, start, end)",
        "en": "data files (registrations, results) need a campaign: add campaign (name, start, end)",
    },
    "archive_form": {
        "vi": 'dòng lưu phải có dạng "Lưu: VT" hoặc "Lưu: VT, <đơn vị soạn thảo>", nhận được "{value}"',
        "en": 'the archive line must read "Lưu: VT" or "Lưu: VT, <drafting unit>", got "{value}"',
    },
    "archive_not_last": {
        "vi": "dòng lưu phải là dòng cuối cùng của nơi nhận",
        "en": "the archive line must be the last recipient",
    },
    "signer_needs": {
        "vi": "người ký {authority} cần có {fields}",
        "en": "a {authority} signer needs {fields}",
    },
    "signer_needs_title": {
        "vi": "người ký cần có title (chức vụ, ví dụ: Hiệu trưởng)",
        "en": "the signer needs a title (their position, e.g. Hiệu trưởng)",
    },
    "signer_collective_unused": {
        "vi": "collective (tên tập thể) chỉ dùng sau TM.: ghi authority: TM. hoặc [TM., KT.]",
        "en": "collective (the body's name) is only used after TM.: write authority: TM. or [TM., KT.]",
    },
    "signer_head_title_unused": {
        "vi": "head_title (chức vụ người đứng đầu) chỉ dùng sau KT., TL., TUQ. hoặc Q.; người ký {authority} không ghi (sau TM. là tên tập thể: ghi vào collective)",
        "en": "head_title (the head's title) is only used after KT., TL., TUQ. or Q.; a {authority} signer has none (after TM. comes the body's name: write it in collective)",
    },
    "signer_title_unused": {
        "vi": "người ký Q. chỉ ghi head_title (ví dụ: Q. HIỆU TRƯỞNG); bỏ title",
        "en": "a Q. signer has only head_title (e.g. Q. HIỆU TRƯỞNG); drop title",
    },
    "authority": {
        "vi": 'quyền hạn ký "{value}" không hợp lệ; ghi một trong: TM., KT., TL., TUQ., Q. (có dấu chấm), hoặc [TM., KT.] khi cấp phó ký thay người đứng đầu tập thể',
        "en": 'invalid authority "{value}"; write one of: TM., KT., TL., TUQ., Q. (with the dot), or [TM., KT.] for a deputy signing for the head of a collective',
    },
    "academic_title": {
        "vi": 'không ghi học hàm, học vị "{title}" trước họ tên người ký',
        "en": 'no academic title "{title}" before the signer\'s name',
    },
    "section_depth_roman": {
        "vi": "mục lồng quá sâu: chỉ có năm cấp I. → 1. → a) → - → +; viết phần sâu hơn trong content",
        "en": "sections nested too deep: there are five levels I. → 1. → a) → - → +; write deeper parts in content",
    },
    "section_depth_arabic": {
        "vi": "mục lồng quá sâu: với numbering: arabic chỉ có bốn cấp 1. → a) → - → +; viết phần sâu hơn trong content, hoặc dùng numbering: roman",
        "en": "sections nested too deep: numbering: arabic has four levels 1. → a) → - → +; write deeper parts in content, or use numbering: roman",
    },
    "section_depth_decimal": {
        "vi": "mục lồng quá sâu: với numbering: decimal chỉ có ba cấp 1. → 1.1. → 1.1.1.; viết phần sâu hơn trong content",
        "en": "sections nested too deep: numbering: decimal has three levels 1. → 1.1. → 1.1.1.; write deeper parts in content",
    },
    "annex_one_source": {
        "vi": "mỗi phụ lục ghi đúng một trong: template (mẫu Word), table (bảng), content (văn bản Markdown); đang có: {found}",
        "en": "each annex has exactly one of: template (a Word template), table, content (Markdown text); found: {found}",
    },
    "annex_template_docx": {
        "vi": 'mẫu phụ lục phải là tệp Word .docx trong thư mục templates/, nhận được "{value}"',
        "en": 'an annex template must be a Word .docx file in templates/, got "{value}"',
    },
    "table_rows_or_file": {
        "vi": "bảng lấy dòng từ tệp (file) hoặc ghi dòng (rows), không cả hai",
        "en": "a table takes its rows from a file or from rows, not both",
    },
    "table_needs_columns": {
        "vi": "bảng cần columns (tiêu đề các cột), hoặc file (tệp CSV có dòng tiêu đề)",
        "en": "a table needs columns (the column titles), or file (a CSV file with a title row)",
    },
    "table_row_length": {
        "vi": "dòng này có {got} ô nhưng bảng có {columns} cột",
        "en": "this row has {got} cells but the table has {columns} columns",
    },
    "only_nothing": {
        "vi": "--only {kind}: {plan} không có dữ liệu cho loại văn bản này; cần {needs}",
        "en": "--only {kind}: {plan} has no data for this kind of document; it needs {needs}",
    },
    "needs_bao_cao": {
        "vi": "một báo cáo (kind: BC) trong van_ban, hoặc campaign và tệp kết quả (data.results)",
        "en": "a report (kind: BC) in van_ban, or a campaign and a results file (data.results)",
    },
    "document_file_twice": {
        "vi": 'hai văn bản cùng ghi vào {file} (cùng loại, cùng key); đặt key khác cho văn bản này',
        "en": 'two documents would both be written to {file} (same kind, same key); give this one another key',
    },
    "no_document": {
        "vi": "tệp không có văn bản nào: ghi các văn bản trong van_ban (ví dụ - kind: KH, trich_yeu: …, body: …), hoặc ghi văn bản chính ở cấp ngoài cùng của tệp",
        "en": "the file has no document: list its documents in van_ban (e.g. - kind: KH, trich_yeu: …, body: …), or write the main one at the top level of the file",
    },
    "document_needs_content": {
        "vi": "văn bản chưa có nội dung: ghi body (các mục), content hoặc opening",
        "en": "the document has no content: write body (sections), content or opening",
    },
    "signer_missing": {
        "vi": "văn bản không có người ký: ghi signer ở đây, hoặc signer chung ở cấp ngoài cùng của tệp",
        "en": "the document has no signer: write its signer here, or a shared signer at the top level of the file",
    },
    "unknown_signer": {
        "vi": 'không có người ký "{name}" trong signers; các tên có: {known}',
        "en": 'no signer "{name}" in signers; the names there: {known}',
    },
    "proposal_form": {
        "vi": 'dòng sau căn cứ phải bắt đầu bằng "Theo đề nghị" hoặc "Xét đề nghị" (đang ghi "{value}…")',
        "en": 'the line after the căn cứ must start "Theo đề nghị" or "Xét đề nghị" (it reads "{value}…")',
    },
    "ban_hanh_empty": {
        "vi": "văn bản ban hành kèm theo chưa có nội dung: ghi chuong (các chương), dieu (các điều), body (các mục) hoặc content",
        "en": "the document issued with the decision has no content: write chuong (chapters), dieu (articles), body (sections) or content",
    },
    "ban_hanh_one_way": {
        "vi": "văn bản ban hành kèm theo chỉ viết theo một cách, nhưng đang có: {found}",
        "en": "write the issued document one way only, but it has: {found}",
    },
    "chuong_empty": {
        "vi": "chương chưa có mục (muc) hay điều (dieu) nào",
        "en": "the chapter has no section (muc) or article (dieu)",
    },
    "dieu_empty": {
        "vi": "điều chưa có nội dung: ghi content, hoặc các khoản (khoan)",
        "en": "the article has no content: write content, or its clauses (khoan)",
    },
    "clause_numbered": {
        "vi": 'không ghi số hay chữ ở đầu khoản, điểm: plangen tự ghi "1.", "a)", …',
        "en": 'do not write a number or letter at the start of a clause or point: plangen writes "1.", "a)", …',
    },
    "meeting_ends_first": {
        "vi": "thời gian kết thúc ({end}) không sau thời gian bắt đầu ({start})",
        "en": "the end ({end}) is not after the start ({start})",
    },
    "bien_ban_signer": {
        "vi": "biên bản do thư ký (thu_ky) và chủ tọa (chu_toa) ký: bỏ signer",
        "en": "a Biên bản is signed by its secretary (thu_ky) and chair (chu_toa): remove signer",
    },
    "bien_ban_date": {
        "vi": "biên bản không có dòng ngày tháng: ngày của biên bản là ngày họp (bat_dau); bỏ issued_on",
        "en": "a Biên bản has no date line: its date is the meeting's (bat_dau); remove issued_on",
    },
    "moment_form": {
        "vi": 'không đọc được thời gian "{value}": ghi ngày và giờ, ví dụ 2025-12-10 14:00 hoặc 14:00 10/12/2025',
        "en": 'cannot read the time "{value}": write the day and the time, e.g. 2025-12-10 14:00 or 14:00 10/12/2025',
    },
    "signer_key": {
        "vi": 'tên ngắn "{value}" chỉ gồm chữ thường không dấu, chữ số và "_" (ví dụ: pho_hieu_truong)',
        "en": 'the short name "{value}" may have only lowercase letters, digits and "_" (e.g. pho_hieu_truong)',
    },
    "serve_title": {"vi": "Xem trước", "en": "Preview"},
    "serve_document": {"vi": "Văn bản", "en": "Document"},
    "serve_errors": {"vi": "Kế hoạch có lỗi (đang hiện các trang của lần tạo đúng gần nhất):",
                     "en": "The plan has errors (the pages are those of the last good build):"},
    "serve_download": {"vi": "Tải", "en": "Download"},
    "serve_empty": {"vi": "Chưa có trang nào.", "en": "No pages yet."},
    "serve_building": {"vi": "Đang tạo văn bản… {seconds} s", "en": "Building the documents… {seconds} s"},
    "serve_drawing": {"vi": "Đang dựng các trang… {seconds} s", "en": "Laying out the pages… {seconds} s"},
    "serve_more": {
        "vi": "Đã hiện {shown} trang đầu; đang dựng các trang còn lại (khoảng {estimate} trang)… {seconds} s",
        "en": "The first {shown} pages are shown; laying out the others (about {estimate} pages)… {seconds} s",
    },
    "serve_checking": {"vi": "Đang kiểm tra các văn bản khác: {done}/{total}", "en": "Checking the other documents: {done}/{total}"},
    "serve_elsewhere": {"vi": "Văn bản khác có vấn đề:", "en": "Other documents with problems:"},
    "serve_others": {"vi": "và {count} văn bản khác", "en": "and {count} more"},
    "serve_gone": {
        "vi": "Văn bản {name} không còn trong kế hoạch; đang hiện {shown}.",
        "en": "The document {name} is no longer in the plan; showing {shown}.",
    },
    "serve_form_checked": {
        "vi": "Phiếu điền từ cùng một mẫu: thể thức được kiểm tra đầy đủ ở phiếu đầu tiên, phiếu này được kiểm tra phần dữ liệu điền vào (như plangen build).",
        "en": "A form filled from one template: the layout is checked in full on the first form, this one for the data filled in (as plangen build does).",
    },
    "serve_no_pages": {"vi": "LibreOffice không chuyển được văn bản này thành trang.", "en": "LibreOffice could not turn this document into pages."},
    "serve_stopped": {"vi": "Không kết nối được với plangen serve (đã dừng?).", "en": "Cannot reach plangen serve (stopped?)."},
    "serve_head_clean": {"vi": "✓ Đạt: sẵn sàng để ký, không có lưu ý về thể thức.", "en": "✓ Clean: ready for signing, no NĐ30 findings."},
    "serve_head_findings": {"vi": "⚠ Có lưu ý về thể thức (vẫn được ghi):", "en": "⚠ NĐ30 findings (it is still written):"},
    "serve_head_refused": {"vi": "✗ Bị từ chối: plangen build sẽ không ghi văn bản này.", "en": "✗ Refused: plangen build will not write this document."},
    "serve_head_pending": {"vi": "… Đang kiểm tra.", "en": "… Being checked."},
    "serve_state_clean": {"vi": "đạt", "en": "clean"},
    "serve_state_findings": {"vi": "có lưu ý", "en": "findings"},
    "serve_state_refused": {"vi": "bị từ chối", "en": "refused"},
    "serve_state_pending": {"vi": "đang kiểm tra", "en": "being checked"},
    "serve_page": {"vi": "trang {number}", "en": "page {number}"},
    "serve_build_died": {"vi": "plangen: lần tạo dừng giữa chừng: {why}", "en": "plangen: the build stopped halfway: {why}"},
    "serve_no_office": {
        "vi": "Không tìm thấy LibreOffice (hoặc pdftoppm, pdfinfo của poppler): chỉ hiện lỗi và kết quả kiểm tra, không có hình các trang. Cài LibreOffice rồi chạy lại plangen serve.",
        "en": "LibreOffice (or poppler's pdftoppm and pdfinfo) was not found: errors and findings only, no page images. Install LibreOffice and run plangen serve again.",
    },
    "serve_needs_extra": {
        "vi": "plangen serve cần thêm vài thư viện: pip install 'plangen[serve]'",
        "en": "plangen serve needs a few more libraries: pip install 'plangen[serve]'",
    },
    "serve_listening": {
        "vi": "Xem trước {plan} tại {url} (Ctrl-C để dừng)",
        "en": "Previewing {plan} at {url} (Ctrl-C to stop)",
    },
    "serve_port_busy": {
        "vi": "cổng {port} đang được một chương trình khác dùng; chọn cổng khác, ví dụ --port {other}, hoặc --port 0 để plangen tự chọn một cổng trống",
        "en": "port {port} is in use by another program; choose another, e.g. --port {other}, or --port 0 to let plangen pick a free one",
    },
    "serve_cannot_listen": {
        "vi": "không mở được {host}:{port}: {reason}",
        "en": "cannot listen on {host}:{port}: {reason}",
    },
    "serve_stopped_cli": {"vi": "Đã dừng xem trước.", "en": "Preview stopped."},
    "import_missing": {
        "vi": "{path}: không có tệp này (kiểm tra lại đường dẫn và tên tệp)",
        "en": "{path}: no such file (check the path and the file name)",
    },
    "import_empty": {
        "vi": "{path}: tệp trống (0 byte hoặc chỉ có khoảng trắng), không có gì để nhập",
        "en": "{path}: the file is empty, there is nothing to import",
    },
    "import_pdf": {
        "vi": "{path}: đây là tệp PDF, không phải tệp Word; plangen chỉ nhập tệp Word (.docx, .doc), .odt hoặc .rtf. Hãy dùng bản Word của văn bản, hoặc mở PDF trong Word (Tệp > Mở) rồi lưu thành .docx",
        "en": "{path}: this is a PDF, not a Word file; plangen imports Word (.docx, .doc), .odt or .rtf files only. Use the document's Word file, or open the PDF in Word (File > Open) and save it as .docx",
    },
    "import_encrypted": {
        "vi": "{path}: tệp Word có mật khẩu; mở bằng Word, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu) rồi nhập lại",
        "en": "{path}: the Word file is password-protected; open it in Word, remove the password (File > Info > Protect Document) and import it again",
    },
    "import_needs_libreoffice": {
        "vi": "{path}: tệp {what}; plangen chuyển sang .docx bằng LibreOffice nhưng không tìm thấy LibreOffice (cài LibreOffice, hoặc đặt biến PLANGEN_SOFFICE là đường dẫn của soffice). Hoặc mở tệp bằng Word và lưu thành .docx (Tệp > Lưu thành > Tài liệu Word)",
        "en": "{path}: a {what} file; plangen converts it to .docx with LibreOffice, which was not found (install LibreOffice, or set PLANGEN_SOFFICE to the path of soffice). Or open it in Word and save it as .docx (File > Save As > Word Document)",
    },
    "import_convert_failed": {
        "vi": "{path}: LibreOffice không chuyển được tệp {what} sang .docx: {reason}",
        "en": "{path}: LibreOffice could not convert the {what} file to .docx: {reason}",
    },
    "import_converted": {
        "vi": "đã chuyển tệp {what} sang .docx bằng LibreOffice trước khi nhập",
        "en": "converted the {what} file to .docx with LibreOffice before importing it",
    },
    "import_too_large": {
        "vi": "{path}: quá lớn để nhập ({what}; tối đa {limit}); một văn bản hành chính nhỏ hơn nhiều, hãy kiểm tra lại tệp",
        "en": "{path}: too large to import ({what}; at most {limit}); an administrative document is far smaller, check the file",
    },
    "import_paragraphs": {"vi": "{count} đoạn", "en": "{count} paragraphs"},
    "import_doctype": {
        "vi": "{path}: phần {part} có khai báo DOCTYPE hoặc ENTITY, điều Word không bao giờ ghi; không nhập tệp này",
        "en": "{path}: part {part} declares a DOCTYPE or ENTITY, which Word never writes; the file is not imported",
    },
    "import_collection": {
        "vi": "{path}: đây là một tập {count} mẫu văn bản (như Phụ lục III Nghị định 30), không phải một văn bản; chép một mẫu ra tệp riêng rồi nhập tệp đó; chưa ghi tệp nào",
        "en": "{path}: this is a collection of {count} sample documents (like Phụ lục III of Nghị định 30), not one document; copy one sample to a file of its own and import that; nothing was written",
    },
    "import_not_built": {
        "vi": "{path} đã được ghi để xem lại, nhưng chưa tạo được văn bản từ nó (kể cả bản dự thảo): sửa các lỗi trên",
        "en": "{path} was written for review, but no document builds from it yet (not even a draft): fix the problems above",
    },
    "import_draft_only": {
        "vi": "{path}: mới tạo được bản dự thảo (plangen build --draft); điền các chỗ <<cần điền: …>> và họ tên người ký để tạo bản chính thức",
        "en": "{path}: only a draft builds yet (plangen build --draft); fill in the <<cần điền: …>> values and the signer's name to build the final document",
    },
    "import_low_coverage": {
        "vi": "độ phủ {share} thấp hơn {enough}: một phần nội dung chưa vào đúng chỗ trong kế hoạch ({unplaced} đoạn chỉ nằm trong các dòng # XEM LẠI); đối chiếu với tệp gốc",
        "en": "coverage {share} is below {enough}: part of the text is not in its place in the plan ({unplaced} paragraphs are only in # XEM LẠI comments); compare it with the original",
    },
    "import_unreadable": {
        "vi": "{path}: không đọc được tệp DOCX này (hỏng, có mật khẩu, hoặc không phải DOCX)",
        "en": "{path}: cannot read this DOCX (damaged, password-protected, or not a DOCX)",
    },
    "import_fixed": {"vi": "SỬA {where}: {text}", "en": "FIXED {where}: {text}"},
    "import_review": {"vi": "XEM LẠI {where}: {text}", "en": "REVIEW {where}: {text}"},
    "import_skipped": {"vi": "KHÔNG NHẬP: {what}", "en": "NOT IMPORTED: {what}"},
    "import_coverage": {
        "vi": "độ phủ: {share} (phần các cụm 6 từ của tệp gốc có lại trong văn bản tạo từ kế hoạch)",
        "en": "coverage: {share} (share of the original's 6-word runs found in the document built from the plan)",
    },
    "csv_no_header": {
        "vi": "tệp CSV không có dòng tiêu đề cột (dòng đầu trống)",
        "en": "the CSV file has no title row (its first line is empty)",
    },
    "csv_semicolons": {
        "vi": 'tệp CSV dùng dấu ";" để ngăn cột (Excel cài tiếng Việt): lưu lại dạng "CSV UTF-8 (phân cách bằng dấu phẩy)"',
        "en": 'the CSV file separates columns with ";" (Excel with Vietnamese settings): save it again as "CSV UTF-8 (comma delimited)"',
    },
    "markdown_row_length": {
        "vi": 'dòng bảng "{row}" có {got} ô nhưng bảng có {columns} cột',
        "en": 'table row "{row}" has {got} cells but the table has {columns} columns',
    },
    "award_needs_results": {
        "vi": "danh sách khen thưởng lấy từ tệp kết quả: kế hoạch cần data.results",
        "en": "the award list is drawn from the results file: the plan needs data.results",
    },
    "award_empty": {
        "vi": "không đăng ký nào đạt mức {levels} trong kết quả {results}: danh sách khen thưởng sẽ trống",
        "en": "no registration is at {levels} in the results of {results}: the award list would be empty",
    },
    "article_numbered": {
        "vi": 'không ghi "Điều …" ở đầu điều: plangen tự ghi "Điều 1.", "Điều 2.", …',
        "en": 'do not write "Điều …" at the start of an article: plangen writes "Điều 1.", "Điều 2.", …',
    },
    "vv_typed": {
        "vi": 'trích yếu công văn không ghi "V/v": plangen tự thêm',
        "en": 'do not write "V/v" in a công văn\'s trích yếu: plangen adds it',
    },
    "same_file_twice": {
        "vi": "{file}: hai văn bản cùng ghi vào tệp này (ví dụ một key trong van_ban trùng tên một báo cáo); đặt key khác",
        "en": "{file}: two documents would be written to this file (e.g. a key in van_ban named like a report); use another key",
    },
    "document_kind": {
        "vi": 'loại văn bản "{got}" không có; chọn một trong: {known}',
        "en": 'no document kind "{got}"; use one of: {known}',
    },
    "needs_document": {
        "vi": "một văn bản {name} (kind: {code}) trong van_ban",
        "en": "a {name} (kind: {code}) in van_ban",
    },
    "needs_danh_sach": {
        "vi": "kế hoạch của phong trào (kind: KH) và tệp đăng ký (data.registrations)",
        "en": "the campaign's plan (kind: KH) and registration files (data.registrations)",
    },
    "needs_phieu_dang_ky": {
        "vi": "campaign, kế hoạch của phong trào (kind: KH), và phụ lục template: phieu-dang-ky.docx hoặc tệp đăng ký (data.registrations)",
        "en": "a campaign, the campaign's plan (kind: KH), and an annex with template: phieu-dang-ky.docx or registration files (data.registrations)",
    },
    "footnote_undefined": {
        "vi": 'chú thích [^{key}] chưa có lời: thêm một dòng "[^{key}]: …" vào cùng đoạn văn bản',
        "en": 'footnote [^{key}] has no text: add a line "[^{key}]: …" to the same text',
    },
    "footnote_not_here": {
        "vi": "chú thích [^…] chỉ đặt được trong đoạn văn (content, opening, closing), không ở trích yếu, căn cứ, tiêu đề mục hay ô bảng",
        "en": "a footnote [^…] can only be placed in running text (content, opening, closing), not in a trích yếu, căn cứ, heading or table cell",
    },
    "footnote_unused": {
        "vi": "lời chú thích [^{key}] không được đánh dấu ở đâu trong đoạn văn bản này",
        "en": "footnote text [^{key}] is not cited anywhere in this text",
    },
    "trich_yeu_caps": {
        "vi": "trích yếu viết chữ thường (plangen in đậm theo Nghị định 30), không in hoa toàn bộ",
        "en": "write the trích yếu in lowercase (plangen prints it bold, as NĐ30 wants), not all capitals",
    },
    "can_cu_colon": {
        "vi": 'căn cứ không kết thúc bằng ":" (plangen thêm ";" hoặc "."); câu dẫn "… như sau:" ghi vào opening',
        "en": 'a căn cứ does not end with ":" (plangen adds ";" or "."); write the lead-in "… như sau:" in opening',
    },
    "opening_can_cu": {
        "vi": 'đoạn mở đầu không bắt đầu bằng "Căn cứ": ghi mỗi căn cứ một dòng trong can_cu (hoặc viết một câu dẫn vào nội dung, kết thúc bằng dấu hai chấm: "Căn cứ …, trường … xây dựng kế hoạch như sau:")',
        "en": 'the opening does not start with "Căn cứ": write each căn cứ as a line of can_cu (or one sentence leading into the content, ending with a colon: "Căn cứ …, trường … xây dựng kế hoạch như sau:")',
    },
    "markdown_blockquote": {
        "vi": 'plangen không in trích dẫn Markdown (dòng bắt đầu bằng ">"): "{line}"; viết thành đoạn văn, hoặc dòng căn giữa "-> … <-"',
        "en": 'plangen prints no Markdown blockquote (a line starting ">"): "{line}"; write a paragraph, or a centred line "-> … <-"',
    },
    "markdown_heading": {
        "vi": 'plangen không in tiêu đề Markdown ("#"): "{line}"; ghi thành một mục (heading trong body) để plangen đánh số',
        "en": 'plangen prints no Markdown heading ("#"): "{line}"; make it a section (a heading in body) for plangen to number',
    },
    "markdown_rule": {
        "vi": 'plangen không in đường kẻ ngang Markdown ("---"): "{line}"; bỏ dòng này (Nghị định 30 không có đường kẻ giữa nội dung)',
        "en": 'plangen prints no Markdown horizontal rule ("---"): "{line}"; remove the line (NĐ30 has no rule inside the content)',
    },
    "markdown_code": {
        "vi": 'plangen không in khối mã Markdown ("```"): "{line}"; viết thành đoạn văn',
        "en": 'plangen prints no Markdown code block ("```"): "{line}"; write it as a paragraph',
    },
    "markdown_strike": {
        "vi": 'plangen không in chữ gạch ngang ("~~…~~"): "{line}"; bỏ phần chữ đó (văn bản ban hành không có chữ gạch bỏ)',
        "en": 'plangen prints no struck-through text ("~~…~~"): "{line}"; remove that text (an issued document has no struck text)',
    },
    "markdown_image": {
        "vi": 'plangen không chèn hình ("![…](…)"): "{line}"; đưa hình vào mẫu Word (phụ lục template) hoặc bỏ',
        "en": 'plangen inserts no picture ("![…](…)"): "{line}"; put the picture in a Word template (an annex template) or remove it',
    },
    "diem_dot": {
        "vi": 'điểm ghi "{letter}." — Nghị định 30 ghi "{letter})"; viết "{letter})" (plangen in mỗi điểm thành một đoạn)',
        "en": 'the điểm reads "{letter}." — NĐ30 writes "{letter})"; write "{letter})" (plangen prints each điểm as a paragraph)',
    },
    "signer_prefix_typed": {
        "vi": 'quyền hạn ký "{prefix}" không ghi vào chức vụ: ghi authority: {prefix} và {field}: {rest}, rồi title là chức vụ của chính người ký (ví dụ: Phó Hiệu trưởng)',
        "en": 'the authority "{prefix}" is not written into a title: write authority: {prefix} and {field}: {rest}, then title, the signer\'s own position (e.g. Phó Hiệu trưởng)',
    },
    "heading_dash": {
        "vi": 'tiêu đề mục không bắt đầu bằng gạch đầu dòng: plangen tự đánh số; viết "{rest}" (một ý gạch đầu dòng thì ghi trong content)',
        "en": 'a heading does not start with a dash: plangen numbers headings; write "{rest}" (a bullet belongs in content)',
    },
    "heading_numbered": {
        "vi": 'tiêu đề mục không ghi số "{mark}": plangen tự đánh số; viết "{rest}"',
        "en": 'write the heading without its number "{mark}": plangen numbers headings; write "{rest}"',
    },
    "kinh_gui_for_kh": {
        "vi": "kế hoạch không ghi Kính gửi; chỉ báo cáo, tờ trình gửi cấp trên mới dùng",
        "en": "a plan has no Kính gửi; only reports and submissions to a superior use it",
    },
    # -- Jinja in text --------------------------------------------------------------------
    "jinja_syntax": {
        "vi": "lỗi cú pháp biểu thức {{{{ }}}}: {detail}",
        "en": "syntax error in a {{{{ }}}} expression: {detail}",
    },
    "jinja_unclosed": {
        "vi": 'biểu thức chưa được đóng: thiếu "{detail}"',
        "en": 'an expression is not closed: "{detail}" is missing',
    },
    "jinja_nested": {
        "vi": "văn bản này trích một đoạn văn bản khác cũng có biểu thức, lồng quá hai tầng; hãy ghi trực tiếp dữ liệu cần dùng",
        "en": "this text quotes text that quotes text with expressions, more than two levels; refer to the data directly",
    },
    "jinja_undefined": {
        "vi": 'biểu thức dùng tên không có trong kế hoạch: "{detail}"{hint}',
        "en": 'the expression uses a name the plan does not have: "{detail}"{hint}',
    },
    "jinja_no_campaign": {
        "vi": 'biểu thức dùng "{detail}" của phong trào, nhưng kế hoạch không có campaign: thêm campaign (name, start, end) hoặc bỏ biểu thức{hint}',
        "en": 'the expression uses "{detail}" of a campaign, but the plan has no campaign: add campaign (name, start, end) or drop the expression{hint}',
    },
    "jinja_security": {
        "vi": 'biểu thức không được phép truy cập "{detail}"',
        "en": 'the expression may not access "{detail}"',
    },
    "jinja_error": {
        "vi": "không tính được biểu thức: {detail}",
        "en": "cannot evaluate the expression: {detail}",
    },
    # -- plangen check --------------------------------------------------------------------
    "docx_encrypted": {
        "vi": "tệp được mã hóa bằng mật khẩu hoặc là tệp .doc cũ; hãy mở bằng Word và lưu lại dạng .docx không mật khẩu",
        "en": "the file is password-protected or an old .doc; open it in Word and save it as a .docx without a password",
    },
    "docx_not_docx": {
        "vi": "không phải tệp DOCX",
        "en": "not a DOCX file",
    },
    "docx_corrupt": {
        "vi": "tệp DOCX bị hỏng, không đọc được",
        "en": "the DOCX file is damaged and cannot be read",
    },
    "docx_too_large": {
        "vi": "tệp DOCX quá lớn để kiểm tra",
        "en": "the DOCX file is too large to check",
    },
    "severity_error": {"vi": "lỗi", "en": "error"},
    "severity_warning": {"vi": "cảnh báo", "en": "warning"},
    "not_checked": {"vi": "chưa kiểm tra", "en": "not checked"},
    "check_summary": {
        "vi": "{errors} lỗi, {warnings} cảnh báo, {unchecked} quy tắc chưa kiểm tra",
        "en": "{errors} error(s), {warnings} warning(s), {unchecked} rule(s) not checked",
    },
    # -- signed-ready gate and writing -----------------------------------------------------
    "gate": {
        "vi": "{file}: chưa sẵn sàng để ký: {reason}",
        "en": "{file}: not ready for signing: {reason}",
    },
    "gate_to_fill": {
        "vi": "còn chỗ cần điền {text} ({where}); điền giá trị trong tệp kế hoạch (chỉ bản dự thảo được để như vậy)",
        "en": "a value is still to fill in: {text} ({where}); fill it in the plan file (only a draft may keep it)",
    },
    "gate_leftover": {
        "vi": 'còn sót "{text}" ({where})',
        "en": 'leftover "{text}" ({where})',
    },
    "gate_broken": {
        "vi": "mẫu Word đã tạo ra nội dung XML hỏng (thường do bộ lọc | safe); hãy sửa mẫu",
        "en": "the Word template produced broken XML (often a | safe filter); fix the template",
    },
    "gate_comments": {
        "vi": "tệp có chú thích (comment)",
        "en": "the file has comments",
    },
    "gate_tracked": {
        "vi": "tệp có thay đổi được theo dõi (track changes)",
        "en": "the file has tracked changes",
    },
    "gate_property": {
        "vi": "thiếu thuộc tính tệp {name}",
        "en": "the file property {name} is missing",
    },
    "gate_own_date": {
        "vi": "ngày tạo trong thuộc tính tệp ({found}) không phải ngày của văn bản ({day})",
        "en": "the creation date among the file properties ({found}) is not the document's date ({day})",
    },
    "gate_unmarked_draft": {
        "vi": 'bản dự thảo thiếu dấu "DỰ THẢO" ở đầu trang 1',
        "en": 'the draft has no "DỰ THẢO" mark at the top of page 1',
    },
    "gate_layout": {
        "vi": "trình kiểm tra đọc văn bản là {found}, nhưng loại {kind} phải là {expected}",
        "en": "the checker reads the document as {found}, but kind {kind} must be {expected}",
    },
    "gate_signer": {
        "vi": "chưa có họ tên người ký (signer.name); dùng --draft cho bản dự thảo",
        "en": "no signer's name (signer.name); use --draft for a draft",
    },
    "gate_blank": {
        "vi": '{field} để trống nhưng không có trong de_trong; ghi {field} hoặc thêm "{field}" vào de_trong, hoặc dùng --draft',
        "en": '{field} is blank but not listed in de_trong; fill {field}, add "{field}" to de_trong, or use --draft',
    },
    "ready_signer": {
        "vi": "chưa có họ tên người ký ({files}); ghi họ tên, hoặc dùng --draft cho bản dự thảo",
        "en": "no signer's name ({files}); write the name, or use --draft for a draft",
    },
    "ready_to_fill": {
        "vi": "còn chỗ cần điền: {text}; điền giá trị thật, hoặc dùng --draft (chỉ bản dự thảo được để như vậy)",
        "en": "a value is still to fill in: {text}; write the real value, or use --draft (only a draft may keep it)",
    },
    "ready_blank": {
        "vi": '{field} để trống nhưng không có trong de_trong; ghi {field} hoặc thêm "{field}" vào de_trong, hoặc dùng --draft',
        "en": '{field} is blank but not listed in de_trong; fill {field}, add "{field}" to de_trong, or use --draft',
    },
    "gate_nd30": {
        "vi": "lỗi thể thức {code}: {text}",
        "en": "format error {code}: {text}",
    },
    "hand_edited": {
        "vi": "{path} đã được sửa tay sau lần tạo trước; không ghi đè (dùng --force để ghi đè và giữ bản sửa tay làm bản sao lưu)",
        "en": "{path} was edited by hand since plangen wrote it; not overwritten (use --force to overwrite it and keep the edited file as a backup)",
    },
    "same_folder": {
        "vi": "{first} và {second} cùng ghi vào {folder}; đổi tên một tệp kế hoạch",
        "en": "{first} and {second} would both write to {folder}; rename one plan file",
    },
    "stale_file": {
        "vi": "lưu ý: {path} do lần tạo trước ghi, nay không còn được tạo từ kế hoạch (đã bỏ khỏi manifest.json); xóa nếu không cần",
        "en": "note: {path} was written by an earlier build and is no longer made from the plan (removed from manifest.json); delete it if it is not needed",
    },
    "backup_kept": {
        "vi": "đã giữ bản sửa tay ở {path}",
        "en": "kept the hand-edited file as {path}",
    },
    "no_libreoffice": {
        "vi": "cần LibreOffice để tạo PDF (Debian: apt-get install libreoffice-writer-nogui fonts-liberation2; Windows: cài LibreOffice, hoặc đặt biến PLANGEN_SOFFICE là đường dẫn của soffice.exe)",
        "en": "LibreOffice is needed for PDF (Debian: apt-get install libreoffice-writer-nogui fonts-liberation2; Windows: install LibreOffice, or set PLANGEN_SOFFICE to the path of soffice.exe)",
    },
    "pdf_failed": {
        "vi": "LibreOffice không chuyển được {file} sang PDF: {reason}; chưa ghi tệp nào",
        "en": "LibreOffice could not convert {file} to PDF: {reason}; nothing was written",
    },
    "soffice_not_found": {
        "vi": "biến PLANGEN_SOFFICE chỉ tới {path}, nhưng không có tệp đó; sửa đường dẫn tới soffice (Windows: soffice.exe) hoặc bỏ biến để plangen tự tìm LibreOffice",
        "en": "PLANGEN_SOFFICE names {path}, but there is no such file; correct the path to soffice (Windows: soffice.exe) or unset it to let plangen find LibreOffice",
    },
    "fonts_folder_missing": {
        "vi": "biến PLANGEN_FONTS chỉ tới {path}, nhưng không có thư mục đó",
        "en": "PLANGEN_FONTS names {path}, but there is no such folder",
    },
    "fonts_folder_empty": {
        "vi": "thư mục PLANGEN_FONTS ({path}) không có tệp phông nào ({kinds})",
        "en": "the PLANGEN_FONTS folder ({path}) has no font file ({kinds})",
    },
    "bad_source_date_epoch": {
        "vi": 'SOURCE_DATE_EPOCH phải là số giây kể từ 01/01/1970 (UTC), không phải "{value}"',
        "en": 'SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01 (UTC), not "{value}"',
    },
    "pdf_made": {
        "vi": "PDF trong {folder}: PDF/A-{level}, phông {fonts}",
        "en": "PDFs in {folder}: PDF/A-{level}, font {fonts}",
    },
    "pdf_font_substitute": {
        "vi": "lưu ý: máy này không có Times New Roman, PDF dùng {fonts} (cùng kích thước chữ, thay cho Times New Roman); cài Times New Roman hoặc đặt biến PLANGEN_FONTS là thư mục có các tệp phông Times New Roman",
        "en": "note: this machine has no Times New Roman, the PDFs use {fonts} (same metrics, standing in for Times New Roman); install Times New Roman or set PLANGEN_FONTS to a folder holding its font files",
    },
    # -- plangen register ------------------------------------------------------------------
    "register_no_manifest": {
        "vi": "{path}: không có manifest.json (không phải thư mục kết quả của plangen build, cũng không chứa thư mục nào như vậy)",
        "en": "{path}: no manifest.json (not an output folder of plangen build, nor a folder of them)",
    },
    "register_unreadable": {
        "vi": "không đọc được {path}: {reason}",
        "en": "cannot read {path}: {reason}",
    },
    "register_draft": {
        "vi": "bỏ qua {path}: bản dự thảo (--draft) không vào sổ",
        "en": "skipped {path}: a draft (--draft) is not registered",
    },
    "register_unnumbered": {
        "vi": "bỏ qua {path}: chưa có số (văn thư ghi number vào kế hoạch rồi tạo lại)",
        "en": "skipped {path}: no number yet (the văn thư writes number in the plan and builds again)",
    },
    "register_undated": {
        "vi": "bỏ qua {path}: chưa có ngày ban hành (issued_on)",
        "en": "skipped {path}: no date of issue yet (issued_on)",
    },
    "register_not_a_register": {
        "vi": "trang {sheet} không phải sổ đăng ký văn bản đi: dòng {row} không phải 10 cột của Phụ lục IV Nghị định 30; không ghi gì",
        "en": "sheet {sheet} is not an outgoing register: row {row} is not the 10 columns of Decree 30 Phụ lục IV; nothing written",
    },
    "register_twice": {
        "vi": "cảnh báo: số, ký hiệu {number} dùng hai lần trong {sheet} (dòng {rows}); Phụ lục VI Nghị định 30, III.1.h",
        "en": "warning: number and ký hiệu {number} used twice in {sheet} (rows {rows}); Decree 30 Phụ lục VI, III.1.h",
    },
    "register_wrote": {
        "vi": "đã ghi {path}: thêm {added} văn bản, {already} văn bản đã có trong sổ",
        "en": "wrote {path}: {added} document(s) added, {already} already in the register",
    },
    "register_nothing_new": {
        "vi": "{path}: không có văn bản mới ({already} văn bản đã có trong sổ); không ghi lại",
        "en": "{path}: no new document ({already} already in the register); not written again",
    },
    "register_none": {
        "vi": "không có văn bản nào đã có số và ngày để vào sổ; chưa ghi {path}",
        "en": "no document with a number and a date to register; {path} not written",
    },
    # -- plangen new / init ----------------------------------------------------------------
    "file_exists": {
        "vi": "{path} đã có; dùng --force để ghi đè",
        "en": "{path} already exists; use --force to overwrite it",
    },
    "shift_out_of_range": {
        "vi": "dời ngày như vậy ra ngoài lịch (năm 1 đến 9999)",
        "en": "that shift moves dates outside the calendar (years 1 to 9999)",
    },
    "review_years": {
        "vi": "Xem lại các năm ghi trong câu chữ (plangen không tự đổi):",
        "en": "Review these years written inside sentences (plangen does not move them):",
    },
    "no_start": {
        "vi": "không tìm thấy campaign.start hay một ngày ban hành (issued_on) để tính độ lệch ngày; dùng --shift-years N",
        "en": "neither campaign.start nor a date of issue (issued_on) found, so the shift cannot be computed; use --shift-years N",
    },
    "new_over_source": {
        "vi": "{path} là chính tệp kế hoạch cũ: plangen new không ghi đè tệp nguồn (kể cả với --force); đặt tên tệp mới khác",
        "en": "{path} is the old plan itself: plangen new never writes over its source (not even with --force); give the new file another name",
    },
    "new_nothing_kept": {
        "vi": "mọi văn bản của kế hoạch cũ đều dựa trên kết quả của giai đoạn cũ: không còn văn bản nào để chép sang",
        "en": "every document of the old plan is drawn from the old period's results: there is no document left to copy",
    },
    "new_kept": {
        "vi": "{file}: giữ; đã dời ngày, để trống số và ngày ban hành cho văn thư (de_trong)",
        "en": "{file}: kept; dates moved, number and date of issue left for the văn thư (de_trong)",
    },
    "new_dropped_results": {
        "vi": "{file}: bỏ, vì dùng kết quả của giai đoạn cũ ({names}); viết lại khi có kết quả mới",
        "en": "{file}: dropped, as it uses the old period's results ({names}); write it again when there are new results",
    },
    "new_dropped_quote": {
        "vi": "{file}: bỏ, vì trích dẫn {other} (đã bỏ)",
        "en": "{file}: dropped, as it quotes {other} (dropped)",
    },
    "new_data_dropped": {
        "vi": "data: bỏ các tệp đăng ký và kết quả của giai đoạn cũ; ghi tệp dữ liệu mới khi có",
        "en": "data: the old period's registration and result files dropped; name the new ones when there are",
    },
    "new_period": {
        "vi": "đã đổi {change}",
        "en": "moved {change}",
    },
    # -- plangen sign / verify ------------------------------------------------------------
    "sign_needs_extra": {
        "vi": "plangen sign và verify cần thêm vài thư viện: pip install 'plangen[sign]'",
        "en": "plangen sign and verify need a few more libraries: pip install 'plangen[sign]'",
    },
    "cannot_read": {
        "vi": "không đọc được {path}: {reason}",
        "en": "cannot read {path}: {reason}",
    },
    "sign_not_pdf": {
        "vi": "{path} không phải tệp PDF đọc được",
        "en": "{path} is not a readable PDF file",
    },
    "sign_encrypted": {
        "vi": "{path} có mật khẩu (mã hóa): hãy ký bản PDF không mã hóa do plangen build --pdf tạo",
        "en": "{path} is encrypted (password-protected): sign the unencrypted PDF that plangen build --pdf makes",
    },
    "sign_no_signer_block": {
        "vi": "{path}: không tìm thấy khối chữ ký (chức vụ in hoa, đậm ở cột phải và họ tên in đậm bên dưới, cách một khoảng để ký); chưa ký",
        "en": "{path}: no signer block found (the position in bold capitals in the right column, the name in bold below it with room to sign); not signed",
    },
    "sign_not_png": {
        "vi": "{path} không phải ảnh PNG (Nghị định 30 yêu cầu ảnh .png nền trong suốt); chưa ký",
        "en": "{path} is not a PNG image (Decree 30 asks for a .png with a transparent background); not signed",
    },
    "sign_not_transparent": {
        "vi": "cảnh báo: {path} không có nền trong suốt (Nghị định 30 yêu cầu PNG nền trong suốt): ảnh sẽ che chữ bên dưới",
        "en": "warning: {path} has no transparent background (Decree 30 asks for a transparent PNG): the image will hide the text under it",
    },
    "sign_signer_not_blue": {
        "vi": "cảnh báo: chữ ký trong {path} không có màu xanh (Nghị định 30: màu xanh, mực không phai)",
        "en": "warning: the signature in {path} is not blue (Decree 30: blue ink that does not fade)",
    },
    "sign_seal_not_red": {
        "vi": "cảnh báo: con dấu trong {path} không có màu đỏ (Nghị định 30: màu đỏ)",
        "en": "warning: the seal in {path} is not red (Decree 30: red)",
    },
    "sign_p12_wrong": {
        "vi": "không mở được {path}: sai mật khẩu, hoặc tệp không phải khóa PKCS#12 (.p12, .pfx); chưa ký",
        "en": "cannot open {path}: wrong password, or not a PKCS#12 key file (.p12, .pfx); not signed",
    },
    "sign_no_secret": {
        "vi": "không có ai để nhập mật khẩu / mã PIN (không phải cửa sổ lệnh): đặt biến môi trường {variable}",
        "en": "no one to type the password or PIN (not a terminal): set the environment variable {variable}",
    },
    "prompt_password": {
        "vi": "Mật khẩu của {path}: ",
        "en": "Password of {path}: ",
    },
    "prompt_pin": {
        "vi": "Mã PIN của token: ",
        "en": "Token PIN: ",
    },
    "sign_pkcs11_library": {
        "vi": "không nạp được thư viện PKCS#11 {path}: {reason}",
        "en": "cannot load the PKCS#11 library {path}: {reason}",
    },
    "sign_token_missing": {
        "vi": "không thấy token {label} (các token đang cắm: {labels}); cắm token hoặc chọn bằng --token",
        "en": "token {label} not found (tokens present: {labels}); plug it in or choose one with --token",
    },
    "sign_token_ambiguous": {
        "vi": "có nhiều token ({labels}); chọn một bằng --token",
        "en": "several tokens ({labels}); choose one with --token",
    },
    "sign_pin_wrong": {
        "vi": "sai mã PIN của token; chưa ký (nhập sai nhiều lần token sẽ bị khóa)",
        "en": "wrong token PIN; not signed (too many wrong PINs lock the token)",
    },
    "sign_pin_locked": {
        "vi": "token đã bị khóa vì nhập sai PIN nhiều lần; liên hệ nhà cung cấp chữ ký số",
        "en": "the token is locked after too many wrong PINs; contact the certificate provider",
    },
    "sign_key_missing": {
        "vi": "không thấy khóa ký trên token (các khóa: {labels})",
        "en": "no signing key on the token (keys: {labels})",
    },
    "sign_key_ambiguous": {
        "vi": "token có nhiều khóa ({labels}); chọn một bằng --key-label",
        "en": "the token has several keys ({labels}); choose one with --key-label",
    },
    "sign_token_no_certificate": {
        "vi": "không đọc được chứng thư số của khóa trên token: {reason}",
        "en": "cannot read the key's certificate on the token: {reason}",
    },
    "sign_cert_expired": {
        "vi": "chứng thư số đã hết hạn từ {date}; chưa ký (gia hạn chứng thư với nhà cung cấp)",
        "en": "the certificate expired on {date}; not signed (renew it with the provider)",
    },
    "sign_cert_not_yet": {
        "vi": "chứng thư số chỉ có hiệu lực từ {date}; chưa ký",
        "en": "the certificate is valid only from {date}; not signed",
    },
    "sign_cert_usage": {
        "vi": "chứng thư số không được cấp để ký (thiếu digitalSignature / nonRepudiation trong keyUsage); chưa ký",
        "en": "the certificate is not issued for signing (keyUsage has neither digitalSignature nor nonRepudiation); not signed",
    },
    "sign_changed_after_signing": {
        "vi": "{path} đã bị sửa sau khi ký, hoặc chữ ký không còn nguyên vẹn ({fields}); không ký thêm vào tệp này",
        "en": "{path} was changed after signing, or a signature is no longer intact ({fields}); not signing it",
    },
    "sign_already_signer": {
        "vi": "{path} đã có chữ ký của người có thẩm quyền",
        "en": "{path} already has the signer's signature",
    },
    "sign_already_organisation": {
        "vi": "{path} đã có chữ ký số của cơ quan",
        "en": "{path} already has the office's signature",
    },
    "sign_already_attachment": {
        "vi": "{path} đã có chữ ký số của cơ quan trên tệp đính kèm",
        "en": "{path} already has the office's signature for an attachment",
    },
    "sign_signer_first": {
        "vi": "{path} chưa có chữ ký của người có thẩm quyền: văn thư chỉ ký số của cơ quan sau khi người có thẩm quyền đã ký (Điều 32.2.d Nghị định 30)",
        "en": "{path} has no signer's signature yet: the office signs only after the person with authority (Decree 30, Art. 32.2.d)",
    },
    "sign_no_number": {
        "vi": "{path}: trang 1 không ghi số và ký hiệu của văn bản; ghi bằng --number, ví dụ --number 12/KH-THPTNT",
        "en": "{path}: page 1 shows no document number; give it with --number, e.g. --number 12/KH-THPTNT",
    },
    "sign_no_font": {
        "vi": "không tìm thấy phông Times New Roman hay Liberation Serif (Debian: apt-get install fonts-liberation2; hoặc đặt PLANGEN_FONTS là thư mục chứa times.ttf)",
        "en": "neither Times New Roman nor Liberation Serif was found (Debian: apt-get install fonts-liberation2; or set PLANGEN_FONTS to a folder holding times.ttf)",
    },
    "sign_font_substitute": {
        "vi": "lưu ý: máy không có Times New Roman; thông tin ký dùng {font} (cùng kích thước chữ)",
        "en": "note: Times New Roman is not installed; the signing text uses {font} (same metrics)",
    },
    "sign_tsa_failed": {
        "vi": "không lấy được dấu thời gian từ {url}: {reason}; chưa ký",
        "en": "no time stamp from {url}: {reason}; not signed",
    },
    "sign_failed": {
        "vi": "không ký được: {reason}",
        "en": "signing failed: {reason}",
    },
    "sign_attachment_needs_organisation": {
        "vi": "--attachment là chữ ký số của cơ quan: dùng cùng --organisation",
        "en": "--attachment is the office's signature: use it with --organisation",
    },
    "sign_attachment_no_image": {
        "vi": "tệp đính kèm được ký không kèm hình ảnh (Nghị định 30): bỏ --image",
        "en": "an attachment is signed without image (Decree 30): drop --image",
    },
    "sign_image_needed": {
        "vi": "cần --image: ảnh chữ ký (PNG nền trong suốt, màu xanh) hoặc, với --organisation, ảnh con dấu (màu đỏ)",
        "en": "--image is needed: the signature (transparent PNG, blue) or, with --organisation, the seal (red)",
    },
    "sign_seal_size": {
        "vi": "--seal-mm phải lớn hơn 0 (đường kính thật của con dấu, mm)",
        "en": "--seal-mm must be more than 0 (the seal's real width, mm)",
    },
    "signed_signer": {
        "vi": "đã ký (người có thẩm quyền) {path}",
        "en": "signed (person with authority) {path}",
    },
    "signed_organisation": {
        "vi": "đã ký số của cơ quan {path}",
        "en": "signed as the office {path}",
    },
    "signed_attachment": {
        "vi": "đã ký số của cơ quan trên tệp đính kèm {path}",
        "en": "signed the attachment as the office {path}",
    },
    "verify_bad_root": {
        "vi": "{path} không phải chứng thư số gốc đọc được (PEM hoặc DER): {reason}",
        "en": "{path} is not a readable root certificate (PEM or DER): {reason}",
    },
    "verify_none": {
        "vi": "{path}: không có chữ ký số nào",
        "en": "{path}: no digital signature",
    },
    "verify_heading": {
        "vi": "Chữ ký {number}: {role} (trường {field})",
        "en": "Signature {number}: {role} (field {field})",
    },
    "role_signer": {"vi": "người có thẩm quyền", "en": "person with authority"},
    "role_organisation": {"vi": "cơ quan (con dấu)", "en": "office (seal)"},
    "role_attachment": {"vi": "cơ quan, tệp đính kèm", "en": "office, attachment"},
    "role_other": {"vi": "không do plangen ký", "en": "not made by plangen"},
    "verify_subject": {"vi": "người ký: {subject}", "en": "signed by: {subject}"},
    "verify_time_claimed": {
        "vi": "thời điểm ký: {time} (theo máy người ký, không có dấu thời gian)",
        "en": "signed at: {time} (the signer's clock, no time stamp)",
    },
    "verify_time_stamped": {
        "vi": "thời điểm ký: {time} (dấu thời gian)",
        "en": "signed at: {time} (time stamp)",
    },
    "verify_intact": {
        "vi": "toàn vẹn: văn bản không bị sửa từ khi ký",
        "en": "intact: the document is unchanged since signing",
    },
    "verify_broken": {
        "vi": "LỖI: chữ ký không hợp lệ, nội dung đã ký bị thay đổi",
        "en": "ERROR: the signature is broken, the signed content was altered",
    },
    "verify_changed": {
        "vi": "LỖI: tệp đã bị sửa sau khi ký",
        "en": "ERROR: the file was changed after signing",
    },
    "verify_trusted": {
        "vi": "chứng thư: hợp lệ, đến chứng thư gốc tin cậy",
        "en": "certificate: valid, chains to a trusted root",
    },
    "verify_untrusted": {
        "vi": "LỖI: chứng thư không hợp lệ hoặc không dẫn đến chứng thư gốc đã cho (--trust)",
        "en": "ERROR: the certificate is invalid or does not chain to a given root (--trust)",
    },
    "verify_trust_unchecked": {
        "vi": "chứng thư: chưa kiểm tra (thêm --trust ROOT.pem)",
        "en": "certificate: not checked (add --trust ROOT.pem)",
    },
    "verify_place_ok": {
        "vi": "vị trí và hình thức: đúng Nghị định 30",
        "en": "place and look: as Decree 30 says",
    },
    "place_unknown_role": {
        "vi": "vị trí: chưa kiểm tra (trường chữ ký không do plangen tạo)",
        "en": "place: not checked (a signature field plangen did not make)",
    },
    "place_hidden": {
        "vi": "vị trí: chữ ký không hiện trên trang",
        "en": "place: the signature does not show on the page",
    },
    "place_signer_no_block": {
        "vi": "vị trí: không thấy khối chữ ký (chức vụ, họ tên) trên trang của chữ ký",
        "en": "place: no signer block (position, name) on the signature's page",
    },
    "place_signer_outside_gap": {
        "vi": "vị trí: hình chữ ký đè lên chức vụ hoặc họ tên (phải nằm giữa hai dòng)",
        "en": "place: the signature image overlaps the position or the name (it belongs between them)",
    },
    "place_signer_not_centred": {
        "vi": "vị trí: hình chữ ký không canh giữa chức vụ và họ tên",
        "en": "place: the signature image is not centred between the position and the name",
    },
    "place_seal_without_signer": {
        "vi": "vị trí: con dấu không nằm cùng trang với chữ ký của người có thẩm quyền",
        "en": "place: the seal is not on the page of the signer's signature",
    },
    "place_seal_not_left_third": {
        "vi": "vị trí: con dấu không trùm khoảng 1/3 hình chữ ký về bên trái",
        "en": "place: the seal does not cover about the left third of the signature image",
    },
    "place_attachment_not_top_right": {
        "vi": "vị trí: chữ ký của tệp đính kèm không ở góc trên bên phải trang đầu",
        "en": "place: the attachment's signature is not at the top right of the first page",
    },
    "look_no_image": {
        "vi": "hình thức: chữ ký không có hình ảnh",
        "en": "look: the signature shows no image",
    },
    "look_not_transparent": {
        "vi": "hình thức: hình ảnh không có nền trong suốt",
        "en": "look: the image has no transparent background",
    },
    "look_signer_not_blue": {
        "vi": "hình thức: hình chữ ký không có màu xanh",
        "en": "look: the signature image is not blue",
    },
    "look_seal_not_red": {
        "vi": "hình thức: hình con dấu không có màu đỏ",
        "en": "look: the seal image is not red",
    },
    "look_attachment_image": {
        "vi": "hình thức: chữ ký của tệp đính kèm không được có hình ảnh",
        "en": "look: an attachment's signature must show no image",
    },
    # -- command line ---------------------------------------------------------------------
    "file_missing": {
        "vi": "không tìm thấy tệp",
        "en": "no such file",
    },
    "valid": {
        "vi": "{path}: hợp lệ",
        "en": "{path}: valid",
    },
    "wrote": {
        "vi": "đã ghi {path}",
        "en": "wrote {path}",
    },
    "problems_found": {
        "vi": "{count} lỗi; chưa ghi tệp nào",
        "en": "{count} problem(s); nothing was written",
    },
    "problems_counted": {
        "vi": "{count} lỗi",
        "en": "{count} problem(s)",
    },
    "file_locked": {
        "vi": "{path} đang được mở (trong Word hoặc chương trình khác): hãy đóng tệp rồi tạo lại; chưa tệp nào được thay",
        "en": "{path} is open (in Word or another program): close it and build again; no file was replaced",
    },
    "cannot_write": {
        "vi": "không ghi được {path}: {reason}",
        "en": "cannot write {path}: {reason}",
    },
}


def message(key: str, lang: Lang = "vi", /, **values: object) -> str:
    """The text of message ``key`` in ``lang``, with ``values`` filled in."""
    entry = CATALOG.get(key)
    if entry is None:  # a bug in plangen, never the user's: every key is tested
        raise KeyError(f"no message {key!r}")
    return entry[lang].format(forms=DATE_FORMS[lang], **values)
