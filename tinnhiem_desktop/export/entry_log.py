"""The entry log (nhật ký nhập phiếu): every change to the round, in words, for the archive."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from fpdf.fonts import FontFace

from ..core.double_entry import Difference, keyer_stats
from ..core.events import Event
from ..core.issues import TinNhiemError
from ..core.model import RoundSetup
from ..core.procedure import SELF_ASSESSMENT
from ..core.results import round_rule
from ..core.spec import with_rule
from .blank_ballots import round_title
from .history_text import BY_HAND
from .pdf import OfficialPdf, composed, save
from .procedure_text import STEP_NAMES
from .results_text import override_words, rule_label
from .wording import COUNT_NAMES, MARK_NAMES, RESOLUTION_WORDS, STATUS_NAMES

TITLE = "NHẬT KÝ NHẬP PHIẾU"
ACTION_NAMES = {  # one for every kind of event of core/events.py (tests/test_export_ballots_log.py checks)
    "round_created": "Tạo đợt lấy phiếu",
    "setup_replaced": "Sửa thông tin đợt",
    "rule_changed": "Đổi quy tắc tính kết quả",
    "ballot_added": "Thêm phiếu",
    "mark_set": "Nhập ô",
    "ballot_status_set": "Đổi trạng thái phiếu",
    "ballot_removed": "Xóa phiếu",
    "counts_set": "Sửa số liệu",
    "difference_resolved": "Xử lý chênh lệch hai lượt",
    "station_made": "Tạo bản cho máy nhập",
    "station_imported": "Nhận phiếu từ máy nhập",
    "station_copy_made": "Lập bản cho máy nhập khác",
    "correction_of": "Đính chính kết quả đã chốt",
    "procedure_recorded": "Ghi nhận bước quy trình",
    "prior_result_set": "Ghi kết quả năm trước",
    "prior_result_removed": "Xóa kết quả năm trước",
    "round_sealed": "Chốt kết quả",
}
UNKNOWN_ACTION = "Sự kiện không xác định ({action})"
STEP_KEYS = {  # the procedure's record keys (core/procedure.py) and the step names of export/procedure_text.py
    "blank_ballots": "blank_ballots", "meeting/attendance": "attendance", "meeting/team_vote": "team_vote",
    "meeting/issued": "issued", "meeting/collected": "collected", "meeting/counting_opened": "counting_opened",
}
RECORD_WORDS = {
    "copies": "số phiếu in", "present": "có mặt", "issued": "phiếu phát ra", "collected": "phiếu thu về",
    "in_favour": "tán thành", "against": "không tán thành", "received": "ngày nhận", "name": "người",
}
CLEARED = "(xóa ghi nhận)"
HEADINGS = ("STT", "Thời gian", "Người nhập", "Loại phiếu", "Phiếu", "Người được lấy phiếu", "Nội dung", "Cũ", "Mới")
WIDTHS = (21, 33, 29, 13, 16, 28, 26, 28, 58)  # mm; together the 252 mm between landscape margins
ALIGNS = ("R", "C", "L", "C", "R", "L", "L", "L", "L")
SIZE = 9  # pt: the log's rows
MARK_CODES = {"cao": "1", "tin_nhiem": "2", "thap": "3", "none": "0", "multi": "x"}
LEGEND = ("Ô của từng người được ghi bằng mã: 1 = tín nhiệm cao, 2 = tín nhiệm, 3 = tín nhiệm thấp, "
          "0 = không đánh dấu, x = đánh dấu nhiều ô; \"1–15: 11232 01123 11231\" là người thứ 1 đến 15 theo thứ tự "
          "trên phiếu. Các ô của một phiếu nhập liền nhau được ghi trên một dòng, với số thứ tự của các sự kiện.")
SUMMARY_HEADINGS = ("Người nhập", "Số thao tác", "Số phiếu đã thêm", "Số ô đã nhập", "Số chênh lệch hai lượt")
SUMMARY_WIDTHS = (70, 35, 40, 35, 50)
SCANNED = "đọc từ ảnh quét ({pages} trang; {review} ô chờ xác nhận)"
CONFIRMED = "xác nhận ô phiếu quét theo phiếu giấy"
SCAN_HEADING = "Ảnh các trang phiếu quét"
SCAN_NOTE = ("Mỗi trang ảnh quét đã đọc thành phiếu: số trang trong tệp quét, tệp, mã SHA-256 của ảnh (của tệp ảnh; "
             "với tệp PDF, của điểm ảnh trang đọc ở 200 dpi), phiếu được lưu, và bản ảnh giữ lại cạnh tệp đợt "
             "(thư mục \"{folder}\") để kiểm tra.")
SCAN_HEADINGS = ("Trang", "Tệp quét", "SHA-256 của ảnh", "Phiếu", "Bản ảnh giữ lại")
SCAN_WIDTHS = (14, 37, 135, 18, 48)  # mm: a SHA-256 on one line
SCAN_ALIGNS = ("R", "L", "L", "R", "L")
NOT_KEPT = "không giữ"


def vi_time(iso: str) -> str:
    """'27/11/2026 08:15:02' in the time zone it was recorded in; the text itself if unreadable."""
    try:
        return datetime.fromisoformat(iso).strftime("%d/%m/%Y %H:%M:%S")
    except (TypeError, ValueError):
        return iso


def ballot_words(state: Mapping[str, Any] | None) -> str:
    """'hợp lệ; 1–3: 123' or 'không hợp lệ (lý do: không đóng dấu)'."""
    if not state:
        return ""
    words = STATUS_NAMES.get(state.get("status"), str(state.get("status")))
    if state.get("reason"):
        words += f" (lý do: {state['reason']})"
    marks = state.get("marks") or {}
    if marks:
        words += "; " + marks_code({int(order): mark for order, mark in marks.items()})
    return words


def marks_code(marks: Mapping[int, str]) -> str:
    """Cells as the log's codes: '1–15: 11232 01123 11231', runs of consecutive people together."""
    runs: list[list[int]] = []
    for order in sorted(marks):
        if runs and order == runs[-1][-1] + 1:
            runs[-1].append(order)
        else:
            runs.append([order])
    parts = []
    for run in runs:
        codes = "".join(MARK_CODES.get(marks[order], "?") for order in run)
        spaced = " ".join(codes[i:i + 5] for i in range(0, len(codes), 5))
        parts.append(f"{run[0]}–{run[-1]}: {spaced}" if len(run) > 1 else f"{run[0]}: {spaced}")
    return "; ".join(parts)


