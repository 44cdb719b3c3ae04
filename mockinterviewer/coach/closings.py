"""Closings that are no STAR part of their own: sign-offs, self-grading, outcomes not yet known.

A unit that grades the speaker, signs off or says the outcome is not in yet ("it's too early to
tell") is never a Reflection. A telling that stops before
anything came of it ("they're still deciding, so it isn't settled yet", "I'm not sure what
happened after that", "so yeah, that was it") has no Result, however much the closing sounds like
one: :func:`no_outcome_run` finds such a closing where the decoder read it as the Result.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mockinterviewer.coach.text import is_number_token, tokens
from mockinterviewer.coach.units import Unit

# A closing that grades the speaker ("This demonstrates my commitment to quality", "it shows I take
# responsibility") says what the story is meant to prove, not what the speaker learned: it is no
# Reflection. Careers-advice pages end their model answers with one. The writer of the wild w17
# set labelled it with the Result in all 7 answers that have one (one earlier writer labelled
# one as Reflection), and the outside answers the issue measured are labelled S/T/A/R only. A
# closing that names a lesson ("it showed me that I need to ask sooner", "it shows how important
# trust is") is left to the classifier.
_SELF_GRADE = re.compile(
    r"\b(?:this|that|it|which)(?: (?:whole )?(?:example|experience|story|situation))?"
    r"(?: really| clearly)? (?:shows|showed|demonstrates|demonstrated|highlights|illustrates|"
    r"proves|reflects) (?:that )?(?:my|i|i'm|i am)\b", re.IGNORECASE)
_LESSON = re.compile(r"\b(?:learn\w*|lessons?|taught|reali[sz]\w*|next time|would|differently|"
                     r"important|matters?)\b", re.IGNORECASE)


# A sign-off ends the telling, not the story: "so yeah, that's pretty much it", "I hope that
# answers your question", "does that make sense?", "is this too long?". It is no Reflection
# either (it was read as one, and timed against the Reflection's 15 seconds).
_SIGN_OFF = re.compile(
    r"\b(?:(?:that's|that is|that was) (?:pretty much |basically |about |kind of |sort of )?"
    r"(?:it|all|the story|my (?:answer|example|story)|what (?:i|we) did)\b"
    r"|hope (?:that|this|it) answers|does (?:that|this) (?:make sense|answer)"
    r"|(?:is|was) (?:this|it|that) (?:too long|too short|too vague|ok|okay|alright|enough)\b)",
    re.IGNORECASE)
_BARE = frozenset({"so", "yeah", "yep", "um", "uh", "okay", "ok", "right", "anyway", "and",
                   "well", "like", "basically", "yes", "that's", "it", "really", "all"})


def grades_the_speaker(text: str) -> bool:
    """Whether a unit only grades the speaker ("this demonstrates my commitment to X")."""
    return bool(_SELF_GRADE.search(text)) and not _LESSON.search(text)


def signs_off(text: str) -> bool:
    """Whether a unit only closes the telling ("so yeah, that's it", "does that make sense?")."""
    words = tokens(text)
    if _LESSON.search(text) or not words:
        return False
    return (bool(_SIGN_OFF.search(text)) and len(words) <= 12) or set(words) <= _BARE


def no_reflection(text: str) -> bool:
    """Whether a unit can never be a Reflection: it grades the speaker, signs off, or says only
    that the outcome is not in yet ("so it's too early to tell")."""
    return grades_the_speaker(text) or signs_off(text) or (
        bool(_NOT_YET.search(text)) and not _LESSON.search(text))


# An outcome the speaker does not know yet, or does not know at all: "it's still in progress, we'll
# see", "they're still deciding", "it's early days", "we haven't heard back yet", "I'm not sure
# what happened after that". Answers that stop there have no Result (the writers of the training
# answers label such a closing with the part it comments on, usually the Action).
_NO_OUTCOME = re.compile(
    r"\b(?:not (?:totally |really |entirely |exactly |a hundred percent )?sure(?: (?:what|if|"
    r"whether|how)|[,.]?$)|(?:don't|do not|didn't|did not|never) (?:really |actually )?"
    r"(?:know|found out|heard) "
    r"(?:what|if|whether|how)|no idea (?:what|if|whether|how)|(?:haven't|have not|hasn't|has not)"
    r" (?:heard|got|had|seen|found out)\b[^.!?]*\b(?:back|yet)\b|still (?:deciding|waiting|"
    r"looking into|working (?:on|through)|in progress|ongoing|being (?:decided|reviewed|looked at)"
    r")|early days|too (?:early|soon) to (?:tell|say)|(?:we'll|we will|i'll|i will) (?:have to )?"
    r"see\b|remains to be seen|wait and see|in progress|ongoing|(?:isn't|is not|wasn't|was not|"
    r"not) (?:yet |really )?(?:settled|decided|resolved|finished|sorted)|undecided|unresolved)",
    re.IGNORECASE)

# The outcome is not in yet: no lesson either ("I still don't know if it was the right call"
# looks back, so it is left to the classifier).
_NOT_YET = re.compile(
    r"\b(?:early days|too (?:early|soon) to (?:tell|say)|(?:we'll|we will) (?:have to )?see\b|"
    r"remains to be seen|wait and see|still (?:deciding|waiting|in progress|ongoing)|"
    r"(?:haven't|have not|hasn't|has not) (?:heard|got|had) [^.!?]*\b(?:back|yet)\b)",
    re.IGNORECASE)
# The words of a fragment the recogniser cut off before a sign-off ("and yeah, that was,").
_FILLER_WORDS = _BARE | {"that", "was", "is", "i", "mean", "then", "guess", "think"}
# "..., but it's early days": a caveat on an outcome just said.
_CAVEAT = re.compile(r"\b(?:but|though|although)\b", re.IGNORECASE)


def unknown_outcome(text: str) -> bool:
    """Whether a unit says that the outcome is not known (yet): "it's too early to tell"."""
    return bool(_NO_OUTCOME.search(text))


def no_outcome_run(units: Sequence[Unit]) -> bool:
    """Whether a run of units read as the Result says nothing came of the work.

    Each of its sentences either only signs off (see :func:`signs_off`; a few filler words
    before it, such as "and yeah, that was,", go with it), or says that the outcome is not known
    (see :func:`unknown_outcome`) without a number or a caveat on an outcome ("she stayed, and
    yeah, that's it", "sales rose 10%, so we'll see" and "drivers seemed happier, but it's
    early days" keep their Result).

    Args:
        units: the run's units, in order.

    Returns:
        True when the run is no Result.
    """
    sentences: list[list[Unit]] = []
    for u in units:
        if not sentences or u.opens_sentence:
            sentences.append([])
        sentences[-1].append(u)
    for sent in sentences:
        if all(signs_off(u.text) or set(u.tokens) <= _FILLER_WORDS for u in sent):
            continue
        toks = [t for u in sent for t in u.tokens]
        if not any(unknown_outcome(u.text) for u in sent) or _CAVEAT.search(
                " ".join(u.text for u in sent)) or any(
                is_number_token(toks, i) for i in range(len(toks))):
            return False
    return bool(sentences)
