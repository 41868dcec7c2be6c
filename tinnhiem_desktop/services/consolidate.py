"""Consolidation (tổng hợp): many units' sealed round files of one year, each verified, their results
with last year's beside them, for one report to the level above."""

from __future__ import annotations

import datetime
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from ..core.history import PriorResult, Suggestion, candidate_ref, loose_name, suggest_links
from ..core.issues import TinNhiemError, os_reason
from ..core.model import Header, HeaderStyle, RoundSetup
from ..core.results import CandidateResult, RoundResults, with_previous
from ..core.rules import PriorShare
from ..core.spec import nfc
from ..export.consolidated import ConsolidatedReport, RefusedLine, RefusedReasons, UnitSection, default_title
from .history import History, RefusedFile, SealedRound, open_sealed_rounds, round_files


@dataclass(frozen=True)
class UnitResult:
    """One unit's round, its results with last year's figures, and what is known of last year."""

    round: SealedRound
    results: RoundResults
    held_last_year: bool  # a sealed round of this unit for last year was among the files
    suggestions: tuple[Suggestion, ...]  # people not linked to last year who may be found there

    @property
    def people(self) -> list[CandidateResult]:
        return [person for form in self.results.forms for person in form.candidates]

    def flag_counts(self) -> Counter[str]:
        return Counter(flag for person in self.people for flag in person.flags)

    @property
    def flagged(self) -> int:
        return sum(1 for person in self.people if person.flags)


