"""An example of what a newsroom puts under test before publication: run with `pytest examples/`.

Each draft is checked for figures that contradict each other or the wire copy it was written from,
and the key figures it must state are pinned.
"""

from __future__ import annotations

import pytest

from figures.testing import assert_consistent, assert_figure

WIRE = {"id": "wire", "date": "2023-05-08", "source": "Continental Wire",
        "text": "Air defences downed 39 out of 71 Russian drones over Kyiv, Ukraine's air force said."}
DRAFT = {"id": "draft", "date": "2023-05-08", "source": "Our desk",
         "text": "Ukraine's air force said on Monday that air defences downed 39 of the 71 drones "
                 "launched at Kyiv. The front line now runs for about 120km (75 miles)."}
BAD_DRAFT = {**DRAFT, "id": "bad-draft",
             "text": "Air defences downed 40 out of 71 drones over Kyiv, the air force said."}


def test_the_draft_agrees_with_the_wire() -> None:
    assert_consistent([WIRE, DRAFT])


def test_the_draft_states_the_key_figure() -> None:
    assert_figure(DRAFT["text"], 39, subject="drone", predicate="down", whole=71, at_most=71)


def test_a_draft_that_misquotes_the_wire_fails_with_a_readable_message() -> None:
    with pytest.raises(AssertionError, match=r"downed \[40\] out of 71 drones"):
        assert_consistent([WIRE, BAD_DRAFT])
