"""Shared set-up for the benchmarks: large rounds made through the program's own services."""

from __future__ import annotations

import csv
import io
import os
import random
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # measure this checkout, not an installed copy

from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.rounds import RoundService

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quốc", "Thu", "Ngọc", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hương", "Khôi", "Lan", "Mai", "Thắng", "Yến", "Tùng"]
MARKS = "1232230x"  # the keys of a ballot's cells, "2" the most common as in a real count


def big_spec(forms: int, candidates: int, ballots: int, entry_mode: str = "single") -> dict:
    rng = random.Random(7)
    return {
        "entry_mode": entry_mode,
        "title": f"Đo hiệu năng {forms}×{ballots}×{candidates}",
        "year": 2026,
        "rule": "qd-96-2023",
        "header": {"style": "state", "parent": "ỦY BAN NHÂN DÂN TỈNH AN PHÚ", "unit": "SỞ GIAO THÔNG VẬN TẢI"},
        "team": [{"name": "Lê Thị Hồng", "role": "Tổ trưởng"}],
        "forms": [
            {
                "id": str(f + 1),
                "title": f"Loại phiếu {f + 1}",
                "summoned": ballots + 20, "present": ballots + 10, "issued": ballots, "collected": ballots,
                "candidates": [
                    {"name": f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
                     "position": "Trưởng phòng"}
                    for _ in range(candidates)
                ],
            }
            for f in range(forms)
        ],
    }


def bench_folder() -> Path:
    """Where the benchmark rounds are made and reused: $BENCH_DIR, else a new temporary folder."""
    folder = Path(os.environ.get("BENCH_DIR", tempfile.mkdtemp(prefix="tinnhiem-bench-")))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def big_round(folder: Path, forms: int, candidates: int, ballots: int) -> Path:
    """A round file with every ballot keyed (made once, then reused from `folder`)."""
    path = folder / f"bench-{forms}x{ballots}x{candidates}.tinnhiem"
    if path.exists():
        return path
    rng = random.Random(11)
    rows = {(f + 1, n): rng.choices(MARKS, k=candidates) for f in range(forms) for n in range(1, ballots + 1)}
    setup = setup_from_dict(big_spec(forms, candidates, ballots), "bench")
    with _made(path) as partial, RoundService.create(partial, setup, "bench") as service:
        _import_rows(service, folder, rows, candidates)
    return path


def big_double_round(folder: Path, forms: int, candidates: int, ballots: int, keyed_b: int, differ: float) -> Path:
    """A double-entry round: pass A has every ballot keyed, pass B ballots 1 to `keyed_b` of every
    form, with a share `differ` of its cells keyed differently from A (made once, then reused)."""
    path = folder / f"bench-double-{forms}x{ballots}x{candidates}-b{keyed_b}.tinnhiem"
    if path.exists():
        return path
    rng = random.Random(13)
    pass_a = {(f + 1, n): rng.choices(MARKS, k=candidates) for f in range(forms) for n in range(1, ballots + 1)}
    pass_b = {
        key: [rng.choice(MARKS.replace(mark, "")) if rng.random() < differ else mark for mark in marks]
        for key, marks in pass_a.items() if key[1] <= keyed_b
    }
    setup = setup_from_dict(big_spec(forms, candidates, ballots, entry_mode="double"), "bench")
    with _made(path) as partial, RoundService.create(partial, setup, "bench") as service:
        _import_rows(service, folder, pass_a, candidates)
        service.set_entry_pass("B")
        _import_rows(service, folder, pass_b, candidates)
    return path


@contextmanager
def _made(path: Path):
    """A file made under a temporary name and renamed when complete: an interrupted run leaves
    no half-made round for the next one to reuse."""
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    yield partial
    partial.rename(path)


def _import_rows(service: RoundService, folder: Path, rows: dict[tuple[int, int], list[str]], candidates: int) -> None:
    """Import valid ballots {(form, number): marks} into the pass the service keys, as a CSV file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["form", "ballot", "status", *range(1, candidates + 1)])
    for (form, number), marks in rows.items():
        writer.writerow([form, number, "valid", *marks])
    csv_path = folder / "bench-ballots.csv"
    csv_path.write_text(buffer.getvalue(), encoding="utf-8")
    try:
        service.import_ballots_file(csv_path)
    finally:
        csv_path.unlink()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]
