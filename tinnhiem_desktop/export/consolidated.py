"""The consolidated report (báo cáo tổng hợp) for the level above, as the Excel and PDF versions share
it: the units' sections, their totals, the files refused, and the words for each."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from ..core.history import Suggestion
from ..core.model import Header
from ..core.percent import vi_count
from ..core.results import CandidateResult, Rule, RoundResults
from ..core.rules import FLAGS
from .dates import vi_datetime
from .history_text import by_hand_notes
from ..core.audit import grouped
from .results_text import rule_sentence
from .wording import flag_words, flags_words, sentence


@dataclass(frozen=True)
class UnitSection:
    """One unit's sealed round as the report shows it."""

    results: RoundResults  # with last year's shares
    file: str
    fingerprint: str
    sealed_at: str
    sealed_by: str
    seal_reason: str | None = None
    last_year_file: str | None = None  # the unit's own sealed round of last year, when among the files
    last_year_refused: tuple[str, ...] = ()  # the unit's files of last year that could not be used
    suggestions: tuple[Suggestion, ...] = ()  # same name and birth year last year: not linked, so not counted
    paper_checked: bool = False  # the fingerprint matched the unit's signed paper report

    @property
    def unit(self) -> str:
        return self.results.setup.header.unit

    @property
    def people(self) -> list[tuple[str, CandidateResult]]:
        """(form code, person) in list order."""
        return [(form.form.code, person) for form in self.results.forms for person in form.candidates]


@dataclass(frozen=True)
class RefusedLine:
    """A file not used, as the report names it, and why (a code of `wording.MESSAGES`)."""

    file: str
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def reason(self) -> str:
        return sentence(self.code, self.params)


@dataclass(frozen=True)
class RefusedReasons:
    """Why each file was refused, as (file name, code, parameters), for an error's parameters;
    worded when the message is: "a.tinnhiem: Chưa chốt kết quả; b.tinnhiem: …"."""

    files: tuple[tuple[str, str, Mapping[str, Any]], ...]

    def __str__(self) -> str:
        return "; ".join(f"{name}: {sentence(code, params).rstrip('.')}" for name, code, params in self.files) + "."


@dataclass(frozen=True)
class ConsolidatedReport:
    header: Header  # the body that consolidates: the level above the units
    date: str  # ISO date of the report
    year: int
    title: str
    units: tuple[UnitSection, ...]
    refused: tuple[RefusedLine, ...]
    history_files: int  # last year's sealed files used
    prepared_by: str = ""
    head: str = ""  # the head of the consolidating body, who signs
    number: str = ""  # "Số: 12/BC-..." under the consolidating body; dots when empty

    @property
    def signers(self) -> tuple[tuple[str, str], ...]:
        """(title, name) of each signature block; a name left empty is written by hand."""
        return ("Người lập biểu", self.prepared_by), ("Thủ trưởng cơ quan", self.head)


def default_title(year: int) -> str:
    return f"BÁO CÁO TỔNG HỢP KẾT QUẢ LẤY PHIẾU TÍN NHIỆM NĂM {year}"


@dataclass(frozen=True)
class Totals:
    people: int
    flagged: int  # people with at least one threshold reached
    flags: Counter  # people per (flag, its words): a unit that moved a threshold words it its own way
    with_last_year: int
    by_hand: int  # of which typed in by hand

    @classmethod
    def of(cls, units: Sequence[UnitSection]) -> Totals:
        people = [person for unit in units for _, person in unit.people]
        flags = Counter((flag, flag_words(unit.results.rule, flag))
                        for unit in units for _, person in unit.people for flag in person.flags)
        return cls(
            people=len(people),
            flagged=sum(1 for p in people if p.flags),
            flags=flags,
            with_last_year=sum(1 for p in people if p.prior is not None),
            by_hand=sum(1 for p in people if p.prior is not None and p.prior.by_hand),
        )

    def flag_words(self) -> str:
        """'Tín nhiệm thấp trên 1/2: 2 người; ...' in the order of the presets' flags; 'không có' when none."""
        order = sorted(self.flags, key=lambda key: (FLAGS.index(key[0]) if key[0] in FLAGS else len(FLAGS), key[1]))
        parts = [f"{words}: {self.flags[(flag, words)]} người" for flag, words in order]
        return "; ".join(parts) or "không có người nào đến ngưỡng"

    def last_year_words(self, year: int) -> str:
        hand = f" ({self.by_hand} người nhập tay)" if self.by_hand else ""
        return f"có số liệu năm {year} của {self.with_last_year}/{self.people} người{hand}"


