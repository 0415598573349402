"""What quantity a figure measures: the kind of thing it counts, what happened to it, and whether the
text reports it, forecasts it, or marks it as an earlier or an updated value.

The checker compares only figures that measure the same quantity, so this is where a false alarm is
prevented or made. Every part comes from data tables of classes, never from the exact words:
- kind (data/kinds.tsv): "people", "protesters", "demonstrators" are persons; "UAVs" and "unmanned
  aircraft" are drones. Restricting modifiers stay part of it ("169 Indian passengers" are not the
  242 passengers), so that a subset is never set against its whole;
- happening (data/happenings.tsv): the verb that says what happened to the counted things ("were
  killed", "shot down", "took part"), an adjective after them ("are dead", "on board"), or what the
  noun itself says ("fatalities", "protesters"); "killed or wounded" is a casualty count;
- status (data/status_markers.tsv): "expected", "could" (a forecast); "previously", "an earlier toll
  of", "up from" (earlier); "rose to", "now", "updated" (an update of a running count). A marker
  belongs to the figure of its clause it stands nearest to.
A part that cannot be read is left unknown, and an unknown part compares with nothing.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from figures import _tables
from figures.extraction.clauses import Clause, clause_at
from figures.extraction.figure import About
from figures.extraction.tokens import AUX, Sentence, Token, is_content, singular, past_form, verb_at, verb_edges, verb_ending_at, verb_forms, verb_like

# Tables read in the hot loops below, bound once rather than fetched through their caches per token.
_STOPWORDS = _tables.stopwords()
_NUMBER_WORDS = _tables.number_words()
_KINDS = _tables.kinds()
_HAPPENINGS = _tables.happenings()
_STATUS_MARKERS = _tables.status_markers()
_JOINED_HAPPENINGS = _tables.joined_happenings()

#: Words that may stand between a counted noun and the verb saying what happened to it.
_BETWEEN_NOUN_AND_VERB = AUX | _tables.word_class("noun_verb_gap")
_REPORTED_TO = _tables.word_class("reported_to")
_BEFORE_FIGURE = _tables.word_class("before_figure")
_AFTER_WORDS = tuple(sorted(_tables.word_class("after_noun_phrase"), key=lambda p: (-len(p), p)))
_AFTER_FIRST = frozenset(w.split()[0] for w in _AFTER_WORDS)
_OTHERS = _tables.word_class("others_word")
_RESTRICTING = _tables.word_class("restricting_modifier")
_COMBINE = _tables.word_class("coordinator")
_CROWD_NOUNS = _tables.word_class("crowd_noun")
_META = _tables.word_class("meta_noun")
_REACH_WORDS = {"before": 3, "near": 6}       # how many words a "before"/"near" marker may stand ahead
_COLLECTIVE = _tables.word_class("collective_noun")
#: Words that may stand between a count's name and the figure: "the death toll has climbed to 418".
_LINKING_TO_FIGURE = AUX | _tables.word_class("linking_to_figure")
_META_REACH = 6            # words between a count's name and its figure ("a crowd of 50,000")
_META_REACH_LINKED = 20    # ... when a linking verb stands right before the figure ("the toll ... rose to 45")
_COMPLEMENTS = frozenset(tuple(p.split()) for p in _tables.word_class("complement_phrase"))
NEAR = 4                   # words from another figure within which a happening word is that figure's
_STATUS_RANK = {"disputed": 6, "another": 5, "other": 4, "forecast": 3, "earlier": 2, "update": 1, "report": 0}


@dataclass(frozen=True, slots=True)
class Reading:
    """The quantity parts of one figure as its own words give them."""

    kind: str | None
    mods: str | None          # restricting modifiers, space-joined in order ("north korean")
    happening: str | None
    fixed: bool               # a fact of the event ("230 passengers on board"), not a running count
    inherit: bool             # "18 others", or a bare figure: its kind comes from the figure before it
    coordinated: bool         # "fired 14 missiles and 250 drones": 250 shares the verb before "and"
    meta: bool                # "police estimated a figure of 100,000": it counts what the text counts
    verb: str | None = None   # the lemma of the verb that says what happened, when one does


_SHARE = "share"
_SHARES = frozenset({"percent", "fraction", "ratio"})


def _names_scope(kind: str, tokens: list[Token], clause: Clause) -> bool:
    """Whether a measure's subject is only the name of its place or event ("of the Ridge Fire")."""
    return any(t.text[:1].isupper() and kind in {t.low, singular(t.low)}
               for t in tokens[max(clause.first, 1):clause.stop])     # not the capital a sentence opens with


