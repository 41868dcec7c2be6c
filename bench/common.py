"""Shared set-up for the benchmarks: large rounds made through the program's own services."""

from __future__ import annotations

import csv
import io
import os
import random
import tempfile
from pathlib import Path

from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.rounds import RoundService

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quốc", "Thu", "Ngọc", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hương", "Khôi", "Lan", "Mai", "Thắng", "Yến", "Tùng"]


def big_spec(forms: int, candidates: int, ballots: int) -> dict:
    rng = random.Random(7)
    return {
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
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["form", "ballot", "status", *range(1, candidates + 1)])
    for f in range(forms):
        for n in range(1, ballots + 1):
            writer.writerow([f + 1, n, "valid", *rng.choices("1232230x", k=candidates)])
    csv_path = folder / "bench-ballots.csv"
    csv_path.write_text(buffer.getvalue(), encoding="utf-8")
    setup = setup_from_dict(big_spec(forms, candidates, ballots), "bench")
    with RoundService.create(path, setup, "bench") as service:
        service.import_ballots_file(csv_path)
    csv_path.unlink()
    return path


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]
