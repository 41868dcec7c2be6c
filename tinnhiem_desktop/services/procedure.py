"""The annual procedure around the count: one call per step recorded, and the checklist.

Steps before the seal (self-assessments received, blank ballots printed, the meeting's steps) are
records logged as `procedure_recorded` events, refused once the round is sealed like any change.
What by nature follows the seal (results presented to the meeting, the hand-over to the head of
the body, the reports sent upward) is a side record: stored beside the sealed round, naming its
fingerprint, with no event, so that the sealed content, its log and its fingerprint stay exactly
as they were sealed and `verify` still passes.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Mapping

from ..core import procedure as steps
from ..core.issues import Issue, TinNhiemError
from ..core.model import Candidate, Counts
from ..core.procedure import Checklist, Handover, ProcedureRecord, TeamVote, checklist
from ..core.spec import nfc
from ..core.team import team_head
from ..storage.repository import now
from .rounds import RoundService


class ProcedureService:
    """The procedure of one open round. Counts go through `change_counts` (by default the round
    service's), so that a window can route them through its own session and hear of them."""

    def __init__(self, rounds: RoundService, change_counts: Callable[[str, Counts], Counts] | None = None) -> None:
        self.rounds = rounds
        self._change_counts = change_counts or rounds.change_counts

    def records(self) -> dict[str, ProcedureRecord]:
        return self.rounds.procedure_records()

    def checklist(self, today: date | None = None) -> Checklist:
        return checklist(self.rounds.setup, self.records(), sealed=self.rounds.info.sealed,
                         today=today or date.today(), keyed=bool(self.rounds.all_ballots()))

    # -- step 1: preparation ---------------------------------------------------------------

    def record_self_assessment(self, form: str, order: int, received: date | str | None) -> None:
        """The written self-assessment of a person rated received on a day (None: not received)."""
        candidate = self._candidate(form, order)
        identity = steps.person_identity(candidate.name, candidate.person_key)
        data = None
        if received is not None:
            data = {"name": candidate.name, "received": iso_date(received)}
        self._record(steps.SELF_ASSESSMENT + identity, data)

    def record_blank_ballots(self, copies: Mapping[str, int]) -> None:
        """The blank ballots were printed: how many of each form."""
        self._record(steps.BLANK_BALLOTS, {"copies": {code: int(n) for code, n in copies.items()}})

    # -- steps 2-4: the meeting ------------------------------------------------------------

    def record_attendance(self, present: Mapping[str, int], summoned: Mapping[str, int] | None = None) -> list[Issue]:
        """Attendance per form (and the summoned count, when corrected at the door); returns the
        forms whose quorum the rule asks for and is not met."""
        self.rounds.check_writable()
        for code, value in present.items():
            counts = self._form_counts(code)
            self._set(code, replace(counts, present=value,
                                    summoned=(summoned or {}).get(code, counts.summoned)))
        self._record(steps.ATTENDANCE, {"present": {c: self._form_counts(c).present for c in present}})
        return self.quorum_issues()

    def quorum_issues(self) -> list[Issue]:
        return steps.quorum_issues(self.rounds.setup)

    def record_team_vote(self, in_favour: int, against: int) -> TeamVote:
        """The meeting's vote approving the proposed counting team (printed in the minutes)."""
        for what, value in (("đồng ý", in_favour), ("không đồng ý", against)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise TinNhiemError("vote_bad_number", what=what, value=value)
        self._record(steps.TEAM_VOTE, {"in_favour": in_favour, "against": against})
        return TeamVote(in_favour, against)

    def team_vote(self) -> TeamVote | None:
        return steps.team_vote_of(self.records())

    def record_issued(self, issued: Mapping[str, int]) -> None:
        self.rounds.check_writable()
        for code, value in issued.items():
            self._set(code, replace(self._form_counts(code), issued=value))
        self._record(steps.ISSUED, {"issued": {c: self._form_counts(c).issued for c in issued}})

    def record_collected(self, collected: Mapping[str, int]) -> None:
        self.rounds.check_writable()
        for code, value in collected.items():
            self._set(code, replace(self._form_counts(code), collected=value))
        self._record(steps.COLLECTED, {"collected": {c: self._form_counts(c).collected for c in collected}})

    def open_counting(self) -> None:
        """The guided meeting steps are done: the team starts keying the ballots."""
        self._record(steps.COUNTING_OPENED, {})

    # -- after the seal --------------------------------------------------------------------

    def record_results_announced(self, at: str | None = None) -> None:
        """The results were presented to the meeting (the projector view)."""
        self._after_seal(steps.RESULTS_ANNOUNCED, {"at": _iso_time(at)})

    def record_handover(self, handed_by: str, received_by: str, position: str = "", at: str | None = None) -> Handover:
        """The minutes and the counted ballots handed to the head of the body: who, to whom, when."""
        handed_by, received_by, position = nfc(handed_by), nfc(received_by), nfc(position)
        if not handed_by or not received_by:
            raise TinNhiemError("handover_needs_names")
        ballots = sum(form.counts.collected for form in self.rounds.setup.forms)
        handover = Handover(handed_by, received_by, position, _iso_time(at), ballots)
        self._after_seal(steps.HANDOVER, {"handed_by": handed_by, "received_by": received_by,
                                          "position": position, "at": handover.at, "ballots": ballots})
        return handover

    def handover(self) -> Handover | None:
        record = self.records().get(steps.HANDOVER)
        if record is None:
            return None
        data = record.data
        return Handover(data["handed_by"], data["received_by"], data.get("position", ""), data["at"],
                        data.get("ballots", 0))

    def record_report(self, provincial: bool, report_date: str, recipient: str, files: list[Path]) -> None:
        """A report upward was made (only a sealed round's report is recorded as sent)."""
        key = steps.REPORT_PROVINCIAL if provincial else steps.REPORT_OFFICE
        self._after_seal(key, {"date": report_date, "recipient": recipient, "files": [Path(f).name for f in files]})

    def head_teller(self) -> str:
        """The head of the counting team (who hands the papers over), else ''."""
        head = team_head(self.rounds.setup.team)
        return head.name if head else ""

    # -- checking --------------------------------------------------------------------------

    # -- helpers ---------------------------------------------------------------------------

    def _record(self, key: str, data: Mapping[str, object] | None) -> None:
        self.rounds.record_procedure(key, data)

    def _after_seal(self, key: str, data: Mapping[str, object]) -> None:
        self.rounds.record_after_seal(key, data)

    def _codes(self) -> list[str]:
        return [form.code for form in self.rounds.setup.forms]

    def _form_counts(self, code: str) -> Counts:
        try:
            return self.rounds.setup.form(code).counts
        except KeyError:
            raise TinNhiemError("unknown_form", form=code, known=self._codes()) from None

    def _set(self, code: str, counts: Counts) -> None:
        if counts != self._form_counts(code):
            self._change_counts(code, counts)

    def _candidate(self, form: str, order: int) -> Candidate:
        self._form_counts(form)
        candidates = self.rounds.setup.form(form).candidates
        if not 1 <= order <= len(candidates):
            raise TinNhiemError("candidate_out_of_range", form=form, candidate=order, size=len(candidates))
        return candidates[order - 1]


def iso_date(value: date | str) -> str:
    """An ISO date from a date or its text; a coded error for anything else."""
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise TinNhiemError("procedure_bad_date", value=value) from None


def _iso_time(value: str | None) -> str:
    if value is None:
        return now()
    try:
        return datetime.fromisoformat(value).isoformat(timespec="minutes")
    except (TypeError, ValueError):
        raise TinNhiemError("procedure_bad_time", value=value) from None


def note_blank_ballots_printed(rounds: RoundService, copies: int | None) -> bool:
    """Record that blank ballots were printed, when the round can still take it (a round open
    read-only, or sealed, is left as it is); True when recorded."""
    if rounds.read_only:
        return False
    ProcedureService(rounds).record_blank_ballots(
        {form.code: max(1, form.counts.issued if copies is None else copies) for form in rounds.setup.forms}
    )
    return True