_NOUN_MARKERS = _tables.word_class("noun_marker")


def _verb_token(tokens: list[Token], k: int) -> bool:
    """Whether token k can be a verb: not a name ("the Canyon Fire"), not a noun after a determiner
    ("the fire was 18% contained")."""
    tok = tokens[k]
    if k > 0 and tok.text[:1].isupper():
        return False
    if k > 0 and tokens[k - 1].low in _NOUN_MARKERS:
        return False
    if k > 1 and tokens[k - 1].text[:1].isupper() and tokens[k - 1].is_word and tokens[k - 2].low in _NOUN_MARKERS:
        return False                              # "the Cedar fire grew": a name's noun, not "fire" the verb
    counted = k > 0 and (tokens[k - 1].text[:1].isdigit() or tokens[k - 1].low in _NUMBER_WORDS)
    return not (counted and tok.low.endswith("s") and not past_form(tok.low))     # "eight kills": a noun


def _happening(word: str | None) -> _tables.Happening | None:
    """The happening a lemma names, or a joined class ("casualty", "damage_or_destroy") by its name."""
    if not word:
        return None
    return _HAPPENINGS.get(word) or _JOINED_BY_NAME.get(word)


_JOINED_BY_NAME = {h.happening: h for h in _JOINED_HAPPENINGS.values()}


def _kind_of(words: Sequence[str]) -> tuple[_tables.Kind | None, str | None]:
    """The kind of a noun phrase given as written words, and the head it was found under."""
    table = _KINDS
    if not words:
        return None, None
    head = singular(words[-1])
    if len(words) >= 2:
        pair = f"{words[-2].lower()} {head}"
        if pair in table:
            return table[pair], pair
    return table.get(head), head


def _mods(words: Sequence[str], head_words: int) -> str | None:
    """Restricting modifiers of a counted noun phrase: names ("North Korean", "Indian") and a few
    adjectives ("additional", "civilian"); other adjectives ("combat drones") describe every member."""
    kept = [w.lower() for w in words[: len(words) - head_words]
            if (w[:1].isupper() and w.lower() not in _STOPWORDS) or w.lower() in _RESTRICTING]
    return " ".join(kept) or None


_SUBSET_PHRASES = _tables.subset_phrases()
_SUBSET_LONGEST = max(len(p) for p in _SUBSET_PHRASES)
_SUBSET_REACH = 8             # tokens after a figure within which such a phrase is the figure's
_SUBSET_STOPS = frozenset({",", ";", "(", ":"})


def _subset_phrase(tokens: list[Token], stop: int, clause_stop: int) -> str | None:
    """A phrase after a count that makes it a subset of what happened: "a dozen died on the ground"
    (not aboard), "30 were in hospital"; how the table writes it, or None. Read up to the next figure
    or comma: "killed 12 people, 3 on the ground" puts only the 3 on the ground."""
    end = min(clause_stop, stop + _SUBSET_REACH)
    for i in range(stop, end):
        tok = tokens[i]
        if tok.text in _SUBSET_STOPS or tok.text[:1].isdigit() or tok.low in _NUMBER_WORDS:
            return None
        for n in range(min(_SUBSET_LONGEST, end - i), 0, -1):
            found = _SUBSET_PHRASES.get(tuple(t.low for t in tokens[i:i + n]))
            if found is not None:
                return found
    return None


def _adverb(tok: Token) -> bool:
    return tok.is_word and len(tok.low) > 4 and tok.low.endswith("ly") and tok.text[:1].islower()


_ASIDE_REACH = 12             # tokens after a noun's comma within which its aside (", including three children,") ends


def _skip_aside(tokens: list[Token], k: int, stop: int) -> int:
    """Past ", including three children," after a noun, to where its verb may stand."""
    if k < stop and tokens[k].text == "," and k + 1 < stop and tokens[k + 1].low in {"including", "among", "mostly"}:
        for m in range(k + 1, min(stop, k + _ASIDE_REACH)):
            if tokens[m].text == ",":
                return m + 1
    return k


