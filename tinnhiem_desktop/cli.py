"""tinnhiem-cli: the round's services without a window, for scripting, checking and archiving.

Exit codes: 0 done; 1 `verify` found the file altered or inconsistent, or `seal` was refused (the
counts do not reconcile and no reason was given); 2 bad arguments or input that cannot be used (a
one-line message, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import traceback
from datetime import date
from pathlib import Path

from .core.issues import Severity, TinNhiemError
from .core.limits import MAX_BALLOT_NUMBER, MAX_TEXT
from .export.results_json import results_document
from .export.dates import vi_datetime
from .export.procedure_text import checklist_text
from .export.results_text import results_text, rule_label
from .export.wording import RESOLUTION_WORDS, describe_error, describe_issue, sentence
from .services.backups import newest_backup_problems
from .services.export import (ExportRequest, ReportRequest, check_reports, export_documents, export_reports,
                              export_warnings)
from .services.procedure import ProcedureService, iso_date
from .services.rounds import RoundService, command_line_keyer, is_server_url, load_round_spec, split_url

EXIT_OK, EXIT_FAILED, EXIT_UNUSABLE = 0, 1, 2


ARGPARSE_WORDS = (  # argparse's own messages, in Vietnamese
    (re.compile(r"the following arguments are required: (.*)"), r"thiếu tham số bắt buộc: \1"),
    (re.compile(r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)"), r"lệnh \2 không có (các lệnh: \3)"),
    (re.compile(r"unrecognized arguments: (.*)"), r"không hiểu tham số: \1"),
    (re.compile(r"argument (\S+): expected one argument"), r"tham số \1 cần một giá trị"),
    (re.compile(r"argument (\S+): (.*)"), r"tham số \1: \2"),
)


def _vietnamese(message: str) -> str:
    for pattern, replacement in ARGPARSE_WORDS:
        if pattern.fullmatch(message):
            return pattern.sub(replacement, message)
    return message


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, formatter_class=_Formatter, add_help=False, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", help="in hướng dẫn này rồi thoát")

    def error(self, message: str) -> None:  # one line, in Vietnamese, exit 2
        raise TinNhiemError("bad_arguments", detail=_vietnamese(message))


def _number(text: str) -> int:
    """A ballot number, range bound, copy count or year: a whole number SQLite can hold."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải số nguyên") from None
    if not 0 <= value <= MAX_BALLOT_NUMBER:
        raise argparse.ArgumentTypeError(f"{text} nằm ngoài khoảng từ 0 đến {MAX_BALLOT_NUMBER}")
    return value


