"""Round files written by earlier releases (tests/data/old_rounds, made with each release's own
command line) still open, count the same and verify against the seal they carry, before and after
this release migrates them."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from tinnhiem_desktop import cli
from tinnhiem_desktop.services.rounds import RoundService

OLD = Path(__file__).parent / "data" / "old_rounds"
FILES = sorted(path.stem for path in OLD.glob("*.tinnhiem"))


def figures(results: dict) -> list:
    """What a count says, person by person: the base, the votes, the shares, the flags."""
    return [(form["id"], person["order"], person["name"], person["base"], person["votes"], person["percent"],
             person["flags"]) for form in results["forms"] for person in form["candidates"]]


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_there_is_a_file_of_every_earlier_schema():
    revisions = {sqlite3.connect(f"file:{OLD / f'{name}.tinnhiem'}?mode=ro", uri=True)
                 .execute("SELECT version_num FROM alembic_version").fetchone()[0] for name in FILES}
    assert revisions == {"0001", "0002", "0003"}


@pytest.mark.parametrize("name", FILES)
def test_an_older_releases_file_counts_the_same_and_its_seal_verifies(name, tmp_path):
    path = shutil.copy(OLD / f"{name}.tinnhiem", tmp_path / f"{name}.tinnhiem")
    expected = json.loads((OLD / f"{name}.results.json").read_text(encoding="utf-8"))
    sealed = (OLD / f"{name}.fingerprint").read_text(encoding="utf-8").strip()

    def check() -> None:
        code, out, err = run("verify", str(path), "--fingerprint", sealed)
        assert code == 0, out + err
        code, out, _ = run("results", str(path), "--json")
        assert code == 0 and figures(json.loads(out)) == figures(expected)

    check()  # read as it is
    with RoundService.open(path, "Người kiểm tra") as service:  # opened to write: migrated to this schema
        assert service.info.sealed and service.info.fingerprint == sealed
    revision = sqlite3.connect(path).execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert revision > "0003"
    check()  # and after
