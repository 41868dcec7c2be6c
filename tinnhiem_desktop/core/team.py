"""The counting team: who heads it, and that none of its members is rated."""

from __future__ import annotations

from typing import Sequence

from .issues import Issue, Severity
from .model import RoundSetup, TeamMember
from .names import name_key
from .rules import DEFAULT_TEAM_NAME

HEAD_TITLES = ("tổ trưởng", "trưởng tổ", "trưởng ban")


def head_title(team_name: str = DEFAULT_TEAM_NAME) -> str:
    """The head's title a team's name gives: "Tổ trưởng" for a Tổ kiểm phiếu, "Trưởng ban" for a Ban."""
    first = team_name.split()[0] if team_name.split() else "Tổ"
    return "Tổ trưởng" if first.lower() == "tổ" else f"Trưởng {first.lower()}"


def round_team_name(setup: RoundSetup) -> str:
    """What the round's rule calls its counting team (the default when the rule cannot be read)."""
    from .issues import TinNhiemError
    from .results import round_rule

    try:
        return round_rule(setup).team_name
    except TinNhiemError:
        return DEFAULT_TEAM_NAME


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
    team = {"team": round_team_name(setup)}  # the words name the team as the rule does
    if not setup.team:
        issues.append(Issue("team_not_proposed", Severity.WARNING, None, {"path": "team", **team}))
    elif team_head(setup.team) is None:
        issues.append(Issue("team_without_head", Severity.WARNING, None, {"path": "team", **team}))
    for i in rated_members(setup):
        issues.append(Issue("team_member_rated", Severity.WARNING, None,
                            {"path": f"team[{i}].name", "name": setup.team[i].name, **team}))
    return issues
