"""Every code the program can report has a Vietnamese sentence, with correct diacritics."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from tinnhiem_desktop.core.rules import PRESETS
from tinnhiem_desktop.export.wording import FLAG_NAMES, MESSAGES, sentence

PACKAGE = Path(__file__).resolve().parent.parent / "tinnhiem_desktop"
RAISED = re.compile(r'(?:TinNhiemError|Issue|problem|add|fail|_fail|r\.fail)\(\s*"([a-z0-9_]+)"')


def reported_codes() -> set[str]:
    codes = set()
    for source in PACKAGE.rglob("*.py"):
        codes.update(RAISED.findall(source.read_text(encoding="utf-8")))
    return codes


def test_the_scan_finds_the_codes_it_should():
    codes = reported_codes()
    assert {"json_syntax", "bad_mark", "round_file_in_use", "quorum_not_met", "mark_differs_from_log"} <= codes


@pytest.mark.parametrize("code", sorted(reported_codes()))
def test_every_reported_code_has_a_sentence(code):
    assert code in MESSAGES


def test_every_flag_of_every_preset_has_words():
    for preset in PRESETS.values():
        for band in preset.bands:
            assert band.flag in FLAG_NAMES


def test_messages_are_composed_unicode():
    for text in [*MESSAGES.values(), *FLAG_NAMES.values()]:
        assert unicodedata.is_normalized("NFC", text)


def test_a_sentence_fills_in_its_parameters():
    text = sentence("keyed_exceeds_collected", {"keyed": 59, "collected": 58})
    assert text == "Số phiếu đã nhập (59) nhiều hơn số phiếu thu về (58)."


def test_a_full_disk_is_said_in_vietnamese_naming_the_file(tmp_path, spec_file, round_path, monkeypatch, capsys):
    """The system's reason for refusing a write reaches the user in their words, not as
    "No space left on device", and nothing half-written is left behind."""
    import errno

    from tinnhiem_desktop import cli
    from tinnhiem_desktop.export import pdf

    assert cli.main(["new", str(round_path), "--spec", str(spec_file)]) == 0

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pdf.FPDF, "output", full)
    target = tmp_path / "bien-ban.pdf"
    assert cli.main(["export", str(round_path), "--minutes", str(target)]) != 0
    said = capsys.readouterr().err
    assert "ổ đĩa đã đầy" in said and str(target) in said and "No space" not in said
    assert not target.exists() and not list(tmp_path.glob("*.partial"))


def test_a_reason_without_a_code_is_kept_as_the_system_gave_it():
    from tinnhiem_desktop.core.issues import os_reason

    assert os_reason(OSError("lạ")) == "lạ"
    assert sentence("file_not_writable", {"file": "x.pdf", "detail": os_reason(PermissionError(13, "Permission denied"))}
                    ).count("không có quyền truy cập") == 1