def _short_text(text: str) -> str:
    """A name or reason typed on the command line, no longer than any stored text may be."""
    if len(text) > MAX_TEXT:
        raise argparse.ArgumentTypeError(f"dài {len(text)} ký tự, quá mức tối đa {MAX_TEXT} ký tự")
    return text


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tinnhiem-cli",
        description="Tín Nhiệm Desktop — kiểm phiếu lấy phiếu tín nhiệm từ dòng lệnh.",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser,
                                     title="lệnh", metavar="LỆNH")
    new = commands.add_parser("new", help="tạo đợt lấy phiếu từ tệp định nghĩa JSON")
    new.add_argument("round", type=Path, nargs="?", metavar="ROUND.tinnhiem")
    new.add_argument("--spec", type=Path, required=True, metavar="SPEC.json")
    new.add_argument("--server", type=_server_url, metavar="postgresql://…/ĐỢT",
                     help="tạo đợt trên máy chủ PostgreSQL (nhiều máy cùng nhập) thay cho một tệp")
    push = commands.add_parser("push", help="đưa một tệp đợt lấy phiếu (chưa chốt) lên máy chủ PostgreSQL")
    push.add_argument("round", type=Path, metavar="ROUND.tinnhiem")
    push.add_argument("server", type=_server_url, metavar="postgresql://…/ĐỢT")
    imp = commands.add_parser("import-ballots", help="thêm phiếu từ tệp CSV (tất cả hoặc không dòng nào)")
    imp.add_argument("round", type=_round_location, metavar="ROUND.tinnhiem")
    imp.add_argument("csv", type=Path, metavar="BALLOTS.csv")
    imp.add_argument("--pass", dest="entry_pass", choices=("A", "B"), default="A",
                     help="lượt nhập (đợt nhập hai lượt): A hoặc B; mặc định A")
    station = commands.add_parser("station", help="tạo bản cho một máy nhập khác (chép sang USB)")
    station.add_argument("round", type=Path, metavar="ROUND.tinnhiem")
    station.add_argument("copy", type=Path, metavar="STATION.tinnhiem")
    station.add_argument("--name", type=_short_text, required=True, metavar="TÊN_MÁY",
                         help="tên máy nhập, ví dụ 'Máy 2'")
    station.add_argument("--pass", dest="entry_pass", choices=("A", "B"), default="A", help="lượt máy này nhập")
    station.add_argument("--first", type=_number, metavar="N", help="số phiếu đầu tiên máy này nhập")
    station.add_argument("--last", type=_number, metavar="N", help="số phiếu cuối cùng máy này nhập")
    merge = commands.add_parser("import-station", help="nhận phiếu từ tệp của một máy nhập (không ghi đè)")
    merge.add_argument("round", type=Path, metavar="ROUND.tinnhiem")
    merge.add_argument("station", type=Path, metavar="STATION.tinnhiem")
    compare = commands.add_parser("compare", help="đối chiếu hai lượt nhập: các phiếu khác nhau, theo người nhập")
    compare.add_argument("round", type=_round_location, metavar="ROUND.tinnhiem")
    resolve = commands.add_parser("resolve", help="xử lý một chênh lệch giữa hai lượt theo phiếu giấy")
    resolve.add_argument("round", type=_round_location, metavar="ROUND.tinnhiem")
    resolve.add_argument("--form", required=True, metavar="LOẠI_PHIẾU")
    resolve.add_argument("--ballot", required=True, type=_number, metavar="SỐ_PHIẾU")
    choice = resolve.add_mutually_exclusive_group(required=True)
    choice.add_argument("--take", choices=("A", "B"), help="lấy theo lượt A hoặc lượt B")
    choice.add_argument("--marks", metavar="123x0", help="nhập lại: mỗi người một ký tự 1, 2, 3, 0, x")
    choice.add_argument("--invalid", type=_short_text, metavar="LÝ_DO", help="nhập lại: phiếu không hợp lệ, với lý do")
    resolve.add_argument("--by", type=_short_text, required=True, metavar="HỌ_TÊN", help="người xử lý (cầm phiếu giấy)")
    scan = commands.add_parser("scan", help="đọc phiếu quét (PDF của máy quét hoặc thư mục ảnh) và lưu như phiếu đã nhập")
    scan.add_argument("round", type=Path, metavar="ROUND.tinnhiem")
    scan.add_argument("scans", type=Path, metavar="SCANS", help="tệp PDF nhiều trang, hoặc thư mục ảnh JPEG/PNG/TIFF")
    scan.add_argument("--pass", dest="entry_pass", choices=("A", "B"), default="A",
                      help="lượt đọc (đợt nhập hai lượt: máy đọc một lượt, người nhập lượt kia)")
    scan.add_argument("--json", action="store_true", help="in JSON cho máy đọc")
    scan.add_argument("--keep-images", action="store_true",
                      help="giữ ảnh các trang cạnh tệp đợt (thư mục TÊN-anh-quet) để kiểm tra; nhật ký ghi tên bản giữ lại")
    review = commands.add_parser("scan-review", help="các ô của phiếu quét đang chờ xác nhận")
    review.add_argument("round", type=Path, metavar="ROUND.tinnhiem")
    review.add_argument("--json", action="store_true", help="in JSON cho máy đọc")
    confirm = commands.add_parser("scan-confirm", help="xác nhận ô của phiếu quét theo phiếu giấy")
    confirm.add_argument("round", type=Path, metavar="ROUND.tinnhiem")
    confirm.add_argument("--form", required=True, metavar="LOẠI_PHIẾU")
    confirm.add_argument("--ballot", required=True, type=_number, metavar="SỐ_PHIẾU")
    confirm.add_argument("--cell", required=True, action="append", metavar="STT=GIÁ_TRỊ",
                         help="người số STT: 1, 2, 3 (mức), 0 (không đánh dấu), x (nhiều ô); lặp lại cho nhiều ô")
    confirm.add_argument("--pass", dest="entry_pass", choices=("A", "B"), default="A", help="lượt của phiếu")
    confirm.add_argument("--by", type=_short_text, required=True, metavar="HỌ_TÊN", help="người xác nhận (cầm phiếu giấy)")
    res = commands.add_parser("results", help="in kết quả (bảng tiếng Việt hoặc JSON)")
    res.add_argument("round", type=_round_location, metavar="ROUND.tinnhiem")
    res.add_argument("--json", action="store_true", help="in JSON cho máy đọc")
    ver = commands.add_parser("verify", help="kiểm tra tệp còn nguyên vẹn và nhất quán")
    ver.add_argument("round", type=Path, metavar="ROUND.tinnhiem")
    ver.add_argument("--fingerprint", metavar="DẤU_VÂN_TAY",
                     help="dấu vân tay in trên biên bản đã ký (cả 64 ký tự; dấu cách, gạch nối, chữ hoa không tính)")
    seal = commands.add_parser("seal", help="chốt kết quả: ghi dấu vân tay, tệp chỉ còn đọc")
    seal.add_argument("round", type=_round_location, metavar="ROUND.tinnhiem")
    seal.add_argument("--by", type=_short_text, required=True, metavar="HỌ_TÊN", help="người chốt kết quả")
    seal.add_argument("--reason", type=_short_text, default="", metavar="LÝ_DO", help="bắt buộc khi số liệu chưa khớp")
    seal.add_argument("--file", type=Path, metavar="ROUND.tinnhiem",
                      help="đợt trên máy chủ: tệp đợt lấy phiếu được ghi khi chốt (mặc định TÊN_ĐỢT.tinnhiem)")
    correct = commands.add_parser("correct", help="lập tệp đính chính từ một đợt đã chốt")
    correct.add_argument("round", type=Path, metavar="SEALED.tinnhiem")
    correct.add_argument("new", type=Path, metavar="NEW.tinnhiem")
    correct.add_argument("--reason", type=_short_text, required=True, metavar="LÝ_DO")
    exp = commands.add_parser("export", help="xuất biên bản, thông báo kết quả, báo cáo tổng hợp, phiếu trắng, "
                                              "nhật ký, CSV")
    exp.add_argument("round", type=Path, metavar="ROUND.tinnhiem")
    exp.add_argument("--minutes", type=Path, metavar="FILE.pdf", help="biên bản kiểm phiếu")
    exp.add_argument("--minutes-docx", type=Path, metavar="FILE.docx",
                     help="biên bản kiểm phiếu, bản Word để chỉnh sửa (đối chiếu với bản PDF)")
    exp.add_argument("--notices", type=Path, metavar="FILE.pdf",
                     help="thông báo kết quả lấy phiếu tín nhiệm, mỗi người được lấy phiếu một trang")
    exp.add_argument("--summary", type=Path, metavar="FILE.xlsx", help="báo cáo kết quả tổng hợp")
    exp.add_argument("--blank-ballots", type=Path, metavar="FILE.pdf", help="phiếu trắng để in trước hội nghị")
    exp.add_argument("--copies", type=_number, metavar="N", help="số phiếu trắng mỗi loại (mặc định: số phiếu phát ra)")
    exp.add_argument("--entry-log", type=Path, metavar="FILE.pdf", help="nhật ký nhập phiếu")
    exp.add_argument("--csv", type=Path, metavar="FILE.csv", help="dữ liệu phiếu, cùng định dạng với import-ballots")
    exp.add_argument("--report-xlsx", type=Path, metavar="FILE.xlsx",
                     help="báo cáo kết quả gửi cơ quan tham mưu về tổ chức cán bộ (mọi người được lấy phiếu)")
    exp.add_argument("--report-pdf", type=Path, metavar="FILE.pdf", help="báo cáo đó, bản PDF")
    exp.add_argument("--provincial-xlsx", type=Path, metavar="FILE.xlsx",
                     help="báo cáo riêng cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý")
    exp.add_argument("--provincial-pdf", type=Path, metavar="FILE.pdf", help="báo cáo riêng đó, bản PDF")
    exp.add_argument("--number", type=_short_text, default="", metavar="SỐ",
                     help="số của văn bản (Số: SỐ/BB-TKP trên biên bản, Số: SỐ/BC trên báo cáo); để trống: in dấu chấm")
    exp.add_argument("--report-date", metavar="YYYY-MM-DD", help="ngày của báo cáo (mặc định: hôm nay)")
    exp.add_argument("--report-to", type=_short_text, default="", metavar="NƠI_NHẬN",
                     help="'Kính gửi' của báo cáo gửi cơ quan tổ chức")
    exp.add_argument("--provincial-to", type=_short_text, metavar="NƠI_NHẬN",
                     help="'Kính gửi' của báo cáo riêng (mặc định: Ban Tổ chức Tỉnh ủy)")
    check = commands.add_parser("checklist", help="các bước của quy trình lấy phiếu: đã làm, còn thiếu")
    check.add_argument("round", type=Path, metavar="ROUND.tinnhiem")
    check.add_argument("--today", metavar="YYYY-MM-DD", help="tính hạn nộp theo ngày này (mặc định: hôm nay)")
    cons = commands.add_parser("consolidate", help="tổng hợp tệp đã chốt của nhiều đơn vị thành một báo cáo cho cấp trên")
    cons.add_argument("paths", type=Path, nargs="+", metavar="THƯ_MỤC_HOẶC_TỆP",
                      help="các tệp .tinnhiem, hoặc thư mục chứa chúng (năm nay và năm trước)")
    cons.add_argument("--xlsx", type=Path, metavar="OUT.xlsx", help="báo cáo tổng hợp, bản Excel")
    cons.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="báo cáo tổng hợp, bản PDF")
    cons.add_argument("--year", type=_number, metavar="NĂM", help="năm tổng hợp (mặc định: năm mới nhất trong các tệp)")
    cons.add_argument("--fingerprints", type=Path, metavar="DANH_SÁCH.csv",
                      help="dấu vân tay trên báo cáo giấy của các đơn vị: mỗi dòng tên tệp, dấu vân tay")
    cons.add_argument("--unit", type=_short_text, default="", metavar="TÊN_CƠ_QUAN",
                      help="cơ quan lập báo cáo (mặc định: cơ quan cấp trên ghi trong tệp của các đơn vị)")
    cons.add_argument("--parent", type=_short_text, default="", metavar="CƠ_QUAN_CHỦ_QUẢN",
                      help="cơ quan cấp trên của cơ quan lập báo cáo")
    cons.add_argument("--title", type=_short_text, default="", metavar="TIÊU_ĐỀ", help="tiêu đề báo cáo")
    cons.add_argument("--date", metavar="YYYY-MM-DD", help="ngày của báo cáo (mặc định: hôm nay)")
    cons.add_argument("--by", type=_short_text, default="", metavar="HỌ_TÊN", help="người lập biểu")
    cons.add_argument("--head", type=_short_text, default="", metavar="HỌ_TÊN", help="thủ trưởng cơ quan ký báo cáo")
    return parser


