"""How names are compared: as an identity, loosely to suggest a link, and folded to match words."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def name_key(text: str) -> str:
    """A name as an identity: composed, case-folded, single spaces ("Lê  Văn AN" -> "lê văn an")."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _bare(text: str) -> str:
    """The text without diacritics, "đ" read as "d"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)  # a consolidation compares the same few thousand names over and over
def loose_name(text: str) -> str:
    """A name without diacritics or case ("Hoà" and "Hòa" alike), to suggest a link a person
    then confirms."""
    return " ".join(_bare(text).casefold().split())


def folded(text: str) -> str:
    """Lower case, no diacritics, words of letters and digits only: "Họ và tên:" -> "ho va ten"."""
    return " ".join("".join(c if c.isascii() and c.isalnum() else " " for c in _bare(text).lower()).split())