_PLACE_PHRASE_REACH = 5       # tokens from "on"/"in" after a noun to the auxiliary past its place ("on the ground are")
_VERB_GAP_WORDS = 6           # words (adverbs, "reported to", "said to") read between a counted noun and its verb


_RELATIVE_SUBJECT_REACH = 3   # words of a relative clause's own subject: "that the Russian army launched"


def _relative_verb(tokens: list[Token], k: int, stop: int) -> str | None:
    """The verb of a relative clause whose object is the figure, right after it: "45 that Russia
    launched", "the 70 drones which the army fired"; None when no "that"/"which" follows, or its
    clause's verb is the figure's own ("12 that were shot down" is read by `_verb_after`)."""
    if k >= stop or tokens[k].low not in ("that", "which"):
        return None
    for m in range(k + 2, min(stop, k + 2 + _RELATIVE_SUBJECT_REACH)):
        if not tokens[m - 1].is_word or tokens[m - 1].low in AUX:
            return None                           # "that were shot down": a passive of the figure's own
        found = verb_at(tokens, m) if not tokens[m].text[:1].isupper() else None
        if found is not None:
            return found[0]
    return None


def _verb_after(tokens: list[Token], k: int, stop: int) -> str | None:
    """The happening word after a counted noun: "were killed", "are now said to have drowned",
    "18 others injured", "242 on board", "nine people on the ground are dead"."""
    k = _skip_aside(tokens, k, stop)
    if k < stop and tokens[k].low in {"in", "on", "at", "over", "from"} and tokens[k].is_word:
        m = k + 1
        while m < min(stop, k + _PLACE_PHRASE_REACH) and tokens[m].is_word and tokens[m].low not in AUX:
            m += 1
        if m < stop and tokens[m].low in AUX:
            k = m                                 # "23 people on the ground are dead"
    seen = 0
    while k < stop and seen < _VERB_GAP_WORDS and (tokens[k].low in _BETWEEN_NOUN_AND_VERB or _adverb(tokens[k]) or (
            tokens[k].low in _REPORTED_TO and k + 1 < stop
            and (tokens[k + 1].low == "to" or tokens[k + 1].low in _AFTER_FIRST or verb_at(tokens, k + 1)))):
        k += 1
        seen += 1
    if k >= stop or not tokens[k].is_word:
        return None
    phrase = _after_word(tokens, k)
    if phrase is not None:
        return phrase
    found = verb_at(tokens, k) if _verb_token(tokens, k) else None
    if found is None:
        return None
    lemma, n = found
    return _joined(tokens, k + n, stop, lemma)


def _joined(tokens: list[Token], k: int, stop: int, lemma: str) -> str:
    """A verb joined to the next by "and"/"or" counts both happenings at once: "killed or wounded"
    is a casualty count, "damaged or destroyed" one count of both (data/happening_classes.tsv). Two
    happenings no class joins give "" (unread): the figure counts neither one alone."""
    first = _happening(lemma)
    if first is None or not (k + 1 < stop and tokens[k].low in _COMBINE):
        return lemma
    second = verb_at(tokens, k + 1)
    other = _happening(second[0]) if second else _happening(tokens[k + 1].low)
    if other is None or other.happening == first.happening:
        return lemma
    joined = _JOINED_HAPPENINGS.get(frozenset((first.happening, other.happening)))
    return joined.happening if joined is not None else ""


#: How far a reduced relative after a whole ("the 71 drones fired overnight were shot down") may run
#: before the verb of the part: a window of tokens.
_RELATIVE_REACH = 6


def _past_whole(tokens: list[Token], k: int, stop: int) -> int | None:
    """Where the verb of a part written before its whole stands: after "of (the) 71 drones" and any
    reduced relative ("fired overnight", "launched by the army") up to its auxiliary; None when no
    whole follows the figure at token k."""
    if k < stop and tokens[k].low == "out":
        k += 1
    if not (k < stop and tokens[k].low == "of"):
        return None
    k += 1
    if k < stop and tokens[k].low == "the":
        k += 1
    if not (k < stop and tokens[k].text[:1].isdigit()):
        return None
    k += 1
    while k < stop and is_content(tokens[k]) and not verb_like(tokens[k].low):
        k += 1                                    # the whole's noun: "drones", "Russian drones"
    if k < stop and tokens[k].low not in AUX and verb_like(tokens[k].low):
        aux = next((m for m in range(k + 1, min(stop, k + 1 + _RELATIVE_REACH)) if tokens[m].low in AUX), None)
        if aux is None:
            return None                           # "39 of 71 drones launched": no verb of the part's own
        k = aux
    return k


