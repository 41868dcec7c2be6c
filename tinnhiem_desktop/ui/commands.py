"""Undo and redo: commands that change the round through the session, never the widgets.

Each action is performed before its command is pushed, so a refused action (a full disk, a
sealed file) never enters the stack; the first redo() that push triggers therefore does nothing.
A command about a ballot names the cell it changed, and the session shows that cell after the
command is undone or redone, so that the next key lands where the change was.
"""

from __future__ import annotations

from typing import Callable, Mapping

from PySide6.QtGui import QUndoCommand

from ..core.issues import TinNhiemError
from ..core.model import Ballot, BallotStatus, Counts, Mark
from .session import Cell, RoundSession


class RoundCommand(QUndoCommand):
    def __init__(self, session: RoundSession, text: str, on_error: Callable[[TinNhiemError], None]) -> None:
        super().__init__(text)
        self.session = session
        self._on_error = on_error
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except TinNhiemError as error:
            self._on_error(error)
            return
        if self.cell is not None:
            self.session.show_cell(self.cell)

    @property
    def cell(self) -> Cell | None:
        """The cell the change was in; None for a change of no ballot."""
        return None

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class SetMarks(RoundCommand):
    def __init__(self, session, text, on_error, form: str, number: int,
                 old: Mapping[int, Mark | None], new: Mapping[int, Mark | None]) -> None:
        super().__init__(session, text, on_error)
        self.form, self.number, self.old, self.new = form, number, dict(old), dict(new)

    @property
    def cell(self) -> Cell:
        return Cell(self.form, self.number, min(self.new))

    def apply(self) -> None:
        self.session.set_marks(self.form, self.number, self.new)

    def revert(self) -> None:
        self.session.set_marks(self.form, self.number, self.old)


class AddBallot(RoundCommand):
    def __init__(self, session, text, on_error, ballot: Ballot) -> None:
        super().__init__(session, text, on_error)
        self.ballot = ballot

    @property
    def cell(self) -> Cell:
        return Cell(self.ballot.form, self.ballot.number, min(self.ballot.marks, default=1))

    def apply(self) -> None:
        b = self.ballot
        self.session.add_ballot(b.form, b.number, b.marks, b.invalid_reason)

    def revert(self) -> None:
        self.session.remove(self.ballot.form, self.ballot.number)


class RemoveBallot(AddBallot):
    @property
    def cell(self) -> Cell:
        return Cell(self.ballot.form, self.ballot.number, 1)

    def apply(self) -> None:
        super().revert()

    def revert(self) -> None:
        super().apply()


class SetStatus(RoundCommand):
    """Invalidate a ballot or make it valid again; the other way round on undo."""

    def __init__(self, session, text, on_error, old: Ballot, new: Ballot) -> None:
        super().__init__(session, text, on_error)
        self.old, self.new = old, new

    @property
    def cell(self) -> Cell:
        return Cell(self.new.form, self.new.number, 1)

    def apply(self) -> None:
        self._become(self.new)

    def revert(self) -> None:
        self._become(self.old)

    def _become(self, ballot: Ballot) -> None:
        if ballot.status is BallotStatus.INVALID:
            self.session.invalidate(ballot.form, ballot.number, ballot.invalid_reason)
        else:
            self.session.restore(ballot.form, ballot.number, ballot.marks)


class ChangeCounts(RoundCommand):
    def __init__(self, session, text, on_error, form: str, old: Counts, new: Counts) -> None:
        super().__init__(session, text, on_error)
        self.form, self.old, self.new = form, old, new

    def apply(self) -> None:
        self.session.change_counts(self.form, self.new)

    def revert(self) -> None:
        self.session.change_counts(self.form, self.old)
