"""The round's ballots as the CSV that `tinnhiem-cli import-ballots` and the program read back."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterable

from ..core.ballots_csv import ballots_csv_rows
from ..core.model import Ballot, RoundSetup


def write_ballots_csv(setup: RoundSetup, ballots: Iterable[Ballot], target: Path) -> Path:
    """UTF-8 with a BOM and CRLF line ends, so that Excel on Windows shows the Vietnamese right."""
    rows = ballots_csv_rows(setup, ballots)
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    with partial.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file, lineterminator="\r\n").writerows(rows)
    partial.replace(target)
    return target