def log_rows(setup: RoundSetup, events: Sequence[Event]) -> Iterator[tuple[str, ...]]:
    """A row per event; a ballot added and the cells keyed into it right after by the same keyer
    (each a `mark_set` filling an empty cell) share one row, numbered with the range of their events."""
    run: list[Event] = []

    def fresh(event: Event) -> bool:
        return (event.action == "mark_set" and event.data.get("old") is None and event.data.get("new") is not None
                and not event.data.get("scan_confirmed"))

    def continues(event: Event) -> bool:
        last = run[-1]
        return fresh(event) and event.seq == last.seq + 1 and event.keyer == last.keyer and all(
            event.data.get(key) == last.data.get(key) for key in ("form", "ballot", "pass"))

    for event in events:
        if run and not continues(event):
            yield keying_row(setup, run)
            run = []
        if fresh(event) or (event.action == "ballot_added" and event.data.get("new", {}).get("status") == "valid"):
            run.append(event)
        else:
            yield event_row(setup, event)
    if run:
        yield keying_row(setup, run)


def keying_row(setup: RoundSetup, run: Sequence[Event]) -> tuple[str, ...]:
    """One row for a ballot's cells keyed one after another (and the ballot, when it starts the run)."""
    if len(run) == 1:
        return event_row(setup, run[0])
    first, data = run[0], run[0].data
    ballot = str(data.get("ballot", "")) + (f" ({data['pass']})" if data.get("pass") else "")
    marks = dict(data["new"]["marks"]) if first.action == "ballot_added" else {}
    marks.update({str(e.data["candidate"]): e.data["new"] for e in run if e.action == "mark_set"})
    if first.action == "ballot_added":
        action, new = ACTION_NAMES["ballot_added"], ballot_words({**data["new"], "marks": marks}) + scan_words(data)
    else:
        action, new = ACTION_NAMES["mark_set"], marks_code({int(o): m for o, m in marks.items()})
    cells = (f"{first.seq}–{run[-1].seq}", vi_time(first.at), first.keyer, str(data.get("form", "")), ballot,
             f"{len(marks)} người", action, "", new)
    return tuple(composed(cell) for cell in cells)


