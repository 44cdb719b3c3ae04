"""Fast checks of model resolution, scoring and filler marking (streaming: test_stt_streaming)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from fake_engines import StubEngine

from mockinterviewer.errors import UserError
from mockinterviewer.stt import Transcriber, models
from mockinterviewer.stt.fillers import mark_fillers
from mockinterviewer.stt.scoring import filler_score, normalize, wer
from mockinterviewer.stt.whisper import WhisperTranscriber
from mockinterviewer.transcript import Word


class FakeEngine(StubEngine):
    """Records what the streaming layer asks for; returns one word per utterance."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, float]] = []

    def transcribe_array(self, audio: np.ndarray, offset: float = 0.0, prompt=None,
                         fast=False, speech_end=None) -> list[Word]:
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


def test_a_word_stretched_over_a_hesitation_leaves_its_span_to_the_filler_pass() -> None:
    """Whisper gave "and" the time of the "um" before it too (a real streamed case): its span is
    searched for fillers, an ordinary word's is not, and a filler found inside moves the word."""
    from mockinterviewer.stt.fillers import filler_gaps, merge, stretched

    words = [Word("words", 22.34, 22.96), Word("and", 22.96, 24.34), Word("I", 24.34, 24.44)]
    assert stretched(words[1]) and not stretched(words[0]) and not stretched(Word("slow", 0, 0.86))
    speech = [(22.91, 23.58), (24.19, 24.3)]
    assert filler_gaps(words, speech, 30.0) == [(23.01, 24.29)]
    assert filler_gaps([words[0], Word("and", 22.96, 23.6), words[2]], speech, 30.0) == []
    merged = merge(words, [Word("um", 23.0, 23.58, True)])
    assert [w.word for w in merged] == ["words", "um", "and", "I"]
    assert merged[2].start == 23.58 and merged[2].end == 24.34


def test_a_filler_timed_in_the_silence_between_pieces_goes_to_the_nearer_piece() -> None:
    from mockinterviewer.stt.fillers import GAP_PAD, fillers_in_gaps, gap_clip

    audio = np.zeros(16000 * 10, dtype=np.float32)
    clip = gap_clip(audio, [(1.0, 1.5), (6.0, 7.0)])
    assert clip is not None
    second = clip.pieces[1][0]
    found = fillers_in_gaps(clip, [Word("um,", second - 0.15, second + 0.3),  # early
                                   Word("so", 0.0, 0.2)])
    assert [(w.word, w.filler) for w in found] == [("um,", True)]
    assert 6.0 <= found[0].start <= found[0].end <= 7.0
    # far from every piece: not kept
    end = second + 1.0 + 2 * GAP_PAD
    assert fillers_in_gaps(clip, [Word("uh", end + 0.5, end + 0.8)]) == []
