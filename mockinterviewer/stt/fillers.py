"""Capturing "um" and "uh", which Whisper tends to drop.

Whisper writes few hesitations unless its prompt is full of them (``FILLER_PROMPT``), but that
prompt costs real words (measured on real recordings: 0.043 pooled word error rate with it in the
word pass against 0.013 without). So the words come from a plain decode, and the fillers from a
second, small pass over only the audio that pass left uncovered:

* :func:`filler_gaps`: stretches where the voice detector hears speech but no word lies, found
  in three ways, because a streaming pass (one segment, no timestamp tokens) spreads word times
  over the pauses and a word often takes the time of the "uh" beside it:

  - the time between words (what a whole-file pass, timed segment by segment, leaves open);
  - a word timed far longer than it can be said (:func:`stretched`): its whole span;
  - a short island of voice with quiet on both sides (:func:`lone_voice`), whatever the word
    times say: a hesitation said on its own;
* :func:`gap_clip`: those stretches joined into one short clip (with a map back to recording
  time), decoded once with the hesitation prompt; only filler tokens that fall inside a stretch
  are kept (:func:`fillers_in_gaps`);
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from mockinterviewer.transcript import Word, is_filler

log = logging.getLogger(__name__)

FILLER_PROMPT = "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking. Uh, so, um,"



def mark_fillers(words: list[Word]) -> list[Word]:
    """Sets ``filler`` on words that are hesitations ("um", "uh", ...).

    Args:
        words: transcribed words.

    Returns:
        The words, fillers marked; a filler written as "Um," keeps its text.
    """
    out: list[Word] = []
    for w in words:
        flag = is_filler(w.word)
        out.append(w if w.filler == flag else Word(w.word, w.start, w.end, flag, w.probability))
    return out


GAP_MIN = 0.25  # seconds between words before the stretch can hold a filler
GAP_EDGE = 0.05  # seconds next to a word where voice is the word's own onset or tail
GAP_VOICE_MIN = 0.3  # seconds of voice inside a stretch before it is decoded (a held "um")
GAP_PAD = 0.12  # seconds of audio kept either side of a stretch in the clip
GAP_SEPARATOR = 0.4  # seconds of silence between stretches in the clip
GAP_CLIP_MAX = 28.0  # seconds: one Whisper window


@dataclass(frozen=True)
class GapClip:
    """Uncovered voiced stretches joined into one clip for the filler pass.

    Attributes:
        audio: the clip (16 kHz mono float32).
        pieces: ``(clip_start, recording_start, recording_end)`` per stretch: the stretch's
            position in the clip and the recording times it may hold a filler in.
    """

    audio: np.ndarray
    pieces: tuple[tuple[float, float, float], ...]

    def to_recording(self, t: float) -> tuple[float, float, float] | None:
        """The piece holding clip time ``t``: a time in the silence between two pieces belongs to
        the nearer one (the prompted decode times a filler a little early or late, most of all
        when the clip holds several pieces); None beyond half a separator from every piece."""
        best: tuple[float, tuple[float, float, float]] | None = None
        for clip_start, start, end in self.pieces:
            clip_end = clip_start + (end - start) + 2 * GAP_PAD
            away = max(clip_start - t, t - clip_end, 0.0)
            if away <= GAP_SEPARATOR / 2 and (best is None or away < best[0]):
                best = (away, (clip_start, start, end))
        return None if best is None else best[1]


WORD_SECONDS_BASE = 0.6  # seconds: the longest a word can take, plus ...
WORD_SECONDS_PER_LETTER = 0.1  # ... this much per letter (slow speech, a drawn-out last word)


SAY_SECONDS_PER_LETTER = 0.07  # seconds: about how long a word takes, per letter


def said_seconds(word: Word) -> float:
    """About how long the word takes to say (ordinary pace)."""
    return SAY_SECONDS_PER_LETTER * sum(1 for c in word.word if c.isalnum())


def stretched(word: Word) -> bool:
    """Whether Whisper's time for a word is far longer than the word can take to say.

    Whisper's word times are contiguous within a segment: the time of a pause, or of an "uh" it
    did not write, goes to a word beside it (streamed, "and" was timed 4.70-6.08 s around a real
    "um"). A slow speaker draws a word out to about 0.9 s ("slow" in the real monologue), so only
    a span well beyond that counts. Which part of the span is the word is unknown, so the filler
    pass searches all of it (the prompted decode writes the word itself, which is not kept), if
    the voice there is more than the word takes to say (:func:`said_seconds`): a sentence's last
    word is often timed over the pause after it, with nothing but the word voiced.
    """
    if word.filler:
        return False  # a held "ummm" is as long as the speaker holds it
    letters = sum(1 for c in word.word if c.isalnum())
    return word.end - word.start > WORD_SECONDS_BASE + WORD_SECONDS_PER_LETTER * letters


LONE_MIN = 0.15  # seconds: the shortest island of voice taken for a hesitation said on its own
LONE_MAX = 0.9  # seconds: the longest (a held "ummm")
LONE_QUIET = 0.15  # seconds of quiet needed on both sides of it
SAME_FILLER = 0.5  # seconds: a filler found this close to a written one is that one
LONE_INSIDE = 0.5  # share of a word's time inside an island for the word to explain it


def lone_voice(speech: list[tuple[float, float]], words: list[Word]) -> list[tuple[float, float]]:
    """Short islands of voice with quiet on both sides: where a hesitation said on its own lies.

    A speaker who hesitates stops, says "um", and stops again; the voice detector hears that as
    an island of its own. The word times of a one-segment decode do not show it (the words
    beside it are stretched over it), so the islands are taken from the detector alone. A
    short word said on its own ("So,") is an island too; when a word of plausible length is
    timed mostly inside it, the word explains it and it is not searched (each extra piece of
    real speech in the filler clip makes the prompted decode less reliable).

    Args:
        speech: voiced regions from the voice detector, in time order.
        words: the word pass's words; an island a written filler or a not :func:`stretched`
            word lies in is skipped.

    Returns:
        ``(start, end)`` of each island.
    """
    out = []
    for i, (s, e) in enumerate(speech):
        if not LONE_MIN <= e - s <= LONE_MAX:
            continue
        before = s - speech[i - 1][1] if i else LONE_QUIET
        after = speech[i + 1][0] - e if i + 1 < len(speech) else LONE_QUIET
        if min(before, after) < LONE_QUIET:
            continue
        if any(_apart(w, s, e) <= SAME_FILLER for w in words if w.filler):
            continue  # a filler already written there (its time may be a little off)
        if any(_inside(w, s, e) for w in words if not stretched(w)):
            continue  # a word that fits in it
        out.append((s, e))
    return out


def _apart(word: Word, start: float, end: float) -> float:
    """Seconds between the word and the span (0 when they overlap)."""
    return max(0.0, start - word.end, word.start - end)


def _inside(word: Word, start: float, end: float) -> bool:
    """Whether at least half of the word lies between ``start`` and ``end``: half its time, or
    half as long as it takes to say (a sentence's last word is often timed over the silence
    after it)."""
    overlap = min(end, word.end) - max(start, word.start)
    need = LONE_INSIDE * min(word.end - word.start, said_seconds(word))
    return overlap > 0 and overlap >= need


def _union(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def filler_gaps(words: list[Word], speech: list[tuple[float, float]], duration: float,
                offset: float = 0.0) -> list[tuple[float, float]]:
    """Stretches where voice was heard but no word was written.

    Args:
        words: the word pass's words (recording time).
        speech: voiced regions from the voice detector (recording time).
        duration: the audio's length in seconds.
        offset: the recording time of the audio's start.

    Returns:
        ``(start, end)`` stretches in recording time, in time order: between words (and over
        :func:`stretched` words) each with at least :data:`GAP_VOICE_MIN` seconds of voice;
        and the :func:`lone_voice` islands.
    """
    edges = ([offset] + [t for w in words if not stretched(w) for t in (w.start, w.end)]
             + [offset + duration])
    gaps = [(edges[i], edges[i + 1]) for i in range(0, len(edges) - 1, 2)
            if edges[i + 1] - edges[i] >= GAP_MIN]
    long_words = [w for w in words if stretched(w)]
    out = []
    for a, b in gaps:
        a, b = a + GAP_EDGE, b - GAP_EDGE
        voiced = [(max(a, s), min(b, e)) for s, e in speech if min(b, e) > max(a, s)]
        # the voice of a stretched word in the gap is that word's own, for as long as it is said
        said = sum(said_seconds(w) for w in long_words if a < (w.start + w.end) / 2 < b)
        if sum(e - s for s, e in voiced) - said >= GAP_VOICE_MIN:
            out.append((voiced[0][0], voiced[-1][1]))
    return _union(out + lone_voice(speech, words))


def gap_clip(audio: np.ndarray, gaps: list[tuple[float, float]], offset: float = 0.0,
             sample_rate: int = 16000) -> GapClip | None:
    """Joins the stretches (padded, with silence between) into one clip of at most one window.

    Returns:
        The clip, or None when there is no stretch.
    """
    parts: list[np.ndarray] = []
    pieces = []
    at = 0.0
    silence = np.zeros(int(GAP_SEPARATOR * sample_rate), dtype=np.float32)
    for start, end in gaps:
        a = max(0, int((start - offset - GAP_PAD) * sample_rate))
        b = min(len(audio), int((end - offset + GAP_PAD) * sample_rate))
        if b <= a:
            continue
        if at + (b - a) / sample_rate > GAP_CLIP_MAX:
            break
        pieces.append((at, offset + a / sample_rate + GAP_PAD, offset + b / sample_rate - GAP_PAD))
        parts.extend([audio[a:b].astype(np.float32), silence])
        at += (b - a) / sample_rate + GAP_SEPARATOR
    if not parts:
        return None
    return GapClip(np.concatenate(parts), tuple(pieces))


def fillers_in_gaps(clip: GapClip, decoded: list[Word],
                    words: list[Word] | None = None) -> list[Word]:
    """Keeps the filler tokens of the clip's decode that lie inside a stretch.

    Args:
        clip: the clip that was decoded.
        decoded: its words, times in clip seconds.
        words: the word pass's words (recording time): a filler found within
            :data:`SAME_FILLER` seconds of one written already is that one (a one-segment
            decode times a filler it wrote up to about 0.5 s off its voice), not kept.

    Returns:
        Filler words in recording time (``um``/``uh`` as Whisper wrote them, filler set).
    """
    found: list[Word] = []
    used: set[float] = set()
    for w in decoded:
        if not is_filler(w.word):
            continue
        piece = clip.to_recording((w.start + w.end) / 2)
        if piece is None:
            continue
        clip_start, start, end = piece
        if clip_start in used:
            continue  # one hesitation per stretch: more are the prompt echoing itself
        t0 = start - GAP_PAD + (w.start - clip_start)
        t1 = start - GAP_PAD + (w.end - clip_start)
        t0 = min(max(start, t0), end)  # a token timed in the silence beside its piece
        t1 = min(end, max(t1, t0))
        if t1 - t0 <= 0 and not start <= t0 <= end:
            continue
        if any(x.filler and _apart(x, t0, t1) <= SAME_FILLER for x in words or ()):
            continue
        if not found or t0 >= found[-1].end:
            found.append(Word(w.word, t0, max(t0, t1), True, w.probability))
            used.add(clip_start)
    return found


def _around(word: Word, filler: Word) -> Word:
    """The word with its time moved off a filler found inside it (it was stretched over it)."""
    if filler.end <= word.start or filler.start >= word.end:
        return word
    if (filler.start + filler.end) / 2 <= (word.start + word.end) / 2:
        start, end = max(word.start, filler.end), word.end
    else:
        start, end = word.start, min(word.end, filler.start)
    return Word(word.word, start, max(start, end), word.filler, word.probability)


def merge(words: list[Word], extra: list[Word]) -> list[Word]:
    """Merges found fillers into the word list by time.

    A word whose time covers a filler (Whisper gave it the hesitation's time too) is moved to the
    side of the filler away from it, so the words read in the order they were said; the words
    and their order are otherwise untouched.
    """
    if not extra:
        return words
    moved = []
    for w in words:
        for f in extra:
            if not w.filler:
                w = _around(w, f)
        moved.append(w)
    return sorted([*moved, *extra], key=lambda w: (w.start, w.end))
