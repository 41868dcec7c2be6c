"""A round shared on a PostgreSQL server (storage/pg_store.py): several keying processes at once,
a killed process or a cut connection losing no acknowledged keystroke, the comparison live on
every PC, and the seal written back to a round file that verifies and counts like a one-PC round.

Needs a PostgreSQL server: `scripts/pg.sh` starts one (CI runs it and sets TINNHIEM_PG_URL and
TINNHIEM_PG_REQUIRED=1, so that a server that cannot be started fails these tests there)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tinnhiem_desktop.cli import main as cli
from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.services.rounds import RoundService

from conftest import ROOT, spec_dict, write_spec

sys.path.insert(0, str(Path(__file__).parent))
from pg_keyer import marks_of  # noqa: E402

KEYER = Path(__file__).parent / "pg_keyer.py"


def _server() -> str | None:
    url = os.environ.get("TINNHIEM_PG_URL")
    if url:
        return url
    try:
        out = subprocess.run(["bash", str(ROOT / "scripts" / "pg.sh")], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() or None


@pytest.fixture(scope="module")
def server() -> str:
    url = _server()
    if url is None:
        if os.environ.get("TINNHIEM_PG_REQUIRED"):
            pytest.fail("no PostgreSQL server could be started (scripts/pg.sh)")
        pytest.skip("no PostgreSQL server could be started here (scripts/pg.sh); CI starts one")
    psycopg = pytest.importorskip("psycopg")
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as error:
        if os.environ.get("TINNHIEM_PG_REQUIRED"):
            pytest.fail(f"the PostgreSQL server does not answer: {error}")
        pytest.skip(f"the PostgreSQL server does not answer: {error}")
    return url


def _admin(server: str, *statements: str) -> list:
    import psycopg

    with psycopg.connect(server, autocommit=True) as connection:
        rows = []
        for statement in statements:
            cursor = connection.execute(statement)
            rows = cursor.fetchall() if cursor.description else rows
        return rows


@pytest.fixture
def round_url(server: str):
    name = f"t_{uuid.uuid4().hex[:12]}"
    yield f"{server}/{name}"
    _admin(server, f"DROP SCHEMA IF EXISTS {name} CASCADE")


def _spec(tmp_path: Path, mode: str = "double", collected: int = 40) -> Path:
    forms = [{"id": "1", "title": "Lãnh đạo Sở", "summoned": collected, "present": collected, "issued": collected,
              "collected": collected,
              "candidates": [{"name": "Nguyễn Văn An", "position": "Giám đốc Sở"},
                             {"name": "Hoàng Thị Thu Hà", "position": "Phó Giám đốc Sở"},
                             {"name": "Vũ Đức Thắng", "position": "Phó Giám đốc Sở"}]}]
    return write_spec(tmp_path / "round.json", spec_dict(forms=forms, entry_mode=mode))


def _keyer(url: str, entry_pass: str, first: int, last: int, acks: Path, pause: float = 0.0) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(KEYER), url, entry_pass, str(first), str(last), str(acks), str(pause)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _acked(acks: Path) -> set[tuple[str, int, int, str]]:
    found = set()
    for line in acks.read_text(encoding="utf-8").splitlines():
        if line.startswith("ack "):
            _, entry_pass, number, order, value = line.split()
            found.add((entry_pass, int(number), int(order), value))
    return found


def _held(url: str) -> set[tuple[str, int, int, str]]:
    with RoundService.open(url, "kiểm tra", read_only=True) as service:
        return {(b.entry_pass.value, b.number, order, mark.value)
                for b in service.all_ballots() for order, mark in b.marks.items()}


def test_three_pcs_key_one_server_round_at_once_and_the_sealed_file_counts_like_one_pc(tmp_path, round_url, capsys):
    assert cli(["new", "--server", round_url, "--spec", str(_spec(tmp_path))]) == 0
    watcher = RoundService.open(round_url, "Tổ trưởng")  # a fourth PC, watching the comparison
    acks = [tmp_path / f"acks-{i}.txt" for i in range(3)]
    pcs = [_keyer(round_url, "A", 1, 25, acks[0]), _keyer(round_url, "A", 16, 40, acks[1]),
           _keyer(round_url, "B", 1, 40, acks[2])]
    seen_live = set()
    while any(pc.poll() is None for pc in pcs):
        seen_live |= {d.number for d in watcher.differences()}
        time.sleep(0.2)
    for pc in pcs:
        assert pc.returncode == 0, pc.stderr.read()
    held = _held(round_url)
    for ack in acks:
        assert _acked(ack) <= held
    expected = {(p, n, o, m.value) for p in "AB" for n in range(1, 41) for o, m in marks_of(p, n).items()}
    assert held == expected
    time.sleep(0.3)
    differences = watcher.differences()  # this PC keyed nothing: what it shows came from the others
    assert {d.number for d in differences} == {5, 17, 26}
    assert seen_live  # the comparison showed differences while the keying went on
    log = watcher.events()
    assert all("@" in event.keyer for event in log[1:])  # who keyed, as which role, from which PC
    assert len({event.keyer for event in log if event.action == "mark_set"}) == 3
    for number in (5, 17, 26):
        watcher.resolve("1", number, "A")
    watcher.close()

    sealed = tmp_path / "chot.tinnhiem"
    assert cli(["seal", round_url, "--by", "Lê Thị Hồng", "--file", str(sealed)]) == 0
    assert cli(["verify", str(sealed)]) == 0
    capsys.readouterr()
    assert cli(["import-ballots", round_url, str(_csv(tmp_path, [41]))]) == 2
    assert "đã chốt" in capsys.readouterr().err

    single = tmp_path / "mot-may.tinnhiem"
    assert cli(["new", str(single), "--spec", str(_spec(tmp_path))]) == 0
    with RoundService.open(single, "Một máy") as one:
        for entry_pass in "AB":
            one.set_entry_pass(entry_pass)
            for number in range(1, 41):
                one.add_ballot("1", number, marks_of(entry_pass, number))
        for number in (5, 17, 26):
            one.resolve("1", number, "A")
        alone = one.results()
    with RoundService.open(sealed, "Lưu trữ", read_only=True) as archived:
        assert archived.info.sealed
        assert archived.results() == alone
        assert len(archived.events()) == len(log) + 4  # three resolutions and the seal


def _csv(tmp_path: Path, numbers) -> Path:
    path = tmp_path / "more.csv"
    path.write_text("form,ballot,status,1,2,3\n" + "".join(f"1,{n},valid,1,2,3\n" for n in numbers), encoding="utf-8")
    return path


def test_a_pc_killed_or_cut_off_mid_keying_loses_no_acknowledged_keystroke(tmp_path, round_url, server):
    assert cli(["new", "--server", round_url, "--spec", str(_spec(tmp_path, collected=60))]) == 0
    killed, cut = tmp_path / "killed.txt", tmp_path / "cut.txt"
    victim = _keyer(round_url, "A", 1, 30, killed, pause=0.01)
    survivor = _keyer(round_url, "B", 1, 30, cut, pause=0.01)
    deadline = time.monotonic() + 60
    while (not killed.exists() or len(_acked(killed)) < 20) and time.monotonic() < deadline:
        time.sleep(0.05)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    while (not cut.exists() or len(_acked(cut)) < 20) and time.monotonic() < deadline:
        time.sleep(0.05)
    terminated = _admin(server, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                " WHERE application_name LIKE 'tinnhiem %' AND pid <> pg_backend_pid()")
    assert terminated
    assert survivor.wait(timeout=120) == 0, survivor.stderr.read()
    held = _held(round_url)
    assert _acked(killed) <= held  # every keystroke the killed PC was told was kept, is kept
    assert _acked(cut) <= held
    assert {(n, o, m) for p, n, o, m in held if p == "B"} == {
        (n, o, m.value) for n in range(1, 31) for o, m in marks_of("B", n).items()}  # it resumed


def test_a_lost_connection_is_reported_and_the_keystroke_not_taken(tmp_path, round_url, server):
    assert cli(["new", "--server", round_url, "--spec", str(_spec(tmp_path, mode="single"))]) == 0
    with RoundService.open(round_url, "Máy 1") as service:
        service.add_ballot("1", 1, {1: Mark.CAO})
        _admin(server, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                       " WHERE application_name LIKE 'tinnhiem %' AND pid <> pg_backend_pid()")
        with pytest.raises(TinNhiemError) as caught:
            service.set_marks("1", 1, {2: Mark.THAP})
        assert caught.value.code == "server_connection_lost"
        assert service.state.ballot("1", service.entry_pass, 1).marks == {1: Mark.CAO}
        service.set_marks("1", 1, {2: Mark.THAP})  # the connection is made again: keying resumes
    assert _held(round_url) == {("A", 1, 1, "cao"), ("A", 1, 2, "thap")}


def test_a_cell_another_pc_changed_meanwhile_is_refused_and_the_log_still_replays(tmp_path, round_url):
    """Two PCs key the same cell from the same view: the second keystroke was made against a cell
    that no longer holds what it saw, so it is refused (nothing written) rather than committed as
    an event that does not replay; after looking again it goes through."""
    assert cli(["new", "--server", round_url, "--spec", str(_spec(tmp_path, mode="single"))]) == 0
    with RoundService.open(round_url, "Máy 1") as first, RoundService.open(round_url, "Máy 2") as second:
        first.add_ballot("1", 1)
        second.refresh()
        first.set_marks("1", 1, {1: Mark.CAO})
        with pytest.raises(TinNhiemError) as caught:
            second.set_marks("1", 1, {1: Mark.THAP})  # second still sees the cell empty
        assert caught.value.code == "server_changed_meanwhile"
        assert second.state.ballot("1", second.entry_pass, 1).marks == {1: Mark.CAO}  # it sees the server's now
        second.set_marks("1", 1, {1: Mark.THAP})
    assert _held(round_url) == {("A", 1, 1, "thap")}
    sealed = tmp_path / "chot.tinnhiem"
    assert cli(["seal", round_url, "--by", "Lê Thị Hồng", "--file", str(sealed), "--reason", "thử"]) == 0
    assert cli(["verify", str(sealed)]) == 0


def test_an_existing_round_file_pushed_to_a_server_keeps_its_log(tmp_path, round_url, round_path):
    assert cli(["new", str(round_path), "--spec", str(_spec(tmp_path, mode="single"))]) == 0
    with RoundService.open(round_path, "Máy 1") as service:
        service.add_ballot("1", 1, {1: Mark.CAO, 2: Mark.THAP})
        log = service.events()
    assert cli(["push", str(round_path), round_url]) == 0
    with RoundService.open(round_url, "Máy 2") as shared:
        assert [e.hash for e in shared.events()] == [e.hash for e in log]
        shared.add_ballot("1", 2, {3: Mark.TIN_NHIEM})
        assert len(shared.ballots()) == 2


def test_each_pc_is_recorded_as_the_database_role_it_connected_as(tmp_path, round_url, server):
    name = round_url.rsplit("/", 1)[1]
    role = f"keyer_{uuid.uuid4().hex[:8]}"
    assert cli(["new", "--server", round_url, "--spec", str(_spec(tmp_path, mode="single"))]) == 0
    _admin(server, f"CREATE ROLE {role} LOGIN PASSWORD 'bi-mat'", f"GRANT USAGE ON SCHEMA {name} TO {role}",
           f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {name} TO {role}",
           f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {name} TO {role}")
    try:
        host = server.split("@", 1)[1]
        with RoundService.open(f"postgresql://{role}:bi-mat@{host}/{name}", "Phạm Quốc Huy") as service:
            service.add_ballot("1", 1, {1: Mark.CAO})
            assert "bi-mat" not in str(service.path)
            keyer = service.events()[-1].keyer
        assert keyer.startswith(f"Phạm Quốc Huy [{role}@")
        with pytest.raises(TinNhiemError) as caught:
            RoundService.open(f"postgresql://{role}:sai@{host}/{name}", "Ai đó")
        assert caught.value.code == "server_unreachable"
    finally:
        _admin(server, f"DROP OWNED BY {role}", f"DROP ROLE {role}")


def test_the_window_on_a_server_round_shows_another_pcs_ballot_within_a_second(qtbot, tmp_path, round_url):
    from conftest import FakeDialogs
    from tinnhiem_desktop.ui.main_window import MainWindow

    assert cli(["new", "--server", round_url, "--spec", str(_spec(tmp_path, mode="single"))]) == 0
    window = MainWindow(FakeDialogs(texts=["Phạm Quốc Huy"]))
    qtbot.addWidget(window)
    assert window.open_round(round_url)
    assert round_url.rsplit("/", 1)[1] in window.windowTitle()
    with RoundService.open(round_url, "Máy 2") as other:
        other.add_ballot("1", 7, {1: Mark.CAO})
        began = time.monotonic()
        qtbot.waitUntil(lambda: [b.number for b in window.session.service.ballots()] == [7], timeout=1000)
    assert time.monotonic() - began < 1.0
    window.close_round()
