"""The round definition (JSON): parsing with precise errors, and its canonical dict form.

The canonical dict is the same shape as the definition file, so a setup written out reads back
identically. The keys of the first version are always present; a later key (`entry_mode`,
a candidate's `provincial`, `rule_custom`) only when it differs from its default, so that the setup
of a round sealed before the key existed serialises, and fingerprints, as it did then.

A rule's bands are written as the words read: `{"flag": "thap_over_half", "over": "1/2",
"below": "2/3"}` is "trên 1/2 và dưới 2/3"; `at_least` is "từ … trở lên", `up_to` "không quá".
"""

from __future__ import annotations

import json
import unicodedata
from fractions import Fraction
from typing import Any

from .issues import Location, TinNhiemError
from .validation import COUNT_KEYS, definition_issues
from .limits import MAX_COUNT, MAX_TEXT
from .model import (
    BallotForm, Candidate, Counts, EntryMode, Header, HeaderStyle, Meeting, RoundSetup, TeamMember,
)
from .rules import (
    DEFAULT_TEAM_NAME, FLAGS, MAX_TEAM_NAME, PRESETS, Band, Base, Bound, Preset, RuleCustom, band_is_empty,
    parse_share, quorum_text, rule_custom,
)

RULE_KEYS = ("rule", "percent_base", "decimals", "rule_custom")
SAVED_PRESET_FORMAT = 1
MAX_DECIMALS = 6


