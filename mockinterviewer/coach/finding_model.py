"""Two whole-answer findings weighed by learned models: "handed over" and "nothing lasted".

``initiation.assigned`` (the work was handed to the speaker, and the opening shows no initiative)
and ``result.no_second_order`` (nothing in the Result or Reflection lasted or spread) used to be
fixed rules over the sentence detectors: "some opening sentence is assigned, nothing argues
against it and nothing places it outside the speaker's remit". Writers label whole answers more
broadly than any one sentence says: "I managed the team that owned that service" or "my job was
to make it work anyway" is work that came with the role. Each finding is now a logistic regression
over

* the rule's evidence: whether the rule fires, how many sentences the detector hears and how
  sure the sentence model is at most (:func:`mockinterviewer.coach.sentence_model.sure`), the
  remit, initiative and disagreement cues, and whether the speaker says the work was not theirs
  ("not my job");
* the words (TF-IDF word 1-2-grams) of two views: all the parts it reads, and the one part that
  matters most (the Task for "handed over", the Result for "nothing lasted").

It is trained on the training-split answers (``coach/corpus/answers-*.jsonl``, never the frozen
test answers), with the sentence models' evidence for each writer's answers computed by sentence
models trained without that writer (their answer sentences are negatives there), as a user's
answer is never in their training.

"Handed over" is labelled with one definition for every answer: the work was handed to the
speaker (a manager, client, the rota or the role made it theirs) rather than chosen. The first
sixteen writers had marked only work someone asked for (about a quarter of their answers); the
writers of the outside answers (``wild-*.jsonl``) and the two newest marked work that came with
the role too (48-72 % of their answers), and a model trained on the mix found 34-53 % of the
outside writers' cases. At stop 22 four labellers, briefed alone and never shown the engine,
relabelled all 1,176 corpus answers (77 % handed over; of the earlier writers' marks they
dropped two). The answers written since are labelled the same way: at stop 26 three labellers
relabelled the two newest writers' 128 (majority of three, 117 unanimous), whose own marks had
ranged from 30 % to 59 % handed over (the labellers: 80 %); with the writers' own marks the
model scored 85.3 / 87.9 below.

Measured leaving one writer out at a time (24 writers, stop 26; the parts as their writers split
them):

=======================  ==============  ============================
finding                  the rule        the model (C, threshold)
=======================  ==============  ============================
initiation.assigned      98.2 / 31.2     89.6 / 84.8 (30, 0.5; bare 0.7)
result.no_second_order   79.7 / 93.0     87.7 / 90.2 (10, 0.6)
=======================  ==============  ============================

(precision / recall over 1,177 and 1,093 answers; "handed over" scored 87.6 / 91.3 before the
bare threshold, and without the "not mine" feature 87.3 / 90.9; at stop 25, with 22 writers,
87.6 / 91.3 and 86.8 / 89.8; at stop 24, with 20 writers, 87.3 / 91.9 and 86.6 / 90.6; at
stop 22, with 18 writers and 883 and 842 answers, 89.2 / 93.7 and 86.2 / 91.3. C, the threshold
and the second view were chosen at stop 19 on the earlier writers, so they are upper bounds.)
On the outside writers' answers,
never trained on, "handed over" went from 95-100 % precision and 43-53 % recall to 73-79 % and
91-100 % (w18-w20): they call some work that came with the role chosen where the labellers did
not. Vetoing "handed over" when the speaker argued or went beyond the ask, as the rule did, cost
2-4 points of recall for about one of precision: the writers call such work handed over all the
same.

When nothing in the answer says the work was handed over (no Task, no sentence the detector
hears, none the sentence model puts at 0.3 or more), the model must reach 0.7 rather than 0.5
(``Spec.bare_threshold``): the labellers called 77 % of the corpus answers handed over, and the
model's prior leans that way even on answers that say nothing of the kind. Chosen at stop 27 on
the spoken development sets (natural development and espeak-ng, read through Whisper): it took
seven false "handed over" findings away and missed no expected one there, and on the natural
set too; left out by writer it trades recall for precision (above); on the frozen answers the
finding went from 85 / 90 % to 88 / 86 %. Such a finding is only a warning, and says that nothing
in the opening tells whose idea the work was (:mod:`.findings`).

Scoring needs only the shipped weights (``coach/model/findings.json.gz``) and plain Python;
``python -m mockinterviewer.coach.finding_train`` rebuilds them with scikit-learn (a few minutes:
one set of sentence models per writer). When the file is missing or unreadable the rules decide.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mockinterviewer.coach import detectors, sentence_model
from mockinterviewer.coach.detector_text import normalise
from mockinterviewer.coach.sentence_model import sigmoid, term_score
from mockinterviewer.coach.units import Unit

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parent / "model" / "findings.json.gz"

# Words that show the speaker taking the initiative after being handed the work: with them an
# assignment is still worth a warning, never a critical finding.
INITIATIVE = re.compile(
    r"\b(?:i (?:decided|chose|offered|volunteered|proposed|pitched|suggested|took it on|"
    r"took it upon|stepped up|pushed for|insisted)|on my own|off my own bat|went beyond|"
    r"nobody asked|no one asked|without being asked|my own initiative|my idea)\b")

# The speaker argued against what someone else wanted.
DISAGREE = re.compile(
    r"\b(?:i (?:disagreed|pushed back|objected|refused|wasn't willing|was not willing|"
    r"didn't agree|did not agree|thought (?:that |it |this |going )?(?:was )?(?:the )?wrong|"
    r"told (?:him|her|them) (?:we|i|it) (?:couldn't|could not|can't|cannot|shouldn't|think))|"
    r"but i (?:thought|told|said|felt|believed|didn't|did not|wasn't|pitched|proposed))\b")

# The speaker says the work was not theirs to do ("food is not my job, I am reception", "it was
# outside my remit", "my job is the crew, not the farm's decisions"): the work was taken on, not
# handed over. Of the training answers that say so, the labellers called 4 handed over and 18 not.
NOT_MINE = re.compile(
    r"\b(?:(?:not|never) (?:really |strictly |technically |officially |even |exactly |normally |"
    r"actually )?(?:part of )?(?:my|our) (?:job|role|responsibility|area|remit|problem|"
    r"department|team|queue|patch|business|place|shift)|(?:outside|beyond) (?:my|our) "
    r"(?:job|role|remit|responsibilities|area|duties|pay grade)|my (?:job|role) (?:is|was) "
    r"[^.;]{1,40}?, not\b)")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a part, with its clause units (detectors read either).

    Attributes:
        text: the sentence.
        clauses: the texts of its units.
        start: when it starts (seconds).
    """

    text: str
    clauses: tuple[str, ...]
    start: float = 0.0


