"""Quantities in a sentence: whether it states a measure, and whether it counts outcomes.

Split from :mod:`mockinterviewer.coach.detectors`, which re-exports :func:`is_quantified` and
:func:`states_count`; the word lists and patterns are in
:mod:`mockinterviewer.coach.detector_quantities` and :mod:`mockinterviewer.coach.detector_extra`.
"""

from __future__ import annotations

from mockinterviewer.coach import detector_extra as X
from mockinterviewer.coach import detector_patterns as P
from mockinterviewer.coach import detector_quantities as Q
from mockinterviewer.coach.detector_text import normalise
from mockinterviewer.coach.text import NUMBER_WORDS, STOPWORDS

_NUMBERS = NUMBER_WORDS | {"one", "dozen", "dozens", "couple", "handful"}


_TO_QUANTITY = frozenset({"under", "over", "just", "about", "around", "zero", "a", "nearly",
                          "almost", "roughly", "barely", "below", "above", "less", "fewer", "more",
                          "only", "well", "single", "close"})


def _number_word(tok: str) -> bool:
    return all(p in _NUMBERS for p in tok.split("-")) and tok not in {"couple", "handful"}


def _amount_compound(tok: str) -> bool:
    """Tells whether a hyphenated token is a number with a unit ("fifty-grand", "ten-tonne")."""
    parts = tok.split("-")
    return len(parts) > 1 and _number_word(parts[0]) and parts[-1] in Q.UNITS | {"odd", "plus"}


def _is_number(tok: str) -> bool:
    return tok[:1].isdigit() or tok[:1] in "$£€" or _number_word(tok) or _amount_compound(tok)


def _measure_at(toks: list[str], i: int, verbs: bool) -> bool:
    """Tells whether the number at ``toks[i]`` is used as a measure."""
    def at(k: int) -> str:
        return toks[k] if 0 <= k < len(toks) else ""

    tok, prev, prev2, nxt, nxt2 = at(i), at(i - 1), at(i - 2), at(i + 1), at(i + 2)
    if tok[0] in "$£€":
        return True
    if tok[0].isdigit():
        suffix = Q.NUMBER_SUFFIX.sub("", tok)
        if suffix == "%":
            return nxt not in Q.NOT_MEASURE_AFTER_PCT and not (
                tok in {"100%", "110%"} and prev in {"gave", "give", "giving", "it", "am", "was",
                                                     "be", "is", "'m"})
        if suffix.startswith("-"):
            return suffix[1:] in {"fold", "percent"} or nxt in Q.COMPOUND_MEASURE_NEXT
        if suffix in {"am", "pm", "st", "nd", "rd", "th"}:
            return False
        if suffix and prev in {"the", "a", "an"} and nxt not in Q.COMPOUND_MEASURE_NEXT | Q.UNITS:
            return False  # "the 10k race", "a 3d model": a label, not a measure
        if suffix:
            return suffix in Q.UNITS or suffix in Q.UNIT_SUFFIXES
        if Q.YEAR.fullmatch(tok) and nxt not in Q.UNITS:
            return False
    elif "-" in tok and not _number_word(tok):
        last = tok.split("-")[-1]
        if last in Q.UNITS and last not in Q.TIME_UNITS:
            return True  # "a fifty-grand saving"
        if last not in {"odd", "plus"}:
            return nxt in Q.COMPOUND_MEASURE_NEXT
        tok = tok.split("-")[0]  # "four hundred-odd": judged as the number it approximates
    if prev in Q.LABEL_PREV or prev == "/" or nxt == "/" or prev2 == "top":
        return False
    if nxt == "of" and nxt2 in Q.OF_DETERMINERS:
        return False
    narrative = prev in Q.NARRATIVE_PREV or nxt2 in Q.NARRATIVE_NEXT
    unit = nxt2 if nxt in Q.UNIT_MODIFIERS else nxt
    if unit in Q.TIME_UNITS and not unit.endswith("s") and tok not in {"one", "a", "half"}:
        return False  # "four shift leads", "a two day course": a modifier, not a measure
    if unit in Q.TIME_UNITS:
        after = at(i + 2) if unit == nxt else at(i + 3)
        return not narrative and (prev in Q.DURATION_PREV or after in Q.DURATION_NEXT or (
            verbs and tok not in {"one", "a"}))
    if unit in Q.UNITS:
        return True
    if nxt in {"percent", "per"} or (nxt == "cent" and prev == "per"):
        return True
    if nxt in Q.COMPARATIVE_NEXT and not (tok == "one" and nxt in {"more", "less"}):
        return True
    if tok != "one" and verbs and prev in {"to", "by", "under", "below", "above", "than", "down",
                                           "up"}:
        return True
    if prev == "from" and tok != "one" and any(  # "from 600 ... to 50"
            toks[k] == "to" and (_is_number(toks[k + 1]) or toks[k + 1] in _TO_QUANTITY)
            for k in range(len(toks) - 1) if k != i - 1):
        return True
    if (nxt == "of" and nxt2 in Q.UNITS) or nxt in {"a", "per", "each", "every"} and (
            nxt2 in Q.TIME_UNITS):
        return True
    plural = nxt.endswith("s") and nxt not in STOPWORDS and len(nxt) > 3
    if not plural or tok in {"one", "dozen", "couple", "handful"}:
        return False
    return (tok[0].isdigit() and verbs) or prev in Q.RESULT_VERBS  # "closed 320 tickets"


