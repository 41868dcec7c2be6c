"""Earlier years' results: sealed round files read and verified, linked to this year's candidates,
and next year's round started from this year's file.

A file is used only when it is a sealed master round (not a station's copy) that passes every
check of `verify`; any other file is refused with the reason, never silently skipped.
"""

from __future__ import annotations

import os
import sys

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from ..core.history import PriorResult, Suggestion, candidate_ref, carried_key, suggest_links
from ..core.issues import TinNhiemError
from ..core.model import BallotForm, Counts, Meeting, RoundSetup
from ..core.names import name_key
from ..core.results import RoundResults
from ..storage.repository import RoundInfo
from .rounds import RoundService, command_line_keyer

ROUND_SUFFIX = ".tinnhiem"


@dataclass(frozen=True)
class RefusedFile:
    """A file not used, and why: a code of `wording.MESSAGES` with its parameters (`detail` may be
    the first problem found, an `Issue` or a `TinNhiemError`, which the wording words)."""

    path: Path
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    unit: tuple[str, str] | None = None  # the body and year the file is of, when it could be read
    year: int | None = None


@dataclass(frozen=True)
class SealedRound:
    """A sealed round file that passed verification, with its results as the file holds them."""

    path: Path
    setup: RoundSetup
    info: RoundInfo
    results: RoundResults
    priors: tuple[PriorResult, ...]
    corrects: Mapping[str, Any] | None = None
    paper_checked: bool = False  # its fingerprint was compared with the unit's signed paper, and matched

    @property
    def unit(self) -> tuple[str, str]:
        return unit_of(self.setup)

    @property
    def year(self) -> int:
        return self.setup.year


@dataclass(frozen=True)
class EarlierPerson:
    """One person's result in an earlier round, keyed as a later round looks for it."""

    record: PriorResult
    birth_year: int | None
    round: SealedRound


def unit_of(setup: RoundSetup) -> tuple[str, str]:
    """Which body held a round: its parent and its own name, as identities."""
    return name_key(setup.header.parent), name_key(setup.header.unit)