def _round_location(text: str) -> Path | str:
    """A round file's path, or a round on a server as its URL (kept a string: a path would fold `//`)."""
    return text if is_server_url(text) else Path(text)


def _server_url(text: str) -> str:
    if not is_server_url(text):
        raise argparse.ArgumentTypeError("cần địa chỉ dạng postgresql://TÀI_KHOẢN@MÁY_CHỦ/CƠ_SỞ_DỮ_LIỆU/TÊN_ĐỢT")
    return text


def _new(args: argparse.Namespace) -> int:
    setup = load_round_spec(args.spec)
    if (args.round is None) == (args.server is None):
        raise TinNhiemError("new_needs_file_or_server")
    if args.server is not None:
        with RoundService.create_on_server(args.server, setup, command_line_keyer()) as service:
            print(f"Đã tạo đợt lấy phiếu '{setup.title}' trên máy chủ {service.path}. Các máy nhập mở: "
                  f"tinnhiem {service.path}")
        return EXIT_OK
    with RoundService.create(args.round, setup, command_line_keyer()) as service:
        forms = ", ".join(f"'{f.code}' ({len(f.candidates)} người)" for f in service.setup.forms)
        print(f"Đã tạo đợt lấy phiếu '{setup.title}' trong {service.path}: loại phiếu {forms}.")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    with _open_round(args.round, command_line_keyer()) as service:
        service.set_entry_pass(args.entry_pass)
        report = service.import_ballots_file(args.csv)
        lane = f" (lượt {args.entry_pass})" if service.double_entry else ""
        print(f"Đã thêm {report.added} phiếu{lane} từ {args.csv} vào {service.path}.")
        titles = {f.code: f.title for f in service.setup.forms}
        for issue in report.issues:
            if issue.code not in ("keyed_below_collected", "double_entry_unresolved"):  # `compare` lists those
                print(f"Cảnh báo: {describe_issue(issue, titles.get(issue.form))}", file=sys.stderr)
    return EXIT_OK


