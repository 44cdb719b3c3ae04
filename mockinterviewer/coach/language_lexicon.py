"""Word lists behind the language detectors (:mod:`mockinterviewer.coach.language`).

Phrases are tuples of lower-case tokens as :func:`~mockinterviewer.coach.text.clean` gives them.
The sense checks tell a hedge from the same words used literally ("the kind of customer").
"""

from __future__ import annotations

from collections.abc import Sequence

from mockinterviewer.coach.text import NUMBER_WORDS, STOPWORDS, word_set


def _phrases(text: str) -> tuple[tuple[str, ...], ...]:
    """Phrases separated by ``|`` (longest first, so a longer phrase wins at the same word)."""
    out = {tuple(p.split()) for p in text.replace("\n", "|").split("|") if p.strip()}
    return tuple(sorted(out, key=lambda p: (-len(p), p)))


HEDGES = _phrases("""
    i think|i guess|i suppose|i believe|i feel like|i'd say|i would say|i'd guess|i would guess
    sort of|kind of|kinda|sorta|maybe|perhaps|probably|possibly|potentially|presumably|somewhat
    i'm not sure|i am not sure|not sure|i'm not 100% sure|i'm not certain|i am not certain
    i'm not totally|i'm not completely|i'm not a hundred|i am not totally|i am not completely
    i'm fairly sure|i'm pretty sure|fairly sure|pretty sure|more or less|to some extent|in a way
    hopefully|it seems|it seemed|seems like|seemed like|seemed|seems|seemed to|i assume|i'd assume
    i would assume|i presume|i reckon|i want to say|i'd like to think|i would like to think
    a little bit|a little|a bit|a fair bit|a fair amount|arguably|apparently|i suspect
    if i remember right|if i remember correctly|if i'm remembering right|if i recall
    if memory serves|as far as i know|as far as i could tell|as far as i can tell|give or take|or so
    something like that|something in that range|or something|i don't know|i dunno|who knows
    i can't remember|i don't remember|i'd have to check|don't quote me|i might be wrong
    or at least|it could be that|could be that|it's possible|it is possible|i might have
    it might have|might have been|may have been|fairly|reasonably|mostly|partly|roughly
    i am thinking|i'm thinking|if that counts|i feel""")

# Grammar that looks back or ahead: a hedge here weighs a choice, not the user's own work.
HINDSIGHT = _phrases("""
    would have|would've|could have|could've|should have|should've|might've
    i'd have|we'd have|i'd've|next time|looking back|in hindsight|in retrospect|on reflection
    with hindsight|if i did it again|if i were to|if i had to|if i could|if i were|if i had
    if we had|if i'd|if we'd|if again|if i faced|if it happened again|if i did
    going forward|in future|in the future|next season|next year|next quarter|from now on
    the better call|the better choice|would be|differently|i'd rather|i would rather
    i realise now|i realize now|now i realise|now i realize|now i see|i see now""")

# Words that weigh a choice or draw the lesson (they excuse a hedge in the Reflection, or in a
# sentence read without its answer).
TRADE_OFF = _phrases("""
    trade-off|tradeoff|trade off|trade-offs|tradeoffs|better call|right call|wrong call
    better choice|smarter|instead|rather than|worth it|worth the|the cost|at the cost
    in exchange|on balance|versus|vs|either way|the downside|the upside|the price|cost us
    lesson|lessons|mistake|too far|what i learned|i learned|i learnt|i've learned|taught me
    takeaway|what i took|since then|these days|now i always|i now|i wish|if only""")

# Verbs after "I'd" that hedge ("I'd say") rather than plan ("I'd split the rollout").
HEDGE_VERBS = word_set("""say guess assume like presume imagine think reckon suppose estimate""")
# Past participles: "I'd done" is "I had done", not "I would".
PARTICIPLES = word_set("""done been seen gone given taken written made built had got run
    spoken known told left brought thought found kept sent spent set put become come heard""")

# A word after which the rest of the sentence is someone else's words ("she said maybe...").
QUOTE_VERBS = word_set("""said says asked asks told suggested suggests replied wrote argued
    insisted claimed warned thought wondered worried feared believed felt figured mentioned
    admitted guessed""")

DETERMINERS = word_set("""the a an this that these those what which any every some one same
    all no another each different many several two three other whatever our their my your his
    her its first""")

