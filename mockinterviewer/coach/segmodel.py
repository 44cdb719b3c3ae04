"""A small naive Bayes model of STAR segment wording, learned from labelled texts.

The training texts come from the content library: every scenario's strong example for each
segment, and the level reflections (which are reflections). Features are word stems, stem bigrams
and a few shape tokens (a quantity, a first-person pronoun), so the model learns how each
segment tends to be worded rather than any one story.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from mockinterviewer.coach.text import PRONOUNS_I, PRONOUNS_WE, is_number_token, stem, tokens
from mockinterviewer.content.model import SEGMENT_LABELS, Scenario

log = logging.getLogger(__name__)


def features(text: str) -> list[str]:
    """Turns text into model features: stems, stem bigrams and shape tokens.

    Args:
        text: any text.

    Returns:
        The features, with repeats.
    """
    toks = tokens(text)
    out: list[str] = []
    stems: list[str] = []
    for i, t in enumerate(toks):
        if is_number_token(toks, i):
            s = "<num>"
        elif t in PRONOUNS_I or t in PRONOUNS_WE:
            # Person-neutral: "we" versus "I" is a finding, not a segment cue (strong examples
            # avoid "we" in the Action, which would otherwise teach that "we" is never Action).
            s = "<my>" if t in ("my", "our", "mine", "ours") else "<i>"
        else:
            s = stem(t)
        stems.append(s)
        out.append(s)
    out.extend(f"{a}_{b}" for a, b in zip(stems, stems[1:], strict=False))
    return out


@dataclass
class SegmentModel:
    """Multinomial naive Bayes over :func:`features`, one class per STAR label.

    Attributes:
        counts: label -> feature counts.
        alpha: additive smoothing.
        scenario_ids: the scenarios it was trained on (for leave-one-out checks).
    """

    counts: dict[str, Counter[str]] = field(default_factory=dict)
    alpha: float = 0.3
    scenario_ids: tuple[str, ...] = ()
    _totals: dict[str, int] = field(default_factory=dict, repr=False)
    _vocab: int = field(default=1, repr=False)

    @classmethod
    def train(cls, examples: Iterable[tuple[str, str]], scenario_ids: Sequence[str] = ()
              ) -> SegmentModel:
        """Builds a model from (label, text) pairs.

        Args:
            examples: labelled texts; unknown labels are ignored.
            scenario_ids: where the texts came from (recorded only).

        Returns:
            The trained model.
        """
        counts: dict[str, Counter[str]] = {label: Counter() for label in SEGMENT_LABELS}
        for label, text in examples:
            if label in counts and text:
                counts[label].update(features(text))
        model = cls(counts=counts, scenario_ids=tuple(scenario_ids))
        model._refresh()
        return model

    @classmethod
    def from_scenarios(cls, scenarios: Iterable[Scenario]) -> SegmentModel:
        """Trains on the labelled texts of scenarios.

        Args:
            scenarios: e.g. ``load_library().scenarios``.

        Returns:
            The trained model.
        """
        scenarios = list(scenarios)
        return cls.train(labelled_texts(scenarios), [s.id for s in scenarios])

    def _refresh(self) -> None:
        self._totals = {k: sum(c.values()) for k, c in self.counts.items()}
        vocab: set[str] = set()
        for c in self.counts.values():
            vocab.update(c)
        self._vocab = max(1, len(vocab))

    @property
    def size(self) -> int:
        """Number of feature occurrences learned."""
        return sum(self._totals.values())

    def log_posterior(self, text: str, temperature: float = 1.0) -> dict[str, float]:
        """Log posterior of each label for a text, with a uniform prior.

        The summed log likelihood is divided by the square root of the number of features (and
        ``temperature``) so that long units do not get absurdly confident.

        Args:
            text: a unit of speech.
            temperature: larger is softer.

        Returns:
            Label -> log probability (they sum to 1 in probability space); uniform when the model
            is empty or the text has no features.
        """
        feats = features(text)
        uniform = {label: -math.log(len(SEGMENT_LABELS)) for label in SEGMENT_LABELS}
        if not feats or self.size == 0:
            return uniform
        raw: dict[str, float] = {}
        for label in SEGMENT_LABELS:
            c = self.counts.get(label, Counter())
            denom = self._totals.get(label, 0) + self.alpha * self._vocab
            raw[label] = sum(math.log((c.get(f, 0) + self.alpha) / denom) for f in feats)
        scale = 1.0 / (math.sqrt(len(feats)) * max(temperature, 1e-6))
        scaled = {k: v * scale for k, v in raw.items()}
        top = max(scaled.values())
        z = top + math.log(sum(math.exp(v - top) for v in scaled.values()))
        return {k: v - z for k, v in scaled.items()}


def labelled_texts(scenarios: Iterable[Scenario]) -> list[tuple[str, str]]:
    """The (label, text) training pairs found in scenarios.

    Args:
        scenarios: scenarios from the content library or the user's stories.

    Returns:
        Strong examples per segment, and every level's reflection as a reflection.
    """
    out: list[tuple[str, str]] = []
    for s in scenarios:
        for seg in s.segments:
            if seg.label in SEGMENT_LABELS and seg.strong_example:
                out.append((seg.label, seg.strong_example))
        for level in s.levels:
            if level.reflection:
                out.append(("reflection", level.reflection))
    return out


@lru_cache(maxsize=1)
def default_model() -> SegmentModel:
    """The model trained on the built-in content library plus the user's stories (cached).

    Returns:
        The model; an empty one (cues only) when the library cannot be loaded.
    """
    from mockinterviewer.content.library import load_library

    try:
        report = load_library()
    except Exception:  # noqa: BLE001 - segmentation still works on cues alone
        log.exception("content library unavailable; segmenting on cues alone")
        return SegmentModel.train([])
    model = SegmentModel.from_scenarios(report.scenarios)
    log.debug("segment model trained on %d scenarios, %d features", len(report.scenarios),
              model.size)
    return model