def _station(args: argparse.Namespace) -> int:
    with _open_round(args.round, command_line_keyer()) as service:
        copy = service.make_station_copy(args.copy, args.name, args.entry_pass, args.first, args.last)
    print(f"Đã tạo {copy} cho máy nhập '{args.name}' (lượt {args.entry_pass}). Nhập phiếu ở máy đó, "
          f"rồi chạy: tinnhiem-cli import-station {args.round} {copy.name}")
    return EXIT_OK


def _import_station(args: argparse.Namespace) -> int:
    with _open_round(args.round, command_line_keyer()) as service:
        report = service.import_station(args.station)
    print(f"Máy nhập '{report.station}' (lượt {report.entry_pass.value}): thêm {report.added} phiếu, "
          f"{report.already} phiếu đã có giống hệt, {len(report.conflicts)} phiếu không nhận.")
    for conflict in report.conflicts:
        print("  - Loại phiếu " + conflict.form + ": " + sentence(
            conflict.code, {"ballot": conflict.number, "entry_pass": conflict.entry_pass.value}))
    return EXIT_OK if not report.conflicts else EXIT_FAILED


DIFFERENCE_WORDS = {  # what differs between the passes, as `compare` names it
    "marks": "khác ô đánh dấu",
    "status": "khác về hợp lệ",
    "only_a": "chỉ lượt A có phiếu này",
    "only_b": "chỉ lượt B có phiếu này",
}


