"""Shared test set-up: headless Qt, the demo round, and small round definitions."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import strategies as st

from tinnhiem_desktop.core.model import Ballot, BallotStatus, Mark
from tinnhiem_desktop.core.spec import nfc

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


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch) -> Path:
    """Rules saved by the user (services/presets.py) and automatic backups in a temporary folder,
    never the user's."""
    from tinnhiem_desktop.services.presets import FOLDER_ENV

    monkeypatch.setenv(FOLDER_ENV, str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "config"


@pytest.fixture
def spec_file(tmp_path: Path) -> Path:
    return write_spec(tmp_path / "round.json", spec_dict())


@pytest.fixture
def round_path(tmp_path: Path) -> Path:
    return tmp_path / "dot-2026.tinnhiem"


class FakeDialogs:
    """Answers the window's questions from a script; records what it was told."""

    def __init__(self, choices=None, texts=None, confirm=True, on_run=None):
        self.on_run = on_run
        self.shown: list = []
        self.choices = list(choices or [])
        self.texts = list(texts or [])
        self.confirm_answer = confirm
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.asked: list[str] = []

    def error(self, text):
        self.errors.append(text)

    def info(self, text):
        self.infos.append(text)

    def confirm(self, text):
        self.asked.append(text)
        return self.confirm_answer

    def ask_text(self, title, label, text=""):
        self.asked.append(label)
        return self.texts.pop(0) if self.texts else None

    def choose(self, title, label, items, current=0):
        self.asked.append(label)
        if self.choices:
            wanted = self.choices.pop(0)
            if wanted is None:
                return None  # the question cancelled
            return next(item for item in items if item.startswith(wanted))
        return items[current]

    def run(self, dialog):
        """The window's own dialogs: `on_run` fills them in and accepts; without it, cancel."""
        self.shown.append(dialog)
        if self.on_run is None:
            return False
        self.on_run(dialog)
        return True

    def open_file(self, title, folder, name_filter):
        return self.texts.pop(0) if self.texts else None

    def choose_folder(self, title, folder):
        return self.texts.pop(0) if self.texts else None

    def save_file(self, title, path, name_filter):
        return self.texts.pop(0) if self.texts else None


@pytest.fixture
def settings_dir(tmp_path):
    """Window settings in a temporary folder, never the user's."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().setValue("backupFolder", str(tmp_path / "sao-luu"))  # never the user's own backups
    return tmp_path / "settings"


REASON_LETTERS = "aăâbdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
REASON_ALPHABET = REASON_LETTERS + REASON_LETTERS.upper() + "0123456789 ,;:.\"'()-/\n"
reasons = st.text(REASON_ALPHABET, max_size=40).map(nfc)


@st.composite
def keyed_ballots(draw, setup):
    """Valid ballots, some cells not keyed yet, and invalid ones, with or without a reason, in any
    order: the ballots the CSV format must carry exactly."""
    ballots = []
    for form in setup.forms:
        for number in draw(st.lists(st.integers(1, 100_000), unique=True, max_size=15)):
            if draw(st.booleans()):
                ballots.append(Ballot(form.code, number, BallotStatus.INVALID, {}, draw(reasons)))
            else:
                cells = {c.order: draw(st.sampled_from([*Mark, None])) for c in form.candidates}
                marks = {order: mark for order, mark in cells.items() if mark is not None}
                ballots.append(Ballot(form.code, number, BallotStatus.VALID, marks))
    return draw(st.permutations(ballots))


def downgraded(path: Path, revision: str) -> None:
    """The round file taken back to an earlier schema revision, as an older release wrote it (its
    foreign keys off, so that a rebuilt table does not cascade into its marks)."""
    from alembic import command
    from alembic.config import Config

    from tinnhiem_desktop.storage.roundfile import MIGRATIONS, make_engine

    engine = make_engine(path, "write")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
        connection.exec_driver_sql(f"PRAGMA user_version={int(revision)}")
    engine.dispose()
