"""Refusing a round file that holds schema objects our migrations never create.

A trigger added with an SQLite editor would change what is keyed as it is written (a "cao" stored
as "thấp"); a recursive view never finishes once queried and fills the disk with temporary data.
SQLite runs neither while the schema is only read, so `sqlite_master` is read first, in one
query, and anything that is not ours refuses the file before any other statement touches it.
"""

from __future__ import annotations

import re

import sqlite3
from typing import TYPE_CHECKING

from ..core.issues import TinNhiemError

if TYPE_CHECKING:
    from .roundfile import Database

# The tables and named indexes of `tables.py` (its SQLModel metadata), written out so that opening
# a file needs no SQLAlchemy; tests/test_storage.py checks the two agree.
OUR_TABLES = frozenset({"round", "team_member", "ballot_form", "candidate", "ballot", "mark", "event",
                        "resolution", "prior_result", "procedure_record"})
OUR_INDEXES: frozenset[str] = frozenset()
OUR_BOOKKEEPING = {"alembic_version", "sqlite_sequence"}
AUTOINDEX = re.compile(r"sqlite_autoindex_(.+)_\d+")


def foreign_objects(rows: list[tuple[str, str, str, str | None]]) -> list[str]:
    """`type name` of each row of sqlite_master (type, name, tbl_name, sql) our schema lacks."""
    tables_allowed = OUR_TABLES | OUR_BOOKKEEPING
    indexes = OUR_INDEXES
    foreign = []
    for kind, name, table, sql in rows:
        if kind == "table":
            allowed = name in tables_allowed and not (sql or "").lstrip().upper().startswith("CREATE VIRTUAL")
        elif kind == "index":
            automatic = AUTOINDEX.fullmatch(name)
            allowed = table in tables_allowed and (name in indexes or bool(automatic and automatic.group(1) == table))
        else:
            allowed = False
        if not allowed:
            foreign.append(f"{kind} {name}")
    return foreign


def check_schema(database: Database, path: object) -> None:
    """Raise `round_file_foreign_objects` naming what in the file is not ours."""
    try:  # as bytes: a damaged name is not ours, not a decoding error
        rows = database.connection.execute(
            "SELECT CAST(type AS BLOB), CAST(name AS BLOB), CAST(tbl_name AS BLOB), CAST(sql AS BLOB)"
            " FROM sqlite_master").fetchall()
    except UnicodeDecodeError as error:  # SQLite's own message quotes the damaged schema
        raise TinNhiemError("round_file_corrupt", file=str(path), detail=str(error)) from None
    foreign = foreign_objects([tuple(None if value is None else bytes(value).decode("utf-8", "replace")
                                     for value in row) for row in rows])
    if foreign:
        raise TinNhiemError("round_file_foreign_objects", file=str(path), objects=", ".join(foreign))