def is_quantified(text: str) -> bool:
    """Tells whether the sentence states a quantity as a result or a measure.

    Args:
        text: one sentence or a short passage.

    Returns:
        True for numbers with units or in comparisons, percentages, money, durations, counts of
        outcomes, and words such as "halved", "an order of magnitude", "from weekly to daily";
        False for labels and versions ("v2", "Year 9", "Boeing 737"), dates and times, ordinals,
        and counts of people or options that measure nothing.
    """
    t = normalise(text)
    if Q.QUANT_PHRASES.search(t) or Q.CHANGE_COUNT.search(t) or (
            Q.PERCENT.search(t) and not Q.NOT_PERCENT.search(t)):
        return True
    for m in Q.RATE.finditer(t):  # "an hour a day", "a grand a term", "a tonne an acre"
        if m.group("u") in Q.UNITS and m.group("u2") in Q.TIME_UNITS | Q.AREA_UNITS and (
                m.group("u") not in Q.ONE_UNIT_NOT):
            return True
    for m in Q.TIME_SPAN_CHANGE.finditer(t):
        if m.group("a") in Q.TIME_UNITS and m.group("b") in Q.TIME_UNITS:
            return True
    for m in Q.ONE_UNIT.finditer(t):
        if m.group("u") in Q.UNITS and m.group("u") not in Q.ONE_UNIT_NOT:
            return True
    for m in Q.EARLY.finditer(t):
        if m.group("u") in Q.TIME_UNITS:
            return True
    for m in Q.INSTEAD_OF.finditer(t):
        if any(m.group(g) in Q.TIME_UNITS for g in ("u1", "u2", "u3")):
            return True
    if len(set(Q.FREQUENCY_WORDS.findall(t))) >= 2:  # "from weekly to daily"
        return True
    toks = [tok for tok in (tok.rstrip(".,") for tok in P.TOKEN.findall(t)) if tok]
    verbs = any(tok in Q.RESULT_VERBS or tok in Q.CHANGE_VERBS for tok in toks) and not (
        Q.NOT_RESULT_CONTEXT.intersection(toks))
    return any(_is_number(tok) and _measure_at(toks, i, verbs)
               for i, tok in enumerate(toks)) or bool(X.QUANTITY.search(t))


def states_count(text: str) -> bool:
    """Tells whether a sentence counts things ("zero errors", "3,000 doses", "eleven sites").

    Inside a Result such a count is an outcome; elsewhere it may be set-up ("the kitchen has 40
    covers"), so :func:`is_quantified` does not use it and the Result check adds it.

    Args:
        text: one sentence or clause.

    Returns:
        True when a number counts a plural noun that is not people or a span of time.
    """
    t = normalise(text)
    toks = [tok for tok in (tok.rstrip(".,") for tok in P.TOKEN.findall(t)) if tok]
    return any(_is_number(tok) and _count_of_things(toks, i) for i, tok in enumerate(toks))


