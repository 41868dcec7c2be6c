"""SQLModel tables of a round file. Only the repository touches them."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import Boolean, CheckConstraint, Column, ForeignKey, Integer, String, UniqueConstraint
from sqlmodel import Field, SQLModel


class RoundRow(SQLModel, table=True):
    __tablename__ = "round"
    __table_args__ = (CheckConstraint("id = 1", name="single_round"),)

    id: int = Field(default=1, primary_key=True)
    uid: str
    title: str
    year: int
    rule_id: str
    percent_base: Optional[str] = None
    decimals: Optional[int] = None
    header_style: str
    header_parent: str
    header_unit: str
    meeting_date: str
    meeting_place: str
    meeting_chair: str
    created_at: str
    sealed_at: Optional[str] = None
    sealed_by: Optional[str] = None
    seal_reason: Optional[str] = None
    fingerprint: Optional[str] = None
    entry_mode: str = Field(
        default="single", sa_column=Column(String, nullable=False, server_default="single")
    )
    # A station's copy of a master round keys only its pass and range of ballot numbers.
    station_name: Optional[str] = None
    station_pass: Optional[str] = None
    station_first: Optional[int] = None
    station_last: Optional[int] = None
    # The round's own thresholds, or the whole of a preset saved by the user, as JSON (core/spec.py).
    rule_custom: Optional[str] = None


class TeamMemberRow(SQLModel, table=True):
    __tablename__ = "team_member"

    id: Optional[int] = Field(default=None, primary_key=True)
    seq: int = Field(unique=True)
    name: str
    role: str


class FormRow(SQLModel, table=True):
    __tablename__ = "ballot_form"

    id: Optional[int] = Field(default=None, primary_key=True)
    code: str = Field(unique=True)
    seq: int
    title: str
    summoned: int
    present: int
    issued: int
    collected: int


class CandidateRow(SQLModel, table=True):
    __tablename__ = "candidate"
    __table_args__ = (UniqueConstraint("form_id", "seq"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    form_id: int = Field(foreign_key="ballot_form.id")
    seq: int
    name: str
    position: str
    birth_year: Optional[int] = None
    person_key: Optional[str] = None
    provincial: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, server_default="0"))


class BallotRow(SQLModel, table=True):
    __tablename__ = "ballot"
    __table_args__ = (
        UniqueConstraint("form_id", "pass", "number"),
        CheckConstraint("status IN ('valid', 'invalid')", name="ballot_status"),
        CheckConstraint("number >= 1", name="ballot_number_positive"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    form_id: int = Field(foreign_key="ballot_form.id")
    # The ballot's reading source (core/sources.py): which reading of the paper this is.
    entry_pass: str = Field(default="A", sa_column=Column("pass", String, nullable=False, server_default="A"))
    number: int
    status: str
    invalid_reason: str = ""


class MarkRow(SQLModel, table=True):
    __tablename__ = "mark"
    __table_args__ = (CheckConstraint("value IN ('cao', 'tin_nhiem', 'thap', 'none', 'multi')", name="mark_value"),)

    ballot_id: int = Field(
        sa_column=Column(Integer, ForeignKey("ballot.id", ondelete="CASCADE"), primary_key=True)
    )
    candidate_seq: int = Field(primary_key=True)
    value: str


class EventRow(SQLModel, table=True):
    """The append-only audit trail, each event chained by hash to the one before."""

    __tablename__ = "event"

    seq: int = Field(primary_key=True)
    at: str
    keyer: str
    action: str
    data: str
    hash: str


class ResolutionRow(SQLModel, table=True):
    """How a difference between passes A and B was settled with the paper in hand."""

    __tablename__ = "resolution"
    __table_args__ = (CheckConstraint("choice IN ('A', 'B', 'R')", name="resolution_choice"),)

    form_id: int = Field(foreign_key="ballot_form.id", primary_key=True)
    number: int = Field(primary_key=True)
    choice: str
    resolved_by: str
    resolved_at: str


class PriorResultRow(SQLModel, table=True):
    """A person's result in an earlier year: read from a sealed round file, or typed in by hand."""

    __tablename__ = "prior_result"
    __table_args__ = (UniqueConstraint("person_key", "year"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    person_key: str
    year: int
    name: str
    position: str = ""
    cao: Optional[int] = None
    tin_nhiem: Optional[int] = None
    thap: int
    base: int
    by_hand: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, server_default="0"))
    source: str = ""  # the round file it was read from, or the organiser's note for typed figures
    source_fingerprint: Optional[str] = None


class ProcedureRow(SQLModel, table=True):
    """A step of the annual procedure around the count (checklist, meeting, hand-over), as JSON."""

    __tablename__ = "procedure_record"

    key: str = Field(primary_key=True)
    data: str
    at: str
    by: str
