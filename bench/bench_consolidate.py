"""Consolidating units' sealed round files of this year, with last year's beside them: open and
verify them all, link last year by person key, write the report as .xlsx and PDF.

`python bench/bench_consolidate.py [units]`: twenty units by default; three hundred units use smaller
forms so that making their files (once, kept in the bench folder, not timed) stays short."""

from __future__ import annotations

import csv
import io
import random
import sqlite3
import sys
import time
from pathlib import Path

from common import FAMILY, GIVEN, MIDDLE, bench_folder

from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.consolidate import consolidate, report_of, write_report
from tinnhiem_desktop.services.rounds import RoundService

FORMS = ((10, 80), (25, 250))  # (candidates, ballots): the board, and all civil servants
SMALL_FORMS = ((10, 40), (25, 60))
RULES = ("huong-dan-2013", "qd-96-2023", "nq-35-2012")


def unit_round(path: Path, unit: int, year: int, forms_sizes: tuple[tuple[int, int], ...] = FORMS) -> Path:
    """A unit's sealed round: two forms, every ballot keyed, some people with low confidence."""
    if path.exists():
        return path
    rng = random.Random(unit * 100 + year)
    forms = []
    for f, (candidates, ballots) in enumerate(forms_sizes, start=1):
        people = [{"name": f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}", "position": "Trưởng phòng",
                   "birth_year": 1960 + (unit + f * 7 + c) % 30, "person_key": f"u{unit}-f{f}-c{c}"}
                  for c in range(1, candidates + 1)]
        forms.append({"id": str(f), "title": ("Lãnh đạo Sở", "Lãnh đạo các phòng")[f - 1], "summoned": ballots,
                      "present": ballots, "issued": ballots, "collected": ballots, "candidates": people})
    setup = setup_from_dict({
        "title": f"Hội nghị lấy phiếu tín nhiệm năm {year}", "year": year, "rule": RULES[unit % len(RULES)],
        "header": {"style": "state", "parent": "ỦY BAN NHÂN DÂN TỈNH AN PHÚ", "unit": f"SỞ SỐ {unit}"},
        "meeting": {"date": f"{year}-11-27", "place": "Hội trường", "chair": "Trần Văn Bình"},
        "team": [{"name": "Lê Thị Hồng", "role": "Tổ trưởng"}], "forms": forms}, "bench")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["form", "ballot", "status", *range(1, 26)])
    for f, (candidates, ballots) in enumerate(forms_sizes, start=1):
        low = {c: rng.random() < 0.08 for c in range(1, candidates + 1)}  # a few people rated low by most
        for n in range(1, ballots + 1):
            marks = [("3" if rng.random() < 0.75 else "1") if low[c] else rng.choice("1122223")
                     for c in range(1, candidates + 1)]
            writer.writerow([f, n, "valid", *marks])
    ballots_csv = path.with_suffix(".csv")
    ballots_csv.write_text(buffer.getvalue(), encoding="utf-8")
    with RoundService.create(path, setup, "bench") as service:
        service.import_ballots_file(ballots_csv)
        service.seal("bench")
    ballots_csv.unlink()
    return path


def unit_files(units: int, forms_sizes: tuple[tuple[int, int], ...]) -> Path:
    """The folder of `units` units' sealed rounds of 2025 and 2026, made once and reused."""
    folder = bench_folder() / ("consolidate" if forms_sizes == FORMS else f"consolidate-{units}")
    folder.mkdir(exist_ok=True)
    for unit in range(1, units + 1):
        for year in (2025, 2026):
            unit_round(folder / f"so-{unit:03d}-{year}.tinnhiem", unit, year, forms_sizes)
    return folder


def read_floor(folder: Path) -> float:
    """Seconds to read every row of every file with the standard library's sqlite3, with SQLite's
    integrity check: the least that reading and verifying the files costs."""
    started = time.perf_counter()
    for path in sorted(folder.glob("*.tinnhiem")):
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            connection.execute("PRAGMA integrity_check").fetchall()
            tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            for table in tables:
                connection.execute(f'SELECT * FROM "{table}"').fetchall()
        finally:
            connection.close()
    return time.perf_counter() - started


def main(units: int = 20) -> dict[str, float]:
    forms_sizes = FORMS if units <= 20 else SMALL_FORMS
    folder = unit_files(units, forms_sizes)
    out = bench_folder()
    floor = read_floor(folder)
    started = time.perf_counter()
    result = consolidate([folder])
    report = report_of(result)
    read = time.perf_counter()
    write_report(report, out / f"tong-hop-{units}.xlsx", None)
    xlsx = time.perf_counter()
    write_report(report, None, out / f"tong-hop-{units}.pdf")
    done = time.perf_counter()
    people = result.people
    flagged = sum(unit.flagged for unit in result.units)
    two_years = sum(count for flag, count in result.flag_counts().items() if flag.endswith("_two_years"))
    pdf_mib = (out / f"tong-hop-{units}.pdf").stat().st_size / 2**20
    print(f"consolidate {units} units (+{len(result.history.rounds)} of last year), {people} people, {flagged} "
          f"flagged ({two_years} two-year flags): read and verify {read - started:.2f} s (sqlite3 floor "
          f"{floor:.2f} s), .xlsx {xlsx - read:.2f} s, PDF {done - xlsx:.2f} s ({pdf_mib:.1f} MiB), "
          f"total {done - started:.2f} s")
    key = "consolidate" if units == 20 else f"consolidate_{units}"
    return {f"{key}_seconds": done - started, f"{key}_read_seconds": read - started,
            f"{key}_read_floor_seconds": floor, f"{key}_xlsx_seconds": xlsx - read, f"{key}_pdf_seconds": done - xlsx}


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
