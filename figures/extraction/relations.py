"""Relations between the figures of one article: part of a whole, and stated conversions.

Each rule reads the words between two figures, or just before one, so linking is linear in the
number of figures: "39 out of 71", "52 of the 60", "12 of them", "including 3,000", "Of 60
missiles, 48 ...", a later "10 of the drones" or "Another 15" that refers back, and
"120km (75 miles)".
"""

from __future__ import annotations

import re

from figures.extraction.draft import Draft
from figures.model import Qualifier

_OF_WHOLE = re.compile(r"\s*(?:out\s+of|of)\s+(?:(?:the|its|their|all|a\s+total\s+of)\s+)?", re.IGNORECASE)
_INCLUDING = re.compile(r"[\s,(–—-]*(?:including|among\s+them|among\s+whom|of\s+whom|of\s+which|with)\s+$",
                        re.IGNORECASE)
_BREAKDOWN = re.compile(r"[ \u00a0]*[–—-][ \u00a0]*(?:with[ \u00a0]+|of[ \u00a0]+which[ \u00a0]+|including[ \u00a0]+)?$",
                        re.IGNORECASE)
_SENTENCE_OF = re.compile(r"\s*(?:[\"“]\s*)?(?:Of|Out\s+of)\s+(?:the\s+)?$")
_CONTINUES = re.compile(r"(?:another|a\s+further|the\s+remaining|the\s+other|the\s+rest,?)\s*$",
                        re.IGNORECASE)
_JOINED = re.compile(r"(?:\b(?:while|and|whereas|but)|[,;])\s*(?:another\s+)?$", re.IGNORECASE)
# Up to three words, then "(", ", or", "or" or "/". No two white-space runs touch, so a long gap
# of spaces is read once, not once per way of splitting it.
_CONVERSION_GAP = re.compile(
    r"""(?:\s+[A-Za-z-]+){0,3}     # up to three words: "12 metres long (39 feet)"
        (?:\s*\(                   # "("
          |\s*,\s+or\s             # ", or "
          |\s+or\s                 # " or "
          |\s*/)                   # "/"
        \s*$""",
    re.VERBOSE,
)
# A restatement set off by a comma: "two million rubles, about 22,000 euros" (the later figure
# approximate), "five million rubles, the equivalent of 55,000 euros".
_APPOSED_GAP = re.compile(r"\s*,\s*")
_PHRASE_END = re.compile(r"\s*(?:[,;.)]|$)")     # "..., about 22,000 euros," but not "about 5 miles of it"
_EQUIVALENT_GAP = re.compile(r"\s*,\s+(?:or\s+)?(?:the\s+)?equivalent\s+(?:of|to)\s+")
_LOOKBACK_SENTENCES = 3
#: How many figures back a later "10 of the drones" looks for its whole: a window, so that an
#: article listing thousands of figures costs linear time.
_LOOKBACK_FIGURES = 64
_CONTINUES_REACH = 24         # characters before a figure where "another" or "the remaining" may begin


def _link_whole(part: Draft, whole_index: int, drafts: list[Draft]) -> None:
    part.whole = whole_index
    drafts[whole_index].is_whole = True


