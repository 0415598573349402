"""Relations between the figures of one article: part of a whole, and stated conversions.

Each rule reads the words between two figures, or just before one, so linking is linear in the
number of figures: "39 out of 71", "52 of the 60", "12 of them", "including 3,000", "Of 60
missiles, 48 ...", a later "10 of the drones" or "Another 15" that refers back, and
"120km (75 miles)".
"""

from __future__ import annotations

import re

from figures.extraction.figure import Figure
from figures.model import Qualifier

_OF_WHOLE = re.compile(r"\s*(?:out\s+of|of)\s+(?:(?:the|its|their|all|a\s+total\s+of)\s+)?", re.IGNORECASE)
_INCLUDING = re.compile(r"[\s,(–—-]*(?:including|among\s+them|among\s+whom|of\s+whom|of\s+which|with)\s+$",
                        re.IGNORECASE)
_BREAKDOWN = re.compile(r"[ \u00a0]*[–—-][ \u00a0]*(?:with[ \u00a0]+|of[ \u00a0]+which[ \u00a0]+|including[ \u00a0]+)?$"
                        r"|(?:[ \u00a0]+[A-Za-z'’-]+){0,5}[ \u00a0]*:[ \u00a0]*$",   # "moved 3,000 people out of the area: 2,100 ..."
                        re.IGNORECASE)
# "downed 38 drones overnight, the air force said, out of 45": a whole set apart from its part
_OUT_OF = re.compile(r"[^.;:!?\d]*\bout\s+of\s+(?:(?:the|a\s+total\s+of)\s+)?", re.IGNORECASE)
# "Of those, 800 were ...": a sentence that opens on the whole the sentence before counted
_SENTENCE_OF_THOSE = re.compile(r"\s*(?:[\"“]\s*)?(?:Of|Out\s+of)\s+(?:those|these|them|that\s+number|this\s+number)\s*,\s*$")
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
# what stands between a part (or its whole) and the share that restates it: ", or 75%", " (75%)",
# ", or about 75 per cent", and up to a few words of the part's clause: "600 voted to strike, or 45%"
_SHARE_RESTATED = re.compile(r"(?:[ \u00a0]+[A-Za-z'’-]+){0,4}[ \u00a0]*(?:,[ \u00a0]*or|\(|,)[ \u00a0]*"
                             r"(?:(?:about|around|roughly|nearly|almost|some|just[ \u00a0]+(?:over|under))[ \u00a0]+)?$",
                             re.IGNORECASE)
# "25% more than last year", "a 3% rise": a share that compares, not one that restates a part
_COMPARED_AFTER = re.compile(r"[ \u00a0-]*(?:more|less|fewer|higher|lower|up|down|above|below|over|under|than|"
                             r"increase|increases|rise|rises|drop|drops|fall|falls|gain|gains|jump|decline)\b", re.IGNORECASE)
_SHARE_OF = re.compile(r"[ \u00a0]+of\b", re.IGNORECASE)      # "10% of its global workforce": a share of another whole
_LOOKBACK_SENTENCES = 3
#: How many figures back a later "10 of the drones" looks for its whole: a window, so that an
#: article listing thousands of figures costs linear time.
_LOOKBACK_FIGURES = 64
_CONTINUES_REACH = 24         # characters before a figure where "another" or "the remaining" may begin


