"""The entry log PDF, read back with pypdf (the blank ballots: test_blank_ballots.py)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from tinnhiem_desktop.core.audit import ballot_state, chain_event
from tinnhiem_desktop.core.model import (
    Ballot,
    BallotForm,
    BallotStatus,
    Candidate,
    Counts,
    Header,
    HeaderStyle,
    Mark,
    Meeting,
    RoundSetup,
    TeamMember,
)
from tinnhiem_desktop.core.spec import setup_to_dict
from tinnhiem_desktop.export.entry_log import write_entry_log

LEADERS = (
    Candidate(1, "Nguyễn Văn An", "Giám đốc Sở"),
    Candidate(2, "Hoàng Thị Thu Hà", "Phó Giám đốc Sở"),
    Candidate(3, "Vũ Đức Thắng", "Phó Giám đốc Sở"),
    Candidate(4, "Trần Thị Ngọc Ánh", "Phó Giám đốc Sở"),
)
KEYERS = ("Lê Thị Hồng", "Phạm Quốc Huy")
FINGERPRINT = "7f3a" * 16


def make_setup(*forms: BallotForm) -> RoundSetup:
    return RoundSetup(
        title="Hội nghị lấy phiếu tín nhiệm năm 2026",
        year=2026,
        rule_id="qd-96-2023",
        header=Header(HeaderStyle.STATE, "ỦY BAN NHÂN DÂN TỈNH AN PHÚ", "SỞ GIAO THÔNG VẬN TẢI"),
        meeting=Meeting("2026-11-27", "Hội trường tầng 3", "Trần Văn Bình"),
        team=(TeamMember(KEYERS[0], "Tổ trưởng"), TeamMember(KEYERS[1], "Thành viên")),
        forms=forms,
    )


def leaders_form(issued: int = 5, candidates: tuple[Candidate, ...] = LEADERS) -> BallotForm:
    return BallotForm("1", "Lãnh đạo Sở", Counts(issued + 2, issued + 1, issued, issued), candidates)


def pages(path: Path) -> list[str]:
    """Each page's text, NFC, with runs of white space made one space."""
    return [" ".join(unicodedata.normalize("NFC", page.extract_text()).split()) for page in PdfReader(path).pages]


# -- entry log -------------------------------------------------------------------------------


def round_events(setup: RoundSetup, extra_marks: int = 0) -> list:
    events = []

    def log(keyer: str, action: str, data: dict) -> None:
        second = len(events)
        at = f"2026-11-27T09:{second // 60:02d}:{second % 60:02d}+07:00"
        events.append(chain_event(events[-1] if events else None, at, keyer, action, data))

    hong, huy = KEYERS
    log(hong, "round_created", {"setup": setup_to_dict(setup)})
    log(hong, "counts_set", {"form": "1", "old": {"summoned": 7, "present": 6, "issued": 5, "collected": 5},
                             "new": {"summoned": 7, "present": 6, "issued": 5, "collected": 4}})
    full = Ballot("1", 1, marks={1: Mark.CAO, 2: Mark.TIN_NHIEM, 3: Mark.THAP, 4: Mark.NO_MARK})
    log(hong, "ballot_added", {"form": "1", "ballot": 1, "new": ballot_state(full)})
    log(huy, "ballot_added", {"form": "1", "ballot": 2, "new": ballot_state(Ballot("1", 2))})
    log(huy, "mark_set", {"form": "1", "ballot": 2, "candidate": 2, "old": None, "new": "cao"})
    log(huy, "mark_set", {"form": "1", "ballot": 2, "candidate": 2, "old": "cao", "new": "thap"})
    log(huy, "mark_set", {"form": "1", "ballot": 2, "candidate": 3, "old": None, "new": "multi"})
    invalid = Ballot("1", 2, BallotStatus.INVALID, invalid_reason="không đóng dấu")
    marked = Ballot("1", 2, marks={2: Mark.THAP, 3: Mark.MULTI})
    log(hong, "ballot_status_set", {"form": "1", "ballot": 2, "old": ballot_state(marked), "new": ballot_state(invalid)})
    log(huy, "ballot_removed", {"form": "1", "ballot": 2, "old": ballot_state(invalid)})
    for _ in range(extra_marks):
        log(huy, "mark_set", {"form": "1", "ballot": 1, "candidate": 4, "old": "none", "new": "none"})
    return events