def nfc(text: str) -> str:
    """Vietnamese text is stored composed (NFC) and stripped: decomposed text prints wrong."""
    return unicodedata.normalize("NFC", text).strip()


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

    def text(self, data: dict[str, Any], key: str, path: str, *, required: bool = True,
             may_be_empty: bool = False) -> str:
        """A text; `required`: the key must be there, and unless `may_be_empty` (checked later,
        by `definition_issues`) not empty."""
        value = data.get(key)
        where = f"{path}.{key}" if path else key
        if value is None:
            if required:
                raise self.fail("spec_missing_key", where, key=key)
            return ""
        if not isinstance(value, str):
            raise self.fail("spec_expected_text", where, key=key)
        value = nfc(value)
        if required and not value and not may_be_empty:
            raise self.fail("spec_empty_text", where, key=key)
        if len(value) > MAX_TEXT:
            raise self.fail("spec_text_too_long", where, key=key, length=len(value), maximum=MAX_TEXT)
        return value

    def integer(
        self,
        data: dict[str, Any],
        key: str,
        path: str,
        *,
        required: bool = True,
        minimum: int | None = 0,
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
        if minimum is not None and value < minimum:
            raise self.fail("spec_integer_too_small", where, key=key, value=value, minimum=minimum)
        if maximum is not None and value > maximum:
            raise self.fail("spec_integer_too_large", where, key=key, value=value, maximum=maximum)
        if value > MAX_COUNT:
            raise self.fail("spec_integer_too_large", where, key=key, value=value, maximum=MAX_COUNT)
        return value

    def flag(self, data: dict[str, Any], key: str, path: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail("spec_expected_boolean", f"{path}.{key}" if path else key, key=key, value=value)
        return value

    def share(self, data: dict[str, Any], key: str, path: str) -> tuple[Fraction, bool]:
        value = data.get(key)
        where = f"{path}.{key}" if path else key
        try:
            if not isinstance(value, str):
                raise ValueError(value)
            return parse_share(value)
        except ValueError:
            raise self.fail("rule_bad_share", where, value=value) from None

    def base(self, data: dict[str, Any], key: str, path: str) -> str | None:
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or value not in set(Base)):
            raise self.fail("unknown_percent_base", f"{path}.{key}" if path else key, base=value,
                            known=[b.value for b in Base])
        return value

    def decimals(self, data: dict[str, Any], key: str, path: str) -> int | None:
        value = self.integer(data, key, path, required=False)
        if value is not None and value > MAX_DECIMALS:
            raise self.fail("decimals_out_of_range", f"{path}.{key}" if path else key, value=value,
                            maximum=MAX_DECIMALS)
        return value

    def band(self, value: Any, path: str) -> Band:
        data = self.obj(value, path)
        flag = data.get("flag")
        if flag not in FLAGS:
            raise self.fail("rule_unknown_flag", f"{path}.flag", flag=flag, known=list(FLAGS))
        lowers = [key for key in ("over", "at_least") if key in data]
        uppers = [key for key in ("below", "up_to") if key in data]
        if len(lowers) != 1 or len(uppers) > 1:
            raise self.fail("rule_band_bounds", path)
        fraction, as_percent = self.share(data, lowers[0], path)
        lower = Bound(fraction, lowers[0] == "at_least", as_percent)
        upper = None
        if uppers:
            fraction, as_percent = self.share(data, uppers[0], path)
            upper = Bound(fraction, uppers[0] == "below", as_percent)
        band = Band(flag, lower, upper, self.flag(data, "two_years", path))
        if band_is_empty(band):
            raise self.fail("rule_band_empty", path, lower=lower.written(), upper=upper.written() if upper else "")
        return band

    def bands(self, value: Any, path: str) -> tuple[Band, ...]:
        bands = tuple(self.band(item, f"{path}[{i}]") for i, item in enumerate(self.list(value, path, non_empty=True)))
        flags = [band.flag for band in bands]
        for i, flag in enumerate(flags):
            if flag in flags[:i]:
                raise self.fail("rule_duplicate_flag", f"{path}[{i}].flag", flag=flag)
        return bands

    def quorum(self, data: dict[str, Any], path: str) -> Fraction | None:
        return None if data.get("quorum") is None else self.share(data, "quorum", path)[0]

    def preset(self, value: Any, path: str, preset_id: str) -> Preset:
        """A preset saved by the user, as a round file or a saved-preset file holds it."""
        data = self.obj(value, path)
        base = self.base(data, "base", path)
        if base is None:
            raise self.fail("spec_missing_key", f"{path}.base", key="base")
        decimals = self.decimals(data, "decimals", path)
        return Preset(
            id=preset_id,
            name=self.text(data, "name", path),
            source=self.text(data, "source", path),
            base=Base(base),
            bands=self.bands(data.get("bands"), f"{path}.bands"),
            quorum=self.quorum(data, path),
            decimals=2 if decimals is None else decimals,
            team_name=self.team_name(data, path) or DEFAULT_TEAM_NAME,
        )

    def team_name(self, data: dict[str, Any], path: str) -> str | None:
        """The counting team's name a rule gives it ("Ban kiểm phiếu"); None when not given (a file
        written before the name was a setting takes the preset's)."""
        if data.get("team_name") is None:
            return None
        name = " ".join(self.text(data, "team_name", path).split())
        if len(name) > MAX_TEAM_NAME:
            raise self.fail("spec_text_too_long", f"{path}.team_name", key="team_name", length=len(name),
                            maximum=MAX_TEAM_NAME)
        return name

    def rule_custom(self, value: Any, path: str, rule_id: str) -> RuleCustom | None:
        data = self.obj(value, path)
        if "preset" in data:
            if rule_id in PRESETS:
                raise self.fail("rule_id_built_in", "rule", rule=rule_id)
            preset, built_in = self.preset(data["preset"], f"{path}.preset", rule_id), False
        elif rule_id in PRESETS:
            preset, built_in = PRESETS[rule_id], True
        else:
            raise self.fail("unknown_rule", "rule", rule=rule_id, known=sorted(PRESETS))
        bands = preset.bands if data.get("bands") is None else self.bands(data["bands"], f"{path}.bands")
        if [(b.flag, b.two_years) for b in bands] != [(b.flag, b.two_years) for b in preset.bands]:
            raise self.fail("rule_bands_not_preset", f"{path}.bands", rule=preset.name,
                            flags=", ".join(band.flag for band in preset.bands))
        quorum = preset.quorum if "quorum" not in data else self.quorum(data, path)
        return rule_custom(preset, bands, quorum, built_in, self.team_name(data, path))


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
    title = r.text(data, "title", "", may_be_empty=True)
    year = r.integer(data, "year", "", minimum=None)
    rule_id = r.text(data, "rule", "")
    custom = None
    if data.get("rule_custom") is not None:
        custom = r.rule_custom(data["rule_custom"], "rule_custom", rule_id)
    elif rule_id not in PRESETS:
        raise r.fail("unknown_rule", "rule", rule=rule_id, known=sorted(PRESETS))
    percent_base = r.base(data, "percent_base", "")
    decimals = r.decimals(data, "decimals", "")

    header_data = r.obj(data.get("header", {}), "header")
    style = header_data.get("style", HeaderStyle.STATE.value)
    if not isinstance(style, str) or style not in set(HeaderStyle):
        raise r.fail("unknown_header_style", "header.style", style=style)
    header = Header(
        HeaderStyle(style),
        r.text(header_data, "parent", "header", required=False),
        r.text(header_data, "unit", "header", may_be_empty=True),
    )
    meeting_data = r.obj(data.get("meeting", {}), "meeting")
    meeting = Meeting(*(r.text(meeting_data, key, "meeting", required=False) for key in ("date", "place", "chair")))

    team = []
    for i, member in enumerate(r.list(data.get("team", []), "team")):
        path = f"team[{i}]"
        member = r.obj(member, path)
        team.append(TeamMember(r.text(member, "name", path, may_be_empty=True),
                               r.text(member, "role", path, required=False)))

    forms = []
    for i, form_data in enumerate(r.list(data.get("forms"), "forms")):
        path = f"forms[{i}]"
        form_data = r.obj(form_data, path)
        code = form_data.get("id")
        if isinstance(code, int) and not isinstance(code, bool):
            code = str(code)
        if not isinstance(code, str):
            raise r.fail("spec_missing_key", f"{path}.id", key="id")
        counts = Counts(*(r.integer(form_data, key, path, minimum=None) for key in COUNT_KEYS))
        candidates = []
        cand_list = r.list(form_data.get("candidates"), f"{path}.candidates")
        for j, cand in enumerate(cand_list):
            cpath = f"{path}.candidates[{j}]"
            cand = r.obj(cand, cpath)
            candidates.append(
                Candidate(
                    order=j + 1,
                    name=r.text(cand, "name", cpath, may_be_empty=True),
                    position=r.text(cand, "position", cpath, required=False),
                    birth_year=r.integer(cand, "birth_year", cpath, required=False, minimum=None),
                    person_key=r.text(cand, "person_key", cpath, required=False) or None,
                    provincial=r.flag(cand, "provincial", cpath),
                )
            )
        forms.append(BallotForm(nfc(code), r.text(form_data, "title", path, may_be_empty=True), counts,
                                tuple(candidates)))

    entry_mode = data.get("entry_mode", EntryMode.SINGLE.value)
    if not isinstance(entry_mode, str) or entry_mode not in set(EntryMode):
        raise r.fail("unknown_entry_mode", "entry_mode", mode=entry_mode, known=[m.value for m in EntryMode])

    setup = RoundSetup(
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
        rule_custom=custom,
    )
    problems = definition_issues(setup)
    if problems:
        params = dict(problems[0].params)
        raise r.fail(problems[0].code, params.pop("path"), **params)
    return setup


def setup_to_dict(setup: RoundSetup) -> dict[str, Any]:
    later: dict[str, Any] = {}
    if setup.entry_mode is not EntryMode.SINGLE:
        later["entry_mode"] = setup.entry_mode.value
    if setup.rule_custom is not None:
        later["rule_custom"] = rule_custom_to_dict(setup.rule_custom)
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


# -- the rule ---------------------------------------------------------------------------------


def bands_to_list(bands: tuple[Band, ...]) -> list[dict[str, Any]]:
    def band(b: Band) -> dict[str, Any]:
        data: dict[str, Any] = {"flag": b.flag, ("at_least" if b.lower.inclusive else "over"): b.lower.written(".")}
        if b.upper is not None:
            data["below" if b.upper.inclusive else "up_to"] = b.upper.written(".")
        if b.two_years:
            data["two_years"] = True
        return data

    return [band(b) for b in bands]


def preset_to_dict(preset: Preset) -> dict[str, Any]:
    data = {"name": preset.name, "source": preset.source, "base": preset.base.value, "decimals": preset.decimals,
            "bands": bands_to_list(preset.bands), "quorum": quorum_text(preset.quorum)}
    if preset.team_name != DEFAULT_TEAM_NAME:  # written only when set, as files before it was a setting
        data["team_name"] = preset.team_name
    return data


def rule_custom_to_dict(custom: RuleCustom) -> dict[str, Any]:
    data: dict[str, Any] = {"bands": bands_to_list(custom.bands), "quorum": quorum_text(custom.quorum)}
    if custom.preset is not None:
        data["preset"] = preset_to_dict(custom.preset)
    if custom.team_name is not None:
        data["team_name"] = custom.team_name
    return data


def rule_custom_from_dict(data: Any, rule_id: str, source: str) -> RuleCustom | None:
    return _Reader(source).rule_custom(data, "rule_custom", rule_id)


def rule_to_dict(setup: RoundSetup) -> dict[str, Any]:
    """The round's rule as its setup holds it: what a `rule_changed` event records."""
    whole = setup_to_dict(setup)
    return {key: whole[key] for key in RULE_KEYS if key in whole}


def with_rule(setup: RoundSetup, rule: dict[str, Any], source: str) -> RoundSetup:
    """The setup with another rule (`rule_to_dict`'s shape), checked as a round definition is."""
    rest = {key: value for key, value in setup_to_dict(setup).items() if key not in RULE_KEYS}
    return setup_from_dict({**rest, **rule}, source)


def saved_preset_to_dict(preset: Preset) -> dict[str, Any]:
    """A preset saved by the user, as its file holds it."""
    return {"format": SAVED_PRESET_FORMAT, "id": preset.id, **preset_to_dict(preset)}


def saved_preset_from_dict(data: Any, source: str) -> Preset:
    r = _Reader(source)
    data = r.obj(data, "")
    preset_id = r.text(data, "id", "")
    if preset_id in PRESETS:
        raise r.fail("rule_id_built_in", "id", rule=preset_id)
    return r.preset(data, "", preset_id)