def link(figures: list[Figure], text: str, sentence_starts: list[int]) -> list[Figure]:
    """The figures of one article with their `whole` and `converts` links (new figures; the input
    stays). Linking a part may give it its whole's unit ("310 million of the 2.2 billion rand"), and a
    restatement its original's bound ("just under 250 hp (186 kW)")."""
    if len(figures) < 2:
        return figures                  # a link needs two figures
    out = list(figures)

    def link_whole(i: int, whole: int, **more: bool) -> None:
        out[i] = out[i].revised(links={"whole": whole, **more})
        out[whole] = out[whole].revised(links={"is_whole": True})

    first_in_sentence: dict[int, int] = {}
    for i, fig in enumerate(out):
        first_in_sentence.setdefault(fig.found.sentence_index, i)
    for i in range(len(out)):
        fig, f = out[i], out[i].found
        prev = out[i - 1] if i else None
        nxt = out[i + 1] if i + 1 < len(out) else None
        p = prev.found if prev is not None else None
        same_sentence_next = nxt is not None and nxt.found.sentence_index == f.sentence_index

        # "120km (75 miles)", "two million rubles (25,000 euros)", "... rubles, about 22,000 euros"
        # "250 hp (186 kW / 253 PS)": a second restatement restates the same original
        original_index = i - 1 if prev is None or prev.links.converts is None else prev.links.converts
        original = out[original_index].found
        if (p is not None and p.sentence_index == f.sentence_index
                and p.dimension == f.dimension and f.dimension != "count"
                and p.unit != f.unit and original.unit != f.unit
                and (_CONVERSION_GAP.fullmatch(text, p.end, f.start)
                     or _EQUIVALENT_GAP.fullmatch(text, p.end, f.start)
                     or (f.qualifier is Qualifier.APPROX and _APPOSED_GAP.fullmatch(text, p.end, f.start)
                         and _PHRASE_END.match(text, f.end)))):
            bound = None
            if f.qualifier is Qualifier.EXACT and original.qualifier is not Qualifier.EXACT:
                # "just under 250 hp (186 kW)": the restatement carries the original's bound
                ratio = f.value / original.value if original.value else 1.0
                bound = {"qualifier": original.qualifier, "strict": original.strict,
                         "low": original.low * ratio, "high": original.high * ratio}
            out[i] = fig.revised(found=bound, links={"converts": original_index})
            continue

        # "600 of the 800 voted to strike, or 75%", "600 (75%)": a share that restates a part of its
        # whole (the part's whole may be written after it, so the part is the one before the whole)
        if (p is not None and p.sentence_index == f.sentence_index and f.dimension == "percent"
                and f.change is None and _SHARE_RESTATED.fullmatch(text, max(p.end, prev.about.noun_end), f.start)
                and not _COMPARED_AFTER.match(text, f.end) and not _SHARE_OF.match(text, f.end)):
            part = i - 1
            if prev.links.is_whole and i >= 2 and out[i - 2].links.whole == i - 1:
                part = i - 2
            if out[part].found.dimension == "count" and out[part].links.whole is not None:
                out[i] = fig.revised(links={"converts": part})
                continue

        # "39 out of 71", "52 of the 60", "14 drones out of 19", "310 million of the 2.2 billion rand";
        # a part that names what it counts is one only of a whole that counts too: "24 cans of 330ml"
        # and "3 bags of 5kg" say what each holds
        if (same_sentence_next and nxt is not None
                and (nxt.found.dimension == f.dimension or f.dimension == "count")
                and (_OF_WHOLE.fullmatch(text, f.end, nxt.found.start)
                     or (fig.about.noun_end > f.end and nxt.found.dimension == f.dimension
                         and _OF_WHOLE.fullmatch(text, fig.about.noun_end, nxt.found.start))
                     or (f.dimension == nxt.found.dimension == "count" and nxt.found.value > f.value
                         and _OUT_OF.fullmatch(text, max(f.end, fig.about.noun_end), nxt.found.start)))):
            if f.dimension == "count" and nxt.found.dimension != "count":
                out[i] = fig.revised(found={"unit": nxt.found.unit, "dimension": nxt.found.dimension})
            link_whole(i, i + 1)
            continue

        if f.dimension != "count" or fig.links.whole is not None:
            continue
        sentence_start = sentence_starts[f.sentence_index]

        # "12 of them", "39 of which"
        if fig.about.anaphor and prev is not None:
            target = i - 1
            if out[target].links.is_whole and target - 1 >= 0 and out[target - 1].links.whole == target:
                target -= 1                 # "downed 39 of 71 drones, with 12 of them ..." -> the 39
            link_whole(i, target)
            continue

        # "killed 12 people, including three children": only the noun phrase of the whole stands between
        if (p is not None and p.sentence_index == f.sentence_index and p.dimension == "count"
                and _INCLUDING.fullmatch(text, max(p.end, prev.about.noun_end), f.start)):
            link_whole(i, i - 1 if prev.links.whole is None else prev.links.whole)
            continue

        # "stopped 60 drones – 41 shot down and 19 jammed": a breakdown after a dash
        if (p is not None and p.sentence_index == f.sentence_index and p.dimension == "count"
                and prev.links.whole is None and _BREAKDOWN.fullmatch(text, max(p.end, prev.about.noun_end), f.start)):
            link_whole(i, i - 1, breakdown=True)
            continue
        if (p is not None and prev.links.breakdown and prev.links.whole is not None
                and p.sentence_index == f.sentence_index and _JOINED.search(text, p.end, f.start)
                and not re.search(r"[.;:]", text[p.end:f.start])):
            link_whole(i, prev.links.whole, breakdown=True)          # "... and 19 were jammed"
            continue

        # "Of those, 800 were in Galveston": the last count of the sentence before is the whole
        first = first_in_sentence[f.sentence_index]
        if (first == i and i > 0 and p is not None and p.sentence_index == f.sentence_index - 1 and p.dimension == "count"
                and _SENTENCE_OF_THOSE.fullmatch(text, sentence_start, f.start)
                and sum(1 for g in out[first_in_sentence[p.sentence_index]:i] if g.found.dimension == "count"
                        and g.links.whole is None) == 1):     # which count "those" are is plain only if it is the one
            link_whole(i, i - 1 if prev.links.whole is None else prev.links.whole, breakdown=True)
            continue

        # "Of 60 missiles, 48 were intercepted.": only the sentence's first figure can follow its
        # opening words, so that is the one candidate
        opener = first if first < i and _SENTENCE_OF.fullmatch(text, sentence_start, out[first].found.start) else None
        if opener is not None and (fig.about.subject is None or fig.about.subject == out[opener].about.subject):
            link_whole(i, opener)
            continue

        # "10 of the drones were lost" after "... 71 drones": the nearest earlier whole of that subject
        if fig.about.partitive and fig.about.subject is not None:
            subject = fig.about.subject
            earlier = _earlier_whole(out, i, lambda w: w.about.subject == subject)
            if earlier is not None:
                link_whole(i, earlier)
                continue

        # "... while three turned back", "Another 15 hit their targets."
        whole_of_prev = prev.links.whole if prev is not None else None
        if fig.about.noun is None and fig.about.subject is None and p is not None and whole_of_prev is not None:
            continues = _CONTINUES.search(text, max(sentence_start, f.start - _CONTINUES_REACH), f.start)
            joined = (p.sentence_index == f.sentence_index
                      and _JOINED.search(text, p.end, f.start) is not None)
            if joined or (continues and p.sentence_index >= f.sentence_index - 1):
                link_whole(i, whole_of_prev)
    return out


def _earlier_whole(figures: list[Figure], i: int, accept) -> int | None:  # type: ignore[no-untyped-def]
    at = figures[i].found.sentence_index
    fallback = None
    for k in range(i - 1, max(i - 1 - _LOOKBACK_FIGURES, -1), -1):
        cand = figures[k]
        if at - cand.found.sentence_index > _LOOKBACK_SENTENCES:
            break
        if cand.found.dimension != "count" or not accept(cand):
            continue
        if cand.links.is_whole:
            return k
        if fallback is None and cand.links.whole is None:
            fallback = k
    return fallback
