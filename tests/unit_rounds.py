"""Round files made by the program itself, the way units make them: created, keyed, sealed.

Used by the history and consolidation tests and by the consolidation benchmark.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Sequence

from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.rounds import RoundService

TEAM = [{"name": "Lê Thị Hồng", "role": "Tổ trưởng"}, {"name": "Phạm Quốc Huy", "role": "Thành viên"}]
PARENT = "ỦY BAN NHÂN DÂN TỈNH AN PHÚ"


def person(name: str, position: str, thap: int, birth_year: int | None = None, key: str | None = None) -> dict:
    """A candidate and how many of the form's ballots mark them 'tín nhiệm thấp' (the rest: 'cao')."""
    return {"name": name, "position": position, "birth_year": birth_year, "person_key": key, "thap": thap}


def unit_spec(unit: str, year: int, rule: str, people: Sequence[dict], collected: int = 20,
              summoned: int | None = None) -> dict:
    candidates = [{k: v for k, v in p.items() if k != "thap" and v is not None} for p in people]
    summoned = summoned or collected
    return {
        "title": f"Hội nghị lấy phiếu tín nhiệm năm {year}",
        "year": year,
        "rule": rule,
        "header": {"style": "state", "parent": PARENT, "unit": unit},
        "meeting": {"date": f"{year}-11-27", "place": "Hội trường", "chair": "Trần Văn Bình"},
        "team": TEAM,
        "forms": [{"id": "1", "title": "Lãnh đạo", "summoned": summoned, "present": collected,
                   "issued": collected, "collected": collected, "candidates": candidates}],
    }


def key_ballots(service: RoundService, people: Sequence[dict], collected: int) -> None:
    for number in range(1, collected + 1):
        marks = {order: Mark.THAP if number <= p["thap"] else Mark.CAO for order, p in enumerate(people, 1)}
        service.add_ballot("1", number, marks)


def make_round(path: Path, unit: str, year: int, rule: str, people: Sequence[dict], *, collected: int = 20,
               summoned: int | None = None, seal: bool = True) -> Path:
    """A unit's round file: every ballot keyed, then sealed (unless `seal` is False)."""
    setup = setup_from_dict(unit_spec(unit, year, rule, people, collected, summoned), "test")
    with RoundService.create(path, setup, "Lê Thị Hồng") as service:
        key_ballots(service, people, collected)
        if seal:
            service.seal("Lê Thị Hồng")
    return path


def tamper_mark(path: Path, ballot: int = 1, candidate: int = 1, value: str = "cao") -> None:
    """Change one stored mark with SQLite, behind the program's back."""
    connection = sqlite3.connect(path)
    with connection:
        changed = connection.execute(
            "UPDATE mark SET value = ? WHERE candidate_seq = ? AND ballot_id = "
            "(SELECT id FROM ballot WHERE number = ? AND pass = 'A')", (value, candidate, ballot)).rowcount
    connection.close()
    assert changed == 1
