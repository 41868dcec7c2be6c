"""Vietnamese sentences for the codes that core, storage and services report.

Every function takes an optional `translate`, applied to each template and name before it is
filled in: the window passes its translator (ui/i18n.py), the command line and the documents keep
the Vietnamese as it is.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping

from ..core.issues import Issue, Location, TinNhiemError
from ..core.model import Mark
from ..core.results import Rule
from ..core.rules import BUILT_IN_BANDS, DEFAULT_TEAM_NAME, Band, Base, Preset
from ..core.team import head_title
from .dates import short_date, vi_datetime

COUNT_NAMES = {
    "summoned": "số người được triệu tập",
    "present": "số người có mặt",
    "issued": "số phiếu phát ra",
    "collected": "số phiếu thu về",
    "keyed": "số phiếu đã nhập",
}

MARK_NAMES = {
    Mark.CAO.value: "tín nhiệm cao",
    Mark.TIN_NHIEM.value: "tín nhiệm",
    Mark.THAP.value: "tín nhiệm thấp",
    Mark.NO_MARK.value: "không đánh dấu",
    Mark.MULTI.value: "đánh dấu nhiều ô",
    None: "(chưa nhập)",
}

STATUS_NAMES = {"valid": "hợp lệ", "invalid": "không hợp lệ"}
RESOLUTION_WORDS = {"A": "lấy theo lượt A", "B": "lấy theo lượt B", "R": "nhập lại theo phiếu giấy", None: ""}

BASE_NAMES = {
    Base.SUMMONED: "tổng số người được triệu tập",
    Base.PRESENT: "tổng số người có mặt",
    Base.ISSUED: "tổng số phiếu phát ra",
    Base.COLLECTED: "tổng số phiếu thu về",
    Base.VALID_BALLOTS: "tổng số phiếu hợp lệ",
    Base.VALID_FOR_PERSON: "số phiếu hợp lệ đối với từng người",
}

Translate = Callable[[str], str]


def vietnamese(text: str) -> str:
    """The default `translate`: the Vietnamese text as it is."""
    return text


OS_REASONS = {  # why the system refused a file operation (core.issues.os_reason), in the user's words
    "ENOSPC": "ổ đĩa đã đầy",
    "EDQUOT": "đã hết dung lượng được phép dùng trên ổ đĩa",
    "EACCES": "không có quyền truy cập",
    "EPERM": "không được phép thực hiện",
    "EROFS": "ổ đĩa hoặc thư mục chỉ cho đọc",
    "ENOENT": "không có tệp hoặc thư mục này",
    "ENOTDIR": "một phần của đường dẫn không phải thư mục",
    "EISDIR": "đây là một thư mục, không phải tệp",
    "EEXIST": "đã có tệp hoặc thư mục cùng tên",
    "EBUSY": "tệp đang được chương trình khác dùng",
    "ENAMETOOLONG": "tên tệp hoặc đường dẫn quá dài",
    "EINVAL": "tên tệp hoặc đường dẫn không hợp lệ",
    "EIO": "lỗi đọc ghi của ổ đĩa",
    "ENODEV": "không thấy ổ đĩa",
    "ENXIO": "không thấy ổ đĩa",
    "EXDEV": "không chuyển được tệp sang ổ đĩa khác",
    "ETIMEDOUT": "ổ đĩa mạng không trả lời",
    "EHOSTDOWN": "máy chứa ổ đĩa mạng không trả lời",
    "EMFILE": "đang mở quá nhiều tệp cùng lúc",
    "SQLITE_CANTOPEN": "không mở được tệp",
    "SQLITE_CORRUPT": "tệp bị hỏng",
    "SQLITE_NOTADB": "không phải tệp đợt lấy phiếu",
}


def os_reason_words(reason: str, translate: Translate = vietnamese) -> str:
    """The words for `core.issues.os_reason`'s code; a reason with no code as the system gave it."""
    return translate(OS_REASONS[reason]) if reason in OS_REASONS else reason


PHRASES = {  # the pieces that locate a message or qualify a status
    "file": "Tệp '{file}'",
    "line": "dòng {line}",
    "column": "cột {column}",
    "path": "mục {path}",
    "form": "Loại phiếu '{form}'",
    "form_titled": "Loại phiếu '{form}' ({title})",
    "with_reason": "{status} (lý do: {reason})",
    "no_date": "chưa xác định",
}

FLAG_NAMES = {
    "thap_over_half": "Tín nhiệm thấp trên 1/2",
    "thap_two_thirds_or_more": "Tín nhiệm thấp từ 2/3 trở lên",
    "thap_over_two_thirds": "Tín nhiệm thấp trên 2/3",
    "thap_80_percent": "Tín nhiệm thấp từ 80% trở lên",
    "thap_70_percent_two_years": "Tín nhiệm thấp từ 70% trở lên hai năm liên tiếp",
    "thap_over_half_two_years": "Tín nhiệm thấp trên 1/2 hai năm liên tiếp",
}

# A band whose bounds are not the preset's is worded from its fractions.
BAND_WORDS = {
    "over": "Tín nhiệm thấp trên {share}",
    "at_least": "Tín nhiệm thấp từ {share} trở lên",
    "below": "{band} và dưới {share}",
    "up_to": "{band} và không quá {share}",
    "two_years": "{band} hai năm liên tiếp",
}