def round_files(paths: Iterable[Path]) -> list[Path]:
    """The round files named, and those directly inside the folders named, in name order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() == ROUND_SUFFIX and p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise TinNhiemError("file_not_found", file=str(path))
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def open_sealed(path: Path, paper: str | None = None) -> SealedRound | RefusedFile:
    """The round in the file, verified (with `paper`, against the fingerprint on its signed paper);
    or the reason it cannot be used."""
    try:
        with RoundService.open(path, command_line_keyer(), read_only=True, with_log=True) as service:
            info, setup = service.info, service.setup
            of = {"unit": unit_of(setup), "year": setup.year}
            if info.station is not None:
                return RefusedFile(path, "history_station_copy", {"station": info.station.name}, **of)
            if not info.sealed:
                return RefusedFile(path, "history_not_sealed", **of)
            report = service.verify(paper)
            problems = list(report.problems)  # verify() already checks the earlier-year figures
            if problems and all(p.code.startswith("paper_") for p in problems):
                return RefusedFile(path, "consolidate_paper_differs", {"detail": problems[0]}, **of)
            if problems:
                titles = {f.code: f.title for f in setup.forms}
                return RefusedFile(path, "history_altered", {
                    "count": len(problems), "detail": problems[0], "form_title": titles.get(problems[0].form)}, **of)
            return SealedRound(path, service.setup, info, service.results(), tuple(service.prior_results()),
                               service.corrects(), paper_checked=paper is not None)
    except TinNhiemError as error:
        return RefusedFile(path, "history_unreadable", {"detail": error})
    except Exception as error:  # damage SQLite or the log's JSON trips over: this file only is refused
        return RefusedFile(path, "history_unreadable", {"detail": f"{type(error).__name__}: {_first_line(error)}"})


def _first_line(error: Exception) -> str:
    return (str(getattr(error, "orig", None) or error).splitlines() or [""])[0]


def open_sealed_rounds(
    paths: Iterable[Path], papers: Mapping[str, str] | None = None
) -> tuple[list[SealedRound], list[RefusedFile]]:
    """Every round file named (folders: the files directly in them), verified, and sifted: a copy of
    a round already read, a round corrected by another file given, or two different rounds of the
    same body and year, are refused with the reason. `papers` maps a file's name to the fingerprint
    on its signed paper: a file that does not match it is refused."""
    rounds, refused = [], []
    files = round_files(paths)
    papers = [(papers or {}).get(path.name) for path in files]
    for opened in _each_opened(files, papers):
        (refused if isinstance(opened, RefusedFile) else rounds).append(opened)
    kept, sifted = _sift(rounds)
    return kept, refused + sifted


PARALLEL_FROM = 16  # files: below this, starting worker processes costs more than it saves


def _each_opened(files: Sequence[Path], papers: Sequence[str | None]) -> Iterable[SealedRound | RefusedFile]:
    """Each file opened and verified, in order: on every core when there are many (each file is
    read and checked on its own, so the work divides)."""
    workers = min(os.cpu_count() or 1, 8)
    if len(files) < PARALLEL_FROM or workers < 2 or getattr(sys, "frozen", False):  # a bundle opens them in turn
        return [open_sealed(path, paper) for path, paper in zip(files, papers)]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Spawned, not forked: the window calls this from a worker thread of a Qt program.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        return list(pool.map(open_sealed, files, papers, chunksize=max(1, len(files) // (workers * 4))))


def _sift(rounds: Sequence[SealedRound]) -> tuple[list[SealedRound], list[RefusedFile]]:
    refused: dict[int, RefusedFile] = {}
    corrected = {s.corrects["fingerprint"]: s for s in rounds if s.corrects}
    for index, sealed in enumerate(rounds):
        if sealed.info.fingerprint in corrected:  # and so is every copy of it
            refused[index] = RefusedFile(sealed.path, "history_corrected",
                                         {"other": corrected[sealed.info.fingerprint].path.name}, sealed.unit, sealed.year)
    by_uid: dict[str, list[int]] = {}
    for index, sealed in enumerate(rounds):
        if index not in refused:
            by_uid.setdefault(sealed.info.uid, []).append(index)
    for indexes in by_uid.values():
        if len({rounds[i].info.fingerprint for i in indexes}) > 1:  # one round sealed twice, differently
            for index in indexes:
                others = ", ".join(rounds[i].path.name for i in indexes if i != index)
                refused[index] = RefusedFile(rounds[index].path, "history_round_differs", {"other": others},
                                             rounds[index].unit, rounds[index].year)
            continue
        kept = min(indexes, key=lambda i: _age(rounds[i].path))  # copies of one file: the oldest is kept
        for index in indexes:
            if index != kept:
                refused[index] = RefusedFile(rounds[index].path, "history_duplicate", {"other": rounds[kept].path.name},
                                             rounds[index].unit, rounds[index].year)
    by_unit: dict[tuple, list[int]] = {}
    for index, sealed in enumerate(rounds):
        if index not in refused:
            by_unit.setdefault((*sealed.unit, sealed.year), []).append(index)
    for indexes in by_unit.values():
        if len(indexes) > 1:
            for index in indexes:
                others = ", ".join(rounds[i].path.name for i in indexes if i != index)
                refused[index] = RefusedFile(rounds[index].path, "history_same_unit",
                                             {"other": others, "year": rounds[index].year}, rounds[index].unit,
                                             rounds[index].year)
    kept = [sealed for index, sealed in enumerate(rounds) if index not in refused]
    return kept, [refused[index] for index in sorted(refused)]


def _age(path: Path) -> tuple[float, int, str]:
    """Which of several copies of one file came first: the oldest, else the shortest name."""
    try:
        modified = path.stat().st_mtime
    except OSError:
        modified = float("inf")
    return modified, len(path.name), path.name


def earlier_people(sealed: SealedRound) -> list[EarlierPerson]:
    """Each person's result in a sealed round, as a later round's record of it."""
    people = []
    for form in sealed.results.forms:
        for person in form.candidates:
            if person.base <= 0:
                continue  # nothing was counted for this person: no share to carry
            candidate = person.candidate
            record = PriorResult(
                person_key=carried_key(sealed.info.uid, candidate), year=sealed.year, name=candidate.name,
                thap=person.tally.thap, base=person.base, position=candidate.position, cao=person.tally.cao,
                tin_nhiem=person.tally.tin_nhiem, source=sealed.path.name, source_fingerprint=sealed.info.fingerprint,
            )
            people.append(EarlierPerson(record, candidate.birth_year, sealed))
    return people


@dataclass(frozen=True)
class History:
    """The sealed rounds of one earlier year, and the files refused."""

    year: int
    rounds: tuple[SealedRound, ...]
    refused: tuple[RefusedFile, ...]

    @cached_property
    def people(self) -> tuple[EarlierPerson, ...]:
        return tuple(person for sealed in self.rounds for person in earlier_people(sealed))

    @cached_property
    def _by_key(self) -> dict[str, list[EarlierPerson]]:
        found: dict[str, list[EarlierPerson]] = {}
        for person in self.people:
            same = found.setdefault(person.record.person_key, [])
            if not any(p.round is person.round for p in same):  # on two forms of one round: the first
                same.append(person)
        return found

    def find(self, person_key: str | None, unit: tuple[str, str] | None = None) -> PriorResult | None:
        """The person's record that year; None when not found, or found in several bodies' rounds
        and none of them is `unit`'s own."""
        if not person_key:
            return None
        found = self._by_key.get(person_key, [])
        if unit is not None and len(found) > 1:
            found = [p for p in found if p.round.unit == unit] or found
        return found[0].record if len(found) == 1 else None

    def unit_held_round(self, unit: tuple[str, str]) -> bool:
        return any(sealed.unit == unit for sealed in self.rounds)