# Known verbal habits: fillers of meaning, stock idioms and office phrases people lean on.
PETS = _phrases("""
    basically|you know|at the end of the day|literally|actually|honestly|to be honest|i mean
    so yeah|yeah no|okay so|right so|obviously|essentially|like|totally|definitely|absolutely
    super|pretty much|for sure|and stuff|stuff like that|and so on|so on and so forth|or whatever
    in terms of|going forward|moving forward|at this point in time|at this point
    if that makes sense|to be fair|frankly|you see|anyway|right|kind of|sort of|just|really
    things like that|and everything|per se|you know what i mean|as it were|so to speak
    how do you say|long story short|and whatnot|what have you|let's say|in a sense
    needless to say|touch base|circle back|sort of thing
    kind of thing|kind of a thing|the thing is|if you will|for what it's worth|as i said
    like i said|believe it or not|and all that|all in all|by and large|in any case
    at the same time|as such|if you like|you could say|i would say|i'd say""")

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
_BE = word_set("""was were is am are i'm we're they're he's she's it's that's""")
_LIKE_NOUN_NEXT = word_set("""a an the this that these those to it my our his her their your""")
_RIGHT_SENSE_BEFORE = word_set("""the a an that's thats is was were be it's not all am are
    do did done get got make made turn left""")


_CLAUSE_START = word_set("""i we it they this that the he she there our my you things""")
_BARE_NOT_SURE_OK = word_set("""i'm am but and so still honestly really just um uh""")


def hedge_sense_ok(toks: Sequence[str], i: int, hedge: tuple[str, ...],
                   ends_clause: bool = False) -> bool:
    """Whether the hedge at ``toks[i:]`` is used as a hedge, not literally.

    Literal: "the kind of customer" (a noun after a determiner), "I think about", "I believe
    in", "I hope" before a noun, "I feel proud" (a feeling, not a view), "it's possible to
    book", "who knows the system", "the case I'm thinking of", "all potentially affected
    users", "split the tips fairly." (manner, at the end of a clause), "they were not sure"
    (someone else's doubt).

    Args:
        toks: the sentence's cleaned tokens.
        i: where the hedge starts.
        hedge: the hedge's tokens.
        ends_clause: whether the hedge's last word carries a comma or a full stop.
    """
    prev = toks[i - 1] if i > 0 else ""
    nxt = toks[i + len(hedge)] if i + len(hedge) < len(toks) else ""
    if hedge in (("kind", "of"), ("sort", "of")):
        return prev not in DETERMINERS and prev not in ("what", "of", "kinds")
    if hedge in (("i", "think"), ("i", "believe")):
        return nxt not in ("about", "of", "through", "in", "back")
    if hedge == ("i", "hope"):
        return nxt in ("that", "it", "we", "i", "they", "this", "so")
    if hedge == ("i", "feel"):
        return ends_clause or nxt in _CLAUSE_START
    if hedge == ("in", "a", "way"):
        return nxt not in ("that", "which", "to", "we", "they", "the", "i")
    if hedge in (("it's", "possible"), ("it", "is", "possible")):
        return nxt != "to"
    if hedge == ("who", "knows"):
        return ends_clause or not nxt
    if hedge in (("i'm", "thinking"), ("i", "am", "thinking")):
        return nxt not in ("of", "about")
    if hedge == ("potentially",):
        return prev not in DETERMINERS
    if hedge in (("fairly",), ("reasonably",)):
        return not ends_clause and bool(nxt) and nxt not in ("and", "but", "so", "to", "with",
                                                              "across", "between", "among")
    if hedge == ("not", "sure"):
        return prev in _BARE_NOT_SURE_OK or not prev
    return True


def pet_sense_ok(toks: Sequence[str], i: int, pet: tuple[str, ...]) -> bool:
    """Whether the pet phrase at ``toks[i:]`` is the verbal habit, not the literal word.

    "like" counts only as a filler ("we were like stuck", "like twenty minutes"; set off by
    commas the caller counts it), not as a verb or preposition ("looks like", "I like");
    "right" only as a tag, not as "the right call"; "kind of" not after a determiner.
    """
    prev = toks[i - 1] if i > 0 else ""
    nxt = toks[i + len(pet)] if i + len(pet) < len(toks) else ""
    if pet == ("like",):
        if prev in _BE and nxt not in _LIKE_NOUN_NEXT:
            return True  # "we were like stuck", "she was like, no"
        return (bool(nxt) and (nxt[0].isdigit() or nxt in NUMBER_WORDS)
                and prev not in _LIKE_VERB_BEFORE)  # "like twenty minutes"
    if pet == ("right",):
        return prev not in _RIGHT_SENSE_BEFORE and nxt not in ("now", "away", "call", "thing",
                                                                "person", "people", "after")
    if pet in (("kind", "of"), ("sort", "of")):
        return prev not in DETERMINERS and prev not in ("what", "of")
    if pet == ("just",):
        return True
    return True
