"""The counting team's name as a document writes it: the rule's word for the team ("Tổ kiểm phiếu",
or "Ban kiểm phiếu" where QĐ 262/96 and the National Assembly's resolutions say so), in capitals for a
heading and a signature, its head's title, and its letters in a document's symbol (BB-TKP, BB-BKP)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..core.results import Rule
from ..core.rules import DEFAULT_TEAM_NAME
from ..core.team import head_title
from .results_text import rule_label


@dataclass(frozen=True)
class TeamWords:
    name: str = DEFAULT_TEAM_NAME

    @property
    def upper(self) -> str:
        return self.name.upper()

    @property
    def head(self) -> str:
        """The head's title: "Tổ trưởng" for a Tổ, "Trưởng ban" for a Ban."""
        return head_title(self.name)

    @property
    def symbol(self) -> str:
        """The initials of the name's words, without their tone marks (Ban kiểm phiếu: BKP)."""
        def initial(word: str) -> str:
            letter = unicodedata.normalize("NFD", word[0])[0]
            return "Đ" if word[0] in "Đđ" else letter.upper()

        return "".join(initial(word) for word in self.name.split()) or "TKP"


def team_words(rule: Rule) -> TeamWords:
    return TeamWords(rule.team_name)


def rule_line(rule: Rule) -> str:
    """'Quy tắc áp dụng: …; căn cứ: …; tên gọi bộ phận kiểm phiếu: Ban kiểm phiếu.'"""
    return (f"Quy tắc áp dụng: {rule_label(rule)}; căn cứ: {rule.preset.source}; "
            f"tên gọi bộ phận kiểm phiếu: {rule.team_name}.")


def closing_line(team: str) -> str:
    return (f"Biên bản lập xong hồi ...... giờ ...... cùng ngày, đã đọc lại cho {team} cùng nghe "
            "và thống nhất ký tên dưới đây.")
