"""The counting team: who heads it, and that none of its members is rated."""

from __future__ import annotations

from typing import Sequence

from .issues import Issue, Severity
from .model import RoundSetup, TeamMember
from .names import name_key

HEAD_TITLES = ("tổ trưởng", "trưởng tổ", "trưởng ban")


def is_head_role(role: str) -> bool:
    """A role that starts with a head's title ("Tổ trưởng", "Trưởng Ban kiểm phiếu"); a deputy's
    ("Phó tổ trưởng", "Tổ phó") never does. Case and spacing aside, diacritics count."""
    words = name_key(role).split()
    return any(words[:len(title.split())] == title.split() for title in HEAD_TITLES)


def team_head(team: Sequence[TeamMember]) -> TeamMember | None:
    """The first member whose role is a head's; None rather than a guess."""
    return next((member for member in team if is_head_role(member.role)), None)


def head_first(team: Sequence[TeamMember]) -> tuple[TeamMember, ...]:
    """The team in the order it signs: the head, then the others as listed."""
    head = team_head(team)
    return tuple(([head] if head else []) + [member for member in team if member is not head])


def rated_members(setup: RoundSetup) -> list[int]:
    """The indexes of the team members who are also on a form's candidate list (by name)."""
    rated = {name_key(c.name) for form in setup.forms for c in form.candidates}
    return [i for i, member in enumerate(setup.team) if name_key(member.name) in rated]


def team_issues(setup: RoundSetup) -> list[Issue]:
    """No team, no head, or a member who is also rated; each with the path of the setup it is at."""
    issues = []
    if not setup.team:
        issues.append(Issue("team_not_proposed", Severity.WARNING, None, {"path": "team"}))
    elif team_head(setup.team) is None:
        issues.append(Issue("team_without_head", Severity.WARNING, None, {"path": "team"}))
    for i in rated_members(setup):
        issues.append(Issue("team_member_rated", Severity.WARNING, None,
                            {"path": f"team[{i}].name", "name": setup.team[i].name}))
    return issues
