"""The one-line re-key format, read in core for the compare dialog and `tinnhiem-cli resolve`."""

from __future__ import annotations

import pytest

from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.core.rekey import parse_marks, parse_rekey
from tinnhiem_desktop.export.wording import describe_error


def test_one_character_per_candidate_or_invalid_with_a_reason():
    assert parse_rekey(" 1 2 x30 ", 5) == (
        {1: Mark.CAO, 2: Mark.TIN_NHIEM, 3: Mark.MULTI, 4: Mark.THAP, 5: Mark.NO_MARK}, "")
    assert parse_rekey("KHL: rách", 3) == ({}, "rách")
    assert parse_marks("X0", 2) == {1: Mark.MULTI, 2: Mark.NO_MARK}


@pytest.mark.parametrize("text, code, words", [
    ("129", "rekey_bad_cell", "Ký tự '9' ở vị trí 3 không phải 1, 2, 3, 0 hoặc x."),
    ("12", "rekey_wrong_length", "Cần đúng 3 ký tự (mỗi người một ký tự), đã gõ 2."),
    ("khl:  ", "rekey_reason_missing", "Cần ghi lý do sau 'khl:'."),
])
def test_what_is_wrong_is_a_code_worded_outside_core(text, code, words):
    with pytest.raises(TinNhiemError) as caught:
        parse_rekey(text, 3)
    assert caught.value.code == code and describe_error(caught.value) == words