@dataclass(frozen=True)
class Spec:
    """What one finding's model reads.

    Attributes:
        parts: the labels whose sentences it reads.
        focus: the label of its second word view; the finding is judged only when this part
            or (``any_part``) any of its parts is present.
        c: inverse regularisation strength.
        threshold: probability at which the finding is raised.
        any_part: whether any of its parts is enough to judge it.
        bare_threshold: the probability needed when nothing in the answer says it (see
            :func:`has_evidence`); the model's prior alone must be surer than that.
    """

    parts: tuple[str, ...]
    focus: str
    c: float
    threshold: float
    any_part: bool = False
    bare_threshold: float | None = None

    def judged(self, present: Sequence[str]) -> bool:
        """Whether the finding is judged on an answer with these parts present."""
        return any(p in present for p in self.parts) if self.any_part else self.focus in present


SPECS: dict[str, Spec] = {
    "initiation.assigned": Spec(("situation", "task", "action"), "task", 30.0, 0.5, True, 0.7),
    "result.no_second_order": Spec(("result", "reflection"), "result", 10.0, 0.6),
}


def sentences(units: Sequence[Unit]) -> tuple[Sentence, ...]:
    """Groups a part's units into sentences."""
    out: list[Sentence] = []
    for u in units:
        if not out or u.opens_sentence:
            out.append(Sentence(u.text, (u.text,), u.start))
        else:
            last = out[-1]
            out[-1] = Sentence(f"{last.text} {u.text}", (*last.clauses, u.text), last.start)
    return tuple(out)


def _heard(sents: Sequence[Sentence], test: Callable[[str], bool]) -> list[Sentence]:
    return [s for s in sents if test(s.text) or (len(s.clauses) > 1 and any(
        test(c) for c in s.clauses))]


def _assigned_features(sents: Sequence[Sentence]) -> dict[str, float]:
    text = normalise(" ".join(s.text for s in sents))
    hits = _heard(sents, detectors.is_assigned)
    scope = bool(_heard(sents, detectors.states_scope_boundary))
    disagree = bool(DISAGREE.search(text))
    return {
        "hit": float(bool(hits)), "n_hits": min(len(hits), 3) / 3, "scope": float(scope),
        "initiative": float(bool(INITIATIVE.search(text))), "disagree": float(disagree),
        "not_mine": float(bool(NOT_MINE.search(text))),
        "rule": float(bool(hits) and not disagree and not scope),
        "p_max": max((sentence_model.sure("assigned", s.text) for s in sents), default=0.0),
        "rules_only": float(bool(_heard(sents, detectors.RULES["assigned"]))),
        "hit_first": float(bool(hits) and hits[0] == sents[0]),
        "n_sents": min(len(sents), 10) / 10,
    }