def test_the_entry_log_lists_every_event_in_words(tmp_path):
    setup = make_setup(leaders_form())
    events = round_events(setup)
    texts = pages(write_entry_log(setup, events, tmp_path / "nhatky.pdf", fingerprint=None, sealed_at=None))
    text = " ".join(texts)
    for expected in ("NHẬT KÝ NHẬP PHIẾU", "Hội nghị lấy phiếu tín nhiệm năm 2026", "Độc lập - Tự do - Hạnh phúc",
                     "STT Thời gian Người nhập Loại phiếu Phiếu Nội dung Người được lấy phiếu Cũ Mới",
                     "1 27/11/2026 09:00:00 Lê Thị Hồng Tạo đợt lấy phiếu 1 loại phiếu, 4 người được lấy phiếu",
                     "Sửa số liệu số phiếu thu về: 5 số phiếu thu về: 4",
                     "Thêm phiếu hợp lệ; 1–4: 1230", "1 = tín nhiệm cao, 2 = tín nhiệm, 3 = tín nhiệm thấp",
                     "4–5 27/11/2026 09:00:03 Phạm Quốc Huy 1 2 Thêm phiếu hợp lệ; 2: 1",
                     "Nhập ô 2. Hoàng Thị Thu Hà tín nhiệm cao tín nhiệm thấp",
                     "Nhập ô 3. Vũ Đức Thắng (chưa nhập) đánh dấu nhiều ô",
                     "Đổi trạng thái phiếu", "không hợp lệ (lý do: không đóng dấu)", "Xóa phiếu",
                     f"Mã băm của sự kiện cuối (số 9): {events[-1].hash}", "Chưa chốt kết quả."):
        assert expected in text, expected
    assert "Dấu vân tay" not in text
    for keyer in KEYERS:
        assert keyer in text


def test_the_entry_log_counts_each_keyers_events_and_marks(tmp_path):
    setup = make_setup(leaders_form())
    text = " ".join(pages(write_entry_log(setup, round_events(setup), tmp_path / "nhatky.pdf",
                                          fingerprint=None, sealed_at=None)))
    summary = text[text.index("Số thao tác của từng người nhập"):]
    assert "Người nhập Số thao tác Số phiếu đã thêm Số ô đã nhập" in summary
    assert "Lê Thị Hồng 4 1 4" in summary  # created, counts, a ballot with four marks, status
    assert "Phạm Quốc Huy 5 1 3" in summary  # a ballot, three cells keyed, a removal
    assert "Cộng 9 2 7" in summary


def test_a_sealed_log_gives_the_seal_time_and_fingerprint(tmp_path):
    setup = make_setup(leaders_form())
    text = " ".join(pages(write_entry_log(setup, round_events(setup), tmp_path / "nhatky.pdf",
                                          fingerprint=FINGERPRINT, sealed_at="2026-11-27T11:02:03+07:00")))
    assert f"Dấu vân tay: {FINGERPRINT}" in text
    assert "Đã chốt kết quả lúc 27/11/2026 11:02:03." in text
    assert "Chưa chốt" not in text


def test_a_long_log_repeats_its_headings_and_numbers_its_pages(tmp_path):
    setup = make_setup(leaders_form())
    texts = pages(write_entry_log(setup, round_events(setup, extra_marks=100), tmp_path / "nhatky.pdf",
                                  fingerprint=None, sealed_at=None))
    assert len(texts) >= 3
    heading = "STT Thời gian Người nhập Loại phiếu Phiếu Nội dung Người được lấy phiếu Cũ Mới"
    with_rows = [page for page in texts if "27/11/2026 09:" in page]
    assert len(with_rows) >= 3 and all(heading in page for page in with_rows)
    assert all(page.startswith(f"{number} ") for number, page in enumerate(texts[1:], start=2))
    assert not texts[0].startswith("1 ")
    assert "89 27/11/2026 09:01:28 Phạm Quốc Huy 1 1 Nhập ô 4. Trần Thị Ngọc Ánh không đánh dấu" in " ".join(with_rows)


def test_marks_and_counts_read_back_from_storage_keep_their_natural_order(tmp_path):
    """Stored events come back with sorted keys: "10" before "2", "collected" before "summoned"."""
    twelve = tuple(Candidate(i, f"Người thứ {i}", "Phó Giám đốc Sở") for i in range(1, 13))
    setup = make_setup(leaders_form(candidates=twelve))
    stored = [
        {"form": "1", "ballot": 1, "new": ballot_state(Ballot("1", 1, marks={i: Mark.CAO for i in range(1, 13)}))},
        {"form": "1", "old": {"summoned": 7, "present": 6, "issued": 5, "collected": 5},
         "new": {"summoned": 8, "present": 7, "issued": 5, "collected": 5}},
    ]
    first = chain_event(None, "2026-11-27T09:00:00+07:00", KEYERS[0], "ballot_added",
                        json.loads(json.dumps(stored[0], sort_keys=True)))
    second = chain_event(first, "2026-11-27T09:00:01+07:00", KEYERS[0], "counts_set",
                         json.loads(json.dumps(stored[1], sort_keys=True)))
    text = " ".join(pages(write_entry_log(setup, [first, second], tmp_path / "nhatky.pdf",
                                          fingerprint=None, sealed_at=None)))
    assert "hợp lệ; 1–12: 11111 11111 11" in text
    assert ("số người được triệu tập: 7; số người có mặt: 6 "
            "số người được triệu tập: 8; số người có mặt: 7") in text


