"""Sealing (chốt kết quả), corrections of a sealed round, and verifying a round file."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..core.audit import (
    WHOLE_FILE_FORMAT, after_seal_problems, compare_with_log, fingerprint, info_differences, paper_fingerprint, paper_problems,
    prior_differences, record_differences, replayed_round, resolver_differences, whole_file_fingerprint,
)
from ..core.checks import seal_gate
from ..core.events import Draft, ballot_state, fold
from ..core.issues import Issue, Severity, TinNhiemError
from ..core.model import EntryPass, RoundInfo
from ..core.procedure import AFTER_SEAL
from ..core.spec import nfc
from .keying import _added


@dataclass(frozen=True)
class VerifyReport:
    problems: tuple[Issue, ...]
    fingerprint: str
    events: int
    sealed: bool

    @property
    def intact(self) -> bool:
        return not self.problems


class Sealing:
    """Mixed into RoundService (services/rounds.py)."""

    def seal_problems(self) -> list[Issue]:
        """What stands in the way of sealing now (core's gate over the current results)."""
        return seal_gate(self.results().issues)

    def seal(self, by: str, reason: str = "") -> RoundInfo:
        """Chốt kết quả: record who and when, fingerprint the round, and make the file read-only.

        With problems in the way, only with a written reason, which is stored, logged and printed.
        """
        self.check_writable()
        by, reason = nfc(by), nfc(reason)
        if not by:
            raise TinNhiemError("seal_needs_name")
        problems = self.seal_problems()
        if problems and not reason:
            raise TinNhiemError("seal_needs_reason", count=len(problems))
        at = datetime.now().astimezone().isoformat(timespec="seconds")
        sealed: list[str] = []

        def fingerprint_with(head: str, tables) -> str:
            sealed.append(whole_file_fingerprint(tables, head))
            return sealed[-1]

        def sealed_info() -> None:
            info = self._info
            self._info = RoundInfo(info.uid, info.created_at, at, by, reason or None, sealed[-1], info.station)

        self._commit([Draft("round_sealed", {"by": by, "reason": reason, "problems": [i.code for i in problems],
                                             "at": at, "format": WHOLE_FILE_FORMAT})],
                     fingerprint=fingerprint_with, applied=sealed_info)
        return self._info

    @classmethod
    def correction(cls, source: Path, target: Path, reason: str, keyer: str):
        """A sealed round is never unsealed: its correction is a new round file made from it, with
        the same setup, ballots, earlier years' figures and the steps recorded before its seal (what
        followed the seal is redone), recording the reason and the fingerprint it replaces. Only a
        sealed file that verifies can be corrected."""
        reason = nfc(reason)
        if not reason:
            raise TinNhiemError("correction_needs_reason")
        with cls.open(source, keyer, read_only=True, with_log=True) as sealed:
            if not sealed.info.sealed:
                raise TinNhiemError("correction_needs_sealed_round", file=str(source))
            report = sealed.verify()
            if not report.intact:
                raise TinNhiemError("correction_source_altered", file=str(source), count=len(report.problems))
            setup, ballots, replaced = sealed.setup, sealed.all_ballots(), sealed.info.fingerprint
            resolutions = [(d.form, d.number, d.resolution) for d in sealed.differences() if d.resolved]
            priors = sealed.prior_results()
            records = {key: dict(record.data) for key, record in sorted(sealed.procedure_records().items())
                       if not key.startswith(AFTER_SEAL)}
        corrected = cls.create(target, setup, keyer)
        drafts = [Draft("correction_of", {"fingerprint": replaced, "file": Path(source).name, "reason": reason})]
        drafts += [Draft("prior_result_set", {"prior": p.as_data(), "old": None}) for p in priors]
        drafts += [Draft("procedure_recorded", {"key": key, "old": None, "new": data}) for key, data in records.items()]
        drafts += [_added(b) for b in ballots if b.entry_pass is not EntryPass.R]
        keyed = {(b.form, b.number): b for b in ballots if b.entry_pass is EntryPass.R}
        for form, number, choice in resolutions:
            again = keyed.get((form, number))
            drafts.append(Draft("difference_resolved", {
                "form": form, "ballot": number, "choice": choice.value, "old_choice": None,
                "keyed": None if again is None else ballot_state(again)}))
        corrected._commit(drafts)
        corrected._state.correction = dict(drafts[0].data)
        return corrected

    def corrects(self) -> dict | None:
        """The sealed round this one corrects: its fingerprint, file name and the reason."""
        return None if self._state.correction is None else dict(self._state.correction)

    def verify(self, paper: str | None = None) -> VerifyReport:
        """Recheck the file: the store's own integrity, the hash chain and vocabulary of the log,
        the stored round against the log's replay, the procedure records, and the seal's fingerprint;
        with `paper`, the fingerprint typed from the signed minutes must be the file's, whole.
        This one check is what "intact" means everywhere (command line, window, history, consolidation)."""
        paper = None if paper is None else paper_fingerprint(paper)  # a typing slip is refused, not "altered"
        stored = self._stored_with_log()
        with ThreadPoolExecutor(max_workers=1) as pool:
            # The store checks itself (SQLite: in C, without the GIL) on the other core while the
            # log is folded here; nothing else uses its connection meanwhile.
            checked = pool.submit(self._repo.integrity_problems)
            logged = fold(stored.events)
            problems = [Issue("sqlite_integrity", Severity.ERROR, None, {"detail": detail})
                        for detail in checked.result()]
        problems.extend(logged.issues)
        problems.extend(compare_with_log(stored.setup, stored.ballots, replayed_round(logged), stored.resolutions))
        problems.extend(prior_differences(stored.priors, logged.priors))
        problems.extend(record_differences(stored.records, logged.records, stored.info.fingerprint))
        problems.extend(info_differences(stored.info, logged))
        forms = {row[0]: row[1] for row in stored.tables["ballot_form"]}
        problems.extend(resolver_differences(
            ((forms.get(form_id, "?"), number, by, at) for form_id, number, _, by, at in stored.tables["resolution"]),
            logged))
        seal_format = logged.seal.format if logged.seal is not None else WHOLE_FILE_FORMAT
        problems.extend(after_seal_problems(stored.after_seal, logged.seal.head if logged.seal else "",
                                            seal_format >= WHOLE_FILE_FORMAT))
        if seal_format >= WHOLE_FILE_FORMAT:
            current = whole_file_fingerprint(stored.tables, stored.head[1])
        else:
            current = fingerprint(stored.setup, stored.ballots, stored.head[1], stored.resolutions)
        info = stored.info
        if info.sealed and info.fingerprint != current:
            problems.append(Issue("fingerprint_mismatch", Severity.ERROR, None,
                                  {"sealed": info.fingerprint, "current": current}))
        if paper is not None:
            problems.extend(paper_problems(paper, info.fingerprint if info.sealed else None, current))
        return VerifyReport(tuple(problems), current, len(stored.events), info.sealed)

    def prior_problems(self) -> list[Issue]:
        """Earlier-year results whose stored figures differ from what the log recorded."""
        stored = self._stored_with_log()
        return prior_differences(stored.priors, fold(stored.events).priors)

    def _stored_with_log(self):
        """The round as stored, with its log: the read this service made, while nothing changed since."""
        if self._stored is None or self._stored.events is None:
            self._stored = self._repo.load(with_events=True)
            self._events = list(self._stored.events)
        return self._stored