def _own_verb(tokens: list[Token], k: int, stop: int) -> bool:
    """Whether a verb of its own follows a figure at token k ("30 are being treated", "30 were taken
    to hospital"), so that it does not share the happening of the figure it is joined to by "and"."""
    return k < stop and tokens[k].is_word and (tokens[k].low in AUX or verb_like(tokens[k].low))


def _verb_before(tokens: list[Token], first: int, floor: int) -> tuple[str | None, bool]:
    """The verb just before a figure ("killed 58", "shot down another 14", "wounding nine"), and
    whether an "and" or a comma stood between (the figure is then coordinated with the one before)."""
    j = first - 1
    crossed = False                               # a verb-like word stands between ("and said one person")
    while j >= floor and first - j <= 5:
        tok = tokens[j]
        if tok.low in _COMBINE or tok.text == ",":
            return None, not crossed
        found = verb_ending_at(tokens, j)
        if found is not None and not _verb_token(tokens, found[1]):
            found = None
        if found is not None:
            lemma, start = found
            if start >= 2 and tokens[start - 1].low in _COMBINE:
                back = verb_ending_at(tokens, start - 2)       # "killed and wounded 40"
                joined = _joined(tokens, start - 1, first, back[0]) if back is not None else None
                if back is not None and joined != back[0]:
                    return joined or None, False
            return lemma, False
        if tok.is_word and verb_like(tok.low):
            crossed = True
        if tok.is_word and is_content(tok) and tok.low not in _BEFORE_FIGURE and not (
                tok.low in _COLLECTIVE and tokens[min(j + 1, first - 1)].low in {"of", "strike", "attack"}):
            return None, False                    # ("stopped a large wave of 40 drones" reads on)
        j -= 1
    return None, False


def _meta_before(tokens: list[Token], first: int, floor: int) -> tuple[str | None, bool]:
    """What a figure counts when the words before it name the count: "the death toll rose to 45",
    "put the crowd at 20,000", "the toll from the storm that hit on Monday has now climbed to 418",
    "the number of dead and wounded ... passed 700", "a figure of 100,000" (a meta noun)."""
    k = first - 1
    while k >= floor and tokens[k].low in _LINKING_TO_FIGURE:
        k -= 1
    reach = _META_REACH_LINKED if k < first - 1 else _META_REACH
    for j in range(k, max(floor, k - reach) - 1, -1):
        low = tokens[j].low
        if low in _CROWD_NOUNS:
            return ("turnout" if low == "turnout" else "crowd"), False
        if low in {"deaths", "death"} and j + 1 < first and tokens[j + 1].low == "of":
            return "death", False                 # "reported the deaths of 64 miners"
        if low in {"toll", "tolls"}:
            before = tokens[j - 1].low if j - 1 >= floor else ""
            return ("injured" if before in {"injury", "injured"} else "death"), False
        if low == "of" and j - 1 >= floor and tokens[j - 1].low == "number" and j + 1 < first:
            words = [t.low for t in tokens[j + 1:min(first, j + 5)]]
            happenings = {h.happening for w in words if (h := _happening(w)) is not None}
            if {"death", "injury"} <= happenings:
                return "casualty", False
            counted = singular(words[0])
            if counted in _KINDS:
                return counted, False             # "the number of deaths in Lakeport passed 900"
        if low in _META and ((j > floor and tokens[j - 1].low in _NOUN_MARKERS)
                             or (j + 1 < first and tokens[j + 1].low in {"of", "at"})):
            return None, True                     # "a figure of", "the number at": not "agencies estimate that"
    return None, False


def sentence_happenings(sentence: Sentence) -> tuple[tuple[int, str], ...]:
    """(token index, happening class) of every verb or after-noun phrase of the sentence that names one."""
    tokens = sentence.tokens
    found = []
    firsts = _first_words()
    for k in sentence.where(firsts):
        if not tokens[k].is_word:
            continue
        word = _after_word(tokens, k)
        if word is None and _verb_token(tokens, k):
            hit = verb_at(tokens, k)
            word = hit[0] if hit else None
        entry = _happening(word)
        if entry is not None:
            found.append((k, entry.happening))
    return tuple(found)


