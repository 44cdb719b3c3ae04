"""Word lists behind the language detectors (:mod:`mockinterviewer.coach.language`).

Phrases are tuples of lower-case tokens as :func:`~mockinterviewer.coach.text.clean` gives them.
The sense checks tell a hedge from the same words used literally ("the kind of customer").
"""

from __future__ import annotations

from collections.abc import Sequence

from mockinterviewer.coach.text import STOPWORDS, word_set


def _phrases(text: str) -> tuple[tuple[str, ...], ...]:
    """Phrases separated by ``|`` (longest first, so a longer phrase wins at the same word)."""
    out = {tuple(p.split()) for p in text.replace("\n", "|").split("|") if p.strip()}
    return tuple(sorted(out, key=lambda p: (-len(p), p)))


HEDGES = _phrases("""
    i think|i guess|i suppose|i believe|i feel like|i'd say|i would say|i'd guess
    sort of|kind of|kinda|sorta|maybe|perhaps|probably|possibly|somewhat
    i'm not sure|i am not sure|i'm not 100% sure|more or less|to some extent|in a way
    hopefully|it seems|it seemed|seems like|seemed like|i assume|i reckon|i want to say
    a little bit|arguably|i hope""")

# Grammar that looks back or ahead: a hedge here weighs a choice, not the user's own work.
HINDSIGHT = _phrases("""
    would have|would've|could have|could've|should have|should've|might have|might've
    i'd have|we'd have|i'd've|next time|looking back|in hindsight|in retrospect|on reflection
    if i did it again|if i were to|if i had to|if i could|if i were|if i had|if we had
    if i did this again|if it happened again|going forward|in future|in the future
    the better call|would be|i'd probably|i would probably|i'd rather|i would rather
    i'd do|i would do|i'd start|i would start|i'd push|i would push|i'd still|i would still""")

# Words that weigh a trade-off (they excuse a hedge only in the Reflection).
TRADE_OFF = _phrases("""
    trade-off|tradeoff|trade off|trade-offs|tradeoffs|better call|right call|wrong call
    instead|rather than|worth it|worth the|the cost|at the cost|in exchange|on balance|versus|vs
    either way|the downside|the upside|the price|cost us|balance""")

# A word after which the rest of the sentence is someone else's words ("she said maybe...").
QUOTE_VERBS = word_set("""said says asked asks told suggested suggests replied wrote argued
    insisted claimed warned""")

DETERMINERS = word_set("""the a an this that these those what which any every some one same
    all no another each different many several two three other whatever our their my your his
    her its first""")

PETS = _phrases("""
    basically|you know|at the end of the day|literally|actually|honestly|to be honest|i mean
    so yeah|obviously|essentially|like|totally|definitely|absolutely|super|pretty much
    and stuff|stuff like that|and so on|or whatever|in terms of|going forward|moving forward
    at this point in time|if that makes sense|to be fair|frankly|you see|anyway|right
    kind of|sort of|just|really|things like that|and everything|per se""")

# Non-content words: grammar, and the small talk of speech. A repeated phrase made only of these
# (with at least one discourse word) can be a pet phrase; any other word carries the story.
DISCOURSE = word_set("""like yeah yes okay ok right well so actually basically literally
    honestly obviously essentially totally definitely absolutely super pretty stuff thing things
    know mean see guess whatever anyway anyways kind sort kinda sorta just really quite
    fair frankly truly sure simply kinda gonna wanna yep""")
FUNCTION = STOPWORDS | word_set("""i'm i've i'd i'll we're we've we'd we'll it's that's there's
    he's she's they're they've you're you've don't didn't doesn't wasn't weren't isn't aren't
    can't couldn't wouldn't shouldn't won't let's if because while until once again too even
    still both either neither such only own same other another each every here now went go got
    get say said tell told one""")

_LIKE_VERB_BEFORE = word_set("""i we they you people would 'd i'd we'd they'd looks look looked
    looking seems seem seemed feel feels felt sounds sound sounded something things stuff anything
    nothing more less much just exactly is was were be been being it's that's not don't didn't
    doesn't someone somebody everyone anyone thing""")
_RIGHT_SENSE_BEFORE = word_set("""the a an that's thats is was were be it's not all am are
    do did done get got make made turn left""")


def hedge_sense_ok(toks: Sequence[str], i: int, hedge: tuple[str, ...]) -> bool:
    """Whether the hedge at ``toks[i:]`` is used as a hedge, not literally.

    "the kind of customer" (a noun after a determiner), "I think about", "I believe in",
    "I hope" before a noun are literal.
    """
    prev = toks[i - 1] if i > 0 else ""
    nxt = toks[i + len(hedge)] if i + len(hedge) < len(toks) else ""
    if hedge in (("kind", "of"), ("sort", "of")):
        return prev not in DETERMINERS and prev not in ("what", "of", "kinds")
    if hedge in (("i", "think"), ("i", "believe")):
        return nxt not in ("about", "of", "through", "in", "back", "so")
    if hedge == ("i", "hope"):
        return nxt in ("that", "it", "we", "i", "they", "this", "so")
    if hedge == ("in", "a", "way"):
        return nxt not in ("that", "which", "to", "we", "they", "the", "i")
    return True


def pet_sense_ok(toks: Sequence[str], i: int, pet: tuple[str, ...]) -> bool:
    """Whether the pet phrase at ``toks[i:]`` is the verbal habit, not the literal word.

    "like" counts only as a filler ("it was, like, slow"), not as a verb or preposition ("looks
    like", "I like"); "right" only as a tag, not as "the right call"; "you know" not as "you
    know the" ... when it is a real verb with an object is hard to tell, so it always counts.
    """
    prev = toks[i - 1] if i > 0 else ""
    nxt = toks[i + len(pet)] if i + len(pet) < len(toks) else ""
    if pet == ("like",):
        return prev not in _LIKE_VERB_BEFORE and nxt not in ("to", "that", "this", "a", "an")
    if pet == ("right",):
        return prev not in _RIGHT_SENSE_BEFORE and nxt not in ("now", "away", "call", "thing",
                                                                "person", "people", "after")
    if pet in (("kind", "of"), ("sort", "of")):
        return prev not in DETERMINERS and prev not in ("what", "of")
    if pet == ("just",):
        return True
    return True