def _compare(args: argparse.Namespace) -> int:
    with _open_round(args.round, command_line_keyer(), read_only=True) as service:
        if not service.double_entry:
            raise TinNhiemError("not_double_entry", file=str(args.round))
        differences, stats = service.differences(), service.keyer_stats()
        names = {f.code: {c.order: c.name for c in f.candidates} for f in service.setup.forms}
    open_count = sum(1 for d in differences if not d.resolved)
    print(f"{len(differences)} phiếu có chênh lệch giữa lượt A và lượt B; {open_count} chưa xử lý.")
    for d in differences:
        state = f"đã xử lý: {RESOLUTION_WORDS[d.resolution.value]}" if d.resolved else "CHƯA XỬ LÝ"
        cells = ", ".join(names[d.form][o] for o in d.candidates)
        print(f"  Loại phiếu {d.form}, phiếu số {d.number}: {DIFFERENCE_WORDS[d.kind]}"
              + (f" — {cells}" if cells else "") + f"; {state}")
    print("Theo người nhập (phiếu / ô đã nhập / chênh lệch):")
    for stat in stats:
        print(f"  {stat.keyer}: {stat.ballots} / {stat.marks} / {stat.disagreements}")
    return EXIT_OK if open_count == 0 else EXIT_FAILED


def _resolve(args: argparse.Namespace) -> int:
    from .core.rekey import parse_marks

    choice = args.take or "R"
    with _open_round(args.round, args.by) as service:
        forms = {form.code: form for form in service.setup.forms}
        marks = None  # an unknown form is refused by resolve, naming the forms there are
        if args.marks is not None and args.form in forms:
            marks = parse_marks(args.marks, len(forms[args.form].candidates))
        counted = service.resolve(args.form, args.ballot, choice, marks, args.invalid or "")
    print(f"Đã xử lý phiếu số {args.ballot} (loại phiếu {args.form}): "
          + ("phiếu được tính." if counted is not None else "không có phiếu này (không tính)."))
    return EXIT_OK


