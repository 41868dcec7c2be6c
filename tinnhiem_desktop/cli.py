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
from pathlib import Path

from .core.issues import Severity, TinNhiemError
from .export.results_json import results_document
from .export.dates import vi_datetime
from .export.results_text import results_text
from .export.wording import describe_error, describe_issue, sentence
from .services.export import ExportRequest, export_documents, export_warnings
from .services.rounds import RoundService, command_line_keyer, load_round_spec

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


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tinnhiem-cli",
        description="Tín Nhiệm Desktop — kiểm phiếu lấy phiếu tín nhiệm từ dòng lệnh.",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser,
                                     title="lệnh", metavar="LỆNH")
    new = commands.add_parser("new", help="tạo đợt lấy phiếu từ tệp định nghĩa JSON")
    new.add_argument("round", type=Path, metavar="ROUND.tinnhiem")
    new.add_argument("--spec", type=Path, required=True, metavar="SPEC.json")
    imp = commands.add_parser("import-ballots", help="thêm phiếu từ tệp CSV (tất cả hoặc không dòng nào)")
    imp.add_argument("round", type=Path, metavar="ROUND.tinnhiem")
    imp.add_argument("csv", type=Path, metavar="BALLOTS.csv")
    res = commands.add_parser("results", help="in kết quả (bảng tiếng Việt hoặc JSON)")
    res.add_argument("round", type=Path, metavar="ROUND.tinnhiem")
    res.add_argument("--json", action="store_true", help="in JSON cho máy đọc")
    ver = commands.add_parser("verify", help="kiểm tra tệp còn nguyên vẹn và nhất quán")
    ver.add_argument("round", type=Path, metavar="ROUND.tinnhiem")
    seal = commands.add_parser("seal", help="chốt kết quả: ghi dấu vân tay, tệp chỉ còn đọc")
    seal.add_argument("round", type=Path, metavar="ROUND.tinnhiem")
    seal.add_argument("--by", required=True, metavar="HỌ_TÊN", help="người chốt kết quả")
    seal.add_argument("--reason", default="", metavar="LÝ_DO", help="bắt buộc khi số liệu chưa khớp")
    correct = commands.add_parser("correct", help="lập tệp đính chính từ một đợt đã chốt")
    correct.add_argument("round", type=Path, metavar="SEALED.tinnhiem")
    correct.add_argument("new", type=Path, metavar="NEW.tinnhiem")
    correct.add_argument("--reason", required=True, metavar="LÝ_DO")
    exp = commands.add_parser("export", help="xuất biên bản, thông báo kết quả, báo cáo tổng hợp, phiếu trắng, "
                                              "nhật ký, CSV")
    exp.add_argument("round", type=Path, metavar="ROUND.tinnhiem")
    exp.add_argument("--minutes", type=Path, metavar="FILE.pdf", help="biên bản kiểm phiếu")
    exp.add_argument("--notices", type=Path, metavar="FILE.pdf",
                     help="thông báo kết quả lấy phiếu tín nhiệm, mỗi người được lấy phiếu một trang")
    exp.add_argument("--summary", type=Path, metavar="FILE.xlsx", help="báo cáo kết quả tổng hợp")
    exp.add_argument("--blank-ballots", type=Path, metavar="FILE.pdf", help="phiếu trắng để in trước hội nghị")
    exp.add_argument("--copies", type=int, metavar="N", help="số phiếu trắng mỗi loại (mặc định: số phiếu phát ra)")
    exp.add_argument("--entry-log", type=Path, metavar="FILE.pdf", help="nhật ký nhập phiếu")
    exp.add_argument("--csv", type=Path, metavar="FILE.csv", help="dữ liệu phiếu, cùng định dạng với import-ballots")
    return parser


def _new(args: argparse.Namespace) -> int:
    setup = load_round_spec(args.spec)
    with RoundService.create(args.round, setup, command_line_keyer()) as service:
        forms = ", ".join(f"'{f.code}' ({len(f.candidates)} người)" for f in service.setup.forms)
        print(f"Đã tạo đợt lấy phiếu '{setup.title}' trong {service.path}: loại phiếu {forms}.")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    with RoundService.open(args.round, command_line_keyer()) as service:
        report = service.import_ballots_file(args.csv)
        print(f"Đã thêm {report.added} phiếu từ {args.csv} vào {service.path}.")
        titles = {f.code: f.title for f in service.setup.forms}
        for issue in report.issues:
            if issue.code != "keyed_below_collected":
                print(f"Cảnh báo: {describe_issue(issue, titles.get(issue.form))}", file=sys.stderr)
    return EXIT_OK


def _results(args: argparse.Namespace) -> int:
    with RoundService.open(args.round, command_line_keyer(), read_only=True) as service:
        results, info = service.results(), service.info
        if args.json:
            document = results_document(results, sealed=info.sealed, fingerprint=info.fingerprint)
            print(json.dumps(document, ensure_ascii=False, indent=2))
        else:
            print(results_text(results, sealed_at=info.sealed_at, fingerprint=info.fingerprint), end="")
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    with RoundService.open(args.round, command_line_keyer(), read_only=True) as service:
        report = service.verify()
        results = service.results()
        titles = {f.code: f.title for f in service.setup.forms}
    state = "đã chốt" if report.sealed else "chưa chốt"
    print(f"Tệp {args.round}: {report.events} sự kiện trong nhật ký; {state}; dấu vân tay hiện tại {report.fingerprint}.")
    if report.intact:
        print("Tệp nguyên vẹn: dữ liệu khớp với nhật ký, chuỗi băm của nhật ký đúng.")
    else:
        print(f"TỆP KHÔNG NGUYÊN VẸN — {len(report.problems)} chỗ sai:")
        for problem in report.problems:
            print(f"  - {describe_issue(problem, titles.get(problem.form))}")
    for issue in results.issues:
        kind = "Lỗi số liệu" if issue.severity is Severity.ERROR else "Lưu ý"
        print(f"{kind}: {describe_issue(issue, titles.get(issue.form))}")
    return EXIT_OK if report.intact else EXIT_FAILED


def _seal(args: argparse.Namespace) -> int:
    with RoundService.open(args.round, command_line_keyer()) as service:
        titles = {f.code: f.title for f in service.setup.forms}
        problems = service.seal_problems()
        for issue in problems:
            print(f"Vấn đề: {describe_issue(issue, titles.get(issue.form))}", file=sys.stderr)
        try:
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
                            notices=args.notices)
    if not request.targets():
        raise TinNhiemError("nothing_to_export")
    with RoundService.open(args.round, command_line_keyer(), read_only=True) as service:
        titles = {f.code: f.title for f in service.setup.forms}
        for issue in export_warnings(service):
            print(f"Cảnh báo: {describe_issue(issue, titles.get(issue.form))}", file=sys.stderr)
        for path in export_documents(service, request):
            print(f"Đã ghi {path}")
    return EXIT_OK


COMMANDS = {
    "new": _new,
    "import-ballots": _import,
    "results": _results,
    "verify": _verify,
    "seal": _seal,
    "correct": _correct,
    "export": _export,
}


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    try:
        args = _parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except TinNhiemError as error:
        print(describe_error(error), file=sys.stderr)
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