MESSAGES = {
    # files
    "file_not_found": "Không tìm thấy tệp '{file}'.",
    "file_unreadable": "Không đọc được tệp '{file}': {detail}.",
    "file_not_utf8": "Tệp không phải văn bản UTF-8 (hãy lưu lại tệp với mã hóa UTF-8).",
    "file_exists": "Tệp '{file}' đã có; chương trình không ghi đè lên đợt lấy phiếu khác. Hãy chọn tên tệp mới.",
    "file_not_writable": "Không ghi được vào '{file}': {detail}.",
    "path_is_folder": "'{file}' là một thư mục, không phải một tệp. Hãy chọn một tệp trong thư mục đó.",
    "target_is_folder": "'{file}' là một thư mục đã có, chưa có tên tệp. Hãy gõ thêm tên tệp mới, VD: {example}",
    "folder_missing": "Thư mục '{folder}' chưa có nên không ghi được tệp '{file}'. Hãy chọn một thư mục đã có.",
    "folder_not_chosen": "Chưa chọn thư mục lưu tài liệu.",
    "folder_is_file": "'{folder}' là một tệp, không phải thư mục. Hãy chọn một thư mục để lưu tài liệu.",
    "path_bad_character": "Đường dẫn '{path}' có ký tự không dùng được trong tên tệp hay thư mục.",
    "not_a_round_file": "Tệp '{file}' không phải là tệp đợt lấy phiếu (.tinnhiem) của Tín Nhiệm Desktop. Tệp không bị thay đổi.",
    "round_file_truncated": "Tệp '{file}' bị cắt cụt hoặc hỏng (thiếu dữ liệu so với phần đầu tệp). Tệp không bị thay đổi; hãy dùng bản sao lưu.",
    "round_file_corrupt": "Tệp '{file}' bị hỏng, không đọc được ({detail}). Tệp không bị thay đổi; hãy dùng bản sao lưu.",
    "round_file_altered": "Tệp '{file}' đã bị sửa ngoài chương trình: có giá trị mà chương trình không bao giờ ghi "
                          "({detail}). Tệp không bị thay đổi thêm.",
    "round_file_too_new": "Tệp '{file}' được tạo bởi phiên bản mới hơn của chương trình (lược đồ {version}, phiên bản này đọc được đến {supported}). Hãy cập nhật chương trình. Tệp không bị thay đổi.",
    "round_file_needs_upgrade": "Tệp '{file}' có lược đồ cũ; hãy mở tệp để ghi một lần để chương trình nâng cấp (có tạo bản sao lưu).",
    "round_file_in_use": "Tệp '{file}' đang được mở để ghi ở nơi khác ({holder}). Chỉ một nơi được ghi vào một đợt lấy phiếu tại một thời điểm.",
    "round_lock_unsafe": "Tệp khóa '{file}' không phải một tệp thường của chương trình (là liên kết, thư mục hoặc tệp có nhiều tên) nên không được dùng, và không có tệp nào bị sửa. Hãy xóa '{file}' rồi mở lại '{round}'.",
    "round_file_foreign_objects": "Tệp '{file}' chứa thành phần không do chương trình tạo ({objects}): tệp đã bị sửa ngoài chương trình nên không được mở. Tệp không bị thay đổi; hãy dùng bản sao lưu.",
    "round_file_gone": "Tệp '{file}' đã bị chuyển đi, bị xóa hoặc bị thay bằng tệp khác trong lúc đang mở: thao tác "
                       "chưa được ghi. Hãy đóng đợt này rồi mở lại tệp (hoặc bản sao lưu) ở nơi nó đang nằm.",
    "round_read_only": "Tệp '{file}' đang mở ở chế độ chỉ đọc; không thể thay đổi.",
    "round_sealed": "Đợt lấy phiếu trong tệp '{file}' đã chốt kết quả lúc {sealed_at}; không thể thay đổi.",
    "migration_failed": "Không nâng cấp được tệp '{file}' lên lược đồ mới ({detail}). Tệp không bị thay đổi.",
    "sidecar_set_aside": "Bên cạnh tệp '{file}' có tệp phụ '{sidecar}' không thuộc về tệp này (của một tệp khác hoặc của một bản cũ hơn): chương trình không dùng nó mà để riêng thành '{set_aside}'. Tệp đợt lấy phiếu không bị thay đổi.",
    "sidecar_ignored": "Bên cạnh tệp '{file}' có tệp phụ '{sidecar}' không thuộc về tệp này (của một tệp khác hoặc của một bản cũ hơn): chương trình bỏ qua nó và chỉ đọc tệp chính. Không có gì bị thay đổi.",
    "write_failed": "Không ghi được vào '{file}' ({detail}). Thao tác chưa được thực hiện; dữ liệu đã nhập trước đó vẫn còn nguyên.",
    # a round on a PostgreSQL server (storage/pg_store.py)
    "server_url_invalid": "Địa chỉ máy chủ '{url}' không đúng dạng postgresql://TÀI_KHOẢN@MÁY_CHỦ/CƠ_SỞ_DỮ_LIỆU/TÊN_ĐỢT (tên đợt gồm chữ thường không dấu, chữ số, dấu gạch dưới).",
    "server_driver_missing": "Chương trình chưa có phần kết nối PostgreSQL (psycopg). Hãy cài bản đầy đủ của chương trình.",
    "server_unreachable": "Không kết nối được máy chủ '{url}' ({detail}). Hãy kiểm tra mạng, địa chỉ, tài khoản và mật khẩu.",
    "server_connection_lost": "Mất kết nối với máy chủ '{url}' ({detail}). Thao tác vừa rồi chưa được ghi; các phiếu đã nhập trước đó vẫn còn trên máy chủ. Khi mạng trở lại, hãy nhập lại ô vừa rồi.",
    "server_write_failed": "Máy chủ '{url}' không ghi được thay đổi ({detail}). Thao tác chưa được thực hiện.",
    "server_round_missing": "Trên máy chủ '{url}' không có đợt lấy phiếu '{round}'.",
    "server_round_exists": "Trên máy chủ '{url}' đã có đợt lấy phiếu '{round}'; hãy chọn tên khác.",
    "server_changed_meanwhile": "Một máy khác vừa sửa đúng phiếu này trên máy chủ '{url}' ({detail}); thao tác của máy này chưa được ghi. Hãy xem lại phiếu (đã cập nhật) rồi nhập lại nếu cần.",
    "server_seal_to_file": "Đợt lấy phiếu trên máy chủ '{url}' được chốt vào một tệp đợt lấy phiếu: hãy chọn tệp để ghi.",
    "server_round_moved": "Trong lúc chốt, đợt lấy phiếu trên máy chủ '{url}' đã thay đổi; chưa chốt. Hãy chốt lại.",
    "server_round_sealed_to_file": "Đợt lấy phiếu trên máy chủ '{url}' đã chốt vào tệp '{file}'; các bước sau khi chốt ghi vào tệp đó.",
    "new_needs_file_or_server": "Hãy cho biết tệp đợt lấy phiếu sẽ tạo, hoặc máy chủ (--server), một trong hai.",
    "server_only": "'{file}' là tệp đợt lấy phiếu, không phải đợt trên máy chủ.",
    "spreadsheet_too_large": "Tệp '{file}' quá lớn cho một danh sách (tối đa {rows} dòng, {columns} cột, đọc trong {seconds} giây); không có gì được nhập.",
    "not_a_spreadsheet": "Tệp '{file}' không phải bảng tính Excel (.xlsx) hoặc tệp CSV; hãy mở tệp trong Excel và lưu lại thành .xlsx hoặc CSV UTF-8.",
    "unknown_sheet": "Tệp '{file}' không có trang tính '{sheet}' (có: {known}).",
    # round definition
    "json_syntax": "JSON sai cú pháp: {detail}.",
    "spec_expected_object": "cần một đối tượng JSON {{...}}.",
    "spec_expected_list": "cần một danh sách JSON [...].",
    "spec_empty_list": "danh sách không được để trống.",
    "spec_missing_key": "thiếu mục '{key}'.",
    "spec_expected_text": "mục '{key}' phải là chuỗi văn bản.",
    "spec_empty_text": "mục '{key}' không được để trống.",
    "spec_expected_integer": "mục '{key}' phải là số nguyên (đang là {value!r}).",
    "spec_integer_too_large": "mục '{key}' = {value} lớn hơn mức tối đa {maximum}.",
    "spec_text_too_long": "mục '{key}' dài {length} ký tự, quá mức tối đa {maximum} ký tự.",
    "spec_integer_too_small": "mục '{key}' = {value} nhỏ hơn mức tối thiểu {minimum}.",
    "unknown_rule": "không có bộ quy tắc '{rule}'. Các bộ quy tắc: {known}.",
    "unknown_percent_base": "không có cơ sở tính tỷ lệ '{base}'. Dùng một trong: {known}.",
    "decimals_out_of_range": "số chữ số thập phân {value} vượt quá {maximum}.",
    "unknown_header_style": "kiểu thể thức '{style}' không hợp lệ (dùng 'state' hoặc 'party').",
    "form_id_has_comma": "mã loại phiếu '{form}' không được chứa dấu phẩy.",
    "duplicate_form_id": "mã loại phiếu '{form}' bị trùng.",
    "duplicate_person_key": "mã người '{key}' bị trùng trong cùng loại phiếu.",
    "spec_expected_boolean": "mục '{key}' phải là true hoặc false (đang là {value!r}).",
    "unknown_entry_mode": "cách nhập phiếu '{mode}' không hợp lệ (dùng: {known}).",
    "rule_bad_share": "ngưỡng '{value}' không hợp lệ: viết dạng phân số (2/3) hoặc phần trăm (75%), lớn hơn 0 và không quá 100%.",
    "rule_band_bounds": "mỗi ngưỡng cần đúng một cận dưới ('over': trên, hoặc 'at_least': từ … trở lên) và nhiều nhất một cận trên ('below': dưới, hoặc 'up_to': không quá).",
    "rule_band_empty": "ngưỡng từ {lower} đến {upper} không chứa tỷ lệ nào: cận dưới phải nhỏ hơn cận trên.",
    "rule_unknown_flag": "không có loại ngưỡng '{flag}' (có: {known}).",
    "rule_duplicate_flag": "loại ngưỡng '{flag}' bị trùng.",
    "rule_bands_not_preset": "các ngưỡng phải đúng là các ngưỡng của quy tắc '{rule}', theo thứ tự: {flags}; chỉ được đổi mức của ngưỡng.",
    "rule_id_built_in": "'{rule}' là mã của một quy tắc có sẵn; quy tắc riêng cần mã khác.",
    "saved_rule_needs_name": "Cần đặt tên cho quy tắc riêng.",
    "saved_rule_needs_source": "Cần ghi căn cứ của quy tắc riêng (văn bản quy định), để in trong biên bản.",
    "saved_rule_duplicate": "Tệp quy tắc riêng '{file}' trùng tên với quy tắc '{name}' đã có: bỏ qua.",
    # ballots CSV and keying
    "csv_empty": "tệp trống, thiếu dòng tiêu đề form,ballot,status,1,2,...",
    "csv_bad_header": "dòng tiêu đề phải bắt đầu bằng form,ballot,status rồi đến 1,2,...,N.",
    "csv_bad_header_column": "dòng tiêu đề: cần cột '{expected}', gặp '{found}'.",
    "csv_row_too_short": "dòng thiếu cột: cần ít nhất form,ballot,status.",
    "csv_syntax": "CSV sai cú pháp: {detail}.",
    "unknown_form": "không có loại phiếu '{form}' trong đợt này (có: {known}).",
    "bad_ballot_number": "số phiếu '{value}' không hợp lệ: phải là số nguyên dương.",
    "ballot_number_too_large": "số phiếu {ballot} lớn hơn mức tối đa {maximum}.",
    "text_too_long": "nội dung dài {length} ký tự, quá mức tối đa {maximum} ký tự.",
    "csv_too_many_rows": "tệp có hơn {maximum} dòng phiếu, không thể là phiếu của một đợt; "
                         "không có phiếu nào được thêm.",
    "csv_too_many_ballots": "loại phiếu '{form}' đã có {maximum} phiếu, gấp ba số người được triệu tập "
                            "({summoned}): tệp không thể đúng; không có phiếu nào được thêm.",
    "duplicate_ballot": "phiếu số {ballot} của loại phiếu '{form}' đã có; số phiếu không được trùng.",
    "bad_status": "trạng thái '{value}' không hợp lệ: dùng 'valid' (hợp lệ), 'invalid' hoặc 'invalid:lý do' (không hợp lệ).",
    "bad_mark": "ô đánh dấu '{value}' không hợp lệ: dùng 1 (tín nhiệm cao), 2 (tín nhiệm), 3 (tín nhiệm thấp), 0 hoặc để trống (không đánh dấu), x (đánh dấu nhiều ô), ? (chưa nhập).",
    "candidate_out_of_range": "loại phiếu '{form}' chỉ có {size} người; không có người thứ {candidate}.",
    "marks_on_invalid_ballot": "phiếu số {ballot} không hợp lệ nên không được có ô đánh dấu.",
    "unkeyed_on_invalid_ballot": "phiếu số {ballot} không hợp lệ nên không có ô nào chờ nhập: bỏ dấu ? ở các ô.",
    "bad_birth_year": "năm sinh '{value}' không hợp lệ: cần năm có 4 chữ số, từ 1900 đến 2100.",
    "ballot_not_found": "không có phiếu số {ballot} của loại phiếu '{form}'.",
    "ballot_is_invalid": "phiếu số {ballot} của loại phiếu '{form}' đã bị đánh dấu không hợp lệ; hãy khôi phục phiếu trước khi nhập.",
    "invalid_reason_required": "cần ghi lý do phiếu số {ballot} không hợp lệ.",
    "setup_locked_by_ballots": "Đã có phiếu được nhập trong '{file}': không thể sửa danh sách, Tổ kiểm phiếu hay quy tắc nữa.",
    "bad_count": "{count_name} của loại phiếu '{form}' phải là số nguyên không âm (đang là {value!r}).",
    # reconciliation
    "present_exceeds_summoned": "Số người có mặt ({present}) lớn hơn số người được triệu tập ({summoned}).",
    "issued_exceeds_present": "Số phiếu phát ra ({issued}) lớn hơn số người có mặt ({present}).",
    "collected_exceeds_issued": "Số phiếu thu về ({collected}) lớn hơn số phiếu phát ra ({issued}).",
    "keyed_exceeds_collected": "Số phiếu đã nhập ({keyed}) nhiều hơn số phiếu thu về ({collected}).",
    "keyed_below_collected": "Số phiếu đã nhập ({keyed}) chưa bằng số phiếu thu về ({collected}).",
    "quorum_not_met": "Số người có mặt ({present}/{summoned}) chưa đạt {required} số người được triệu tập.",
    "ballots_incomplete": "{count} phiếu còn ô chưa nhập: phiếu số {ballot_list}.",
    "double_entry_unresolved": "{count} phiếu có chênh lệch giữa lượt nhập A và lượt nhập B chưa được xử lý: phiếu số {ballot_list}. Các phiếu này chưa được tính vào kết quả.",
    # double entry and stations
    "entry_pass_not_allowed": "Không thể nhập lượt {entry_pass}: tệp này chỉ nhập lượt {allowed}.",
    "not_double_entry": "Đợt lấy phiếu trong '{file}' nhập phiếu một lượt: không có chênh lệch để xử lý.",
    "no_difference": "Phiếu số {ballot} của loại phiếu '{form}' được hai lượt nhập giống nhau: không có chênh lệch để xử lý.",
    "ballot_outside_station": "Phiếu số {ballot} nằm ngoài phạm vi phiếu của máy nhập '{station}' (từ {first} đến {last}).",
    "station_needs_name": "Cần đặt tên cho máy nhập (ví dụ: Máy 2).",
    "station_of_station": "Tệp '{file}' đã là bản của máy nhập '{station}': chỉ tạo bản máy nhập từ tệp chính.",
    "bad_station_range": "Phạm vi số phiếu không hợp lệ (từ {first} đến {last}).",
    "station_setup_locked": "Tệp '{file}' là bản của máy nhập '{station}': danh sách và quy tắc chỉ sửa ở tệp chính.",
    "not_a_station_file": "Tệp '{file}' không phải bản của một máy nhập (tạo bằng Tệp → Tạo bản cho máy nhập khác).",
    "station_other_round": "Tệp '{file}' thuộc đợt lấy phiếu khác ('{title}'): không nhập vào đợt này. Không có gì thay đổi.",
    "station_setup_differs": "Tệp '{file}' có danh sách hoặc số liệu khác tệp chính: không nhập. Không có gì thay đổi.",
    "station_file_altered": "Tệp '{file}' không qua được kiểm tra toàn vẹn ({count} vấn đề; chạy 'tinnhiem-cli verify' để xem): không nhập. Không có gì thay đổi.",
    "station_ballot_differs": "Phiếu số {ballot} (lượt {entry_pass}) đã có ở tệp chính với nội dung khác: giữ nguyên tệp chính.",
    "station_ballot_outside_range": "Phiếu số {ballot} (lượt {entry_pass}) nằm ngoài phạm vi của máy nhập: không nhập.",
    # verification
    "sqlite_integrity": "Cơ sở dữ liệu hỏng: {detail}.",
    "after_seal_shorter_than_backup": "Bản sao lưu tự động mới nhất '{backup}' có {count} ghi nhận sau khi chốt (công bố kết quả, bàn giao, gửi báo cáo) mà tệp không còn đủ hoặc đã bị thay: một ghi nhận sau khi chốt đã bị xóa sau lần sao lưu đó. Hãy so tệp với bản sao lưu này trước khi dùng.",
    "log_shorter_than_backup": "Nhật ký của tệp không có sự kiện số {seq} như bản sao lưu tự động mới nhất '{backup}': phần cuối nhật ký đã bị xóa hoặc bị thay sau lần sao lưu đó. Hãy so tệp với bản sao lưu này trước khi dùng.",
    "log_events_missing": "Nhật ký bị mất sự kiện: cần sự kiện số {expected}, gặp số {found}.",
    "log_event_altered": "Sự kiện số {seq} trong nhật ký đã bị sửa (mã băm không khớp).",
    "log_inconsistent": "Sự kiện số {seq} trong nhật ký không khớp với trạng thái trước nó.",
    "log_event_unreadable": "Sự kiện số {seq} ('{action}') trong nhật ký có nội dung không đọc được (đã bị sửa?).",
    "log_unknown_action": "Sự kiện số {seq} có loại '{action}' không xác định.",
    "log_event_fields": "Sự kiện số {seq} ('{action}') có trường không thuộc loại sự kiện này hoặc thiếu trường: "
                        "{fields} (đã bị sửa?).",
    "log_missing_creation": "Nhật ký không có sự kiện tạo đợt lấy phiếu.",
    "setup_differs_from_log": "Thông tin đợt lấy phiếu (danh sách, Tổ kiểm phiếu...) khác với nhật ký.",
    "rule_differs_from_log": "Quy tắc kiểm phiếu trong tệp (văn bản, cơ sở tính tỷ lệ, ngưỡng hoặc số người có mặt tối thiểu) khác với nhật ký.",
    "count_differs_from_log": "{count_name} trong tệp là {stored}, theo nhật ký là {logged}.",
    "ballot_not_in_log": "Phiếu số {ballot} có trong tệp nhưng nhật ký không ghi lần nhập nào.",
    "ballot_missing": "Phiếu số {ballot} có trong nhật ký nhưng đã mất khỏi tệp.",
    "ballot_status_differs_from_log": "Phiếu số {ballot}: trong tệp là phiếu {stored_status}, theo nhật ký là phiếu {logged_status}.",
    "station_not_made_here": "Tệp '{file}' không phải bản cho máy nhập do đợt này tạo ra (đợt này không ghi nhận bản "
                             "nào như vậy): không nhận phiếu từ tệp.",
    "correction_source_altered": "Không lập tệp đính chính từ '{file}': tệp không còn nguyên vẹn ({count} chỗ sai); "
                                 "hãy kiểm tra tệp (tinnhiem-cli verify) và dùng bản đã chốt còn nguyên vẹn.",
    "consolidate_paper_differs": "không khớp với báo cáo giấy của đơn vị ({detail})",
    "paper_list_bad_row": "Dòng phải có tên tệp và dấu vân tay, cách nhau bằng dấu phẩy (dòng này có {columns} cột).",
    "paper_list_bad_fingerprint": "Dấu vân tay của tệp '{file}' phải đủ 64 ký tự 0–9, a–f.",
    "paper_list_duplicate": "Tệp '{file}' có hai dòng trong danh sách dấu vân tay.",
    "paper_fingerprint_malformed": "Dấu vân tay nhập từ biên bản phải đủ 64 ký tự 0–9, a–f (đã nhập {length} ký tự).",
    "paper_round_not_sealed": "Biên bản ghi dấu vân tay {paper} nhưng tệp này chưa chốt: không phải tệp đã chốt theo biên bản.",
    "paper_fingerprint_differs": "Dấu vân tay trên biên bản ({paper}) KHÁC dấu vân tay của tệp ({file}): tệp không phải "
                                 "tệp đã chốt theo biên bản.",
    "seal_differs_from_log": "Người chốt, thời điểm chốt hoặc lý do chốt ghi trong tệp khác với nhật ký.",
    "station_differs_from_log": "Thông tin máy nhập (tên, lượt, khoảng số phiếu) ghi trong tệp khác với nhật ký.",
    "identity_differs_from_log": "Mã định danh hoặc thời điểm tạo đợt ghi trong tệp khác với nhật ký.",
    "after_seal_record_altered": "Ghi nhận sau khi chốt '{key}' đã bị sửa, xóa bớt hoặc thêm ngoài chương trình.",
    "resolution_differs_from_log": "Phiếu số {ballot}: cách xử lý chênh lệch trong tệp là '{stored}', theo nhật ký là '{logged}'.",
    "mark_differs_from_log": "Phiếu số {ballot}, người thứ {candidate}: trong tệp là '{stored_name}', theo nhật ký là '{logged_name}'.",
    "fingerprint_mismatch": "Dấu vân tay của tệp ({current_short}) khác dấu vân tay khi chốt ({sealed_short}).",
    "prior_result_differs_from_log": "Kết quả năm {year} của {name} trong tệp khác với nhật ký.",
    # earlier years' results
    "prior_year_not_earlier": "Năm {year} không trước năm của đợt này ({this_year}): chỉ ghi kết quả của các năm trước.",
    "prior_bad_count": "Số phiếu của năm trước phải là số nguyên không âm (đang là {value!r}).",
    "prior_base_zero": "Số phiếu làm cơ sở tính tỷ lệ của năm trước phải lớn hơn 0.",
    "prior_exceeds_base": "Tổng số phiếu năm trước đã ghi ({counted}) lớn hơn số phiếu làm cơ sở tính tỷ lệ ({base}).",
    "prior_needs_source": "Cần ghi nguồn của số liệu nhập tay (ví dụ: Biên bản kiểm phiếu ngày 25/11/2025).",
    "prior_not_found": "Đợt này không có kết quả năm {year} của mã người '{person_key}'.",
    # round files read for history and consolidation: why one is not used
    "history_station_copy": "là bản của máy nhập '{station}', không phải tệp chính của đợt lấy phiếu",
    "history_not_sealed": "chưa chốt kết quả",
    "history_altered": "không nguyên vẹn ({count} chỗ sai; chỗ đầu tiên: {detail})",
    "history_unreadable": "không đọc được: {detail}",
    "history_duplicate": "là bản sao của tệp '{other}' (cùng đợt lấy phiếu, cùng dấu vân tay)",
    "history_round_differs": "cùng một đợt lấy phiếu với tệp '{other}' nhưng kết quả chốt khác nhau: không biết tệp nào đúng",
    "history_corrected": "đã được đính chính bằng tệp '{other}'",
    "history_same_unit": "cùng đơn vị và cùng năm {year} với tệp '{other}': không biết tệp nào là đợt chính thức",
    "history_other_year": "là đợt năm {year}, không phải năm {wanted}",
    "consolidate_other_year": "là đợt năm {year}; báo cáo tổng hợp năm {wanted} chỉ dùng tệp năm {wanted} và năm {previous}",
    "consolidate_nothing": "Không có tệp đợt lấy phiếu nào đã chốt kết quả và nguyên vẹn để tổng hợp. {reasons}",
    "consolidate_no_year": "Không có tệp đợt lấy phiếu năm {year} nào đã chốt kết quả và nguyên vẹn để tổng hợp.",
    "no_round_files": "Không tìm thấy tệp đợt lấy phiếu (.tinnhiem) nào trong: {paths}.",
    # sealing
    "seal_needs_name": "Cần ghi họ và tên người chốt kết quả.",
    "seal_needs_reason": "Chưa thể chốt kết quả: còn {count} vấn đề về số liệu (xem ở trên). Muốn chốt vẫn phải ghi rõ lý do; lý do được lưu, ghi nhật ký và in trong biên bản.",
    "correction_needs_reason": "Cần ghi lý do lập tệp đính chính.",
    "correction_needs_sealed_round": "Tệp '{file}' chưa chốt kết quả: cứ sửa trực tiếp trong tệp đó, không cần tệp đính chính.",
    "log_changed_after_seal": "Sự kiện số {seq} được ghi sau khi đã chốt kết quả (sự kiện chốt số {sealed}).",
    # documents
    "round_not_sealed": "Đợt lấy phiếu chưa chốt kết quả: các tài liệu sẽ ghi \"chưa chốt\".",
    "report_before_seal": "Ngày của báo cáo ({date}) trước ngày chốt kết quả ({sealed}) mà báo cáo in ra: hãy chọn ngày từ {sealed} trở đi. Chưa ghi tệp nào.",
    "nothing_to_export": "Chưa chọn tài liệu nào để xuất.",
    # the procedure around the count (preparation, meeting, hand-over, reports upward)
    "meeting_date_missing": "Chưa có ngày họp: chưa tính được hạn nộp bản tự nhận xét, đánh giá.",
    "self_assessment_overdue": "Chưa nhận bản tự nhận xét, đánh giá của đồng chí {name} (hạn nộp {deadline_date} đã qua).",
    "self_assessment_waiting": "Chưa nhận bản tự nhận xét, đánh giá của đồng chí {name} (hạn nộp {deadline_date}).",
    "self_assessment_late": "Bản tự nhận xét, đánh giá của đồng chí {name} nhận ngày {received_date}, sau hạn nộp {deadline_date}.",
    "team_not_proposed": "Chưa có danh sách {team} đề xuất (Tệp → Sửa thông tin đợt → {team}).",
    "team_without_head": "{team} chưa có {head}: hãy ghi vai trò \"{head}\" cho một thành viên.",
    "candidate_listed_twice": "{name} có tên hai lần trong danh sách (trùng họ tên và năm sinh).",
    "team_member_rated": "Đồng chí {name} vừa ở {team} vừa là người được lấy phiếu: thành viên {team} không được là người được lấy phiếu.",
    "blank_ballots_not_printed": "Chưa in phiếu trắng (Xuất tài liệu → Phiếu lấy phiếu tín nhiệm).",
    "attendance_not_recorded": "Chưa điểm danh: chưa ghi số người có mặt tại hội nghị.",
    "team_vote_not_recorded": "Chưa ghi kết quả hội nghị biểu quyết thông qua {team}.",
    "team_not_approved": "{team} chưa được hội nghị thông qua: {in_favour} ý kiến đồng ý, {against} ý kiến không đồng ý.",
    "team_vote_exceeds_present": "Số ý kiến biểu quyết {team} ({votes}) nhiều hơn số người có mặt ({present}).",
    "issued_not_recorded": "Chưa ghi số phiếu phát ra.",
    "collected_not_recorded": "Chưa ghi số phiếu thu về.",
    "counting_not_opened": "Chưa mở nhập phiếu (kiểm phiếu).",
    "results_not_sealed": "Chưa chốt kết quả.",
    "results_not_announced": "Chưa ghi nhận việc công bố kết quả trước hội nghị.",
    "handover_not_recorded": "Chưa ghi nhận việc bàn giao biên bản kiểm phiếu và phiếu đã kiểm cho Thủ trưởng cơ quan.",
    "report_office_not_made": "Chưa lập báo cáo kết quả gửi cơ quan tham mưu về tổ chức cán bộ.",
    "report_provincial_not_made": "Chưa lập báo cáo riêng về cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý.",
    "procedure_needs_seal": "Việc này chỉ ghi nhận sau khi đã chốt kết quả; đợt lấy phiếu trong '{file}' chưa chốt.",
    "procedure_bad_date": "Ngày '{value}' không hợp lệ (cần dạng năm-tháng-ngày, ví dụ 2026-11-24).",
    "procedure_bad_time": "Thời điểm '{value}' không hợp lệ (cần dạng 2026-11-27T11:30).",
    "vote_bad_number": "Số ý kiến {what} phải là số nguyên không âm (đang là {value!r}).",
    "handover_needs_names": "Cần ghi họ và tên người giao và người nhận.",
    "no_provincial_candidates": "Đợt này không có người nào được đánh dấu thuộc diện Ban Thường vụ Tỉnh ủy quản lý: không có gì để báo cáo riêng.",
    "procedure_differs_from_log": "Ghi nhận '{key}' của quy trình trong tệp khác với nhật ký.",
    "procedure_record_other_seal": "Ghi nhận '{key}' (sau khi chốt) không thuộc kết quả đã chốt của tệp này.",
    # command line
    "rekey_wrong_length": "Cần đúng {size} ký tự (mỗi người một ký tự), đã gõ {typed}.",
    "rekey_bad_cell": "Ký tự '{cell}' ở vị trí {order} không phải 1, 2, 3, 0 hoặc x.",
    "rekey_reason_missing": "Cần ghi lý do sau 'khl:'.",
    "bad_arguments": "Tham số không đúng: {detail}",
    "scan_source_missing": "Không có tệp hoặc thư mục ảnh quét '{file}'.",
    "scan_pdf_unreadable": "Không mở được tệp quét '{file}' như một tệp PDF ({detail}): hãy quét lại hoặc lưu lại từ máy quét.",
    "scan_round_without_id": "Tệp '{file}' tạo từ phiên bản cũ, không có mã đợt: phiếu của đợt này không in được mã để máy đọc.",
    "scan_cell_not_waiting": "Ô của người số {candidate} trên phiếu số {ballot} (loại phiếu '{form}', lượt {entry_pass}) không phải ô đang chờ xác nhận.",
    "scan_bad_cell": "Cần dạng SỐ_THỨ_TỰ=GIÁ_TRỊ, với giá trị 1, 2, 3, 0 hoặc x (đang là '{value}').",
    "unexpected_error": "Lỗi không mong đợi: {detail}",
}