@lru_cache(maxsize=None)
def _first_words() -> frozenset[str]:
    """First words of every verb form and after-noun phrase: a cheap test before reading a phrase."""
    return frozenset(p.split()[0] for p in _AFTER_WORDS) | verb_edges()[0]


def _after_word(tokens: list[Token], k: int) -> str | None:
    for phrase in _AFTER_WORDS:
        words = phrase.split()
        if tokens[k].low == words[0] and [t.low for t in tokens[k:k + len(words)]] == words:
            return phrase
    return None


def read(sentence: Sentence, clauses: tuple[Clause, ...], first: int, stop: int, about: About, dimension: str,
         around: Callable[[], tuple[tuple[int, str], ...]] = tuple,
         near_other: Callable[[int], bool] = lambda k: False) -> Reading:
    """The quantity parts of the figure at tokens [first, stop), given what `about` decided it is
    about: its counted noun (`noun_words`, ending before token `noun_stop`), the subject read on its
    left (`left_subject`, and `left_group`, whose a toll read there is: "casualties among the
    troops") and, for a measure, its `subject`. `around` gives the happenings the sentence names and
    where (read only when needed); `near_other(k)` whether token k is within a few words of another
    figure. A person count whose own words name no happening takes the only one the sentence names
    away from its other figures ("brought 90,000 people, says the ministry, and 150,000, says the
    union, out on the streets"; "many took part, with an estimate of 90,000")."""
    noun_words, noun_stop, left_subject = about.noun_words, about.noun_stop, about.left_subject
    subject, group = about.subject, about.left_group
    tokens = sentence.tokens
    clause = clauses[clause_at(clauses, first)]
    if first >= 2 and (tokens[first - 2].low, tokens[first - 1].low) in _COMPLEMENTS:
        return Reading(None, None, None, False, False, False, False)   # "all but one": the rest are counted
    if dimension == "age":
        return Reading(None, None, None, False, False, False, False)   # one person's age: nothing to compare
    kind_entry, head = _kind_of(noun_words)
    inherit = bool(noun_words) and noun_words[-1].lower() in _OTHERS
    counted = dimension == "count"
    meta_word, meta = _meta_before(tokens, first, clause.first)
    if noun_words:
        meta_word = None                          # the noun says what is counted; "a total of" still marks meta
    if counted and kind_entry is None and not noun_words and meta_word is not None:
        kind_entry = _KINDS.get("crowd" if meta_word == "turnout" else meta_word)
        head = meta_word
    toll_of_group = False
    if counted and kind_entry is None and not noun_words and left_subject:
        kind_entry, head = _kind_of([left_subject])
        toll_of_group = group is not None and kind_entry is not None
    counted_as = _population(tokens, first, clause.first)
    kind: str | None
    if not counted:
        kind = subject
        if kind_entry is None and subject:
            kind_entry = _KINDS.get(subject)
        if kind_entry is not None and kind_entry.kind == _SHARE:
            kind = _SHARE
        if dimension in _SHARES and _meta_before(tokens, first, clause.first)[0] == "turnout":
            kind = "turnout"                      # "turnout reached 71%": the share of voters who voted
    elif inherit:
        kind = None
    elif kind_entry is not None:
        kind = kind_entry.kind
        if toll_of_group:                         # "casualties among the troops": the troops' casualties
            kind = _KINDS[group].kind if group in _KINDS else group
    elif noun_words:
        kind = head
    else:
        kind = None
    mods = _mods(noun_words, len(head.split()) if head and noun_words else 1) if counted and noun_words else None
    if kind_entry is not None and "projectile" in kind_entry.flags:
        mods = None                               # "Russian drones": the side that fired them, not a subset

    after = _verb_after(tokens, noun_stop if noun_words else stop, clause.stop)
    if after is None and not noun_words:
        past_whole = _past_whole(tokens, stop, clause.stop)
        if past_whole is not None:                # "52 of the 71 drones were shot down": 52 were
            after = _verb_after(tokens, past_whole, clause.stop)
    before, coordinated = _verb_before(tokens, first, clause.first)
    relative = _relative_verb(tokens, noun_stop if noun_words else stop, clause.stop)
    if relative is not None and _happening(relative) is not None:
        before = None                             # "out of 45 that Russia launched": the 45 were launched
        after = relative
    if meta_word == "casualty":
        before = "casualty"
    elif _governed_by_death(tokens, first):
        before, after = "die", None                 # "reported the deaths of 64 miners on board"
    word = before if _happening(before) is not None else after
    if _happening(word) is None:
        word = after if _happening(after) is not None else None
    found = _happening(word)
    if found is None and counted_as:
        found = _happening("population")
    if found is None and kind_entry is not None and kind_entry.happening:
        found = _happening(kind_entry.happening) or _tables.Happening(kind_entry.happening, "event", None)
    if found is None and noun_words and counted and meta_word is None:
        named, _ = _meta_before(tokens, first, clause.first)   # "the number of deaths exceeded 5,300 people"
        entry = _KINDS.get(named) if named else None
        if entry is not None and entry.happening and (kind_entry is None or kind_entry.kind == entry.kind):
            found = _happening(entry.happening) or _tables.Happening(entry.happening, "event", None)
    free: set[str] = set()
    if found is None and counted and (kind_entry is None or kind_entry.kind == "person"):
        free = {h for k, h in around() if not near_other(k)}
    if found is None and counted and (kind_entry is None or kind_entry.kind == "person") and len(free) == 1:
        only = next(iter(free))
        found = next((h for h in _HAPPENINGS.values() if h.happening == only and h.bare == "person"), None)
    if kind == "turnout" and not counted:
        found = _happening("turnout")
    happening = found.happening if found else None
    if happening == "destroy" and kind_entry is not None and "projectile" in kind_entry.flags:
        happening = "downed"
    if counted and kind is None and not inherit and found is not None and found.bare and not coordinated \
            and not noun_words:
        kind = found.bare                                  # "30 died", "40,000 marched": people
    where = _subset_phrase(tokens, stop, clause.stop) if counted and kind and happening not in {None, "aboard"} \
        else None
    if where is not None:
        kind = f"{kind} {where}"                           # "a dozen died on the ground": a subset of the dead
    if dimension in _SHARES and (kind is None or _names_scope(kind, tokens, clause)) and happening:
        kind = _SHARE                                      # "40% of the Ridge Fire is contained"
    bare = counted and not noun_words and kind is None
    verb = word if word and word != "casualty" else (before or after)
    if verb in _AFTER_WORDS:
        verb = verb_forms()[0].get(verb, (None, None))[0]          # "were wounded" -> wound
    shares_happening = coordinated and happening is None and not (
        _own_verb(tokens, noun_stop if noun_words else stop, clause.stop)     # "and 30 were taken to hospital"
        and not (first >= 1 and tokens[first - 1].low == "other"))           # "and the other 11 were ...": the rest
    return Reading(kind=kind, mods=mods, happening=happening, fixed=bool(found and found.fixed),
                   inherit=inherit or bare, coordinated=shares_happening, meta=meta, verb=verb)


