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
