"""Shared test set-up: headless Qt, the demo round, and small round definitions."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DEMO_SPEC = ROOT / "resources" / "demo" / "round.json"
DEMO_BALLOTS = ROOT / "resources" / "demo" / "ballots.csv"


def spec_dict(rule: str = "qd-96-2023", forms: list[dict] | None = None, **extra) -> dict:
    """A round definition with two forms unless `forms` says otherwise."""
    if forms is None:
        forms = [
            {
                "id": "1",
                "title": "Lãnh đạo Sở",
                "summoned": 32, "present": 31, "issued": 30, "collected": 30,
                "candidates": [
                    {"name": "Nguyễn Văn An", "position": "Giám đốc Sở", "birth_year": 1970, "person_key": "an"},
                    {"name": "Hoàng Thị Thu Hà", "position": "Phó Giám đốc Sở"},
                    {"name": "Vũ Đức Thắng", "position": "Phó Giám đốc Sở"},
                ],
            },
            {
                "id": "2",
                "title": "Lãnh đạo các phòng",
                "summoned": 10, "present": 10, "issued": 10, "collected": 10,
                "candidates": [
                    {"name": "Bùi Thị Lan", "position": "Chánh Văn phòng"},
                    {"name": "Đặng Văn Tùng", "position": "Chánh Thanh tra"},
                ],
            },
        ]
    return {
        "title": "Hội nghị lấy phiếu tín nhiệm năm 2026",
        "year": 2026,
        "rule": rule,
        "header": {"style": "state", "parent": "ỦY BAN NHÂN DÂN TỈNH AN PHÚ", "unit": "SỞ GIAO THÔNG VẬN TẢI"},
        "meeting": {"date": "2026-11-27", "place": "Hội trường tầng 3", "chair": "Trần Văn Bình"},
        "team": [{"name": "Lê Thị Hồng", "role": "Tổ trưởng"}, {"name": "Phạm Quốc Huy", "role": "Thành viên"}],
        "forms": forms,
        **extra,
    }


def write_spec(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_csv(path: Path, rows: list[list[str]], *, width: int, bom: bool = False) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["form", "ballot", "status", *map(str, range(1, width + 1))])
    writer.writerows(rows)
    path.write_text(("\ufeff" if bom else "") + buffer.getvalue(), encoding="utf-8")
    return path


@pytest.fixture
def spec_file(tmp_path: Path) -> Path:
    return write_spec(tmp_path / "round.json", spec_dict())


@pytest.fixture
def round_path(tmp_path: Path) -> Path:
    return tmp_path / "dot-2026.tinnhiem"