def read_history(paths: Iterable[Path], year: int) -> History:
    """The sealed rounds of `year` among the files and folders given; the rest refused with the reason."""
    rounds, refused = open_sealed_rounds(paths)
    kept = [r for r in rounds if r.year == year]
    other = [RefusedFile(r.path, "history_other_year", {"year": r.year, "wanted": year}, r.unit, r.year)
             for r in rounds if r.year != year]
    return History(year, tuple(kept), tuple(refused + other))


@dataclass(frozen=True)
class LinkReport:
    """What linking a round to an earlier year's files did."""

    year: int
    linked: tuple[PriorResult, ...]  # stored now (found by person key)
    replaced_by_hand: tuple[PriorResult, ...]  # figures typed in by hand that a sealed file replaced
    suggestions: tuple[Suggestion, ...]  # same name and birth year: for a person to confirm
    refused: tuple[RefusedFile, ...]


def link_history(service: RoundService, history: History) -> LinkReport:
    """Store the earlier year's result of every candidate found there by person key (one
    transaction), and suggest links for the others by name and birth year."""
    setup = service.setup
    unit = unit_of(setup)
    stored = {(p.person_key, p.year): p for p in service.prior_results()}
    links, replaced, linked_refs = [], [], set()
    for form in setup.forms:
        for candidate in form.candidates:
            record = history.find(candidate.person_key, unit)
            if record is None:
                continue
            ref = candidate_ref(candidate)
            linked_refs.add(ref)
            mine = stored.get((ref, history.year))
            if mine is not None and replace(mine, person_key=record.person_key) == record:
                continue
            if mine is not None and mine.by_hand:
                replaced.append(mine)
            links.append((form.code, candidate.order, record))
    done = service.link_priors(links) if links else []
    already = {key for key, year in stored if year == history.year}
    people = [(p.record, p.birth_year) for p in history.people]
    suggestions = suggest_links(setup, people, linked_refs | already)
    return LinkReport(history.year, tuple(done), tuple(replaced), tuple(suggestions), history.refused)


def next_round_setup(path: Path) -> RoundSetup:
    """The setup of next year's round from a round file: the year after, the same header, rule,
    team, forms and candidates (each with its person key, one made where it had none, so that the
    two years link), the counts at zero and the meeting date left to choose."""
    with RoundService.open(path, command_line_keyer(), read_only=True) as service:
        setup, uid = service.setup, service.info.uid
    year = setup.year + 1
    title = re.sub(rf"\b{setup.year}\b", str(year), setup.title)
    forms = tuple(
        BallotForm(form.code, form.title, Counts(0, 0, 0, 0),
                   tuple(replace(c, person_key=carried_key(uid, c)) for c in form.candidates))
        for form in setup.forms
    )
    return replace(setup, title=title, year=year, forms=forms, meeting=Meeting("", setup.meeting.place,
                                                                                setup.meeting.chair))


def carry_history(service: RoundService, source: Path) -> LinkReport:
    """After a round made by `next_round_setup(source)` is created: link its candidates to their
    results in the source file (used only when sealed and intact)."""
    return link_history(service, read_history([source], service.setup.year - 1))