def band_words(band: Band, preset: Preset, translate: Translate = vietnamese) -> str:
    """A band in words: the preset's own words while the band is the preset's, otherwise words made
    from its fractions ("Tín nhiệm thấp trên 3/5 và dưới 3/4")."""
    original = next((b for b in preset.bands if b.flag == band.flag), None)
    if band == original and band in BUILT_IN_BANDS and band.flag in FLAG_NAMES:
        return translate(FLAG_NAMES[band.flag])
    words = translate(BAND_WORDS["at_least" if band.lower.inclusive else "over"]).format(share=band.lower.written())
    if band.upper is not None:
        words = translate(BAND_WORDS["below" if band.upper.inclusive else "up_to"]).format(
            band=words, share=band.upper.written())
    if band.two_years:
        words = translate(BAND_WORDS["two_years"]).format(band=words)
    return words


def flag_words(rule: Rule, flag: str, translate: Translate = vietnamese) -> str:
    """The words of a flag raised under a round's rule: every place a flag is named uses these."""
    band = rule.band(flag)
    if band is None:
        return translate(FLAG_NAMES.get(flag, flag))
    return band_words(band, rule.preset, translate)


def flags_words(rule: Rule, flags: Iterable[str], translate: Translate = vietnamese) -> str:
    return "; ".join(flag_words(rule, flag, translate) for flag in flags)