def _scan(args: argparse.Namespace) -> int:
    from .services.scanning import scan_ballots

    with _open_round(args.round, command_line_keyer()) as service:
        service.set_entry_pass(args.entry_pass)
        report = scan_ballots(service, args.scans, keep_images=args.keep_images)
    if args.json:
        print(json.dumps({
            "pages": report.pages,
            "stored": [{"form": form, "ballot": number} for form, number in report.stored],
            "accepted_cells": report.accepted_cells,
            "review": [_review_json(cell) for cell in report.review],
            "set_aside": report.set_aside,
            "held_back": report.held_back,
            "kept": report.kept,
        }, ensure_ascii=False, indent=2))
    else:
        numbers = ", ".join(f"{form}/{number}" for form, number in report.stored[:3])
        more = "…" if len(report.stored) > 3 else ""
        print(f"Đã đọc {report.pages} trang: lưu {len(report.stored)} phiếu (lượt {args.entry_pass}"
              + (f"; số phiếu {numbers}{more}" if report.stored else "") + f"), {len(report.review)} ô chờ xác nhận.")
        for cell in report.review:
            print(f"  Phiếu số {cell.number} (loại {cell.form}), {cell.name}: {REVIEW_WORDS[cell.reading]}")
        for page in report.set_aside:
            print(f"  Để riêng trang {page['page']} ({page['file']}): {page['words']}")
        for held in report.held_back:
            print(f"  Giữ lại: {held['words']} (trang {', '.join(map(str, held['pages']))} của tệp quét)")
    return EXIT_OK if not report.set_aside and not report.held_back else EXIT_FAILED


REVIEW_WORDS = {"doubtful": "không chắc chắn", "several": "nhiều ô được đánh dấu"}


def _review_json(cell) -> dict:
    return {"form": cell.form, "ballot": cell.number, "pass": cell.entry_pass.value, "candidate": cell.order,
            "name": cell.name, "reading": cell.reading, "proposal": cell.proposal, "confidence": cell.confidence,
            "fills": list(cell.fills), "page": cell.page, "file": cell.file}


def _scan_review(args: argparse.Namespace) -> int:
    from .services.scanning import pending_review

    with _open_round(args.round, command_line_keyer(), read_only=True) as service:
        cells = pending_review(service)
    if args.json:
        print(json.dumps([_review_json(cell) for cell in cells], ensure_ascii=False, indent=2))
    else:
        print(f"{len(cells)} ô của phiếu quét chờ xác nhận.")
        for cell in cells:
            print(f"  Lượt {cell.entry_pass.value}, phiếu số {cell.number} (loại {cell.form}), người số {cell.order} "
                  f"{cell.name}: {REVIEW_WORDS[cell.reading]} (trang {cell.page}, {cell.file})")
    return EXIT_OK


def _scan_confirm(args: argparse.Namespace) -> int:
    from .core.rekey import MARK_BY_CELL
    from .services.scanning import confirm_cell

    cells = []
    for text in args.cell:
        order, _, value = text.partition("=")
        if not order.strip().isdigit() or value.strip().lower() not in ("1", "2", "3", "0", "x"):
            raise TinNhiemError("scan_bad_cell", value=text)
        cells.append((int(order), MARK_BY_CELL[value.strip().lower()]))
    with _open_round(args.round, args.by) as service:
        service.set_entry_pass(args.entry_pass)
        for order, mark in cells:
            confirm_cell(service, args.form, args.ballot, order, mark)
    print(f"Đã xác nhận {len(cells)} ô của phiếu số {args.ballot} (loại phiếu {args.form}), người xác nhận {args.by}.")
    return EXIT_OK


