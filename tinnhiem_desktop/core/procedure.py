"""The annual procedure around the count, as the guideline describes it, and its checklist.

Step 1 (preparation): each person rated hands in a written self-assessment (bản tự nhận xét, đánh
giá) at the latest 3 days before the meeting; the counting team is proposed; the blank ballots are
printed. Steps 2-4 (the meeting): attendance, the meeting's vote on the counting team, ballots
issued and collected, the count; the results are presented to the meeting and the minutes and
ballots handed to the head of the body. Step 5: the summaries sent upward.

Each step done is a record (key, data) in the round file. Records of steps before sealing are
logged like any change; records of what by nature follows the seal (results presented, hand-over,
reports sent) are side records bound to the sealed fingerprint (see `AFTER_SEAL`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, Mapping

from . import checks
from .issues import Issue, Severity, TinNhiemError
from .model import RoundSetup
from .names import name_key
from .results import round_rule
from .team import round_team_name, team_head, team_issues

SELF_ASSESSMENT_DAYS = 3  # calendar days before the meeting day ("chậm nhất 03 ngày")

SELF_ASSESSMENT = "self_assessment/"  # + the person's identity
BLANK_BALLOTS = "blank_ballots"
ATTENDANCE = "meeting/attendance"
TEAM_VOTE = "meeting/team_vote"
ISSUED = "meeting/issued"
COLLECTED = "meeting/collected"
COUNTING_OPENED = "meeting/counting_opened"
AFTER_SEAL = "after_seal/"
RESULTS_ANNOUNCED = AFTER_SEAL + "results_announced"
HANDOVER = AFTER_SEAL + "handover"
REPORT_OFFICE = AFTER_SEAL + "report_office"
REPORT_PROVINCIAL = AFTER_SEAL + "report_provincial"

RECORD_ACTION = "procedure_recorded"  # the audit event of a record made before sealing


class Stage(StrEnum):
    PREPARE = "prepare"
    MEETING = "meeting"
    CLOSE = "close"
    REPORT = "report"


class AssessmentStatus(StrEnum):
    ON_TIME = "on_time"  # received by the deadline
    LATE = "late"  # received after it
    WAITING = "waiting"  # not received, the deadline has not passed
    OVERDUE = "overdue"  # not received, the deadline has passed


@dataclass(frozen=True)
class ProcedureRecord:
    key: str
    data: Mapping[str, Any]
    at: str
    by: str


@dataclass(frozen=True)
class TeamVote:
    """The meeting's show of hands on the proposed counting team."""

    in_favour: int
    against: int

    @property
    def approved(self) -> bool:
        """More in favour than against (a tie does not approve)."""
        return self.in_favour > self.against


@dataclass(frozen=True)
class Handover:
    """The minutes and the counted ballots handed to the head of the body."""

    handed_by: str
    received_by: str
    position: str  # the receiver's position, e.g. "Giám đốc Sở"
    at: str  # ISO date and time of the hand-over
    ballots: int  # counted ballots handed over, all forms


@dataclass(frozen=True)
class Assessment:
    form: str
    order: int
    name: str
    position: str
    identity: str
    received: date | None
    status: AssessmentStatus


@dataclass(frozen=True)
class Step:
    key: str  # the step's name, also the key of its words
    stage: Stage
    done: bool
    at: str | None = None
    by: str | None = None


@dataclass(frozen=True)
class Checklist:
    deadline: date | None
    assessments: tuple[Assessment, ...]
    steps: tuple[Step, ...]
    issues: tuple[Issue, ...]  # what is missing or wrong, in the order of the procedure

    @property
    def complete(self) -> bool:
        return all(step.done for step in self.steps) and not any(
            issue.severity is not Severity.INFO for issue in self.issues
        )


def self_assessment_deadline(meeting_date: str) -> date | None:
    """The last day a self-assessment is on time: the meeting day minus 3 calendar days (a
    meeting on Friday 27 November: Tuesday 24 November). None while the meeting date is unknown."""
    try:
        return date.fromisoformat(meeting_date) - timedelta(days=SELF_ASSESSMENT_DAYS)
    except (TypeError, ValueError):
        return None


def person_identity(name: str, person_key: str | None) -> str:
    """Who a self-assessment belongs to: the person key, else the name (one person rated on two
    forms writes one self-assessment)."""
    return f"key:{person_key}" if person_key else f"name:{name_key(name)}"


def assessment_status(received: date | None, deadline: date | None, today: date) -> AssessmentStatus:
    if received is not None:
        return AssessmentStatus.LATE if deadline is not None and received > deadline else AssessmentStatus.ON_TIME
    return AssessmentStatus.OVERDUE if deadline is not None and today > deadline else AssessmentStatus.WAITING


def quorum_issues(setup: RoundSetup) -> list[Issue]:
    """The forms whose attendance is below the quorum the round's rule asks for."""
    try:
        preset = round_rule(setup).in_force
    except TinNhiemError:
        return []
    return [issue for form in setup.forms for issue in checks.quorum_issues(form.code, form.counts, preset)]


