"""Rules saved by the user (quy tắc riêng): one JSON file each in the user's config folder, offered
after the built-in presets. A round using one holds the whole rule in its file, so the saved file is
never needed to open, count or verify that round."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Sequence

from ..core.issues import Location, TinNhiemError, os_reason
from ..core.rules import DEFAULT_TEAM_NAME, Band, Base, Preset
from ..core.names import folded
from ..core.spec import nfc, saved_preset_from_dict, saved_preset_to_dict
from .files import read_text

FOLDER_ENV = "TINNHIEM_CONFIG_DIR"  # where the program keeps its settings files, instead of the user's
SUFFIX = ".json"
ID_PREFIX = "rieng-"


def default_folder() -> Path:
    """`quy-tac` in the user's config folder, or in `$TINNHIEM_CONFIG_DIR` when it is set."""
    root = os.environ.get(FOLDER_ENV)
    if not root:
        from platformdirs import user_config_dir

        root = user_config_dir("tinnhiem-desktop", appauthor=False)
    return Path(root) / "quy-tac"


@dataclass(frozen=True)
class SavedPresets:
    presets: tuple[Preset, ...]
    skipped: tuple[TinNhiemError, ...]  # files that are not a readable rule, each naming its file


def load_presets(folder: Path | None = None) -> SavedPresets:
    """Every saved rule, by name; a file that cannot be read as one is skipped and reported."""
    folder = Path(folder) if folder is not None else default_folder()
    presets: dict[str, Preset] = {}
    skipped = []
    try:
        paths = sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []
    except OSError:
        paths = []
    for path in paths:
        try:
            preset = _read(path)
        except TinNhiemError as error:
            skipped.append(error)
            continue
        if preset.id in presets:
            skipped.append(TinNhiemError("saved_rule_duplicate", file=str(path), name=preset.name))
            continue
        presets[preset.id] = preset
    ordered = sorted(presets.values(), key=lambda p: (folded(p.name), p.id))
    return SavedPresets(tuple(ordered), tuple(skipped))


def _read(path: Path) -> Preset:
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise TinNhiemError("json_syntax", Location(str(path), error.lineno, error.colno), detail=error.msg) from None
    return saved_preset_from_dict(data, str(path))


def preset_id(name: str) -> str:
    """The id (and file name) of a rule saved under `name`: 'Quy chế Sở 2026' → 'rieng-quy-che-so-2026'."""
    return ID_PREFIX + ("-".join(folded(name).split())[:60].strip("-") or "quy-tac")


def make_preset(name: str, source: str, base: Base, decimals: int, bands: Sequence[Band],
                quorum: Fraction | None, team_name: str = DEFAULT_TEAM_NAME) -> Preset:
    """A rule to save: the settings in force, under the user's name and source text."""
    name, source = nfc(name), nfc(source)
    if not name:
        raise TinNhiemError("saved_rule_needs_name")
    if not source:
        raise TinNhiemError("saved_rule_needs_source")
    preset = Preset(preset_id(name), name, source, Base(base), tuple(bands), quorum, decimals,
                    " ".join(nfc(team_name).split()) or DEFAULT_TEAM_NAME)
    return saved_preset_from_dict(saved_preset_to_dict(preset), name)  # checked as a saved file is


def preset_path(preset: Preset, folder: Path | None = None) -> Path:
    return (Path(folder) if folder is not None else default_folder()) / f"{preset.id}{SUFFIX}"


def save_preset(preset: Preset, folder: Path | None = None) -> Path:
    """Write the rule's file (replacing one of the same id), complete or not at all."""
    path = preset_path(preset, folder)
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(saved_preset_to_dict(preset), ensure_ascii=False, indent=1) + "\n",
                           encoding="utf-8")
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise TinNhiemError("file_not_writable", file=str(path), detail=os_reason(error)) from None
    return path