# Plural nouns whose count describes the set-up, not an outcome ("two of my teammates").
_PEOPLE = frozenset({
    "people", "persons", "teammates", "colleagues", "engineers", "nurses", "staff", "members",
    "leads", "managers", "friends", "peers", "coworkers", "co-workers", "workers", "volunteers",
    "reports", "juniors", "seniors", "guys", "kids", "children", "sons", "daughters", "brothers",
    "sisters", "siblings", "years", "months", "weeks", "days", "hours", "minutes", "shifts",
    "sprints", "times", "ways", "things", "steps", "reasons", "options", "questions", "points",
    "parts", "phases", "stages", "rounds", "levels", "versions", "whys", "rules", "teams",
})


def _count_of_things(toks: list[str], i: int) -> bool:
    """A count of outcomes: "zero errors", "3,000 doses", "eleven sites" (not "two of my
    teammates", "one of the four leads", "three-person team", "the 5 Whys")."""
    tok = toks[i]
    if tok in ("one", "a", "an", "first") or "-" in tok or not (tok[:1].isdigit() or tok in (
            "zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds",
            "thousand", "thousands", "dozen", "dozens")):
        return False
    if tok[:1].isdigit() and not tok.replace(",", "").replace(".", "").isdigit():
        return False  # "v2", "737-800", "9am" are handled as labels or times elsewhere
    prev = toks[i - 1] if i > 0 else ""
    if prev in ("of", "the", "year", "grade", "level", "version", "room", "ward", "gate",
                "platoon", "line", "bay", "aisle", "zone", "step", "phase", "q", "no", "number"):
        return False
    for j in (i + 1, i + 2):
        if j >= len(toks):
            return False
        nxt = toks[j]
        if nxt in ("of", "to", "and", "or", "in", "on", "at", "for", "with", "per"):
            return False
        if len(nxt) > 3 and nxt.endswith("s") and not nxt.endswith("ss"):
            return nxt not in _PEOPLE
    return False


# Words a number labels rather than measures ("phase 2", "ward 7", "v2").
_LABELLED_BY = frozenset({
    "v", "version", "phase", "step", "stage", "level", "tier", "grade", "room", "ward", "bay",
    "line", "gate", "platform", "route", "floor", "page", "chapter", "number", "no", "year",
})
# People and roles counted in a Result are the set-up, not an outcome ("two of my teammates").
_WHO = _PEOPLE - {"years", "months", "weeks", "days", "hours", "minutes", "shifts", "sprints",
                  "times"}


def mentions_amount(text: str) -> bool:
    """Tells whether a Result sentence says how much, how many or how long, in any form.

    Broader than :func:`is_quantified` (a measure) and :func:`states_count` (a count of
    outcomes): a coach hears "three of the four new reps hit quota", "in position at 0540, twenty
    minutes early", "the repair lasted 14 months" or "queries roughly halved" as a Result with a
    number, and so does a span said without a numeral ("seen within the hour", "every day since",
    "we did not lose a single shift"). Not amounts: "v2", "phase 2", a year ("in 2021"), "one",
    and counts of people ("two of my teammates", "three engineers"). On the training answers this
    took the "Result has no number" finding from 0.75 to 0.84 precision, recall unchanged (0.98);
    the spans took it from 0.78 to 0.81 (recall 0.94, one answer fewer; each register read by a
    model trained without it).

    Args:
        text: one sentence or clause of a Result.

    Returns:
        True when it holds an amount.
    """
    t = normalise(text)
    if X.FRACTION_OR_NONE.search(t) or X.TIME_AMOUNT.search(t):
        return True
    toks = [tok for tok in (tok.rstrip(".,") for tok in P.TOKEN.findall(t)) if tok]
    for i, tok in enumerate(toks):
        if not _is_number(tok) or tok in ("one", "once") or X.YEAR.fullmatch(tok):
            continue
        before = toks[i - 1] if i else ""
        after = toks[i + 1:i + 4]
        if before in _LABELLED_BY or (after[:1] and after[0] in _WHO):
            continue
        if len(after) == 3 and after[0] == "of" and after[1] in X.OWNERS and after[2] in _WHO:
            continue
        return True
    return False