@dataclass(frozen=True)
class Consolidation:
    year: int
    units: tuple[UnitResult, ...]
    history: History  # last year's sealed rounds
    refused: tuple[RefusedFile, ...]  # every file not used, this year's and last year's

    @property
    def people(self) -> int:
        return sum(len(unit.people) for unit in self.units)

    def flag_counts(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for unit in self.units:
            total.update(unit.flag_counts())
        return total


def consolidate(paths: Iterable[Path], year: int | None = None, papers: Mapping[str, str] | None = None
                ) -> Consolidation:
    """Open every round file named (folders: the files directly in them), verify each, and gather
    the rounds of `year` (by default the latest year among the usable files) with last year's results
    beside them. Files of last year serve as history; any other file is refused with the reason.
    `papers` (file name -> fingerprint on the unit's signed report) refuses a file that does not match."""
    paths = list(paths)
    if not round_files(paths):
        raise TinNhiemError("no_round_files", paths=", ".join(str(p) for p in paths))
    rounds, refused = open_sealed_rounds(paths, papers)
    if not rounds:
        reasons = RefusedReasons(tuple((f.path.name, f.code, f.params) for f in refused))
        raise TinNhiemError("consolidate_nothing", reasons=reasons)
    if year is None:
        year = max(r.year for r in rounds)
    current = [r for r in rounds if r.year == year]
    if not current:
        raise TinNhiemError("consolidate_no_year", year=year)
    earlier = [r for r in rounds if r.year == year - 1]
    refused += [RefusedFile(r.path, "consolidate_other_year", {"year": r.year, "wanted": year, "previous": year - 1},
                            r.unit, r.year) for r in rounds if r.year not in (year, year - 1)]
    history = History(year - 1, tuple(earlier), ())
    by_name = _by_loose_name(history)
    held = {sealed.unit for sealed in history.rounds}
    units = []
    for sealed in sorted(current, key=_unit_order):
        results = with_previous(sealed.results, last_year_for(sealed, history))
        linked = {candidate_ref(p.candidate) for form in results.forms for p in form.candidates if p.prior}
        suggestions = suggest_links(sealed.setup, _namesakes(sealed.setup, by_name), linked)
        units.append(UnitResult(sealed, results, sealed.unit in held, tuple(suggestions)))
    return Consolidation(year, tuple(units), history, tuple(refused))


def _by_loose_name(history: History) -> dict[str, list[tuple[PriorResult, int | None]]]:
    """Last year's people (each with their birth year) by name without diacritics or case, once:
    each unit's links are then suggested from its namesakes, not from every unit's people."""
    found: dict[str, list[tuple[PriorResult, int | None]]] = {}
    for person in history.people:
        found.setdefault(loose_name(person.record.name), []).append((person.record, person.birth_year))
    return found


def _namesakes(setup: RoundSetup, by_name: dict[str, list[tuple[PriorResult, int | None]]]
               ) -> list[tuple[PriorResult, int | None]]:
    names = dict.fromkeys(loose_name(c.name) for form in setup.forms for c in form.candidates)
    return [person for name in names for person in by_name.get(name, ())]


def _unit_order(sealed: SealedRound) -> tuple[str, ...]:
    """Units in the order of their names, letters before their diacritics (Đ with D, not after Z)."""
    header = sealed.setup.header
    return loose_name(header.parent), loose_name(header.unit), header.unit


def last_year_for(sealed: SealedRound, history: History) -> dict[str, PriorShare]:
    """Last year's share of each of the round's people: from last year's sealed files (by person
    key), else as the round file itself holds it (linked there, or typed in by hand)."""
    shares = {p.person_key: p.share for p in sealed.priors if p.year == history.year}
    for form in sealed.setup.forms:
        for candidate in form.candidates:
            record = history.find(candidate.person_key, sealed.unit)
            if record is not None:
                shares[candidate_ref(candidate)] = record.share
    return shares


def report_of(
    consolidation: Consolidation,
    *,
    unit: str = "",
    parent: str = "",
    title: str = "",
    date: str | None = None,
    prepared_by: str = "",
    head: str = "",
    number: str = "",
) -> ConsolidatedReport:
    """The report's content. The body that consolidates is `unit` (under `parent`); by default
    the body the units report to, as most of their files name it."""
    rounds = [u.round for u in consolidation.units]
    names = display_names([r.path for r in rounds] + [r.path for r in consolidation.history.rounds]
                          + [f.path for f in consolidation.refused])
    if not unit:
        unit, parent = _most_common(r.setup.header.parent for r in rounds) or "", ""
    style = _most_common(r.setup.header.style for r in rounds) or HeaderStyle.STATE
    last_year = {r.unit: r for r in consolidation.history.rounds}
    sections = []
    for result in consolidation.units:
        sealed, info = result.round, result.round.info
        earlier = last_year.get(sealed.unit)
        refused_earlier = [names[f.path] for f in consolidation.refused
                           if f.unit == sealed.unit and f.year == consolidation.year - 1]
        sections.append(UnitSection(
            results=result.results, file=names[sealed.path], fingerprint=info.fingerprint, sealed_at=info.sealed_at,
            sealed_by=info.sealed_by or "", seal_reason=info.seal_reason,
            last_year_file=names[earlier.path] if earlier else None,
            last_year_refused=tuple(refused_earlier),
            suggestions=result.suggestions, paper_checked=sealed.paper_checked,
        ))
    refused = tuple(RefusedLine(names[f.path], f.code, f.params) for f in consolidation.refused)
    return ConsolidatedReport(
        header=Header(style, nfc(parent), nfc(unit) or "." * 40),
        date=date or datetime.date.today().isoformat(),
        year=consolidation.year,
        title=nfc(title) or default_title(consolidation.year),
        units=tuple(sections),
        refused=refused,
        history_files=len(consolidation.history.rounds),
        prepared_by=nfc(prepared_by),
        head=nfc(head),
        number=nfc(number),
    )


def display_names(paths: Iterable[Path]) -> dict[Path, str]:
    """How the report names each file: its path from the folder the files share (the name alone
    when they are all in one folder)."""
    paths = list(paths)
    if not paths:
        return {}
    try:
        common = Path(os.path.commonpath([p.resolve().parent for p in paths]))
    except ValueError:  # different drives
        return {p: str(p) for p in paths}
    return {p: p.resolve().relative_to(common).as_posix() for p in paths}


def _most_common(values: Iterable):
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def write_report(report: ConsolidatedReport, xlsx: Path | None = None, pdf: Path | None = None) -> list[Path]:
    """Write the report as Excel and/or PDF; each file complete on disk or not at all."""
    written = []
    for target, writer in ((xlsx, "xlsx"), (pdf, "pdf")):
        if target is None:
            continue
        target = Path(target)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if writer == "xlsx":
                from ..export.consolidated_xlsx import write_consolidated_xlsx

                written.append(write_consolidated_xlsx(report, target))
            else:
                from ..export.consolidated_pdf import write_consolidated_pdf

                written.append(write_consolidated_pdf(report, target))
        except OSError as error:
            raise TinNhiemError("file_not_writable", file=str(target), detail=os_reason(error)) from None
    return written
