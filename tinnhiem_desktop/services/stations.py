"""Stations: a copy of the round for another machine to key one pass (and a range of numbers), and
merging back what it keyed."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from pathlib import Path

from ..core.double_entry import ballot_and_keyer
from ..core.events import Draft
from ..core.issues import TinNhiemError
from ..core.limits import MAX_BALLOT_NUMBER
from ..core.model import Ballot, EntryPass, RoundSetup
from ..core.spec import nfc
from ..storage.roundfile import check_new_file
from .keying import _added


@dataclass(frozen=True)
class StationConflict:
    """A station's ballot the master did not take: keyed differently there, or out of range."""

    code: str  # station_ballot_differs | station_ballot_outside_range
    form: str
    number: int
    entry_pass: EntryPass
    master: Ballot | None = None
    station: Ballot | None = None


@dataclass(frozen=True)
class StationImport:
    station: str
    entry_pass: EntryPass
    added: int
    already: int
    conflicts: tuple[StationConflict, ...]


class Stations:
    """Mixed into RoundService (services/rounds.py)."""

    def copy_to(self, target: Path) -> Path:
        """A consistent copy of the round as it is now (for backups)."""
        return self._repo.copy_to(Path(target))

    def make_station_copy(
        self, target: Path, name: str, entry_pass: EntryPass | str, first: int | None = None, last: int | None = None
    ) -> Path:
        """A station's own copy of this master round, to key one pass (and, when given, a range
        of ballot numbers) on another machine; `import_station` brings its ballots back."""
        self.check_writable()
        name, entry_pass, target = nfc(name), EntryPass(entry_pass), Path(target)
        if not name:
            raise TinNhiemError("station_needs_name")
        if self.station is not None:
            raise TinNhiemError("station_of_station", file=str(self.path), station=self.station.name)
        allowed = {EntryPass.A, EntryPass.B} if self.double_entry else {EntryPass.A}
        if entry_pass not in allowed:
            raise TinNhiemError("entry_pass_not_allowed", entry_pass=entry_pass.value,
                                allowed=", ".join(sorted(p.value for p in allowed)))
        if (first is not None and first < 1) or (first is not None and last is not None and last < first) or (
                max(first or 0, last or 0) > MAX_BALLOT_NUMBER):
            raise TinNhiemError("bad_station_range", first=first, last=last)
        check_new_file(target)
        token = secrets.token_hex(16)
        claims = {"name": name, "pass": entry_pass.value, "first": first, "last": last}
        self.copy_to(target)
        try:
            self._commit([Draft("station_copy_made", {**claims, "token": token, "file": target.name})])
            with type(self).open(target, self.keyer) as copy:
                copy._commit([Draft("station_made", {**claims, "token": token})])
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return target

    def import_station(self, path: Path) -> StationImport:
        """Merge the ballots a station keyed: new ones are added (one transaction, logged with the
        station's name and its keyers); one keyed differently here, or outside the station's
        range, is listed as a conflict and never overwrites anything."""
        self.check_writable()
        path = Path(path)
        station, theirs, keyed_by, report = self._read_station(path)
        theirs = [b for b in theirs if b.entry_pass is station.entry_pass]
        added, already, conflicts = [], 0, []
        for ballot in theirs:
            mine = self._state.ballot(ballot.form, ballot.entry_pass, ballot.number)
            if mine is not None and mine.same_content(ballot):
                already += 1  # the master has it already (keyed here, or copied to the station)
            elif not station.allows(ballot.number):
                conflicts.append(StationConflict("station_ballot_outside_range", ballot.form, ballot.number,
                                                 ballot.entry_pass, mine, ballot))
            elif mine is None:
                added.append(ballot)
            else:
                conflicts.append(StationConflict("station_ballot_differs", ballot.form, ballot.number,
                                                 ballot.entry_pass, mine, ballot))
        summary = {"station": station.name, "pass": station.entry_pass.value, "file": path.name,
                   "fingerprint": report.fingerprint, "added": len(added), "already": already,
                   "conflicts": [[c.form, c.number, c.code] for c in conflicts]}
        drafts = []
        for ballot in added:
            author = keyed_by.get((ballot.form, ballot.entry_pass.value, ballot.number))
            more = {} if author is None or author == self.keyer else {"keyed_by": author}
            drafts.append(_added(ballot, station=station.name, **more))
        self._commit([*drafts, Draft("station_imported", summary)])
        return StationImport(station.name, station.entry_pass, len(added), already, tuple(conflicts))

    def _read_station(self, path: Path):
        """A station file's pass, ballots, keyers and verification, checked to be this round's."""
        with type(self).open(path, self.keyer, read_only=True, with_log=True) as other:
            station = other.station
            if station is None:
                raise TinNhiemError("not_a_station_file", file=str(path))
            if other.info.uid != self.info.uid:
                raise TinNhiemError("station_other_round", file=str(path), title=other.setup.title)
            if _without_rule(other.setup) != _without_rule(self.setup):  # the rule may change after the copy
                raise TinNhiemError("station_setup_differs", file=str(path))
            if self._state.station_copies:  # a master that records its copies trusts its own record
                station = self._state.station_copies.get(other.state.station_token)
                if station is None:
                    raise TinNhiemError("station_not_made_here", file=str(path))
            report = other.verify()
            if not report.intact:
                raise TinNhiemError("station_file_altered", file=str(path), count=len(report.problems))
            theirs = other.ballots(entry_pass=station.entry_pass)
            keyed_by = dict(ballot_and_keyer(e) for e in other.events() if e.action == "ballot_added")
        return station, theirs, keyed_by, report


def _without_rule(setup: RoundSetup) -> RoundSetup:
    return replace(setup, rule_id="", percent_base=None, decimals=None, rule_custom=None)
