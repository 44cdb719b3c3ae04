"""The streaming layer with a fake engine: utterance cuts, passes, commits and the final pass.

The fake engine returns one word per second of the audio it is given, so the tests can see which
audio each pass covered and how its times map back to the recording. The real model on real
speech is tested in test_stt_whisper.py.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from fake_engines import StubEngine
from pulse import espeak_wav

from mockinterviewer.audio.recorder import read_wav
from mockinterviewer.stt.stream_parts import FINAL_PAD
from mockinterviewer.stt.streaming import StreamingTranscriber
from mockinterviewer.transcript import Word

RATE = 16000


class FakeEngine(StubEngine):
    """Records each call; returns a word for every second of audio (at clip times)."""

    def __init__(self) -> None:
        self.calls: list[float] = []  # seconds of audio per call

    def transcribe_array(self, audio: np.ndarray, offset: float = 0.0, prompt=None,
                         fast=False, speech_end=None) -> list[Word]:
        seconds = len(audio) / RATE
        self.calls.append(seconds)
        n = len(self.calls)
        return [Word(f"c{n}w{k}", offset + k + 0.1, offset + k + 0.6)
                for k in range(int(seconds))]


class PromptEngine(FakeEngine):
    """Also records the prompt and the ``fast`` flag the streaming layer passes."""

    def __init__(self) -> None:
        super().__init__()
        self.prompts: list[tuple[str | None, bool]] = []
        self.speech_ends: list[float | None] = []

    def transcribe_array(self, audio, offset=0.0, prompt=None, fast=False,
                         speech_end=None):
        self.prompts.append((prompt, fast))
        self.speech_ends.append(speech_end)
        return super().transcribe_array(audio, offset)


def _three_sentences(tmp_path: Path, gap: float = 1.6) -> np.ndarray:
    wav = espeak_wav(
        "Tell me about a time you failed.|I missed a deadline once.|I learned to ask early.",
        tmp_path / "a.wav",
        gap=gap,
    )
    return read_wav(wav)[0]


def _feed(stream: StreamingTranscriber, audio: np.ndarray, keep_up: bool = True) -> None:
    for i in range(0, len(audio), 1600):
        stream.feed(audio[i : i + 1600])
        if keep_up:
            assert stream.wait_idle(10)


def test_utterances_are_cut_at_pauses_and_memory_stays_bounded(tmp_path: Path) -> None:
    audio = _three_sentences(tmp_path)
    engine = FakeEngine()
    stream = StreamingTranscriber(engine, commit_seconds=2.0, min_silence=0.5)
    _feed(stream, audio)
    transcript = stream.finish()
    assert len(stream.utterances) == 3
    starts = [u.start / RATE for u in stream.utterances]
    assert starts == sorted(starts) and starts[0] < 0.5
    assert transcript.duration == pytest.approx(len(audio) / RATE)
    words = transcript.words
    assert words and all(a.start <= b.start for a, b in zip(words, words[1:], strict=False))
    # the buffer is trimmed once words are committed: it never holds the whole answer
    assert stream.held_seconds < len(audio) / RATE / 2


def test_passes_join_utterances_without_their_pauses_and_map_times_back(tmp_path: Path) -> None:
    audio = _three_sentences(tmp_path, gap=3.0)
    engine = FakeEngine()
    stream = StreamingTranscriber(engine, commit_seconds=60.0, pass_every=1000.0,
                                 end_of_speech=1000.0, anchor_every=1000.0)
    _feed(stream, audio)
    words = stream.finish().words
    # no pass before the end: the final pass is the only call and covers all three utterances
    assert len(engine.calls) == 1
    spoken = sum(u.end - u.start for u in stream.utterances) / RATE
    # (the final pass hears FINAL_PAD of silence after the audio: Whisper drops the last words
    # of a clip that ends on voice)
    assert engine.calls[0] == pytest.approx(spoken + FINAL_PAD, abs=0.05)
    assert engine.calls[0] < len(audio) / RATE - 4.0  # the 3-second pauses were left out
    # every word lies inside an utterance on the recording's time line
    for w in words:
        assert any(u.start / RATE <= w.start <= u.end / RATE for u in stream.utterances), w


def test_final_pass_covers_only_audio_after_the_settled_words(tmp_path: Path) -> None:
    audio = np.concatenate([_three_sentences(tmp_path, gap=0.8)] * 3)
    engine = PromptEngine()
    # no pass at the pauses: the final pass has something left to do
    stream = StreamingTranscriber(engine, commit_seconds=60.0, stable_margin=1.0,
                                  end_of_speech=1000.0)
    _feed(stream, audio)
    stream.wait_idle()
    passes = len(engine.calls)
    assert passes >= 2  # the open region was transcribed while it was spoken
    assert stream._anchor is not None
    settled = stream._anchor[3]  # the latest anchor pass's settled words
    assert settled and settled[-1].end <= len(audio) / RATE - 1.0
    words = stream.finish().words
    assert len(engine.calls) == passes + 1
    final_seconds = engine.calls[-1]
    assert final_seconds < len(audio) / RATE - 2.0, "not the whole answer again"
    # the final pass is fast (no temperature retries) and prompted with the words before it
    prompt, fast = engine.prompts[-1]
    kept = [w for w in words if w in settled]  # settled words before the final pass's cut
    assert kept and [w.word for w in words][: len(kept)] == [w.word for w in kept]
    assert fast and prompt is not None and kept[-1].word in prompt


def test_committed_words_are_not_transcribed_again(tmp_path: Path) -> None:
    text = "|".join(["We shipped the feature and measured adoption every week."] * 4)
    audio = read_wav(espeak_wav(text, tmp_path / "long.wav", gap=0.8))[0]
    engine = PromptEngine()
    stream = StreamingTranscriber(engine, commit_seconds=5.0, stable_margin=1.0, min_silence=0.5)
    _feed(stream, audio)
    stream.finish()
    assert stream._committed, "a region over commit_seconds is committed at a pause"
    # after a commit, passes restart after it: no pass covers the whole answer
    assert max(engine.calls) < len(audio) / RATE - 4.0
    # later passes are prompted with the committed words
    committed = {w.word for w in stream._committed}
    assert any(p and any(c in p for c in committed) for p, _ in engine.prompts)


def test_live_words_arrive_in_order_without_repeats(tmp_path: Path) -> None:
    audio = _three_sentences(tmp_path, gap=0.8)
    live: list[Word] = []
    stream = StreamingTranscriber(FakeEngine(), on_words=live.extend, commit_seconds=3.0,
                                  stable_margin=1.0)
    _feed(stream, audio)
    stream.finish()
    assert live
    starts = [w.start for w in live]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_feeding_never_waits_for_a_slow_engine(tmp_path: Path) -> None:
    audio = _three_sentences(tmp_path, gap=0.8)
    gate = threading.Event()

    class Slow(FakeEngine):
        def transcribe_array(self, audio, offset=0.0, prompt=None, fast=False, speech_end=None):
            gate.wait(10)
            return super().transcribe_array(audio, offset)

    engine = Slow()
    stream = StreamingTranscriber(engine)
    _feed(stream, audio, keep_up=False)  # returns although the first pass is stuck
    # the anchor passes wait in the queue; previews are not asked for while the thread is busy
    assert stream.backlog >= 1 and len(engine.calls) == 0
    assert stream.backlog <= len(audio) / RATE / 3.0 + 3
    gate.set()
    assert stream.finish().words


def test_streaming_reports_engine_errors(tmp_path: Path) -> None:
    class Boom(FakeEngine):
        def transcribe_array(self, audio, offset=0.0, prompt=None, fast=False, speech_end=None):
            raise RuntimeError("engine died")

    stream = StreamingTranscriber(Boom())
    _feed(stream, _three_sentences(tmp_path), keep_up=False)
    with pytest.raises(RuntimeError, match="engine died"):
        stream.finish()


def test_streaming_splits_long_speech(tmp_path: Path) -> None:
    text = "We shipped the feature, measured adoption, and then we iterated on the design " * 3
    audio = read_wav(espeak_wav(text, tmp_path / "long.wav", rate=170))[0]
    stream = StreamingTranscriber(FakeEngine(), max_utterance=4.0)
    _feed(stream, audio)
    stream.finish()
    spans = [(u.start, u.end) for u in stream.utterances]
    assert len(spans) >= 3
    assert all((b - a) / RATE <= 4.3 for a, b in spans)
    assert all(a[1] <= b[0] + RATE // 2 for a, b in zip(spans, spans[1:], strict=False))


def test_silence_alone_is_never_transcribed() -> None:
    engine = FakeEngine()
    stream = StreamingTranscriber(engine)
    stream.feed(np.zeros(RATE * 3, dtype=np.float32))
    assert stream.finish().words == ()
    assert engine.calls == []


def test_a_pass_in_the_pause_after_the_last_words_leaves_nothing_for_stop(tmp_path: Path) -> None:
    audio = _three_sentences(tmp_path, gap=0.8)
    audio = np.concatenate([audio, np.zeros(RATE, dtype=np.float32)])  # the speaker stops
    engine = PromptEngine()
    stream = StreamingTranscriber(engine, commit_seconds=60.0, stable_margin=1.0)
    _feed(stream, audio)
    passes = len(engine.calls)
    # the pause pass heard every utterance; silence after it starts no further pass
    assert engine.calls[-1] >= sum(u.end - u.start for u in stream.utterances) / RATE - 0.1
    words = stream.finish().words
    assert len(engine.calls) == passes, "stop transcribed nothing more"
    assert words[-1].start < stream.utterances[-1].end / RATE
    assert words[-1].end >= stream.utterances[-1].end / RATE - 1.0  # the last word is kept
    assert [w.start for w in words] == sorted(w.start for w in words)


def test_speech_after_the_pause_pass_is_transcribed_at_stop(tmp_path: Path) -> None:
    audio = _three_sentences(tmp_path, gap=0.8)
    more = _three_sentences(tmp_path, gap=0.8)
    speech = np.flatnonzero(np.abs(more) > 0.01)
    audio = np.concatenate([audio, np.zeros(RATE, dtype=np.float32), more[: speech[-1]]])
    engine = PromptEngine()
    stream = StreamingTranscriber(engine, commit_seconds=60.0, stable_margin=1.0)
    _feed(stream, audio)  # stops mid-word: no pause after the last words
    passes = len(engine.calls)
    stream.finish()
    assert len(engine.calls) == passes + 1 and engine.prompts[-1][1], "a final (fast) pass"


def test_after_the_pause_pass_silence_asks_for_nothing_and_finish_transcribes_nothing(
    tmp_path: Path,
) -> None:
    audio = _three_sentences(tmp_path, gap=0.8)
    audio = np.concatenate([audio, np.zeros(RATE, dtype=np.float32)])
    engine = PromptEngine()
    stream = StreamingTranscriber(engine, commit_seconds=60.0, stable_margin=1.0)
    _feed(stream, audio)
    stream.wait_idle()
    assert stream._anchor is not None and stream._covers_all(stream._anchor[1])
    expected = [w.word for w in stream._anchor[2]]
    passes = len(engine.calls)
    stream.feed(np.zeros(RATE * 3, dtype=np.float32))  # the speaker stays quiet
    assert stream.backlog == 0 and len(engine.calls) == passes
    words = [w.word for w in stream.finish().words]
    assert len(engine.calls) == passes, "the pause's pass already held every word"
    assert words[-len(expected):] == expected


def test_the_final_pass_starts_at_a_pause_or_takes_the_whole_short_region() -> None:
    from mockinterviewer.stt.stream_parts import FINAL_SPAN, final_cut

    def words(*spans: tuple[float, float]) -> list[Word]:
        return [Word(f"w{i}", a, b) for i, (a, b) in enumerate(spans)]

    assert final_cut([], 3.0, 30.0) == 3.0
    short = words((3.0, 3.5), (3.6, 4.0), (4.1, 5.0))
    assert final_cut(short, 3.0, 3.0 + FINAL_SPAN) == 3.0  # all of it again
    # a long region: the widest gap near the end, not an older, wider one
    long = words((10.0, 10.5), (11.5, 12.0), (20.0, 20.4), (20.5, 21.0), (21.6, 22.0),
                 (22.1, 23.0))
    assert final_cut(long, 0.0, 14.0 + FINAL_SPAN) == pytest.approx((21.0 + 21.6) / 2)


def test_anchor_passes_are_spaced_by_the_model_so_the_queue_keeps_up() -> None:
    from mockinterviewer.stt.streaming import anchor_spacing

    assert anchor_spacing("tiny.en", "cpu") == 3.0
    assert anchor_spacing("tiny.en", "cpu") < anchor_spacing("base.en", "cpu")
    assert anchor_spacing("base.en", "cpu") < anchor_spacing("small.en", "cpu")
    assert anchor_spacing("small.en", "cpu") < anchor_spacing("large-v3-turbo", "cpu")
    assert anchor_spacing("medium.en", "cuda") == anchor_spacing("tiny.en", "cpu")

    class Small(FakeEngine):
        model_name = "small.en"

    stream = StreamingTranscriber(Small())
    assert stream.anchor_every == int(anchor_spacing("small.en", "cpu") * RATE)
    stream.close()
    fixed = StreamingTranscriber(Small(), anchor_every=1.0)
    assert fixed.anchor_every == RATE
    fixed.close()