def counts_words(counts: Mapping[str, int], other: Mapping[str, int]) -> str:
    """The counts that differ from `other` ('số phiếu thu về: 30'); all of them when none does."""
    known = [name for name in COUNT_NAMES if name in counts]  # summoned, present, issued, collected
    changed = [name for name in known if counts[name] != other.get(name)] or known
    return "; ".join(f"{COUNT_NAMES.get(name, name)}: {counts[name]}" for name in changed)


def setup_words(setup: Mapping[str, Any]) -> str:
    forms = setup.get("forms", [])
    people = sum(len(form.get("candidates", [])) for form in forms)
    return f"{len(forms)} loại phiếu, {people} người được lấy phiếu"


def candidate_words(setup: RoundSetup, form: str, order: int) -> str:
    """'2. Hoàng Thị Thu Hà'; the order alone when the setup has no such candidate."""
    try:
        return f"{order}. {setup.form(form).candidate(order).name}"
    except (KeyError, IndexError, TypeError):
        return str(order)


def rule_words(rule: Mapping[str, Any] | None, setup: RoundSetup) -> str:
    """'Quy định 96-QĐ/TW (2023)', with the settings the round changed ('ngưỡng … ; tỷ lệ tính trên …')."""
    if not rule:
        return ""
    try:
        in_force = round_rule(with_rule(setup, dict(rule), "log"))
    except (TinNhiemError, KeyError, TypeError, ValueError):
        return str(rule.get("rule", ""))
    changes = override_words(in_force)
    return rule_label(in_force) + (": " + "; ".join(changes) if changes else "")


def step_words(key: str) -> str:
    if key.startswith(SELF_ASSESSMENT):
        return STEP_NAMES["self_assessments"]
    return STEP_NAMES.get(STEP_KEYS.get(key, ""), key)


def record_words(data: Mapping[str, Any] | None) -> str:
    """'có mặt: 1: 40, 2: 38' — a procedure record's figures as the step keeps them."""
    if data is None:
        return ""
    parts = []
    for name, value in sorted(data.items()):
        if isinstance(value, Mapping):
            value = ", ".join(f"loại {form}: {count}" for form, count in value.items())
        elif name == "received":
            value = vi_date(str(value))
        parts.append(f"{RECORD_WORDS.get(name, name)}: {value}")
    return "; ".join(parts) or "đã thực hiện"


def prior_words(prior: Mapping[str, Any] | None) -> str:
    """'Đỗ Minh Tuấn, năm 2025: tín nhiệm thấp 15/20 (nhập tay: Biên bản 2025)'."""
    if not prior:
        return ""
    words = f"{prior.get('name')}, năm {prior.get('year')}: tín nhiệm thấp {prior.get('thap')}/{prior.get('base')}"
    if prior.get("by_hand"):
        words += f" ({BY_HAND}: {prior.get('source')})"
    elif prior.get("source"):
        words += f" (từ tệp {prior.get('source')})"
    return words


