"""Fast checks of model resolution, scoring, filler marking and streaming cuts (fake engine)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from pulse import espeak_wav

from mockinterviewer.audio.recorder import read_wav
from mockinterviewer.errors import UserError
from mockinterviewer.stt import Transcriber, models
from mockinterviewer.stt.fillers import mark_fillers, recover_fillers
from mockinterviewer.stt.scoring import filler_score, normalize, wer
from mockinterviewer.stt.streaming import StreamingTranscriber
from mockinterviewer.stt.whisper import WhisperTranscriber
from mockinterviewer.transcript import Word


class FakeEngine:
    """Records what the streaming layer asks for; returns one word per utterance."""

    model_name = "fake"
    device = "cpu"
    load_warning = None

    def __init__(self) -> None:
        self.calls: list[tuple[float, float]] = []

    def load(self) -> None:
        pass

    def transcribe_file(self, path, progress=None):  # pragma: no cover - unused
        raise NotImplementedError

    def transcribe_array(self, audio: np.ndarray, offset: float = 0.0) -> list[Word]:
        self.calls.append((offset, len(audio) / 16000))
        return [Word(f"u{len(self.calls)}", offset + 0.1, offset + 0.3)]


def test_fake_and_real_satisfy_protocol() -> None:
    assert isinstance(FakeEngine(), Transcriber)
    assert isinstance(WhisperTranscriber(), Transcriber)


def test_model_resolution(tmp_path: Path) -> None:
    assert models.is_available("tiny.en") == (models.bundled_model_path() is not None)
    with pytest.raises(UserError, match="not downloaded"):
        models.resolve("medium.en", tmp_path)
    with pytest.raises(UserError, match="CTranslate2"):
        models.resolve(str(tmp_path / "nowhere"))
    folder = tmp_path / "mymodel"
    folder.mkdir()
    (folder / "model.bin").write_bytes(b"x")
    (folder / "config.json").write_text("{}")
    assert models.resolve(str(folder)) == folder
    assert models.auto_device("cpu") == ("cpu", None)
    assert models.auto_compute_type("cpu") == "int8"
    assert models.auto_compute_type("cuda") == "float16"
    assert models.auto_compute_type("cpu", "float32") == "float32"


def test_corrupt_model_is_a_user_error(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "model.bin").write_bytes(b"not a model")
    (folder / "config.json").write_text("{}")
    t = WhisperTranscriber(str(folder), device="cpu")
    with pytest.raises(UserError, match="could not be loaded"):
        t.load()


def test_cuda_requested_without_gpu_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctranslate2

    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 0)
    device, warning = models.auto_device("cuda")
    assert device == "cpu" and "CUDA" in warning


def test_download_offline_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import huggingface_hub

    def offline(*a, **k):
        raise OSError("network unreachable")

    monkeypatch.setattr(huggingface_hub, "list_repo_files", offline)
    with pytest.raises(UserError, match="copy a CTranslate2"):
        models.download("base.en", root=tmp_path)
    assert not (tmp_path / "base.en").exists()


def test_scoring() -> None:
    assert normalize("Hello, World! y'know") == ["hello", "world", "you", "know"]
    words = [Word("hello", 0, 1), Word("um", 1, 2, filler=True), Word("world", 2, 3)]
    assert wer("hello uh world", words) == 0.0
    score = filler_score("um hello uh world", words, 60.0)
    assert (score.reference, score.found, score.recall, score.false_per_minute) == (2, 1, 0.5, 0)


def test_mark_fillers() -> None:
    marked = mark_fillers([Word("Um,", 0, 1), Word("umbrella", 1, 2), Word("uh", 2, 3)])
    assert [w.filler for w in marked] == [True, False, True]


def test_recover_fillers_finds_held_hum_between_words() -> None:
    rate = 16000
    t = np.arange(int(0.6 * rate)) / rate
    hum = (0.3 * np.sin(2 * np.pi * 140 * t) + 0.1 * np.sin(2 * np.pi * 280 * t)).astype(np.float32)
    rng = np.random.default_rng(0)
    audio = np.concatenate(
        [
            0.3 * rng.standard_normal(rate).astype(np.float32),  # "word" 0..1 s
            np.zeros(rate // 2, dtype=np.float32),
            hum,  # 1.5..2.1 s, no word covers it
            np.zeros(rate // 2, dtype=np.float32),
        ]
    ) + 0.001 * rng.standard_normal(int(2.6 * rate)).astype(np.float32)
    found = recover_fillers(audio, [Word("word", 0.0, 1.0)], offset=10.0)
    assert len(found) == 1 and found[0].filler and found[0].word == "um"
    assert 11.4 <= found[0].start <= 11.6 and 11.9 <= found[0].end <= 12.2
    # noise (a dropped real word is not steady) is not a filler
    assert recover_fillers(audio[: rate + rate // 2], [], offset=0.0) == []


def test_streaming_cuts_at_pauses(tmp_path: Path) -> None:
    wav = espeak_wav(
        "Tell me about a time you failed.|I missed a deadline once.|I learned to ask early.",
        tmp_path / "a.wav",
        gap=1.6,
    )
    audio, _ = read_wav(wav)
    engine = FakeEngine()
    stream = StreamingTranscriber(engine, block_seconds=0)
    for i in range(0, len(audio), 1600):
        stream.feed(audio[i : i + 1600])
    transcript = stream.finish()
    assert len(engine.calls) == 3
    offsets = [o for o, _ in engine.calls]
    assert offsets == sorted(offsets) and offsets[0] < 0.5
    assert [w.word for w in transcript.words] == ["u1", "u2", "u3"]
    assert transcript.duration == pytest.approx(len(audio) / 16000)
    # the buffer is trimmed: memory stays bounded by the current utterance
    assert len(stream._buffer) < 16000 * 3


def test_rolling_refinement_replaces_utterances_with_block_words(tmp_path: Path) -> None:
    wav = espeak_wav(
        "Tell me about a time you failed.|I missed a deadline once.|I learned to ask early.",
        tmp_path / "a.wav",
        gap=1.6,
    )
    audio, _ = read_wav(wav)
    engine = FakeEngine()
    stream = StreamingTranscriber(engine, block_seconds=25)
    live: list[str] = []
    stream.on_words = lambda ws: live.extend(w.word for w in ws)
    for i in range(0, len(audio), 1600):
        stream.feed(audio[i : i + 1600])
        if i == len(audio) // 2:
            assert stream.wait_idle(10)
    assert stream.wait_idle(10)
    # utterances 1, 2, 3 alone, plus the open block re-transcribed with each new utterance
    spans = sorted(engine.calls)
    assert len(engine.calls) == 5
    assert spans[0][0] == spans[1][0] == spans[2][0]  # three jobs start at the first utterance
    assert len(live) == 3  # only single utterances reach the live view
    words = stream.finish().words
    # the latest block (all three utterances, the longest call) replaces the single-utterance
    # words; calls are numbered in the order the two threads made them
    longest = max(range(len(engine.calls)), key=lambda k: engine.calls[k][1])
    assert len(words) == 1 and words[0].word == f"u{longest + 1}"


def test_refinement_never_delays_the_final_transcript(tmp_path: Path) -> None:
    import threading

    wav = espeak_wav(
        "Tell me about a time you failed.|I missed a deadline once.", tmp_path / "b.wav", gap=1.6
    )
    audio, _ = read_wav(wav)
    gate = threading.Event()
    refining = threading.Event()

    class Slow(FakeEngine):
        def transcribe_array(self, audio, offset=0.0):
            if len(audio) > 16000 * 4:  # the block refinement (both utterances together)
                refining.set()
                gate.wait(10)
            return super().transcribe_array(audio, offset)

    engine = Slow()
    stream = StreamingTranscriber(engine, block_seconds=25)
    for i in range(0, len(audio), 1600):
        stream.feed(audio[i : i + 1600])
    try:
        # finish() returns while the refinement is still stuck on its own thread
        words = stream.finish().words
    finally:
        gate.set()
    assert [w.word for w in words] == ["u1", "u2"]


def test_streaming_reports_engine_errors() -> None:
    class Boom(FakeEngine):
        def transcribe_array(self, audio, offset=0.0):
            raise RuntimeError("engine died")

    stream = StreamingTranscriber(Boom())
    stream._speech_start = 0  # force an utterance without running the VAD on real speech
    stream._buffer = np.zeros(16000, dtype=np.float32)
    stream._total = 16000
    with pytest.raises(RuntimeError, match="engine died"):
        stream.finish()


def test_streaming_splits_long_speech(tmp_path: Path) -> None:
    text = "We shipped the feature, measured adoption, and then we iterated on the design " * 3
    audio, _ = read_wav(espeak_wav(text, tmp_path / "long.wav", rate=170))
    engine = FakeEngine()
    stream = StreamingTranscriber(engine, max_utterance=4.0, block_seconds=0)
    for i in range(0, len(audio), 1600):
        stream.feed(audio[i : i + 1600])
    stream.finish()
    assert len(engine.calls) >= 3
    assert all(seconds <= 4.3 for _, seconds in engine.calls)
    spans = [(u.start, u.end) for u in stream.utterances]
    assert all(a[1] <= b[0] + 16000 // 2 for a, b in zip(spans, spans[1:], strict=False))


def test_model_failing_on_cuda_falls_back_to_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    if models.bundled_model_path() is None:
        pytest.skip("bundled tiny.en missing")
    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("a GPU is present: loading on CUDA would succeed")
    # pretend CTranslate2 saw a GPU: the real load on CUDA then fails on this machine
    monkeypatch.setattr(models, "auto_device", lambda requested="auto": ("cuda", None))
    t = WhisperTranscriber("tiny.en", device="cuda")
    t.load()
    assert t.device == "cpu"
    assert t.load_warning and "GPU" in t.load_warning and "CPU" in t.load_warning
    t.load()  # idempotent
