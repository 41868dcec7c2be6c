"""What the papers print about the seal (no document library here, so commands that write no
paper do not load one)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from .dates import vi_datetime


@dataclass(frozen=True)
class Seal:
    """What the file says about sealing; all None while the round is not sealed."""

    sealed_at: str | None = None
    sealed_by: str | None = None
    fingerprint: str | None = None
    reason: str | None = None
    corrects: Mapping[str, str] | None = None  # the sealed round this one corrects
    differences: int = 0  # ballots on which the two passes of a double-entry round differed


def seal_lead(seal: Seal) -> str:
    """'Kết quả được chốt lúc 20 giờ 08, ngày 24 tháng 11 năm 2026; người chốt: Lê Thị Hồng. Dấu vân tay …:'"""
    who = f"; người chốt: {seal.sealed_by}" if seal.sealed_by else ""
    return (f"Kết quả được chốt lúc {vi_datetime(seal.sealed_at)}{who}. "
            "Dấu vân tay (SHA-256) của tệp đợt lấy phiếu:")