def _enriched(params: Mapping[str, Any], translate: Translate = vietnamese) -> dict[str, Any]:
    values = dict(params)
    team = values.get("team") or DEFAULT_TEAM_NAME  # the counting team as the round's rule calls it
    values["team"], values["head"] = translate(team), translate(head_title(team))
    detail = values.get("detail")  # the problem behind another, e.g. why an earlier file was refused
    if isinstance(detail, Issue):
        values["detail"] = describe_issue(detail, values.get("form_title"), translate)
    elif isinstance(detail, TinNhiemError):
        values["detail"] = describe_error(detail, translate)
    elif isinstance(detail, str) and detail in OS_REASONS:
        values["detail"] = translate(OS_REASONS[detail])
    if isinstance(values.get("sealed_at"), str):  # an ISO time reads as "10 giờ 42, ngày 27/11/2026"
        values["sealed_at"] = vi_datetime(values["sealed_at"], translate)
    if "count" in values and values["count"] in COUNT_NAMES:
        values["count_name"] = translate(COUNT_NAMES[values["count"]]).capitalize()
    for key in ("stored", "logged"):
        if key in values:
            value = values[key]
            values[f"{key}_name"] = translate(MARK_NAMES[value]) if value in MARK_NAMES else value
            status = translate(STATUS_NAMES[value]) if value in STATUS_NAMES else value
            reason = values.get(f"{key}_reason")
            values[f"{key}_status"] = (
                translate(PHRASES["with_reason"]).format(status=status, reason=reason) if reason else status
            )
    for key in ("sealed", "current"):
        if isinstance(values.get(key), str):
            values[f"{key}_short"] = values[key][:16]
    for key in ("deadline", "received"):
        if key in values:
            values[f"{key}_date"] = short_date(values[key]) if values[key] else translate(PHRASES["no_date"])
    if "known" in values:
        values["known"] = ", ".join(str(k) for k in values["known"])
    if "ballots" in values:
        shown = [str(n) for n in values["ballots"][:20]]
        values["ballot_list"] = ", ".join(shown) + (" ..." if len(values["ballots"]) > 20 else "")
    return values