def test_an_empty_log_still_makes_a_document(tmp_path):
    setup = make_setup(leaders_form())
    text = " ".join(pages(write_entry_log(setup, [], tmp_path / "nhatky.pdf", fingerprint=None, sealed_at=None)))
    assert "Nhật ký chưa có sự kiện nào." in text and "Cộng 0 0 0" in text


# --- every kind of event in words ------------------------------------------------------------


def test_every_kind_of_event_has_a_name_in_the_entry_log():
    from tinnhiem_desktop.core.events import KINDS
    from tinnhiem_desktop.export.entry_log import ACTION_NAMES

    assert set(ACTION_NAMES) == set(KINDS)


def test_the_entry_log_words_a_rule_change_procedure_records_and_typed_in_figures(tmp_path):
    """An archive document: no raw code, and the old and new of each event in Vietnamese."""
    from tests.conftest import spec_dict
    from tinnhiem_desktop.core.spec import setup_from_dict
    from tinnhiem_desktop.export.entry_log import event_row
    from tinnhiem_desktop.services.procedure import ProcedureService
    from tinnhiem_desktop.services.rounds import RoundService

    path = tmp_path / "nam-2026.tinnhiem"
    with RoundService.create(path, setup_from_dict(spec_dict(), "test"), KEYERS[0]) as service:
        service.change_rule("qd-96-2023", percent_base="present")
        procedure = ProcedureService(service)
        procedure.record_attendance({"1": 31, "2": 10})
        procedure.record_team_vote(40, 1)
        service.set_prior_result("1", 1, 2025, thap=15, base=20, source="Biên bản năm 2025")
        service.add_ballot("1", marks={1: Mark.CAO, 2: Mark.THAP, 3: Mark.TIN_NHIEM})
        events, setup = service.events(), service.setup
        target = write_entry_log(setup, events, tmp_path / "log.pdf", fingerprint=None, sealed_at=None)
    rows = {event.action: event_row(setup, event) for event in events}
    assert set(rows) >= {"rule_changed", "procedure_recorded", "prior_result_set", "ballot_added"}
    for action, (seq, at, keyer, form, ballot, content, candidate, old, new) in rows.items():
        assert action not in content and "_" not in content, content
        assert (old or new), f"{action}: nothing in its old and new columns"
    assert "Quy định 96-QĐ/TW (2023)" in rows["rule_changed"][7]
    assert "số người có mặt" in rows["rule_changed"][8]
    assert "Biên bản năm 2025" in rows["prior_result_set"][8] and "15/20" in rows["prior_result_set"][8]
    text = unicodedata.normalize("NFC", "".join(page.extract_text() for page in PdfReader(target).pages))
    for words in ("Đổi quy tắc tính kết quả", "Ghi nhận bước quy trình", "Ghi kết quả năm trước"):
        assert words in " ".join(text.split())


def test_the_entry_log_of_a_188_ballot_round_keyed_cell_by_cell_is_short_and_dense(tmp_path):
    """Keyed in the grid, each ballot is a `ballot_added` with its first cell and a `mark_set` for
    every other: the cells of a ballot keyed together share a row."""
    fifteen = tuple(Candidate(i, f"Người thứ {i}", "Trưởng phòng") for i in range(1, 16))
    setup = make_setup(leaders_form(issued=188, candidates=fifteen))
    events = [chain_event(None, "2026-11-27T09:00:00+07:00", KEYERS[0], "round_created",
                          {"setup": setup_to_dict(setup)})]

    def log(action: str, data: dict) -> None:
        events.append(chain_event(events[-1], f"2026-11-27T10:{len(events) // 60 % 60:02d}:{len(events) % 60:02d}+07:00",
                                  KEYERS[len(events) // 500 % 2], action, data))

    for number in range(1, 189):
        log("ballot_added", {"form": "1", "ballot": number, "new": ballot_state(Ballot("1", number, marks={1: Mark.CAO}))})
        for order in range(2, 16):
            log("mark_set", {"form": "1", "ballot": number, "candidate": order, "old": None,
                             "new": ("cao", "tin_nhiem", "thap")[(number + order) % 3]})
    log("mark_set", {"form": "1", "ballot": 7, "candidate": 3, "old": "thap", "new": "cao"})
    texts = pages(write_entry_log(setup, events, tmp_path / "nhatky.pdf", fingerprint=None, sealed_at=None))
    assert len(events) == 1 + 188 * 15 + 1
    assert len(texts) < 60
    full_pages = texts[1:-2]
    assert full_pages and all(page.count("27/11/2026 ") >= 25 for page in full_pages), [p.count("27/11/2026 ") for p in texts]
    text = " ".join(texts)
    assert "2–16" in text and "hợp lệ; 1–15: " in text  # the first ballot and its 14 further cells: one row