def introduction(report: ConsolidatedReport) -> str:
    refused = (f" {len(report.refused)} tệp không được sử dụng, kèm lý do, ở mục III."
               if report.refused else " Không có tệp nào bị loại.")
    return (f"Tổng hợp từ {len(report.units)} tệp đợt lấy phiếu năm {report.year} của {len(report.units)} đơn vị, "
            "mỗi tệp đã chốt kết quả và được kiểm tra nguyên vẹn (chuỗi băm của nhật ký, đối chiếu dữ liệu với "
            f"nhật ký, dấu vân tay khi chốt). Số liệu năm {report.year - 1} lấy từ {report.history_files} tệp năm "
            f"{report.year - 1} đã chốt và nguyên vẹn, hoặc do đơn vị nhập tay có ghi nguồn.{refused}")


def unit_lines(section: UnitSection, year: int) -> list[str]:
    """What the report says of a unit before its table: body, rule, counts, file, last year."""
    setup, results = section.results.setup, section.results
    lines = []
    if setup.header.parent:
        lines.append(f"Cơ quan cấp trên: {setup.header.parent}.")
    lines.append(rule_sentence(results.rule))
    for form in results.forms:
        counts, tally = form.form.counts, form.tally
        lines.append(f"Loại phiếu {form.form.code} ({form.form.title}): triệu tập {vi_count(counts.summoned)}, "
                     f"có mặt {vi_count(counts.present)}, phát ra {vi_count(counts.issued)}, thu về "
                     f"{vi_count(counts.collected)}, hợp lệ {vi_count(tally.valid)}, không hợp lệ "
                     f"{vi_count(tally.invalid)}.")
    paper = ("khớp với dấu vân tay trên báo cáo giấy của đơn vị" if section.paper_checked
             else "chưa đối chiếu với báo cáo giấy")
    lines.append(f"Tệp {section.file}: chốt kết quả lúc {vi_datetime(section.sealed_at)}; người chốt: "
                 f"{section.sealed_by}; dấu vân tay {grouped(section.fingerprint)} ({paper}).")
    if section.seal_reason:
        lines.append(f"Lý do chốt khi số liệu chưa khớp: {section.seal_reason}")
    held = " (số liệu năm trước do đơn vị liên kết hoặc nhập tay)" if _any_prior(section) else ""
    if section.last_year_file:
        lines.append(f"Số liệu năm {year - 1}: theo tệp {section.last_year_file}.")
    elif section.last_year_refused:
        lines.append(f"Tệp năm {year - 1} của đơn vị ({', '.join(section.last_year_refused)}) không sử dụng được, "
                     f"xem mục III{held}.")
    else:
        lines.append(f"Không có tệp năm {year - 1} của đơn vị này trong các tệp tổng hợp{held}.")
    return lines


def unit_notes(section: UnitSection, year: int) -> list[str]:
    """What follows a unit's table: figures typed in by hand, and suggested links."""
    notes = by_hand_notes((person for _, person in section.people), year - 1)
    notes += [f"Chưa liên kết: {suggestion_words(s, year - 1)}" for s in section.suggestions]
    return notes


def suggestion_words(suggestion: Suggestion, year: int) -> str:
    earlier = suggestion.earlier
    return (f"{suggestion.candidate.name} (loại phiếu {suggestion.form}) có thể là {earlier.name} năm {year} "
            f"trong tệp {earlier.source} (cùng họ tên và năm sinh {suggestion.candidate.birth_year}); "
            "đơn vị cần liên kết trong tệp của mình để tính quy định hai năm liên tiếp.")


def flags_text(rule: Rule, person: CandidateResult) -> str:
    return flags_words(rule, person.flags)


def _any_prior(section: UnitSection) -> bool:
    return any(person.prior is not None for _, person in section.people)