def _text(code: str, params: Mapping[str, Any], translate: Translate = vietnamese) -> str:
    template = MESSAGES.get(code)
    if template is not None:
        try:
            return translate(template).format(**_enriched(params, translate))
        except (KeyError, IndexError, ValueError):
            pass  # a parameter is missing: still say something rather than fail
    return f"{code} {dict(params)}"


def sentence(code: str, params: Mapping[str, Any], translate: Translate = vietnamese) -> str:
    text = _text(code, params, translate)
    return text[:1].upper() + text[1:]


def where(location: Location, translate: Translate = vietnamese) -> str:
    parts = [translate(PHRASES["file"]).format(file=location.source)]
    if location.line is not None:
        parts.append(translate(PHRASES["line"]).format(line=location.line))
    if location.column is not None:
        parts.append(translate(PHRASES["column"]).format(column=location.column))
    if location.path:
        parts.append(translate(PHRASES["path"]).format(path=location.path))
    return ", ".join(parts)


def describe_error(error: TinNhiemError, translate: Translate = vietnamese) -> str:
    if error.location is None:
        return sentence(error.code, error.params, translate)
    return f"{where(error.location, translate)}: {_text(error.code, error.params, translate)}"


def describe_issue(issue: Issue, form_title: str | None = None, translate: Translate = vietnamese) -> str:
    text = sentence(issue.code, issue.params, translate)
    if issue.form is None:
        return text
    if form_title:
        label = translate(PHRASES["form_titled"]).format(form=issue.form, title=form_title)
    else:
        label = translate(PHRASES["form"]).format(form=issue.form)
    return f"{label} — {text}"
