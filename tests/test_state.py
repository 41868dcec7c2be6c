"""One state, one reducer: the live state equals the replay of the log, and a command reads its
round file once."""

from __future__ import annotations

import random

import pytest

from tinnhiem_desktop import cli
from tinnhiem_desktop.core.events import KINDS, chain_event, fold
from tinnhiem_desktop.core.model import EntryPass, Mark
from tinnhiem_desktop.core.results import form_results
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.storage.repository import RoundRepository

from conftest import spec_dict

HONG = "Lê Thị Hồng"
LEVELS = (Mark.CAO, Mark.TIN_NHIEM, Mark.THAP, Mark.NO_MARK, Mark.MULTI)


def keyed_double_round(path, ballots: int = 30, seed: int = 7) -> None:
    """A double-entry round of two forms, both passes keyed with a few slips, one resolved, sealed."""
    rng = random.Random(seed)
    setup = setup_from_dict(spec_dict(entry_mode="double"), "test")
    with RoundService.create(path, setup, HONG) as service:
        for form in setup.forms:
            size = len(form.candidates)
            for number in range(1, ballots + 1):
                marks = {o: rng.choice(LEVELS) for o in range(1, size + 1)}
                service.set_entry_pass("A")
                service.add_ballot(form.code, number, marks)
                service.set_entry_pass("B")
                slip = {**marks, **({1: Mark.MULTI} if number % 7 == 0 else {})}
                service.add_ballot(form.code, number, slip)
        difference = next(d for d in service.differences() if d.a.marks.get(1) != Mark.MULTI)
        service.resolve(difference.form, difference.number, "A")


def test_the_live_state_is_the_replay_of_the_log(tmp_path):
    path = tmp_path / "hai-luot.tinnhiem"
    keyed_double_round(path)
    with RoundService.open(path, HONG) as service:
        live = service.results()
        replayed = fold(service.events())
        assert replayed.issues == []
        assert replayed.results() == live
        assert replayed.differences() == service.differences()
        assert [d.number for d in service.differences() if not d.resolved]


def test_a_keystroke_recounts_only_its_form_and_ballot(tmp_path):
    path = tmp_path / "hai-luot.tinnhiem"
    keyed_double_round(path)
    with RoundService.open(path, HONG) as service:
        before = service.results()
        seen = []
        service.subscribe(seen.append)
        service.set_entry_pass("B")
        service.set_marks("2", 5, {1: Mark.THAP})
        (changes,) = seen
        assert changes.forms == {"2"} and changes.ballots == {("2", EntryPass.B, 5)}
        after = service.results()
        assert after.forms[0] is before.forms[0]  # form 1 was not recounted
        assert after.forms[1] is not before.forms[1]


def test_results_after_each_keystroke_equal_a_fresh_count_and_keep_the_people_it_did_not_touch(tmp_path):
    rng = random.Random(5)
    with RoundService.create(tmp_path / "dot.tinnhiem", setup_from_dict(spec_dict(), "test"), HONG) as service:
        state = service.state

        def fresh():
            return form_results(state.setup.form("1"), state.tally("1"), state.rule, state.last_year())

        for number in range(1, 9):
            if number == 5:  # another base: every person's percentages change
                service.change_rule("qd-96-2023", percent_base="present")
            service.add_ballot("1", number, {1: rng.choice(LEVELS)})
            assert state.form_result("1") == fresh()
            for order in (2, 3):
                before = state.form_result("1")
                service.set_marks("1", number, {order: rng.choice(LEVELS)})
                after = state.form_result("1")
                assert after == fresh()
                touched = [i for i, (a, b) in enumerate(zip(before.candidates, after.candidates)) if a is not b]
                assert touched == [order - 1]
        assert fold(service.events()).results() == service.results()


def test_an_event_of_an_unknown_kind_or_with_a_field_its_kind_lacks_is_an_alteration():
    setup = setup_from_dict(spec_dict(), "test")
    from tinnhiem_desktop.core.spec import setup_to_dict

    first = chain_event(None, "2026-11-27T08:00:00+07:00", HONG, "round_created", {"setup": setup_to_dict(setup)})
    extra = chain_event(first, "2026-11-27T08:01:00+07:00", HONG, "round_sealed",
                        {"by": HONG, "reason": "", "problems": [], "at": "x", "nonce": "ab12"})
    assert [i.code for i in fold([first, extra]).issues] == ["log_event_fields"]
    unknown = chain_event(first, "2026-11-27T08:01:00+07:00", HONG, "ballot_teleported", {})
    assert [i.code for i in fold([first, unknown]).issues] == ["log_unknown_action"]
    assert "round_sealed" in KINDS and all(kind.required <= kind.fields for kind in KINDS.values())


@pytest.mark.parametrize("command", [
    ["results"], ["results", "--json"], ["verify"],
    ["export", "--minutes", "{d}/bb.pdf", "--entry-log", "{d}/nk.pdf", "--summary", "{d}/th.xlsx",
     "--csv", "{d}/p.csv", "--notices", "{d}/tb.pdf"],
], ids=["results", "results-json", "verify", "export"])
def test_a_command_reads_the_round_file_once(tmp_path, command, capsys):
    path = tmp_path / "hai-luot.tinnhiem"
    keyed_double_round(path, ballots=12)
    before = RoundRepository.loads
    argv = [command[0], str(path), *(part.format(d=tmp_path) for part in command[1:])]
    assert cli.main(argv) == 0
    assert RoundRepository.loads - before == 1
