"""Each cost beside its floor, measured in the same run: the same work done with the standard library.

- start-up: `tinnhiem-cli results` / `verify` of a small round, launch to exit, against bare Python;
- verify of a round keyed cell by cell (1,000 × 60: 61,001 events), time and peak memory, against
  reading every row with sqlite3 and recomputing the hash chain;
- `import-ballots` of 1,000 × 60 ballots into an empty round, against a plain sqlite3 insert of
  the same ballots with the same hashed events, in one transaction;
- the durable write of one keystroke (the store's append), against a bare sqlite3 commit of an
  event row and a mark with the same pragmas (WAL, synchronous=FULL);
- linearity: entry log, blank ballots, import, verify and consolidation at 1,000 and 3,000
  ballots (the ratio of the two; linear is 3).

`python bench/bench_floors.py [--quick]` (--quick leaves out the 3,000-ballot rounds).
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import MARKS, bench_folder, big_spec, percentile  # noqa: E402

from tinnhiem_desktop.core.events import Draft, event_hash  # noqa: E402
from tinnhiem_desktop.core.model import MARKS as MARK_OF  # noqa: E402
from tinnhiem_desktop.core.spec import setup_from_dict  # noqa: E402
from tinnhiem_desktop.services.rounds import RoundService  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = 60
CODES = {"1": "cao", "2": "tin_nhiem", "3": "thap", "0": "none", "x": "multi"}


def rows_of(ballots: int, seed: int = 11) -> list[list[str]]:
    rng = random.Random(seed)
    return [rng.choices(MARKS, k=CANDIDATES) for _ in range(ballots)]


def ballots_csv(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["form", "ballot", "status", *range(1, CANDIDATES + 1)])
    for number, marks in enumerate(rows, 1):
        writer.writerow([1, number, "valid", *marks])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def empty_round(path: Path, ballots: int) -> Path:
    """A round of one 60-person form and no ballot yet (made once, copied for each measurement)."""
    if not path.exists():
        setup = setup_from_dict(big_spec(1, CANDIDATES, ballots), "bench")
        RoundService.create(path, setup, "bench").close()
    return path


def keyed_round(folder: Path, ballots: int) -> Path:
    """Every ballot started, then its 60 cells keyed: one event per cell, as the grid writes them
    (each ballot's cells in one transaction, to make the file in reasonable time; made once)."""
    path = folder / f"floors-keyed-{ballots}x{CANDIDATES}.tinnhiem"
    if path.exists():
        return path
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    shutil.copyfile(empty_round(folder / f"floors-empty-{ballots}.tinnhiem", ballots), partial)
    with RoundService.open(partial, "bench") as service:
        for number, marks in enumerate(rows_of(ballots), 1):
            service.add_ballot("1", number)
            service.set_marks("1", number, {order: MARK_OF[CODES[key]] for order, key in enumerate(marks, 1)})
    partial.rename(path)
    return path


# -- start-up --------------------------------------------------------------------------------

def launch(*args: str, runs: int = 7) -> list[float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TINNHIEM_KEYER": "bench"}
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run([sys.executable, *args], env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - began)
    return times


def startup(folder: Path) -> dict[str, float]:
    small = folder / "floors-small.tinnhiem"
    if not small.exists():
        shutil.copyfile(empty_round(folder / "floors-empty-30.tinnhiem", 30), small)
        with RoundService.open(small, "bench") as service:
            service.import_ballots_file(ballots_csv(folder / "floors-small.csv", rows_of(30)))
    cli = ("-m", "tinnhiem_desktop.cli")
    return {
        "startup_results_median_seconds": percentile(launch(*cli, "results", str(small)), 50),
        "startup_verify_median_seconds": percentile(launch(*cli, "verify", str(small)), 50),
        "startup_floor_median_seconds": percentile(launch("-c", "import sqlite3, json, hashlib"), 50),
    }


# -- verify ------------------------------------------------------------------------------------

VERIFY_CHILD = """
import resource, sys, time
began = time.perf_counter()
from tinnhiem_desktop.services.rounds import RoundService
imported = time.perf_counter()
with RoundService.open(sys.argv[1], "bench", read_only=True, with_log=True) as service:  # as `verify` opens it
    report = service.verify()
done = time.perf_counter()
assert report.intact, report.problems[:3]
print(done - imported, done - began, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

VERIFY_FLOOR_CHILD = """
import json, resource, sqlite3, sys, time
from tinnhiem_desktop.core.events import event_hash
began = time.perf_counter()
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
db.execute("PRAGMA integrity_check").fetchall()
for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'event'").fetchall():
    db.execute(f'SELECT * FROM "{table}"').fetchall()
head = "0" * 64
for seq, at, keyer, action, data, digest in db.execute("SELECT seq, at, keyer, action, data, hash FROM event ORDER BY seq"):
    head = event_hash(head, seq, at, keyer, action, json.loads(data))
    assert head == digest
print(time.perf_counter() - began, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def child(script: str, *args: str) -> list[float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script, *args], env=env, check=True, capture_output=True, text=True)
    return [float(value) for value in done.stdout.split()]


def verify(path: Path, runs: int = 3) -> dict[str, float]:
    """Open and verify in a fresh process (its peak RSS is the whole command's), best of `runs`."""
    measured = [child(VERIFY_CHILD, str(path)) for _ in range(runs)]
    floors = [child(VERIFY_FLOOR_CHILD, str(path)) for _ in range(runs)]
    return {"seconds": min(m[0] for m in measured), "median_seconds": percentile([m[0] for m in measured], 50),
            "mib": min(m[2] for m in measured), "floor_seconds": min(f[0] for f in floors),
            "floor_mib": min(f[1] for f in floors)}


# -- import ------------------------------------------------------------------------------------

def import_ballots(folder: Path, ballots: int, runs: int = 3) -> dict[str, float]:
    csv_path = ballots_csv(folder / f"floors-{ballots}.csv", rows_of(ballots))
    empty = empty_round(folder / f"floors-empty-{ballots}.tinnhiem", ballots)
    work = folder / "floors-import.tinnhiem"
    times, floors = [], []
    for _ in range(runs):
        work.unlink(missing_ok=True)
        shutil.copyfile(empty, work)
        with RoundService.open(work, "bench") as service:
            began = time.perf_counter()
            service.import_ballots_file(csv_path)
            times.append(time.perf_counter() - began)
        work.unlink(missing_ok=True)
        shutil.copyfile(empty, work)
        floors.append(import_floor(work, csv_path))
    work.unlink(missing_ok=True)
    return {"seconds": min(times), "median_seconds": percentile(times, 50), "floor_seconds": min(floors)}


def import_floor(path: Path, csv_path: Path) -> float:
    """The same ballots with the same hashed events, inserted with plain sqlite3 in one
    transaction (WAL, synchronous=FULL): read the CSV, make each event, chain it, insert it and
    its ballot and marks."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    began = time.perf_counter()
    with open(csv_path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        rows = list(reader)
    db.execute("BEGIN IMMEDIATE")
    seq, head = db.execute("SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1").fetchone()
    form_id = db.execute("SELECT id FROM ballot_form WHERE code = '1'").fetchone()[0]
    events, marks = [], []
    for form, number, status, *keys in rows:
        data = {"form": form, "ballot": int(number), "new": {
            "status": status, "reason": "", "marks": {str(order): CODES[key] for order, key in enumerate(keys, 1)}}}
        seq += 1
        at = time.strftime("%Y-%m-%dT%H:%M:%S+07:00")
        head = event_hash(head, seq, at, "bench", "ballot_added", data)
        events.append((seq, at, "bench", "ballot_added", json.dumps(data, ensure_ascii=False, sort_keys=True), head))
        ballot_id = db.execute("INSERT INTO ballot (form_id, pass, number, status, invalid_reason)"
                               " VALUES (?, 'A', ?, ?, '')", (form_id, int(number), status)).lastrowid
        marks.extend((ballot_id, order, CODES[key]) for order, key in enumerate(keys, 1))
    db.executemany("INSERT INTO event (seq, at, keyer, action, data, hash) VALUES (?, ?, ?, ?, ?, ?)", events)
    db.executemany("INSERT INTO mark (ballot_id, candidate_seq, value) VALUES (?, ?, ?)", marks)
    db.execute("COMMIT")
    elapsed = time.perf_counter() - began
    db.close()
    return elapsed


# -- the durable write of a keystroke --------------------------------------------------------------

def durable_write(folder: Path, keyed: Path, runs: int = 300) -> dict[str, float]:
    work = folder / "floors-write.tinnhiem"
    work.unlink(missing_ok=True)
    shutil.copyfile(keyed, work)
    times = []
    with RoundService.open(work, "bench") as service:
        repo = service._repo
        for i in range(runs):
            number, order = 1 + i % 1000, 1 + i % CANDIDATES
            draft = Draft("mark_set", {"form": "1", "ballot": number, "candidate": order, "old": None,
                                       "new": ("cao", "thap")[i % 2]})
            began = time.perf_counter()
            repo.append([draft], "bench")
            times.append(time.perf_counter() - began)
    floor = bare_commits(work, runs)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    return {"median_ms": percentile(times, 50) * 1000, "p99_ms": percentile(times, 99) * 1000,
            "floor_median_ms": percentile(floor, 50) * 1000}


def bare_commits(path: Path, runs: int) -> list[float]:
    """A bare sqlite3 commit of what a keystroke writes (an event row and a mark), same pragmas."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    seq = db.execute("SELECT max(seq) FROM event").fetchone()[0]
    ballot_id = db.execute("SELECT min(id) FROM ballot").fetchone()[0]
    times = []
    for i in range(runs):
        began = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO event (seq, at, keyer, action, data, hash) VALUES (?, 'now', 'bench', 'mark_set', '{}', 'h')",
                   (seq + 1 + i,))
        db.execute("INSERT INTO mark (ballot_id, candidate_seq, value) VALUES (?, 1, ?) ON CONFLICT (ballot_id,"
                   " candidate_seq) DO UPDATE SET value = excluded.value", (ballot_id, ("cao", "thap")[i % 2]))
        db.execute("COMMIT")
        times.append(time.perf_counter() - began)
    db.close()
    return times


# -- linearity -----------------------------------------------------------------------------------

def entry_log_seconds(path: Path) -> float:
    from tinnhiem_desktop.export.entry_log import write_entry_log
    from tinnhiem_desktop.export.fonts import document_fonts

    document_fonts()
    with RoundService.open(path, "bench", read_only=True) as service:
        setup, events = service.setup, service.events()
    target = path.with_suffix(".log.pdf")
    began = time.perf_counter()
    write_entry_log(setup, events, target, fingerprint=None, sealed_at=None)
    elapsed = time.perf_counter() - began
    target.unlink()
    return elapsed


def blank_ballots_seconds(folder: Path, copies: int) -> float:
    from tinnhiem_desktop.export.blank_ballots import write_blank_ballots
    from tinnhiem_desktop.export.fonts import document_fonts

    document_fonts()
    setup = setup_from_dict(big_spec(1, CANDIDATES, copies), "bench")
    target = folder / "floors-blank.pdf"
    began = time.perf_counter()
    write_blank_ballots(setup, target, copies, forms=[setup.forms[0].code])
    elapsed = time.perf_counter() - began
    target.unlink()
    return elapsed


def consolidation_seconds(ballots: int, units: int = 4) -> float:
    from bench_consolidate import unit_round
    from tinnhiem_desktop.services.consolidate import consolidate, report_of, write_report

    out = bench_folder()
    folder = out / f"floors-consolidate-{units}x{ballots}"  # units' sealed rounds of one 25-person form
    folder.mkdir(exist_ok=True)
    for unit in range(1, units + 1):
        for year in (2025, 2026):
            unit_round(folder / f"so-{unit:03d}-{year}.tinnhiem", unit, year, ((25, ballots),))
    began = time.perf_counter()
    report = report_of(consolidate([folder]))
    write_report(report, out / "floors-tong-hop.xlsx", out / "floors-tong-hop.pdf")
    return time.perf_counter() - began


def main(quick: bool = False) -> dict[str, float]:
    os.environ.setdefault("BENCH_DIR", str(Path(tempfile.gettempdir()) / "tinnhiem-bench-floors"))
    folder = bench_folder()
    figures = startup(folder)
    sizes = (1000,) if quick else (1000, 3000)
    for ballots in sizes:
        keyed = keyed_round(folder, ballots)
        for name, value in verify(keyed).items():
            figures[f"verify_{ballots}_{name}"] = value
        for name, value in import_ballots(folder, ballots).items():
            figures[f"import_{ballots}_{name}"] = value
        if ballots == 1000:
            for name, value in durable_write(folder, keyed).items():
                figures[f"durable_write_{name}"] = value
        figures[f"entry_log_{ballots}_seconds"] = entry_log_seconds(keyed)
        figures[f"blank_ballots_{ballots}_floors_seconds"] = blank_ballots_seconds(folder, ballots)
        figures[f"consolidate_{ballots}_ballots_seconds"] = consolidation_seconds(ballots)
    if not quick:
        for cost in ("entry_log_{}_seconds", "blank_ballots_{}_floors_seconds", "import_{}_seconds",
                     "verify_{}_seconds", "consolidate_{}_ballots_seconds"):
            figures[cost.split("_{}")[0] + "_ratio"] = figures[cost.format(3000)] / figures[cost.format(1000)]
    figures["import_floor_ratio"] = figures["import_1000_seconds"] / figures["import_1000_floor_seconds"]
    figures["durable_write_floor_ratio"] = figures["durable_write_median_ms"] / figures["durable_write_floor_median_ms"]
    print(f"load average {Path('/proc/loadavg').read_text().split()[:3]}")
    for name, value in figures.items():
        print(f"{name}: {value:.3f}")
    return figures


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