def link(drafts: list[Draft], text: str, sentence_starts: list[int]) -> None:
    """Set `whole` and `converts` on the drafts of one article, in place."""
    first_in_sentence: dict[int, int] = {}
    for i, fig in enumerate(drafts):
        first_in_sentence.setdefault(fig.sentence_index, i)
    for i, fig in enumerate(drafts):
        prev = drafts[i - 1] if i else None
        nxt = drafts[i + 1] if i + 1 < len(drafts) else None
        same_sentence_next = nxt is not None and nxt.sentence_index == fig.sentence_index

        # "120km (75 miles)", "two million rubles (25,000 euros)", "... rubles, about 22,000 euros"
        # "250 hp (186 kW / 253 PS)": a second restatement restates the same original
        original_index = i - 1 if prev is None or prev.converts is None else prev.converts
        original = drafts[original_index]
        if (prev is not None and prev.sentence_index == fig.sentence_index
                and prev.dimension == fig.dimension and fig.dimension != "count"
                and prev.unit != fig.unit and original.unit != fig.unit
                and (_CONVERSION_GAP.fullmatch(text, prev.end, fig.start)
                     or _EQUIVALENT_GAP.fullmatch(text, prev.end, fig.start)
                     or (fig.qualifier is Qualifier.APPROX and _APPOSED_GAP.fullmatch(text, prev.end, fig.start)
                         and _PHRASE_END.match(text, fig.end)))):
            fig.converts = original_index
            if fig.qualifier is Qualifier.EXACT and original.qualifier is not Qualifier.EXACT:
                # "just under 250 hp (186 kW)": the restatement carries the original's bound
                fig.qualifier, fig.strict = original.qualifier, original.strict
                ratio = fig.value / original.value if original.value else 1.0
                fig.low, fig.high = original.low * ratio, original.high * ratio
            for name in ("subject", "predicate", "source", "noun", "per"):
                if getattr(fig, name) is None:
                    setattr(fig, name, getattr(original, name))
            fig.concept = original.concept      # a restatement is about what the original is about
            continue

        # "39 out of 71", "52 of the 60", "14 drones out of 19", "310 million of the 2.2 billion rand"
        if (same_sentence_next and nxt is not None
                and (nxt.dimension == fig.dimension or fig.dimension == "count")
                and (_OF_WHOLE.fullmatch(text, fig.end, nxt.start)
                     or (fig.noun_end > fig.end and _OF_WHOLE.fullmatch(text, fig.noun_end, nxt.start)))):
            if fig.dimension == "count" and nxt.dimension != "count":
                fig.unit, fig.dimension = nxt.unit, nxt.dimension
            _link_whole(fig, i + 1, drafts)
            nxt.predicate = None            # the verb belongs to the part ("downed 39 of 71")
            continue

        if fig.dimension != "count" or fig.whole is not None:
            continue
        sentence_start = sentence_starts[fig.sentence_index]

        # "12 of them", "39 of which"
        if fig.anaphor and prev is not None:
            target = i - 1
            if drafts[target].is_whole and target - 1 >= 0 and drafts[target - 1].whole == target:
                target -= 1                 # "downed 39 of 71 drones, with 12 of them ..." -> the 39
            _link_whole(fig, target, drafts)
            continue

        # "killed 12 people, including three children": only the noun phrase of the whole stands between
        if (prev is not None and prev.sentence_index == fig.sentence_index and prev.dimension == "count"
                and _INCLUDING.fullmatch(text, max(prev.end, prev.noun_end), fig.start)):
            _link_whole(fig, i - 1 if prev.whole is None else prev.whole, drafts)
            continue

        # "stopped 60 drones – 41 shot down and 19 jammed": a breakdown after a dash
        if (prev is not None and prev.sentence_index == fig.sentence_index and prev.dimension == "count"
                and prev.whole is None and _BREAKDOWN.fullmatch(text, max(prev.end, prev.noun_end), fig.start)):
            _link_whole(fig, i - 1, drafts)
            fig.breakdown = True
            continue
        if (prev is not None and prev.breakdown and prev.whole is not None
                and prev.sentence_index == fig.sentence_index and _JOINED.search(text, prev.end, fig.start)
                and not re.search(r"[.;:]", text[prev.end:fig.start])):
            _link_whole(fig, prev.whole, drafts)          # "... and 19 were jammed"
            fig.breakdown = True
            continue

        # "Of 60 missiles, 48 were intercepted.": only the sentence's first figure can follow its
        # opening words, so that is the one candidate
        first = first_in_sentence[fig.sentence_index]
        opener = first if first < i and _SENTENCE_OF.fullmatch(text, sentence_start, drafts[first].start) else None
        if opener is not None and (fig.subject is None or fig.subject == drafts[opener].subject):
            _link_whole(fig, opener, drafts)
            continue

        # "10 of the drones were lost" after "... 71 drones": the nearest earlier whole of that subject
        if fig.partitive and fig.subject is not None:
            subject = fig.subject
            earlier = _earlier_whole(drafts, i, lambda w: w.subject == subject)
            if earlier is not None:
                _link_whole(fig, earlier, drafts)
                continue

        # "... while three turned back", "Another 15 hit their targets."
        whole_of_prev = prev.whole if prev is not None else None
        if fig.noun is None and fig.subject is None and prev is not None and whole_of_prev is not None:
            continues = _CONTINUES.search(text, max(sentence_start, fig.start - _CONTINUES_REACH), fig.start)
            joined = (prev.sentence_index == fig.sentence_index
                      and _JOINED.search(text, prev.end, fig.start) is not None)
            if joined or (continues and prev.sentence_index >= fig.sentence_index - 1):
                _link_whole(fig, whole_of_prev, drafts)
    _inherit_subjects(drafts)


def _earlier_whole(drafts: list[Draft], i: int, accept) -> int | None:  # type: ignore[no-untyped-def]
    fig = drafts[i]
    fallback = None
    for k in range(i - 1, max(i - 1 - _LOOKBACK_FIGURES, -1), -1):
        cand = drafts[k]
        if fig.sentence_index - cand.sentence_index > _LOOKBACK_SENTENCES:
            break
        if cand.dimension != "count" or not accept(cand):
            continue
        if cand.is_whole:
            return k
        if fallback is None and cand.whole is None:
            fallback = k
    return fallback


def _inherit_subjects(drafts: list[Draft]) -> None:
    for fig in drafts:
        if fig.whole is None:
            continue
        whole = drafts[fig.whole]
        if fig.subject is None:
            fig.subject, fig.noun = whole.subject, fig.noun or whole.noun
        elif whole.subject is None:
            whole.subject = fig.subject
    for fig in drafts:
        if fig.whole is not None and fig.subject is None:
            fig.subject = drafts[fig.whole].subject
