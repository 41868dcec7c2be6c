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


GTVT, TAI_CHINH, Y_TE = "SỞ GIAO THÔNG VẬN TẢI", "SỞ TÀI CHÍNH", "SỞ Y TẾ"
BY_HAND_SOURCE = "Biên bản kiểm phiếu ngày 25/11/2025 (bản giấy)"


def two_years_three_units(folder: Path) -> dict[str, Path]:
    """Round files of 2025 and 2026 for three units, as the program makes them:

    - Sở Giao thông vận tải (Hướng dẫn 2013): 2026 started from its 2025 file; An 75% then 70%
      (two years at 70%), Hà renamed 'Hoàng Thu Hà' (same key) 70% then 75%, Thắng without a key.
    - Sở Tài chính (NQ 35/2012, base summoned): its 2025 file tampered after sealing; in 2026 Bình's
      2025 figure (60%) typed in by hand, 55% now (over half two years); Lan without last year.
    - Sở Y tế (QĐ 96/2023): no 2025 file at all; Thắng (same name and birth year as in Sở Giao
      thông vận tải's 2025 file, no key) moved here.
    Also an unsealed 2026 draft of Sở Xây dựng and a copy of Sở Giao thông vận tải's 2026 file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    from tinnhiem_desktop.core.model import Counts
    from tinnhiem_desktop.services.history import carry_history, next_round_setup

    files = {}
    files["gtvt-2025"] = make_round(folder / "gtvt-2025.tinnhiem", GTVT, 2025, "huong-dan-2013", [
        person("Nguyễn Văn An", "Giám đốc Sở", 15, 1970, "an-1970"),
        person("Hoàng Thị Thu Hà", "Phó Giám đốc Sở", 14, 1975, "ha-1975"),
        person("Vũ Đức Thắng", "Phó Giám đốc Sở", 2, 1980),
    ])
    setup = next_round_setup(files["gtvt-2025"])
    form = setup.forms[0]
    an, ha, _ = form.candidates
    ha = ha.__class__(2, "Hoàng Thu Hà", "Phó Giám đốc Sở", 1975, ha.person_key)
    kept = (an, ha, form.candidates[0].__class__(3, "Phan Văn Khải", "Phó Giám đốc Sở", 1979))
    setup = setup.__class__(**{**setup.__dict__, "forms": (form.__class__(form.code, form.title, form.counts, kept),)})
    files["gtvt-2026"] = folder / "gtvt-2026.tinnhiem"
    with RoundService.create(files["gtvt-2026"], setup, "Lê Thị Hồng") as service:
        carry_history(service, files["gtvt-2025"])
        service.change_counts("1", Counts(20, 20, 20, 20))
        key_ballots(service, [{"thap": t} for t in (14, 15, 3)], 20)
        service.seal("Lê Thị Hồng")

    tai_chinh = [person("Trần Văn Bình", "Giám đốc Sở", 12, 1965, "binh-1965"),
                 person("Nguyễn Thị Lan", "Phó Giám đốc Sở", 5, 1972, "lan-1972")]
    files["tc-2025"] = make_round(folder / "tc-2025.tinnhiem", TAI_CHINH, 2025, "nq-35-2012", tai_chinh)
    tamper_mark(files["tc-2025"], ballot=1, candidate=1, value="cao")
    files["tc-2026"] = folder / "tc-2026.tinnhiem"
    now = [person("Trần Văn Bình", "Giám đốc Sở", 11, 1965, "binh-1965"),
           person("Nguyễn Thị Lan", "Phó Giám đốc Sở", 4, 1972, "lan-1972")]
    setup = setup_from_dict(unit_spec(TAI_CHINH, 2026, "nq-35-2012", now), "test")
    with RoundService.create(files["tc-2026"], setup, "Lê Thị Hồng") as service:
        service.set_prior_result("1", 1, 2025, thap=12, base=20, source=BY_HAND_SOURCE)
        key_ballots(service, now, 20)
        service.seal("Lê Thị Hồng")

    files["yt-2026"] = make_round(folder / "yt-2026.tinnhiem", Y_TE, 2026, "qd-96-2023", [
        person("Lý Thị Mai", "Giám đốc Sở", 14, 1969, "mai-1969"),  # 70%: two thirds or more
        person("Vũ Đức Thắng", "Phó Giám đốc Sở", 3, 1980),
    ])
    files["xd-2026-nhap"] = make_round(folder / "xd-2026-nhap.tinnhiem", "SỞ XÂY DỰNG", 2026, "qd-96-2023",
                                       [person("Hồ Văn Nam", "Giám đốc Sở", 1)], seal=False)
    files["gtvt-2026-ban-sao"] = folder / "gtvt-2026-ban-sao.tinnhiem"
    files["gtvt-2026-ban-sao"].write_bytes(files["gtvt-2026"].read_bytes())
    return files
