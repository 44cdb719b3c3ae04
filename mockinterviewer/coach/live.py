"""The live STAR strip's segmenter: which part the speaker is in now, and since when.

Marks win: with "next segment" presses, the parts follow the presses. Without them, the same
decoder as the report (:func:`~mockinterviewer.coach.segment.label_answer`) runs over the words so
far each time new words arrive, with the answer's budget as its horizon. What is shown moves on
when the decoder moves on (it lags by at most the unit being spoken), and moves back only by one
unit: a part opened by the latest unit alone may be withdrawn when the next words show it was
not one; an older boundary stays. Each change of the part shown is logged at INFO as
``live segment: <label> at <seconds> s (marked|inferred)``, seconds on the answer's clock.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from mockinterviewer.coach.segment import label_answer
from mockinterviewer.coach.segmodel import SegmentModel, default_model
from mockinterviewer.coach.units import sanitize
from mockinterviewer.content.model import SEGMENT_LABELS
from mockinterviewer.transcript import Word

log = logging.getLogger(__name__)

_L = len(SEGMENT_LABELS)
LiveSource = Literal["marked", "inferred"]


@dataclass(frozen=True)
class LiveState:
    """What the strip shows now.

    Attributes:
        current: the part being spoken.
        starts: when each part started on the answer's clock (None: not reached).
        source: ``marked`` when the user's presses decide, else ``inferred``.
    """

    current: str
    starts: tuple[float | None, ...]
    source: LiveSource

    def seconds(self, elapsed: float) -> dict[str, float]:
        """Seconds spent in each part so far (0 for parts not reached or skipped)."""
        out = dict.fromkeys(SEGMENT_LABELS, 0.0)
        known = [(k, s) for k, s in enumerate(self.starts) if s is not None]
        for j, (k, s) in enumerate(known):
            end = known[j + 1][1] if j + 1 < len(known) else max(elapsed, s)
            out[SEGMENT_LABELS[k]] = max(0.0, min(end, elapsed) - s)
        return out

    def boundaries(self) -> list[float]:
        """The start of each part after the first, for colouring words (a skipped part starts
        where the next one does)."""
        out: list[float] = []
        nxt = float("inf")
        for k in range(_L - 1, 0, -1):
            s = self.starts[k]
            nxt = s if s is not None else nxt
            out.append(nxt)
        return [b for b in reversed(out) if b != float("inf")]


def warm_up() -> threading.Thread:
    """Loads the shipped STAR model on a background thread (about 0.1 s), so the first words of
    an answer do not wait for it on the caller's thread.

    Returns:
        The started thread.
    """
    t = threading.Thread(target=default_model, name="star-model-load", daemon=True)
    t.start()
    return t


class LiveSegmenter:
    """Follows an answer as it is spoken (plain data in, :class:`LiveState` out; no Qt).

    Args:
        targets: target seconds per part (their sum is the decoder's horizon).
        model: the STAR model (default: the shipped one).
    """

    def __init__(self, targets: Mapping[str, float] | None = None,
                 model: SegmentModel | None = None) -> None:
        self.model = model
        self.horizon: float | None = None
        self.words: list[Word] = []
        self._shown = 0
        self._starts: list[float | None] = [0.0] + [None] * (_L - 1)
        self._source: LiveSource = "inferred"
        self._announced = False
        self.reset(targets)

    def reset(self, targets: Mapping[str, float] | None = None) -> None:
        """Starts a new answer.

        Args:
            targets: the new answer's targets (default: keep the horizon).
        """
        if targets is not None:
            self.horizon = sum(max(float(v), 0.0) for v in targets.values()) or None
        self.words = []
        self._shown = 0
        self._starts = [0.0] + [None] * (_L - 1)
        self._source = "inferred"
        self._announced = False

    def add_words(self, words: Sequence[Word]) -> LiveState:
        """Adds newly transcribed words and decodes the answer so far.

        Args:
            words: the new words.

        Returns:
            The state after them (without marks).
        """
        self.words.extend(words)
        ws = sanitize(self.words)
        if not ws:
            return self.state(())
        lab = label_answer(ws, None, self.model, self.horizon)
        # The unit being spoken is labelled with the words after it still unheard: the strip
        # follows the units before it (a lag of one unit), decoded with it as context.
        done = list(zip(lab.units, lab.unit_labels, strict=True))[:-1]
        if not done:
            self._starts[0] = ws[0].start
            self._move(0, "inferred")
            return self.state(())
        # Each part starts at its first unit (a Result preview at the start is told as the
        # Situation's time on the strip; the report counts it towards the Result).
        starts: list[float | None] = [None] * _L
        starts[0] = ws[0].start
        seen = 0
        for u, k in done:
            kk = 0 if lab.preview[u.first] else k
            if kk > seen:
                starts[kk] = u.start
                seen = kk
        newest = done[-1][0].start
        if seen >= self._shown:
            self._starts = starts
            self._move(seen, "inferred")
        elif (self._starts[self._shown] or 0.0) >= newest:
            self._starts = starts  # opened by the newest unit alone: withdrawn by the next
            self._move(seen, "inferred")
        return self.state(())

    def _move(self, k: int, source: LiveSource) -> None:
        if k != self._shown or source != self._source or not self._announced:
            self._announced = True
            at = self._starts[k] or 0.0
            log.info("live segment: %s at %.1f s (%s)", SEGMENT_LABELS[k], at, source)
        self._shown, self._source = k, source

    def state(self, marks: Sequence[float]) -> LiveState:
        """The state now; the user's marks, when there are any, win.

        Args:
            marks: "next segment" presses so far (answer's clock).

        Returns:
            The state.
        """
        if marks:
            k = min(len(marks), _L - 1)
            starts: list[float | None] = [0.0] + [None] * (_L - 1)
            for j, m in enumerate(list(marks)[: _L - 1], start=1):
                starts[j] = float(m)
            if k != self._shown or self._source != "marked":
                self._starts = starts
                self._move(k, "marked")
            return LiveState(SEGMENT_LABELS[k], tuple(starts), "marked")
        return LiveState(SEGMENT_LABELS[self._shown], tuple(self._starts), self._source)
