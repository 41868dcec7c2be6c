"""The paper anchors the seal: attacks on a sealed round file with plain sqlite3 and hashlib, as an
auditor tried them (issue 13). Each is caught by `verify` (exit 1), or by `verify --fingerprint`
with the value printed on the signed minutes."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tinnhiem_desktop import cli
from tinnhiem_desktop.core.audit import event_hash, grouped, whole_file_fingerprint
from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.procedure import ProcedureService
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.storage.repository import whole_rows

from conftest import spec_dict

HONG = "Lê Thị Hồng"
FORM = {"id": "1", "title": "Lãnh đạo Sở", "summoned": 4, "present": 4, "issued": 3, "collected": 3,
        "candidates": [{"name": "Nguyễn Văn An", "position": "Giám đốc"}, {"name": "Hoàng Thị Thu Hà"}]}


def sealed_round(path: Path, ballots: int = 3) -> str:
    """A small sealed round with a procedure record, a typed-in earlier figure and a hand-over."""
    counts = {"summoned": ballots + 1, "present": ballots + 1, "issued": ballots, "collected": ballots}
    setup = setup_from_dict(spec_dict(forms=[dict(FORM, **counts)]), "test")
    with RoundService.create(path, setup, HONG) as service:
        ProcedureService(service).record_team_vote(40, 1)
        service.set_prior_result("1", 1, 2025, thap=3, base=20, source="Biên bản 2025")
        for number in range(1, ballots + 1):
            service.add_ballot("1", number, {1: Mark.CAO, 2: (Mark.THAP, Mark.TIN_NHIEM)[number % 2]})
        fingerprint = service.seal(HONG).fingerprint
        ProcedureService(service).record_results_announced()
        ProcedureService(service).record_handover(HONG, "Trần Văn Bình", "Giám đốc")
    return fingerprint


def verify(path: Path, *more: str) -> int:
    return cli.main(["verify", str(path), *more])


def rehash_and_reseal(db: sqlite3.Connection) -> None:
    """What a forger does after editing: re-chain every event and rewrite the fingerprint."""
    prev = "0" * 64
    for seq, at, keyer, action, data in db.execute("SELECT seq, at, keyer, action, data FROM event ORDER BY seq").fetchall():
        digest = event_hash(prev, seq, at, keyer, action, json.loads(data))
        db.execute("UPDATE event SET hash = ? WHERE seq = ?", (digest, seq))
        prev = digest
    forged = whole_file_fingerprint(whole_rows(db), prev)  # the forger uses the program's own code
    db.execute("UPDATE round SET fingerprint = ?", (forged,))


def test_forged_marks_rehashed_and_refingerprinted_are_caught_by_the_paper(tmp_path, capsys):
    path = tmp_path / "nam-2026.tinnhiem"
    genuine = sealed_round(path, ballots=30)
    db = sqlite3.connect(path)
    with db:
        changed = db.execute("UPDATE mark SET value = 'cao' WHERE candidate_seq = 2").rowcount
        for seq, data in db.execute("SELECT seq, data FROM event WHERE action = 'ballot_added'").fetchall():
            content = json.loads(data)
            content["new"]["marks"]["2"] = "cao"
            db.execute("UPDATE event SET data = ? WHERE seq = ?", (json.dumps(content, ensure_ascii=False), seq))
        db.execute("DELETE FROM procedure_record WHERE key LIKE 'after_seal/%'")  # they name the genuine seal
        rehash_and_reseal(db)
    db.close()
    assert changed == 30
    assert verify(path) == 0  # consistent in itself: only the paper can tell
    assert verify(path, "--fingerprint", genuine) == 1
    assert "KHÁC dấu vân tay của tệp" in capsys.readouterr().out
    assert verify(path, "--fingerprint", grouped(genuine).upper().replace(" ", "-")) == 1


def test_the_paper_fingerprint_is_compared_whole_spaces_dashes_and_case_aside(tmp_path, capsys):
    path = tmp_path / "nam-2026.tinnhiem"
    genuine = sealed_round(path)
    assert verify(path, "--fingerprint", grouped(genuine).upper()) == 0
    assert verify(path, "--fingerprint", "-".join(grouped(genuine).split())) == 0
    capsys.readouterr()
    assert verify(path, "--fingerprint", genuine[:6]) == 2  # a prefix is no fingerprint: a slip, not an alteration
    out, err = capsys.readouterr()
    assert "đủ 64 ký tự" in err and "KHÔNG NGUYÊN VẸN" not in out
    assert verify(path, "--fingerprint", genuine[:-1] + ("0" if genuine[-1] != "0" else "1")) == 1


def test_an_unsealed_then_resealed_round_is_caught_by_the_paper(tmp_path, capsys):
    path = tmp_path / "nam-2026.tinnhiem"
    genuine = sealed_round(path)
    db = sqlite3.connect(path)
    with db:
        db.execute("DELETE FROM event WHERE action = 'round_sealed'")
        db.execute("DELETE FROM procedure_record WHERE key LIKE 'after_seal/%'")
        db.execute("UPDATE round SET sealed_at = NULL, sealed_by = NULL, seal_reason = NULL, fingerprint = NULL")
    db.close()
    assert verify(path, "--fingerprint", genuine) == 1
    assert "chưa chốt" in capsys.readouterr().out
    with RoundService.open(path, HONG) as service:
        service.add_ballot("1", marks={1: Mark.THAP, 2: Mark.THAP})
        service.change_counts("1", service.setup.form("1").counts.__class__(5, 5, 4, 4))
        service.seal(HONG, "niêm phong lại")
    assert verify(path) == 0
    assert verify(path, "--fingerprint", genuine) == 1


def test_a_free_field_in_the_seal_event_is_an_alteration(tmp_path):
    """Grinding a look-alike fingerprint through a key that replay ignores is no longer possible."""
    path = tmp_path / "nam-2026.tinnhiem"
    sealed_round(path)
    db = sqlite3.connect(path)
    with db:
        seq, data = db.execute("SELECT seq, data FROM event WHERE action = 'round_sealed'").fetchone()
        content = dict(json.loads(data), nonce="3f9a11")
        db.execute("UPDATE event SET data = ? WHERE seq = ?", (json.dumps(content), seq))
        rehash_and_reseal(db)
    db.close()
    assert verify(path) == 1


def _cells(path: Path) -> list[tuple[str, str, int, object]]:
    """(table, column, rowid, value) of every stored value of the file."""
    db = sqlite3.connect(path)
    cells = []
    tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                              " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
    for table in tables:
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
        for rowid, *values in db.execute(f"SELECT rowid, * FROM {table}"):
            cells += [(table, column, rowid, value) for column, value in zip(columns, values)]
    db.close()
    return cells


def _other(table: str, column: str, value: object) -> list[object]:
    """Values to put in place of `value` that the schema accepts (tried in turn)."""
    if table == "mark" and column == "value":
        return [m.value for m in Mark if m.value != value]
    if table == "ballot" and column == "status":
        return ["invalid" if value == "valid" else "valid"]
    if isinstance(value, int):
        return [value + 1, value + 100, value - 1]
    if isinstance(value, str):
        return [value + "x", "x"]
    return [1, "x"]


@pytest.fixture(scope="module")
def sealed_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sealed") / "nam-2026.tinnhiem"
    sealed_round(path)
    return path


def test_every_single_value_change_of_a_sealed_file_is_exit_1(sealed_file, tmp_path, capsys):
    missed = []
    tried = 0
    for table, column, rowid, value in _cells(sealed_file):
        copy = tmp_path / f"{table}-{column}-{rowid}.tinnhiem"
        shutil.copyfile(sealed_file, copy)
        db = sqlite3.connect(copy)
        done = False
        for replacement in _other(table, column, value):
            try:
                with db:
                    db.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (replacement, rowid))
                done = True
                break
            except sqlite3.IntegrityError:
                continue  # the schema refuses it: not an alteration anyone can make
        db.close()
        if not done:
            continue
        tried += 1
        if verify(copy) != 1:
            missed.append((table, column, rowid, value))
        copy.unlink()
    capsys.readouterr()
    assert tried > 150 and missed == []


def test_every_row_deletion_of_a_sealed_file_is_exit_1(sealed_file, tmp_path, capsys):
    """All but the newest record made after the seal: nothing in the file outlives it to tell it was
    there (README, "What the round file promises": the signed hand-over is on paper)."""
    missed = []
    newest = sqlite3.connect(sealed_file).execute(
        "SELECT rowid FROM procedure_record WHERE key LIKE 'after_seal/%' ORDER BY at DESC, rowid DESC").fetchone()[0]
    rows = sorted({(table, rowid) for table, _, rowid, _ in _cells(sealed_file)} - {("procedure_record", newest)})
    for table, rowid in rows:
        copy = tmp_path / f"{table}-{rowid}.tinnhiem"
        shutil.copyfile(sealed_file, copy)
        db = sqlite3.connect(copy)
        with db:
            db.execute(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))
        db.close()
        if verify(copy) != 1:
            missed.append((table, rowid))
        copy.unlink()
    capsys.readouterr()
    assert len(rows) >= 25 and missed == []


def test_the_newest_record_after_the_seal_deleted_is_exit_1_against_the_backup(tmp_path, capsys):
    """What the file cannot tell by itself, its newest backup does: the window backs a round up when
    it is closed, so the hand-over recorded last has a copy."""
    from tinnhiem_desktop.services.backups import Backups

    path = tmp_path / "nam-2026.tinnhiem"
    sealed_round(path)
    with RoundService.open(path, HONG) as service:
        assert Backups(service, every=3600).backup_now() is not None
    db = sqlite3.connect(path)
    with db:
        db.execute("DELETE FROM procedure_record WHERE rowid = (SELECT rowid FROM procedure_record "
                   "WHERE key LIKE 'after_seal/%' ORDER BY at DESC, rowid DESC LIMIT 1)")
    db.close()
    assert verify(path) == 1
    assert "bản sao lưu" in capsys.readouterr().out


def test_a_correction_refuses_a_sealed_source_that_does_not_verify(tmp_path):
    path = tmp_path / "nam-2026.tinnhiem"
    sealed_round(path)
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE round SET sealed_by = 'Người khác'")
    db.close()
    assert cli.main(["correct", str(path), str(tmp_path / "dinh-chinh.tinnhiem"), "--reason", "sai phiếu 2"]) == 2
    assert not (tmp_path / "dinh-chinh.tinnhiem").exists()