def _results(args: argparse.Namespace) -> int:
    with _open_round(args.round, command_line_keyer(), read_only=True) as service:
        results, info = service.results(), service.info
        if args.json:
            document = results_document(results, sealed=info.sealed, fingerprint=info.fingerprint)
            print(json.dumps(document, ensure_ascii=False, indent=2))
        else:
            print(results_text(results, sealed_at=info.sealed_at, fingerprint=info.fingerprint), end="")
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    try:
        service = _open_round(args.round, command_line_keyer(), read_only=True, with_log=True)
    except TinNhiemError as error:
        if error.code not in ("round_file_altered", "round_file_foreign_objects"):
            raise
        print(f"TỆP KHÔNG NGUYÊN VẸN — {describe_error(error)}")
        return EXIT_FAILED
    with service:
        report = service.verify(args.fingerprint)
        problems = [*report.problems, *newest_backup_problems(service)]
        results = service.results()
        titles = {f.code: f.title for f in service.setup.forms}
    state = "đã chốt" if report.sealed else "chưa chốt"
    print(f"Tệp {args.round}: {report.events} sự kiện trong nhật ký; {state}; dấu vân tay hiện tại {report.fingerprint}.")
    if not problems:
        print("Tệp nguyên vẹn: dữ liệu khớp với nhật ký, chuỗi băm của nhật ký đúng.")
    else:
        print(f"TỆP KHÔNG NGUYÊN VẸN — {len(problems)} chỗ sai:")
        for problem in problems:
            print(f"  - {describe_issue(problem, titles.get(problem.form))}")
    for issue in results.issues:
        kind = "Lỗi số liệu" if issue.severity is Severity.ERROR else "Lưu ý"
        print(f"{kind}: {describe_issue(issue, titles.get(issue.form))}")
    return EXIT_FAILED if problems else EXIT_OK


def _push(args: argparse.Namespace) -> int:
    count = RoundService.push_to_server(args.round, args.server)
    print(f"Đã đưa đợt lấy phiếu trong {args.round} ({count} sự kiện) lên máy chủ {split_url(args.server)[2]}.")
    return EXIT_OK


def _seal(args: argparse.Namespace) -> int:
    with _open_round(args.round, command_line_keyer()) as service:
        titles = {f.code: f.title for f in service.setup.forms}
        problems = service.seal_problems()
        for issue in problems:
            print(f"Vấn đề: {describe_issue(issue, titles.get(issue.form))}", file=sys.stderr)
        try:
            if service.on_server:
                target = args.file or Path(f"{split_url(str(args.round))[1]}.tinnhiem")
                info = service.seal_to_file(target, args.by, args.reason)
                print(f"Đã ghi tệp đợt lấy phiếu {target}; đợt trên máy chủ chỉ còn đọc.")
            else:
                info = service.seal(args.by, args.reason)
        except TinNhiemError as error:
            if error.code != "seal_needs_reason":
                raise
            print(describe_error(error), file=sys.stderr)
            return EXIT_FAILED
    print(f"Đã chốt kết quả lúc {vi_datetime(info.sealed_at)}, người chốt: {info.sealed_by}.")
    print(f"Dấu vân tay (SHA-256): {info.fingerprint}")
    return EXIT_OK


def _correct(args: argparse.Namespace) -> int:
    with RoundService.correction(args.round, args.new, args.reason, command_line_keyer()) as service:
        print(f"Đã lập tệp đính chính {service.path} từ {args.round}; có thể sửa phiếu rồi chốt lại.")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    if args.copies is not None and args.copies < 1:
        raise TinNhiemError("bad_arguments", detail="--copies phải từ 1 trở lên")
    request = ExportRequest(args.minutes, args.summary, args.blank_ballots, args.entry_log, args.csv, args.copies,
                            notices=args.notices, minutes_docx=args.minutes_docx, number=args.number)
    reports = ReportRequest(args.report_xlsx, args.report_pdf, args.provincial_xlsx, args.provincial_pdf,
                            args.report_date and iso_date(args.report_date), args.report_to, args.provincial_to,
                            number=args.number)
    has_reports = bool(reports.targets(False) or reports.targets(True))
    if not request.targets() and not has_reports:
        raise TinNhiemError("nothing_to_export")
    with _open_to_record(args.round, recording=request.blank_ballots is not None or has_reports,
                         with_log=request.entry_log is not None) as service:
        titles = {f.code: f.title for f in service.setup.forms}
        for issue in export_warnings(service):
            print(f"Cảnh báo: {describe_issue(issue, titles.get(issue.form))}", file=sys.stderr)
        if has_reports:
            check_reports(service, reports)  # before any file is written: all of them or none
        written = export_documents(service, request) if request.targets() else []
        if has_reports:
            written += export_reports(service, reports)
        for path in written:
            print(f"Đã ghi {path}")
    return EXIT_OK


