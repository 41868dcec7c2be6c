"""Work that makes many objects at once: a round read whole, a long log folded."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused for the block. Reading a round makes hundreds of thousands
    of objects (rows, events, marks) that refer to no other, so the collector's full passes over the
    growing heap are pure cost, and their number grows with the round: reading a 3,000 × 60 round
    made four of them (about 0.5 s of its 2.4 s, measured in pairs), and folding its log after
    that paid for passes over every event read. Whatever cycles the block leaves are collected
    once it ends."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
