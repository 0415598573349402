"""Python's cycle collector paused while records that hold no cycles are built in bulk.

With a million small records alive (a corpus's figures while it is read, the checker's comparison
records while it groups them), every full collection walks them all: it cost half the grouping's
time, and a fifth of reading a long article. Nothing built under the pause refers back to itself,
so reference counting frees it as before; whatever cyclic garbage other code leaves meanwhile is
collected at the first collection after the pause.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_PAUSE = threading.Lock()
_paused = [0, False]        # how many callers hold the pause, and whether the collector ran before the first


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector paused for the block. Counted, so that threads reading or checking at once
    (Dask's threaded scheduler) resume it only when the last one leaves, as it was before the first
    (so with several threads it is off for as long as any of them reads an article). Keep the block
    to code of this package: a caller's iterator run inside it would keep its cyclic garbage alive."""
    with _PAUSE:
        if _paused[0] == 0:
            _paused[1] = gc.isenabled()
            gc.disable()
        _paused[0] += 1
    try:
        yield
    finally:
        with _PAUSE:
            _paused[0] -= 1
            if _paused[0] == 0 and _paused[1]:
                gc.enable()