def vi_date(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%d/%m/%Y")
    except (TypeError, ValueError):
        return iso


def _range_words(data: Mapping[str, Any]) -> str:
    first, last = data.get("first"), data.get("last")
    if first is None and last is None:
        return ""
    return f", phiếu số {first or 1}–{last if last is not None else '…'}"


def event_row(setup: RoundSetup, event: Event) -> tuple[str, ...]:
    data = event.data
    form = str(data.get("form", ""))
    ballot = str(data.get("ballot", ""))
    if data.get("pass"):
        ballot += f" ({data['pass']})"
    candidate, old, new = "", "", ""
    if event.action in ("round_created", "setup_replaced"):
        new = setup_words(data.get("setup", {}))
    elif event.action == "ballot_added":
        new = ballot_words(data.get("new")) + scan_words(data)
    elif event.action == "mark_set":
        candidate = candidate_words(setup, form, data.get("candidate"))
        old, new = (MARK_NAMES.get(data.get(key), str(data.get(key))) for key in ("old", "new"))
        if data.get("scan_confirmed"):
            new += f" ({CONFIRMED})"
    elif event.action == "ballot_status_set":
        old, new = ballot_words(data.get("old")), ballot_words(data.get("new"))
    elif event.action == "ballot_removed":
        old = ballot_words(data.get("old"))
    elif event.action == "difference_resolved":
        old = RESOLUTION_WORDS.get(data.get("old_choice"), "")
        new = RESOLUTION_WORDS.get(data.get("choice"), str(data.get("choice")))
        if data.get("keyed"):
            new += ": " + ballot_words(data["keyed"])
    elif event.action == "station_copy_made":
        new = f"{data.get('name')}, lượt {data.get('pass')}" + _range_words(data) + f" (tệp {data.get('file')})"
    elif event.action == "station_made":
        new = f"{data.get('name')}, lượt {data.get('pass')}" + _range_words(data)
    elif event.action == "station_imported":
        new = (f"{data.get('station')} ({data.get('file')}): thêm {data.get('added')} phiếu, "
               f"{len(data.get('conflicts') or [])} phiếu không nhận")
    elif event.action == "counts_set":
        old = counts_words(data.get("old", {}), data.get("new", {}))
        new = counts_words(data.get("new", {}), data.get("old", {}))
    elif event.action == "rule_changed":
        old, new = rule_words(data.get("old"), setup), rule_words(data.get("new"), setup)
    elif event.action == "procedure_recorded":
        candidate = step_words(str(data.get("key", "")))
        old = record_words(data.get("old"))
        new = record_words(data.get("new")) if data.get("new") is not None else CLEARED
    elif event.action == "prior_result_set":
        old, new = prior_words(data.get("old")), prior_words(data.get("prior"))
    elif event.action == "prior_result_removed":
        old = prior_words(data.get("old"))
    elif event.action == "correction_of":
        new = f"thay cho tệp {data.get('file')} (dấu vân tay {data.get('fingerprint')}); lý do: {data.get('reason')}"
    elif event.action == "round_sealed":
        new = f"người chốt: {data.get('by')}"
        if data.get("reason"):
            new += f"; lý do chốt khi còn vướng mắc: {data.get('reason')}"
    action = ACTION_NAMES.get(event.action) or UNKNOWN_ACTION.format(action=event.action)
    cells = (str(event.seq), vi_time(event.at), event.keyer, form, ballot, candidate, action, old, new)
    return tuple(composed(cell) for cell in cells)


def scan_words(data: Mapping[str, Any]) -> str:
    """' — đọc từ ảnh quét (1 trang; 2 ô chờ xác nhận)' for a ballot read from scans."""
    scan = data.get("scan")
    if not scan:
        return ""
    return " — " + SCANNED.format(pages=len(scan.get("pages", ())), review=len(scan.get("review", ())))


def scan_rows(events: Sequence[Event]) -> list[tuple[str, ...]]:
    """A row per page image a scanned ballot was read from, in the log's order."""
    rows = []
    for event in events:
        scan = event.data.get("scan") if event.action == "ballot_added" else None
        for page in (scan or {}).get("pages", ()):
            ballot = f"{event.data.get('form')}/{event.data.get('ballot')}"
            if event.data.get("pass"):
                ballot += f" ({event.data['pass']})"
            rows.append(tuple(composed(str(cell)) for cell in (
                page.get("page", ""), page.get("file", ""), page.get("sha256", ""), ballot,
                page.get("kept") or NOT_KEPT)))
    return rows


def keyer_summary(events: Sequence[Event], differences: Sequence[Difference] = ()) -> list[tuple[str, int, int, int, int]]:
    """Per keyer, in order of first appearance: events, ballots added, cells keyed, and the
    differences between the two passes found in what they keyed."""
    counts: Counter[str] = Counter(event.keyer for event in events)
    stats = {s.keyer: s for s in keyer_stats(events, differences)}
    keyers = list(counts) + [k for k in stats if k not in counts]  # a station's keyers log no event here
    return [
        (keyer, counts[keyer], stats[keyer].ballots if keyer in stats else 0,
         stats[keyer].marks if keyer in stats else 0, stats[keyer].disagreements if keyer in stats else 0)
        for keyer in keyers
    ]


def write_entry_log(setup: RoundSetup, events: Sequence[Event], target: Path, *,
                    fingerprint: str | None, sealed_at: str | None,
                    differences: Sequence[Difference] = (), images_folder: str = "") -> Path:
    """Every event in order, the page images of the scanned ballots, a summary per keyer, the
    head of the log and the seal."""
    pdf = OfficialPdf(landscape=True)
    pdf.set_title(composed(f"{TITLE} — {setup.title}"))
    pdf.add_page()
    pdf.official_header(setup.header, setup.meeting.date, left_width=pdf.epw / 2)
    pdf.title_block(TITLE, round_title(setup))
    forms = "; ".join(f"{form.code} — {form.title}" for form in setup.forms)
    pdf.paragraph(f"Loại phiếu: {forms}.", size=12, after=1)
    pdf.paragraph(LEGEND, size=10, emphasis="I", after=3)

    pdf.ruled_rows(WIDTHS, HEADINGS, log_rows(setup, events), aligns=ALIGNS, size=SIZE)

    scanned = scan_rows(events)
    if scanned:
        pdf.ln(4)
        pdf.heading(SCAN_HEADING)
        pdf.paragraph(SCAN_NOTE.format(folder=images_folder or "…-anh-quet"), size=10, emphasis="I", after=2)
        pdf.ruled_rows(SCAN_WIDTHS, SCAN_HEADINGS, scanned, aligns=SCAN_ALIGNS, size=SIZE)

    pdf.ln(4)
    pdf.heading("Số thao tác của từng người nhập")
    summary = keyer_summary(events, differences)
    double = setup.entry_mode.value == "double"
    with pdf.table_of(SUMMARY_WIDTHS, size=12, aligns=("L", "R", "R", "R", "R")) as table:
        heading = table.row()
        for text in SUMMARY_HEADINGS:
            heading.cell(text, align="C")
        for keyer, count, ballots, marks, found in summary:
            table.row((composed(keyer), str(count), str(ballots), str(marks), str(found) if double else "—"))
        total = table.row()
        total.cell("Cộng", style=FontFace(emphasis="BOLD"))
        for column in range(1, 4):
            total.cell(str(sum(row[column] for row in summary)))
        total.cell(str(len(differences)) + " phiếu" if double else "—")
    if double:
        pdf.paragraph("Nhập hai lượt độc lập: \"số chênh lệch\" là số ô (hoặc phiếu) người đó đã nhập mà lượt kia "
                      "nhập khác; mỗi chênh lệch đã được đối chiếu với phiếu giấy.", size=11, emphasis="I")

    pdf.ln(4)
    pdf.heading("Mã kiểm tra")
    if events:
        pdf.paragraph(f"Mã băm của sự kiện cuối (số {events[-1].seq}): {events[-1].hash}", size=12)
    else:
        pdf.paragraph("Nhật ký chưa có sự kiện nào.", size=12)
    pdf.paragraph(f"Đã chốt kết quả lúc {vi_time(sealed_at)}." if sealed_at else "Chưa chốt kết quả.", size=12)
    if fingerprint:
        pdf.paragraph(f"Dấu vân tay: {fingerprint}", size=12)
    return save(pdf, target)