def _open_round(path: Path, keyer: str, **options) -> RoundService:
    """Open a round, and say what opening it did that the user should hear of (a sidecar set aside)."""
    service = RoundService.open(path, keyer, **options)
    for warning in service.warnings:
        print(f"Lưu ý: {describe_issue(warning)}", file=sys.stderr)
    return service


def _open_to_record(path: Path, recording: bool, with_log: bool = False) -> RoundService:
    """Read-only, or, when the export is a step of the procedure (blank ballots printed, reports
    sent), for writing so that the step is recorded; read-only still when another program holds it."""
    if recording:
        try:
            return _open_round(path, command_line_keyer(), with_log=with_log)
        except TinNhiemError as error:
            if error.code != "round_file_in_use":
                raise
            print(f"Lưu ý: {describe_error(error)} Tài liệu vẫn được xuất nhưng không được ghi nhận vào quy trình.",
                  file=sys.stderr)
    return _open_round(path, command_line_keyer(), read_only=True, with_log=with_log)


def _checklist(args: argparse.Namespace) -> int:
    today = date.fromisoformat(iso_date(args.today)) if args.today else None
    with _open_round(args.round, command_line_keyer(), read_only=True) as service:
        checklist = ProcedureService(service).checklist(today)
        titles = {f.code: f.title for f in service.setup.forms}
        print(checklist_text(checklist, service.setup.meeting.date, titles), end="")
    return EXIT_OK


def _consolidate(args: argparse.Namespace) -> int:
    from datetime import date as calendar_date

    from .services.consolidate import consolidate, report_of, write_report

    if args.xlsx is None and args.pdf is None:
        raise TinNhiemError("bad_arguments", detail="cần --xlsx hoặc --pdf (nơi ghi báo cáo)")
    if args.date is not None:
        try:
            calendar_date.fromisoformat(args.date)
        except ValueError:
            raise TinNhiemError("bad_arguments", detail=f"--date phải có dạng năm-tháng-ngày (đang là {args.date})") from None
    papers = None
    if args.fingerprints is not None:
        from .core.paper_list import parse_paper_list
        from .services.files import read_text

        papers = parse_paper_list(read_text(args.fingerprints), str(args.fingerprints))
    result = consolidate(args.paths, args.year, papers)
    report = report_of(result, unit=args.unit, parent=args.parent, title=args.title, date=args.date,
                       prepared_by=args.by, head=args.head)
    print(f"Tổng hợp năm {report.year}: {len(report.units)} đơn vị; số liệu năm {report.year - 1} từ "
          f"{report.history_files} tệp.")
    for section in report.units:
        paper = ("khớp báo cáo giấy" if section.paper_checked else "chưa đối chiếu báo cáo giấy")
        print(f"  {section.unit} — {rule_label(section.results.rule)} ({section.file}; {paper})")
    if report.refused:
        print(f"{len(report.refused)} tệp không sử dụng:")
        for line in report.refused:
            print(f"  - {line.file}: {line.reason}")
    for path in write_report(report, args.xlsx, args.pdf):
        print(f"Đã ghi {path}")
    return EXIT_OK


COMMANDS = {
    "new": _new,
    "push": _push,
    "import-ballots": _import,
    "results": _results,
    "scan": _scan,
    "scan-review": _scan_review,
    "scan-confirm": _scan_confirm,
    "verify": _verify,
    "station": _station,
    "import-station": _import_station,
    "compare": _compare,
    "resolve": _resolve,
    "seal": _seal,
    "correct": _correct,
    "export": _export,
    "consolidate": _consolidate,
    "checklist": _checklist,
}


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    try:
        args = _parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except TinNhiemError as error:
        print(" ".join(describe_error(error).splitlines()), file=sys.stderr)  # a value quoted may hold a line break
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        return EXIT_UNUSABLE
    except BrokenPipeError:  # the reader of our output went away (`| head`): nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:  # never a traceback in front of a user; TINNHIEM_DEBUG=1 shows it
        if os.environ.get("TINNHIEM_DEBUG"):
            traceback.print_exc()
        print(sentence("unexpected_error", {"detail": f"{type(error).__name__}: {error}"}), file=sys.stderr)
        return EXIT_UNUSABLE


if __name__ == "__main__":
    sys.exit(main())
