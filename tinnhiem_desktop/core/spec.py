"""The round definition (JSON): parsing with precise errors, and its canonical dict form.

The canonical dict is the same shape as the definition file, so a setup written out reads back
identically. The keys of the first version are always present; a later key (`entry_mode`,
a candidate's `provincial`) only when it differs from its default, so that the setup of a round
sealed before the key existed serialises, and fingerprints, as it did then.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from .issues import Location, TinNhiemError
from .model import (
    BallotForm, Candidate, Counts, EntryMode, Header, HeaderStyle, Meeting, RoundSetup, TeamMember,
)
from .rules import PRESETS, Base

COUNT_KEYS = ("summoned", "present", "issued", "collected")
MIN_BIRTH_YEAR, MAX_BIRTH_YEAR = 1900, 2100
MAX_DECIMALS = 6


def nfc(text: str) -> str:
    """Vietnamese text is stored composed (NFC) and stripped: decomposed text prints wrong."""
    return unicodedata.normalize("NFC", text).strip()


def folded(text: str) -> str:
    """Lower case, no diacritics, words of letters and digits only: "Họ và tên:" -> "ho va ten"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isascii() and c.isalnum() else " " for c in bare).split())


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, code: str, path: str, **params: Any) -> TinNhiemError:
        return TinNhiemError(code, Location(self.source, path=path), **params)

    def obj(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail("spec_expected_object", path)
        return value

    def list(self, value: Any, path: str, *, non_empty: bool = False) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail("spec_expected_list", path)
        if non_empty and not value:
            raise self.fail("spec_empty_list", path)
        return value

    def text(self, data: dict[str, Any], key: str, path: str, *, required: bool = True) -> str:
        value = data.get(key)
        where = f"{path}.{key}" if path else key
        if value is None:
            if required:
                raise self.fail("spec_missing_key", where, key=key)
            return ""
        if not isinstance(value, str):
            raise self.fail("spec_expected_text", where, key=key)
        value = nfc(value)
        if required and not value:
            raise self.fail("spec_empty_text", where, key=key)
        return value

    def integer(
        self,
        data: dict[str, Any],
        key: str,
        path: str,
        *,
        required: bool = True,
        minimum: int = 0,
        maximum: int | None = None,
    ) -> int | None:
        value = data.get(key)
        where = f"{path}.{key}" if path else key
        if value is None:
            if required:
                raise self.fail("spec_missing_key", where, key=key)
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail("spec_expected_integer", where, key=key, value=value)
        if value < minimum:
            raise self.fail("spec_integer_too_small", where, key=key, value=value, minimum=minimum)
        if maximum is not None and value > maximum:
            raise self.fail("spec_integer_too_large", where, key=key, value=value, maximum=maximum)
        return value

    def flag(self, data: dict[str, Any], key: str, path: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail("spec_expected_boolean", f"{path}.{key}" if path else key, key=key, value=value)
        return value


def parse_round_spec(text: str, source: str) -> RoundSetup:
    """Parse a round definition; raise TinNhiemError naming the file and where it is wrong."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise TinNhiemError(
            "json_syntax", Location(source, error.lineno, error.colno), detail=error.msg
        ) from None
    return setup_from_dict(data, source)


def setup_from_dict(data: Any, source: str) -> RoundSetup:
    r = _Reader(source)
    data = r.obj(data, "")
    title = r.text(data, "title", "")
    year = r.integer(data, "year", "", minimum=1945)
    rule_id = r.text(data, "rule", "")
    if rule_id not in PRESETS:
        raise r.fail("unknown_rule", "rule", rule=rule_id, known=sorted(PRESETS))
    percent_base = data.get("percent_base")
    if percent_base is not None and (not isinstance(percent_base, str) or percent_base not in set(Base)):
        raise r.fail("unknown_percent_base", "percent_base", base=percent_base, known=[b.value for b in Base])
    decimals = r.integer(data, "decimals", "", required=False)
    if decimals is not None and decimals > MAX_DECIMALS:
        raise r.fail("decimals_out_of_range", "decimals", value=decimals, maximum=MAX_DECIMALS)

    header_data = r.obj(data.get("header", {}), "header")
    style = header_data.get("style", HeaderStyle.STATE.value)
    if not isinstance(style, str) or style not in set(HeaderStyle):
        raise r.fail("unknown_header_style", "header.style", style=style)
    header = Header(
        HeaderStyle(style),
        r.text(header_data, "parent", "header", required=False),
        r.text(header_data, "unit", "header"),
    )
    meeting_data = r.obj(data.get("meeting", {}), "meeting")
    meeting = Meeting(*(r.text(meeting_data, key, "meeting", required=False) for key in ("date", "place", "chair")))

    team = []
    for i, member in enumerate(r.list(data.get("team", []), "team")):
        path = f"team[{i}]"
        member = r.obj(member, path)
        team.append(TeamMember(r.text(member, "name", path), r.text(member, "role", path, required=False)))

    forms = []
    seen_codes: set[str] = set()
    for i, form_data in enumerate(r.list(data.get("forms"), "forms", non_empty=True)):
        path = f"forms[{i}]"
        form_data = r.obj(form_data, path)
        code = form_data.get("id")
        if isinstance(code, int) and not isinstance(code, bool):
            code = str(code)
        if not isinstance(code, str) or not nfc(code):
            raise r.fail("spec_missing_key", f"{path}.id", key="id")
        code = nfc(code)
        if "," in code:
            raise r.fail("form_id_has_comma", f"{path}.id", form=code)
        if code in seen_codes:
            raise r.fail("duplicate_form_id", f"{path}.id", form=code)
        seen_codes.add(code)
        counts = Counts(*(r.integer(form_data, key, path) for key in COUNT_KEYS))
        candidates = []
        keys_seen: set[str] = set()
        cand_list = r.list(form_data.get("candidates"), f"{path}.candidates", non_empty=True)
        for j, cand in enumerate(cand_list):
            cpath = f"{path}.candidates[{j}]"
            cand = r.obj(cand, cpath)
            person_key = r.text(cand, "person_key", cpath, required=False) or None
            if person_key is not None:
                if person_key in keys_seen:
                    raise r.fail("duplicate_person_key", f"{cpath}.person_key", key=person_key)
                keys_seen.add(person_key)
            candidates.append(
                Candidate(
                    order=j + 1,
                    name=r.text(cand, "name", cpath),
                    position=r.text(cand, "position", cpath, required=False),
                    birth_year=r.integer(cand, "birth_year", cpath, required=False,
                                         minimum=MIN_BIRTH_YEAR, maximum=MAX_BIRTH_YEAR),
                    person_key=person_key,
                    provincial=r.flag(cand, "provincial", cpath),
                )
            )
        forms.append(BallotForm(code, r.text(form_data, "title", path), counts, tuple(candidates)))

    entry_mode = data.get("entry_mode", EntryMode.SINGLE.value)
    if not isinstance(entry_mode, str) or entry_mode not in set(EntryMode):
        raise r.fail("unknown_entry_mode", "entry_mode", mode=entry_mode, known=[m.value for m in EntryMode])

    return RoundSetup(
        title=title,
        year=year,
        rule_id=rule_id,
        header=header,
        meeting=meeting,
        team=tuple(team),
        forms=tuple(forms),
        percent_base=percent_base,
        decimals=decimals,
        entry_mode=EntryMode(entry_mode),
    )


def setup_to_dict(setup: RoundSetup) -> dict[str, Any]:
    later: dict[str, Any] = {}
    if setup.entry_mode is not EntryMode.SINGLE:
        later["entry_mode"] = setup.entry_mode.value
    return {
        "title": setup.title,
        "year": setup.year,
        "rule": setup.rule_id,
        "percent_base": setup.percent_base,
        "decimals": setup.decimals,
        "header": {"style": setup.header.style.value, "parent": setup.header.parent, "unit": setup.header.unit},
        "meeting": {"date": setup.meeting.date, "place": setup.meeting.place, "chair": setup.meeting.chair},
        "team": [{"name": m.name, "role": m.role} for m in setup.team],
        "forms": [
            {
                "id": form.code,
                "title": form.title,
                **form.counts.as_dict(),
                "candidates": [
                    {
                        "name": c.name,
                        "position": c.position,
                        "birth_year": c.birth_year,
                        "person_key": c.person_key,
                        **({"provincial": True} if c.provincial else {}),
                    }
                    for c in form.candidates
                ],
            }
            for form in setup.forms
        ],
        **later,
    }
