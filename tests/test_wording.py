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
