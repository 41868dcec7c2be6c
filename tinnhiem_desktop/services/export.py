"""Writing a round's documents: one call, each document complete on disk or not at all."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..core.issues import Issue, Severity, TinNhiemError
from ..export.minutes import Seal, write_minutes
from .procedure import ProcedureService, note_blank_ballots_printed
from .rounds import RoundService

DOCUMENT_NAMES = {
    "minutes": "Biên bản kiểm phiếu",
    "notices": "Thông báo kết quả cho từng người",
    "summary": "Báo cáo kết quả tổng hợp",
    "blank_ballots": "Phiếu lấy phiếu tín nhiệm (phiếu trắng)",
    "entry_log": "Nhật ký nhập phiếu",
    "csv": "Dữ liệu phiếu (CSV)",
}


@dataclass(frozen=True)
class ExportRequest:
    minutes: Path | None = None
    summary: Path | None = None
    blank_ballots: Path | None = None
    entry_log: Path | None = None
    csv: Path | None = None
    copies: int | None = None  # blank ballots per form; by default each form's issued count
    notices: Path | None = None  # after `copies` so that positional callers keep working

    def targets(self) -> dict[str, Path]:
        return {name: Path(getattr(self, name)) for name in DOCUMENT_NAMES if getattr(self, name) is not None}


def export_warnings(service: RoundService) -> list[Issue]:
    """Why the documents are not final yet: not sealed, or counts that do not reconcile."""
    warnings = [] if service.info.sealed else [Issue("round_not_sealed", Severity.WARNING)]
    return warnings + service.seal_problems()


def export_documents(
    service: RoundService, request: ExportRequest, progress: Callable[[str], None] | None = None
) -> list[Path]:
    """Write every document the request names; returns the files written, in order."""
    targets = request.targets()
    if not targets:
        raise TinNhiemError("nothing_to_export")
    results, info = service.results(), service.info
    seal = Seal(info.sealed_at, info.sealed_by, info.fingerprint, info.seal_reason, service.corrects(),
                differences=len(service.differences()))
    written = []
    for name, target in targets.items():
        if progress:
            progress(DOCUMENT_NAMES[name])
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if name == "minutes":
                written.append(write_minutes(results, target, seal, team_vote=ProcedureService(service).team_vote()))
            elif name == "notices":
                from ..export.notices import write_notices

                written.append(write_notices(results, target, seal))
            elif name == "summary":
                from ..export.summary_xlsx import write_summary

                written.append(write_summary(results, target, sealed_at=info.sealed_at, fingerprint=info.fingerprint))
            elif name == "blank_ballots":
                from ..export.blank_ballots import write_blank_ballots

                written.append(write_blank_ballots(service.setup, target, request.copies))
                note_blank_ballots_printed(service, request.copies)
            elif name == "entry_log":
                from ..export.entry_log import write_entry_log

                written.append(write_entry_log(service.setup, service.events(), target,
                                               fingerprint=info.fingerprint, sealed_at=info.sealed_at,
                                               differences=service.differences()))
            else:
                from ..export.ballots_export import write_ballots_csv

                written.append(write_ballots_csv(service.setup, service.counted_ballots(), target))
        except OSError as error:
            raise TinNhiemError("file_not_writable", file=str(target), detail=error.strerror or str(error)) from None
    return written
