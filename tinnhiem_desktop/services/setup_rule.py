"""The round's setup (lists, team, counts) before counting starts, and its rule until the seal."""

from __future__ import annotations

from dataclasses import replace

from ..core.events import Draft
from ..core.issues import Location, TinNhiemError
from ..core.model import EntryPass, RoundSetup
from ..core.results import Rule, round_rule
from ..core.rules import RuleCustom
from ..core.spec import rule_custom_to_dict, rule_to_dict, setup_from_dict, setup_to_dict, with_rule
from ..core.validation import definition_issues


class SetupAndRule:
    """Mixed into RoundService (services/rounds.py)."""

    @property
    def setup_editable(self) -> bool:
        """The lists, team and rule may change only before the first ballot is keyed."""
        return not self.read_only and self.station is None and not self._state.any_ballot()

    def replace_setup(self, setup: RoundSetup) -> None:
        """Change the round's setup (lists, team, rule, counts); only before counting starts."""
        self.check_writable()
        if self.station is not None:
            raise TinNhiemError("station_setup_locked", file=str(self.path), station=self.station.name)
        if self._state.any_ballot():
            raise TinNhiemError("setup_locked_by_ballots", file=str(self.path))
        problems = definition_issues(setup)  # the counts may stay unreconciled until counting
        if problems:
            params = dict(problems[0].params)
            raise TinNhiemError(problems[0].code, Location("setup", path=params.pop("path", None)), **params)
        setup_from_dict(setup_to_dict(setup), str(self.path))  # refused now what replaying the log would refuse
        self._commit([Draft("setup_replaced", {"setup": setup_to_dict(setup)})])
        if not self.double_entry:
            self.entry_pass = EntryPass.A

    @property
    def rule_editable(self) -> bool:
        """The rule may change until the round is sealed, also once ballots are keyed: it decides
        the percentages and flags, never what a ballot says. A station's copy keeps the master's."""
        return not self.read_only and self.station is None

    def change_rule(
        self, rule_id: str, percent_base: str | None = None, decimals: int | None = None,
        custom: RuleCustom | None = None,
    ) -> Rule:
        """Put another rule, or other settings of it, in force; logged with the rule it replaces.
        Nothing is written when nothing changes."""
        self.check_writable()
        if self.station is not None:
            raise TinNhiemError("station_setup_locked", file=str(self.path), station=self.station.name)
        rule = {"rule": rule_id, "percent_base": percent_base, "decimals": decimals}
        if custom is not None:
            rule["rule_custom"] = rule_custom_to_dict(custom)
        new = with_rule(self.setup, rule, "rule")
        preset = round_rule(new).preset  # the preset's own base and decimals are no override
        new = replace(new, percent_base=None if new.percent_base == preset.base.value else new.percent_base,
                      decimals=None if new.decimals == preset.decimals else new.decimals)
        if rule_to_dict(new) != rule_to_dict(self.setup):
            self._commit([Draft("rule_changed", {"old": rule_to_dict(self.setup), "new": rule_to_dict(new)})])
        return self.rule