def _governed_by_death(tokens: list[Token], first: int) -> bool:
    """"the deaths of N ...": what the figure counts died, whatever follows it."""
    return first >= 2 and tokens[first - 1].low == "of" and tokens[first - 2].low in {"deaths", "death", "bodies"}


_POPULATION = frozenset(tuple(p.split()) for p in _tables.word_class("population_phrase"))


def _population(tokens: list[Token], first: int, floor: int) -> bool:
    """"a population of some 40,000", "Lakeport, a town of 12,000", "home to 2 million": how many
    live there, a fact of the place."""
    j = first - 1
    return j - 1 >= floor and (tokens[j - 1].low, tokens[j].low) in _POPULATION


# -- status -----------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Marker:
    first: int
    stop: int
    status: str
    reach: str


def markers(sentence: Sentence) -> tuple[Marker, ...]:
    """The status markers of a sentence (forecast, earlier, update words), in order."""
    table = _STATUS_MARKERS
    longest = _longest_marker()
    firsts = _marker_first_words()
    if firsts.isdisjoint(sentence.words):
        return ()
    tokens, lows = sentence.tokens, sentence.lows
    found: list[Marker] = []
    resume = 0
    for i in sentence.where(firsts):
        if i < resume:
            continue                              # inside the marker found before
        tok = tokens[i]
        hit = None
        for n in range(min(longest, len(tokens) - i), 0, -1):
            phrase = " ".join(lows[i:i + n])
            if phrase in table and (n > 1 or not tok.text[:1].isupper() or i == 0 or phrase in {"earlier", "previously"}):
                hit = (n, table[phrase])
                break
        if hit is not None:
            n, (status, reach) = hit
            if reach == "after" and i + n < len(tokens) and lows[i + n] == "than":
                hit = (n, ("other", "after"))     # "20 more than first reported": a difference, no count of its own
        if hit is not None:
            n, (status, reach) = hit
            if reach != "article":
                found.append(Marker(i, i + n, status, reach))
            resume = i + n
    return tuple(found)


