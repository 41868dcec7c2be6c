"""Each command imports only what it uses: reading, keying, verifying or sealing a round file loads
no ORM, no migration tool and no document library (they cost most of a command's start-up)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, spec_dict, write_csv, write_spec

HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "fpdf", "fontTools", "openpyxl", "docx")

# Runs one command in a fresh interpreter, then reports which of HEAVY it had imported.
CHILD = """
import json, sys
from tinnhiem_desktop import cli
code = cli.main(sys.argv[2:])
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(json.loads(sys.argv[1])))
print(json.dumps({"code": code, "heavy": heavy}), file=sys.stderr)
"""


def command(*args: object) -> tuple[int, list[str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TINNHIEM_KEYER": "Lê Thị Hồng"}
    done = subprocess.run([sys.executable, "-c", CHILD, json.dumps(HEAVY), *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], report["heavy"]


@pytest.fixture(scope="module")
def keyed_round(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("startup")
    path = folder / "dot.tinnhiem"
    spec = write_spec(folder / "dot.json", spec_dict())
    assert command("new", path, "--spec", spec)[0] == 0
    rows = [["1", str(n), "valid", "1", "2", "3"] for n in range(1, 31)]
    assert command("import-ballots", path, write_csv(folder / "phieu.csv", rows, width=3)) == (0, [])
    return path


@pytest.mark.parametrize("args", [
    ("results", "{round}"),
    ("results", "{round}", "--json"),
    ("verify", "{round}"),
    ("checklist", "{round}"),
    ("export", "{round}", "--csv", "{folder}/phieu-ra.csv"),
    ("station", "{round}", "{folder}/may-2.tinnhiem", "--name", "Máy 2"),
])
def test_reading_and_keying_commands_import_no_orm_and_no_document_library(keyed_round, args):
    code, heavy = command(*(a.format(round=keyed_round, folder=keyed_round.parent) for a in args))
    assert code == 0
    assert heavy == []


def test_sealing_and_verifying_the_seal_import_none_of_them(tmp_path):
    path = tmp_path / "dot.tinnhiem"
    spec = write_spec(tmp_path / "dot.json", spec_dict())
    command("new", path, "--spec", spec)
    assert command("seal", path, "--by", "Lê Thị Hồng", "--reason", "thử") == (0, [])
    assert command("verify", path) == (0, [])


def test_a_document_command_imports_only_its_own_library(keyed_round):
    code, heavy = command("export", keyed_round, "--summary", keyed_round.parent / "tong-hop.xlsx")
    assert code == 0
    assert heavy == ["openpyxl"]


def test_an_older_file_is_migrated_with_the_migration_tool_then_read_without_it(tmp_path):
    from conftest import downgraded

    path = tmp_path / "dot.tinnhiem"
    spec = write_spec(tmp_path / "dot.json", spec_dict())
    command("new", path, "--spec", spec)
    downgraded(path, "0003")
    code, heavy = command("results", path)  # read through a migrated copy, the file left as it was
    assert code == 0
    assert "alembic" in heavy
    rows = [["1", "1", "valid", "1", "2", "3"]]
    code, heavy = command("import-ballots", path, write_csv(tmp_path / "phieu.csv", rows, width=3))
    assert code == 0
    assert "alembic" in heavy  # the first write migrates the file itself
    assert command("results", path) == (0, [])  # from then on, nothing heavy
