"""One way to compare names: as an identity, loosely, and folded to words."""

from __future__ import annotations

import unicodedata

from tinnhiem_desktop.core.names import folded, loose_name, name_key


def test_a_name_as_an_identity_ignores_case_spacing_and_composition_only():
    decomposed = unicodedata.normalize("NFD", "Lê Văn An")
    assert name_key(f"  {decomposed.upper()}  ") == name_key("Lê  Văn An") == "lê văn an"
    assert name_key("Hoà") != name_key("Hòa")


def test_a_loose_name_ignores_diacritics_too():
    assert loose_name("Nguyễn Thị Hoà") == loose_name("NGUYEN THI HÒA") == "nguyen thi hoa"
    assert loose_name("Đỗ Minh Tuấn") == "do minh tuan"


def test_folded_text_keeps_words_of_letters_and_digits():
    assert folded("Họ và tên:") == "ho va ten"
    assert folded("Năm sinh (*)") == "nam sinh"