def team_vote_of(records: Mapping[str, ProcedureRecord]) -> TeamVote | None:
    record = records.get(TEAM_VOTE)
    return None if record is None else TeamVote(record.data["in_favour"], record.data["against"])


# The step each "not done" sentence belongs to, in the order of the procedure.
MISSING_CODES = {
    "blank_ballots": "blank_ballots_not_printed",
    "attendance": "attendance_not_recorded",
    "team_vote": "team_vote_not_recorded",
    "issued": "issued_not_recorded",
    "collected": "collected_not_recorded",
    "counting_opened": "counting_not_opened",
    "sealed": "results_not_sealed",
    "results_announced": "results_not_announced",
    "handover": "handover_not_recorded",
    "report_office": "report_office_not_made",
    "report_provincial": "report_provincial_not_made",
}


def checklist(
    setup: RoundSetup, records: Mapping[str, ProcedureRecord], *, sealed: bool, today: date, keyed: bool = False
) -> Checklist:
    """Where the round stands in the annual procedure, and what is missing or wrong so far.

    Counting counts as opened once a ballot is keyed, even without the guided meeting steps."""
    deadline = self_assessment_deadline(setup.meeting.date)
    issues: list[Issue] = []
    team = round_team_name(setup)

    def add(code: str, severity: Severity = Severity.WARNING, form: str | None = None, **params: Any) -> None:
        issues.append(Issue(code, severity, form, params))

    if deadline is None:
        add("meeting_date_missing")
    assessments = _assessments(setup, records, deadline, today)
    for person in assessments:
        where = {"name": person.name, "deadline": deadline.isoformat() if deadline else None}
        if person.status is AssessmentStatus.OVERDUE:
            add("self_assessment_overdue", **where)
        elif person.status is AssessmentStatus.WAITING:
            add("self_assessment_waiting", Severity.INFO, **where)
        elif person.status is AssessmentStatus.LATE:
            add("self_assessment_late", Severity.INFO, received=person.received.isoformat(), **where)

    def step(key: str, stage: Stage, record_key: str | None = None, done: bool | None = None) -> Step:
        record = records.get(record_key) if record_key else None
        made = Step(key, stage, record is not None if done is None else done,
                    record.at if record else None, record.by if record else None)
        if not made.done and key in MISSING_CODES:
            add(MISSING_CODES[key], team=team)
        return made

    steps = [Step("self_assessments", Stage.PREPARE, bool(assessments) and all(
        p.status in (AssessmentStatus.ON_TIME, AssessmentStatus.LATE) for p in assessments))]
    steps.append(Step("team_proposed", Stage.PREPARE, team_head(setup.team) is not None))
    issues.extend(team_issues(setup))
    steps.append(step("blank_ballots", Stage.PREPARE, BLANK_BALLOTS))

    steps.append(step("attendance", Stage.MEETING, ATTENDANCE))
    if ATTENDANCE in records:
        issues.extend(quorum_issues(setup))
    steps.append(step("team_vote", Stage.MEETING, TEAM_VOTE))
    vote = team_vote_of(records)
    if vote is not None:
        if not vote.approved:
            add("team_not_approved", in_favour=vote.in_favour, against=vote.against, team=team)
        attending = max((form.counts.present for form in setup.forms), default=0)
        if ATTENDANCE in records and vote.in_favour + vote.against > attending:
            add("team_vote_exceeds_present", votes=vote.in_favour + vote.against, present=attending, team=team)
    steps.append(step("issued", Stage.MEETING, ISSUED))
    steps.append(step("collected", Stage.MEETING, COLLECTED))
    steps.append(step("counting_opened", Stage.MEETING, COUNTING_OPENED, done=COUNTING_OPENED in records or keyed))

    steps.append(step("sealed", Stage.CLOSE, done=sealed))
    steps.append(step("results_announced", Stage.CLOSE, RESULTS_ANNOUNCED))
    steps.append(step("handover", Stage.CLOSE, HANDOVER))

    steps.append(step("report_office", Stage.REPORT, REPORT_OFFICE))
    if any(c.provincial for form in setup.forms for c in form.candidates):
        steps.append(step("report_provincial", Stage.REPORT, REPORT_PROVINCIAL))
    return Checklist(deadline, tuple(assessments), tuple(steps), tuple(issues))


def _assessments(
    setup: RoundSetup, records: Mapping[str, ProcedureRecord], deadline: date | None, today: date
) -> list[Assessment]:
    people: dict[str, Assessment] = {}
    for form in setup.forms:
        for candidate in form.candidates:
            identity = person_identity(candidate.name, candidate.person_key)
            if identity in people:
                continue
            record = records.get(SELF_ASSESSMENT + identity)
            received = None
            if record is not None and record.data.get("received"):
                received = date.fromisoformat(record.data["received"])
            people[identity] = Assessment(form.code, candidate.order, candidate.name, candidate.position, identity,
                                          received, assessment_status(received, deadline, today))
    return list(people.values())