def _lasting_features(sents: Sequence[Sentence]) -> dict[str, float]:
    hits = _heard(sents, detectors.states_lasting_effect)
    return {
        "hit": float(bool(hits)), "n_hits": min(len(hits), 3) / 3,
        "rules_only": float(bool(_heard(sents, detectors.RULES["lasting_effect"]))),
        "p_max": max((sentence_model.sure("lasting_effect", s.text) for s in sents), default=0.0),
        "rule": float(not hits), "n_sents": min(len(sents), 10) / 10,
    }


_FEATURES: dict[str, Callable[[Sequence[Sentence]], dict[str, float]]] = {
    "initiation.assigned": _assigned_features,
    "result.no_second_order": _lasting_features,
}


@dataclass(frozen=True)
class Reading:
    """What a finding's model reads of one answer.

    Attributes:
        features: the rule's evidence (see the module docstring).
        views: the two texts whose words it weighs (all its parts; the focus part).
    """

    features: Mapping[str, float]
    views: tuple[str, str]


def read(finding: str, parts: Mapping[str, Sequence[Sentence]]) -> Reading:
    """Gathers a finding's evidence from an answer's parts.

    Args:
        finding: a key of :data:`SPECS`.
        parts: label -> its sentences (absent parts may be left out).

    Returns:
        The reading its model scores.
    """
    spec = SPECS[finding]
    sents = [s for label in spec.parts for s in parts.get(label, ())]
    whole = " ".join(s.text for s in sents)
    focus = " ".join(s.text for s in parts.get(spec.focus, ()))
    return Reading(_FEATURES[finding](sents), (whole, focus))


def probability(weights: Mapping[str, object], reading: Reading) -> float:
    """The model's probability that the finding holds.

    Args:
        weights: one finding's weights (``intercept``, ``dense`` and, per view, ``terms`` ->
            [idf, coef]).
        reading: from :func:`read`.

    Returns:
        A probability in [0, 1].
    """
    dense: Mapping[str, float] = weights["dense"]  # type: ignore[assignment]
    views: Sequence[Mapping[str, Sequence[float]]] = weights["views"]  # type: ignore[assignment]
    z = float(weights["intercept"])  # type: ignore[arg-type]
    z += sum(dense.get(k, 0.0) * v for k, v in reading.features.items())
    z += sum(term_score(terms, text) for terms, text in zip(views, reading.views, strict=True))
    return sigmoid(z)


@lru_cache(maxsize=1)
def shipped() -> dict[str, dict[str, object]]:
    """The shipped weights per finding (empty when the file is missing: the rules decide)."""
    try:
        with gzip.open(MODEL_PATH, "rb") as fh:
            return dict(json.loads(fh.read().decode("utf-8"))["findings"])
    except (OSError, ValueError, KeyError) as exc:
        log.error("finding model %s unreadable (%s); the rules decide alone", MODEL_PATH, exc)
        return {}


# The sentence model's probability from which a sentence counts as saying the work was handed over.
EVIDENCE_P = 0.3


def has_evidence(reading: Reading) -> bool:
    """Whether anything in the answer says the finding holds: a Task part (the focus view), a
    sentence the detector hears or one the sentence model finds likely.

    Without any, "handed over" rests on the model's prior and the words around: the corpus
    labellers called 77 % of answers handed over, so the prior leans that way. On the spoken
    development sets (natural development and espeak-ng) it then fired on answers that say
    nothing of the kind ("on my uncle's farm the new fencing quote was really high"; a teaching
    assistant who started talking to a parent).
    """
    return bool(reading.views[1].strip()) or says_so(reading)


def says_so(reading: Reading) -> bool:
    """Whether some sentence says the work was handed over: the detector hears it, or the
    sentence model finds it likely (a quote that can carry a critical finding)."""
    f = reading.features
    return f.get("hit", 0.0) > 0 or f.get("p_max", 0.0) >= EVIDENCE_P


def threshold(finding: str, reading: Reading) -> float:
    """The probability at which the finding is raised for this reading."""
    spec = SPECS[finding]
    if spec.bare_threshold is None or has_evidence(reading):
        return spec.threshold
    return spec.bare_threshold


def fires(finding: str, parts: Mapping[str, Sequence[Sentence]] | Reading) -> bool:
    """Whether the finding holds for an answer.

    Args:
        finding: a key of :data:`SPECS`.
        parts: label -> its sentences, for the parts that are present (or their
            :func:`read`).

    Returns:
        The model's verdict at its threshold (the rule's without shipped weights).
    """
    reading = parts if isinstance(parts, Reading) else read(finding, parts)
    weights = shipped().get(finding)
    if not weights:
        return bool(reading.features["rule"])
    return probability(weights, reading) >= threshold(finding, reading)
