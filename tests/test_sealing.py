"""Sealing (chốt kết quả): the gate, the reason, the fingerprint, read-only ever after, corrections."""

from __future__ import annotations

import json
import sqlite3

import pytest
from pypdf import PdfReader

from tinnhiem_desktop.cli import main as cli_main
from tinnhiem_desktop.core.audit import chain_event, canonical_json
from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.core.model import Counts, Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.core.audit import grouped
from tinnhiem_desktop.services.export import ExportRequest, export_documents
from tinnhiem_desktop.services.rounds import RoundService

from conftest import spec_dict

KEYER = "Lê Thị Hồng"


def complete(service: RoundService) -> None:
    """Form 1: 30 collected, 30 fully keyed; form 2: 10 and 10."""
    for form, size, count in (("1", 3, 30), ("2", 2, 10)):
        for number in range(1, count + 1):
            service.add_ballot(form, marks={o: Mark.TIN_NHIEM for o in range(1, size + 1)})


@pytest.fixture
def service(round_path):
    with RoundService.create(round_path, setup_from_dict(spec_dict(), "test"), KEYER) as opened:
        yield opened


def test_a_complete_round_seals_without_a_reason_and_is_read_only_after(service):
    complete(service)
    assert service.seal_problems() == []
    info = service.seal("Lê Thị Hồng")
    assert info.sealed and info.sealed_by == "Lê Thị Hồng" and info.seal_reason is None
    assert info.fingerprint == service.verify().fingerprint and service.verify().intact
    for action in (
        lambda: service.add_ballot("1"),
        lambda: service.set_marks("1", 1, {1: Mark.CAO}),
        lambda: service.change_counts("1", Counts(40, 30, 30, 30)),
        lambda: service.invalidate_ballot("1", 1, "gạch tên"),
        lambda: service.remove_ballot("1", 1),
        lambda: service.seal("Phạm Quốc Huy", "lần hai"),
    ):
        with pytest.raises(TinNhiemError) as caught:
            action()
        assert caught.value.code == "round_sealed"
    assert service.read_only


def test_the_gate_needs_a_reason_which_is_stored_logged_and_printed(service, tmp_path):
    service.add_ballot("1", marks={1: Mark.CAO})  # 1 of 30 keyed, and incomplete
    codes = [i.code for i in service.seal_problems()]
    assert codes == ["keyed_below_collected", "ballots_incomplete", "keyed_below_collected"]
    with pytest.raises(TinNhiemError) as caught:
        service.seal("Lê Thị Hồng")
    assert caught.value.code == "seal_needs_reason" and not service.info.sealed
    info = service.seal("Lê Thị Hồng", "Hội nghị đồng ý chốt; phiếu còn lại bị rách")
    assert info.seal_reason == "Hội nghị đồng ý chốt; phiếu còn lại bị rách"
    last = service.events()[-1]
    assert last.action == "round_sealed" and last.data["problems"] == codes
    minutes = export_documents(service, ExportRequest(minutes=tmp_path / "bb.pdf"))[0]
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(minutes).pages)
    assert "Lý do chốt kết quả khi số liệu chưa khớp: Hội nghị đồng ý chốt; phiếu còn lại bị rách" in text
    assert grouped(info.fingerprint) in text


def test_verify_finds_a_mark_changed_after_sealing(service, round_path):
    complete(service)
    service.seal("Lê Thị Hồng")
    service.close()
    connection = sqlite3.connect(round_path)
    connection.execute("UPDATE mark SET value='thap' WHERE ballot_id=3 AND candidate_seq=1")
    connection.commit()
    connection.close()
    with RoundService.open(round_path, KEYER, read_only=True) as reader:
        codes = {p.code for p in reader.verify().problems}
    assert codes == {"mark_differs_from_log", "fingerprint_mismatch"}


def test_verify_finds_an_event_forged_after_the_seal(service, round_path):
    complete(service)
    service.seal("Lê Thị Hồng")
    last = service.events()[-1]
    service.close()
    forged = chain_event(last, last.at, "ai đó", "counts_set",
                         {"form": "1", "old": Counts(32, 31, 30, 30).as_dict(), "new": Counts(32, 31, 30, 29).as_dict()})
    connection = sqlite3.connect(round_path)
    connection.execute("INSERT INTO event VALUES (?, ?, ?, ?, ?, ?)",
                       (forged.seq, forged.at, forged.keyer, forged.action, canonical_json(forged.data), forged.hash))
    connection.execute("UPDATE ballot_form SET collected=29 WHERE code='1'")
    connection.commit()
    connection.close()
    with RoundService.open(round_path, KEYER, read_only=True) as reader:
        codes = {p.code for p in reader.verify().problems}
    assert {"log_changed_after_seal", "fingerprint_mismatch"} <= codes


def test_a_correction_is_a_new_file_that_names_what_it_replaces(service, round_path, tmp_path):
    complete(service)
    sealed = service.seal("Lê Thị Hồng")
    service.close()
    corrected_path = tmp_path / "dinh-chinh.tinnhiem"
    with RoundService.correction(round_path, corrected_path, "Phiếu số 3 nhập nhầm", KEYER) as corrected:
        assert corrected.corrects() == {"fingerprint": sealed.fingerprint, "file": round_path.name,
                                        "reason": "Phiếu số 3 nhập nhầm"}
        assert len(corrected.ballots()) == 40 and not corrected.info.sealed
        corrected.set_marks("1", 3, {1: Mark.THAP})
        assert corrected.verify().intact
        minutes = export_documents(corrected, ExportRequest(minutes=tmp_path / "bb.pdf"))[0]
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(minutes).pages)
    assert "Biên bản này thay thế kết quả đã chốt trong tệp" in text and "Phiếu số 3 nhập nhầm" in text


def test_a_correction_needs_a_sealed_round_and_a_reason(service, round_path, tmp_path):
    service.close()
    with pytest.raises(TinNhiemError) as caught:
        RoundService.correction(round_path, tmp_path / "x.tinnhiem", "lý do", KEYER)
    assert caught.value.code == "correction_needs_sealed_round"
    with pytest.raises(TinNhiemError) as caught:
        RoundService.correction(round_path, tmp_path / "x.tinnhiem", "  ", KEYER)
    assert caught.value.code == "correction_needs_reason"


def test_command_line_seal(service, round_path, capsys):
    service.add_ballot("1", marks={1: Mark.CAO, 2: Mark.CAO, 3: Mark.CAO})
    service.close()
    assert cli_main(["seal", str(round_path), "--by", "Lê Thị Hồng"]) == 1
    out, err = capsys.readouterr()
    assert "Vấn đề:" in err and "Muốn chốt vẫn phải ghi rõ lý do" in err
    assert cli_main(["seal", str(round_path), "--by", "Lê Thị Hồng", "--reason", "Hội nghị đồng ý"]) == 0
    out, _ = capsys.readouterr()
    assert "Dấu vân tay (SHA-256):" in out
    assert cli_main(["results", str(round_path), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["round"]["sealed"] is True and len(document["round"]["fingerprint"]) == 64
    assert cli_main(["verify", str(round_path)]) == 0
    capsys.readouterr()
    assert cli_main(["import-ballots", str(round_path), "khong-can.csv"]) == 2
    assert "đã chốt kết quả" in capsys.readouterr().err
