"""Run every benchmark and write BENCHMARKS.md: `.venv/bin/python bench/run.py`.

Benchmarks measure; they never fail a build on a slow machine.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import bench_consolidate  # noqa: E402
import bench_bundle  # noqa: E402
import bench_export  # noqa: E402
import bench_floors  # noqa: E402
import bench_keys_per_ballot  # noqa: E402
import bench_keystroke  # noqa: E402
import bench_server_keystroke  # noqa: E402
import bench_startup  # noqa: E402
import bench_tally  # noqa: E402

TARGETS = [
    ("Keystroke keying new ballots in the grid at 1,000 × 60, p50", "keystroke_p50_ms", "ms", None),
    ("Keystroke keying new ballots in the grid at 1,000 × 60, p99", "keystroke_p99_ms", "ms", 16),
    ("… the window thread's CPU time per keystroke there, p99 (less inflated by a shared machine)",
     "keystroke_cpu_p99_ms", "ms", None),
    ("The grid's data() calls per keystroke there (mean)", "keystroke_data_calls_mean", "calls", None),
    ("Keystroke in pass B of a double-entry round, 3 forms × 1,000 × 60, passes disagreeing, p50",
     "double_keystroke_p50_ms", "ms", None),
    ("Keystroke in pass B of a double-entry round, 3 forms × 1,000 × 60, passes disagreeing, p99",
     "double_keystroke_p99_ms", "ms", 16),
    ("… the window thread's CPU time per keystroke there, p99", "double_keystroke_cpu_p99_ms", "ms", None),
    ("Opening a 1,000 × 60 round and showing the grid", "open_seconds", "s", 1),
    ("Cold start to a usable window on that round (median of 5)", "cold_start_median_seconds", "s", 2),
    ("Full tally and results, 3 forms × 1,000 ballots × 60 candidates", "full_tally_median_ms", "ms", 50),
    ("Counting minutes (PDF), 3 forms × 60 candidates", "minutes_seconds", "s", 2),
    ("Summary report (.xlsx), 3 forms × 60 candidates", "summary_seconds", "s", 2),
    ("Blank ballots (PDF), 1,000 copies of a 60-person form", "blank_ballots_1000_seconds", "s", 5),
    ("Blank ballots (PDF), 3,000 copies of that form", "blank_ballots_3000_seconds", "s", None),
    ("Keystrokes per 15-candidate ballot with fill-the-rest (mean of 200; floor without it: 15)",
     "keys_per_ballot_mean", "keys", 15),
    ("Consolidating 20 units' sealed files with last year's 20: read, verify, .xlsx and PDF",
     "consolidate_seconds", "s", 60),
    ("Consolidating 300 units' sealed files (forms 10 × 40 and 25 × 60) with last year's 300",
     "consolidate_300_seconds", "s", 30),
    ("… of which reading and verifying the 600 files", "consolidate_300_read_seconds", "s", None),
    ("… floor: every row of the 600 files and SQLite's integrity check, with sqlite3",
     "consolidate_300_read_floor_seconds", "s", None),
    ("… of which the .xlsx", "consolidate_300_xlsx_seconds", "s", None),
    ("… of which the PDF", "consolidate_300_pdf_seconds", "s", None),
    # bench_floors.py: each cost with its floor (the same work with the standard library) beside it.
    ("`tinnhiem-cli results` of a 30-ballot round, launch to exit (median of 7)", "startup_results_median_seconds", "s", 0.5),
    ("`tinnhiem-cli verify` of that round, launch to exit (median of 7)", "startup_verify_median_seconds", "s", 0.5),
    ("… floor: Python starting and importing sqlite3, json, hashlib", "startup_floor_median_seconds", "s", None),
    ("verify of a 1,000 × 60 round keyed cell by cell (61,001 events), open to report (best of 3)",
     "verify_1000_seconds", "s", 1.5),
    ("… its peak memory (the whole process)", "verify_1000_mib", "MiB", 200),
    ("… floor: every row with sqlite3, the hash chain recomputed", "verify_1000_floor_seconds", "s", None),
    ("verify of the same at 3,000 × 60 (181,001 events)", "verify_3000_seconds", "s", None),
    ("… its peak memory", "verify_3000_mib", "MiB", None),
    ("Ballots CSV import, 1,000 × 60 (best of 3)", "import_1000_seconds", "s", None),
    ("… floor: plain sqlite3 insert of the same ballots and hashed events, one transaction",
     "import_1000_floor_seconds", "s", None),
    ("… import against its floor (times)", "import_floor_ratio", "×", 3),
    ("Durable write of one keystroke (the store's append), median of 300", "durable_write_median_ms", "ms", None),
    ("… p99", "durable_write_p99_ms", "ms", None),
    ("… floor: a bare sqlite3 commit of an event and a mark, WAL, synchronous=FULL",
     "durable_write_floor_median_ms", "ms", None),
    ("… durable write against its floor (times)", "durable_write_floor_ratio", "×", 3),
    ("Entry log (PDF) of the 1,000 × 60 keyed round", "entry_log_1000_seconds", "s", 20),
    ("Linearity, 3,000 against 1,000 ballots (linear: 3): entry log", "entry_log_ratio", "×", 3.5),
    ("… blank ballots", "blank_ballots_ratio", "×", 3.5),
    ("… ballots CSV import", "import_ratio", "×", 3.5),
    ("… verify", "verify_ratio", "×", 3.5),
    ("… consolidation of 4 units (+ last year's 4), one 25-person form", "consolidate_ratio", "×", 3.5),
    # Only when a PostgreSQL server could be started (`scripts/pg.sh`): a 60-candidate form, 3,600 cells.
    ("Keystroke on a round file, service side (durable commit), p99", "file_keystroke_p99_ms", "ms", None),
    ("Keystroke on a round on a local PostgreSQL server, service side (committed), p50",
     "server_keystroke_p50_ms", "ms", None),
    ("Keystroke on a round on a local PostgreSQL server, service side (committed), p99",
     "server_keystroke_p99_ms", "ms", 16),
    ("… the same with two more processes keying into that round at once, p99",
     "server_keystroke_3_writers_p99_ms", "ms", None),
    # Only when a bundle was built (`bash scripts/build.sh`): rows without a figure are left out.
    ("Bundle: `tinnhiem-cli results` on the 1,000 × 60 round, launch to exit (median of 5)",
     "bundle_cli_results_median_seconds", "s", None),
    ("The same command from the venv, for comparison", "venv_cli_results_median_seconds", "s", None),
    ("Bundle: launch to a usable window on that round, under Xvfb (median of 5)",
     "bundle_window_median_seconds", "s", 2),
]


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    import PySide6

    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), "
            f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
            f"Qt platform {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}")


def main() -> None:
    os.environ.setdefault("BENCH_DIR", tempfile.mkdtemp(prefix="tinnhiem-bench-"))
    figures: dict[str, float] = {}
    figures.update(bench_tally.main())
    figures.update(bench_export.main())
    figures.update(bench_floors.main())
    figures.update(bench_keystroke.main())
    figures.update(bench_startup.main())
    figures.update(bench_keys_per_ballot.main())
    figures.update(bench_server_keystroke.main())
    figures.update(bench_bundle.main())
    figures.update(bench_consolidate.main())
    figures.update(bench_consolidate.main(300))
    write(figures)


def write(figures: dict[str, float]) -> None:
    """The table of every figure measured, with the machine, into BENCHMARKS.md."""
    rows = []
    for label, key, unit, target in TARGETS:
        if key not in figures:
            continue
        value = figures[key]
        verdict = "—" if target is None else ("met" if value < target else f"missed by {value - target:.2f} {unit}")
        rows.append(f"| {label} | {value:.2f} {unit} | {'' if target is None else f'< {target} {unit}'} | {verdict} |")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    text = "\n".join([
        "# Benchmarks",
        "",
        f"Measured {date.today().isoformat()} at commit `{commit}` on: {machine()}.",
        "Run again with `.venv/bin/python bench/run.py` (it rewrites this file). A keystroke is the key",
        "event through the real grid, the durable commit (WAL, synchronous=FULL), the results update",
        "and Qt painting what changed. Rounds are built through the program's own services.",
        "",
        "| What | Measured | Target | |",
        "| --- | --- | --- | --- |",
        *rows,
        "",
    ])
    (ROOT / "BENCHMARKS.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