@lru_cache(maxsize=None)
def _longest_marker() -> int:
    return max(len(p.split()) for p in _STATUS_MARKERS)


@lru_cache(maxsize=None)
def _marker_first_words() -> frozenset[str]:
    return frozenset(p.split()[0] for p in _STATUS_MARKERS)


def statuses(marks: tuple[Marker, ...], clauses: tuple[Clause, ...], spans: list[tuple[int, int]],
             timed: list[bool]) -> list[str]:
    """The status of each figure of a sentence (token spans `spans`, in order): each marker belongs
    to the figure of its clause it stands nearest to; a "before" marker only to a figure it directly
    precedes; an "after" marker to the figure it directly follows; a "sentence" marker (a denial)
    to every figure of the sentence. A clock time in a figure's own clause ("as of 3:20 a.m.") makes it an update.
    Each marker looks only at the figures beside it (found by bisection), so a sentence of thousands
    of figures and markers costs linear time."""
    result = ["update" if t else "report" for t in timed]
    if not marks or not spans:
        return result
    starts = [a for a, _ in spans]
    clause_of = [clause_at(clauses, a) for a in starts]
    ending_at: dict[int, int] = {}
    for k, (_, stop) in enumerate(spans):
        ending_at.setdefault(stop, k)
    whole_sentence = None
    for mark in marks:
        if mark.reach == "sentence":                 # "claimed 200 had died, but police said that was false"
            if whole_sentence is None or _STATUS_RANK[mark.status] > _STATUS_RANK[whole_sentence]:
                whole_sentence = mark.status
            continue
        c = clause_at(clauses, mark.first)
        if mark.reach == "after":                    # "killed three more": the word right after the figure
            k = ending_at.get(mark.first)
            target = k if k is not None and clause_of[k] == c else None
        elif mark.reach in _REACH_WORDS:
            window = _REACH_WORDS[mark.reach]
            target = None
            k = bisect_left(starts, mark.stop)
            while k < len(starts) and starts[k] - mark.stop <= window:
                if clause_of[k] == c:
                    target = k
                    break
                k += 1
        else:
            target = _nearest_in_clause(mark, spans, starts, clause_of, c)
        if target is not None and _STATUS_RANK[mark.status] > _STATUS_RANK[result[target]]:
            result[target] = mark.status
    if whole_sentence is not None:
        result = [whole_sentence if _STATUS_RANK[whole_sentence] > _STATUS_RANK[status] else status for status in result]
    return result


_NEIGHBOURS = 2               # figures on each side of a marker that may be the one nearest it


def _nearest_in_clause(mark: Marker, spans: list[tuple[int, int]], starts: list[int], clause_of: list[int],
                       c: int) -> int | None:
    """The figure of clause `c` nearest the marker (the later one on a tie): one of the few figures
    beside it, else (a clause whose figures stand apart from it) any figure of the clause."""
    k = bisect_left(starts, mark.stop)
    near = [j for j in range(max(0, k - _NEIGHBOURS), min(len(starts), k + _NEIGHBOURS)) if clause_of[j] == c]
    if not near:
        near = [j for j, clause in enumerate(clause_of) if clause == c]
    if not near:
        return None
    return min(near, key=lambda j: (_distance(mark, spans[j]), -spans[j][0]))


def _distance(mark: Marker, span: tuple[int, int]) -> int:
    first, stop = span
    if mark.stop <= first:
        return first - mark.stop
    if mark.first >= stop:
        return mark.first - stop + 1
    return 0
