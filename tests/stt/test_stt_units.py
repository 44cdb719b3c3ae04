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
    """A streamed pass timed "and" over the "um" before it (a real case): its span is searched
    for fillers, an ordinary word's is not, and a filler found inside moves the word off it."""
    from mockinterviewer.stt.fillers import filler_gaps, merge, stretched

    words = [Word("more", 2.95, 3.5), Word("words", 3.5, 4.2), Word("and", 4.70, 6.08),
             Word("I", 6.08, 6.18)]
    assert stretched(words[2]) and not stretched(words[1]) and not stretched(Word("slow", 0, 0.86))
    speech = [(2.98, 4.13), (4.67, 5.38), (5.92, 6.2)]
    assert filler_gaps(words, speech, 7.0) == [(4.67, 6.08 - 0.05)]
    # the same voice, "and" timed as long as it takes to say: nothing to search
    assert filler_gaps([*words[:2], Word("and", 4.70, 5.38), Word("I", 5.92, 6.18)],
                       speech, 7.0) == []
    merged = merge(words, [Word("um", 4.70, 5.38, True)])
    assert [w.word for w in merged] == ["more", "words", "um", "and", "I"]
    assert (merged[3].start, merged[3].end) == (5.38, 6.08)


def test_a_sentence_end_timed_over_the_pause_after_it_is_not_searched() -> None:
    """ "days." timed 3.84-5.24 s with voice only to 4.16 s: its own voice, no hesitation."""
    from mockinterviewer.stt.fillers import filler_gaps, stretched

    words = [Word("on", 3.3, 3.58), Word("of", 3.58, 3.84), Word("days.", 3.84, 5.24),
             Word("I", 5.86, 5.90)]
    assert stretched(words[2])
    assert filler_gaps(words, [(3.3, 4.16), (5.60, 5.95)], 6.0) == []
    # with a hesitation in that pause, it is
    (gap,) = filler_gaps(words, [(3.3, 4.16), (4.5, 4.9), (5.60, 5.95)], 6.0)
    assert gap == pytest.approx((3.89, 5.81))


def test_a_short_island_of_voice_between_pauses_is_searched_unless_a_word_explains_it() -> None:
    from mockinterviewer.stt.fillers import filler_gaps, lone_voice

    speech = [(0.0, 2.0), (2.3, 2.8), (3.1, 5.0)]
    # a word timed straight over the island (a one-segment decode): it is still searched
    run_on = [Word("went", 1.5, 2.0), Word("back", 2.0, 3.3), Word("home", 3.3, 3.6)]
    assert lone_voice(speech, run_on) == [(2.3, 2.8)]
    assert any(a <= 2.3 and b >= 2.8 for a, b in filler_gaps(run_on, speech, 6.0))
    # a word timed inside it explains it ("So," said on its own), and so does a written filler
    assert lone_voice(speech, [Word("so", 2.35, 2.75)]) == []
    assert lone_voice(speech, [Word("um", 2.9, 3.0, True)]) == []  # timed a little late
    # a sentence's last word timed over the silence after it still explains its own voice
    assert lone_voice([(14.59, 18.14), (18.30, 18.69)], [Word("week.", 18.36, 19.14)]) == []
    # too long to be a hesitation, or no quiet before it
    assert lone_voice([(0.0, 2.0), (2.3, 3.5), (3.8, 5.0)], run_on) == []
    assert lone_voice([(0.0, 2.0), (2.05, 2.5), (2.8, 5.0)], run_on) == []


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
    end = second + 1.0 + 2 * GAP_PAD
    assert fillers_in_gaps(clip, [Word("uh", end + 0.5, end + 0.8)]) == []  # far from every piece


def test_one_filler_per_stretch_and_none_beside_a_filler_already_written() -> None:
    """The prompted decode can echo its prompt ("uh, uh, uh, um") in one stretch: one is kept.
    A one-segment decode wrote "Um," 0.4 s after its voice: the filler pass's "um" there is the
    same one."""
    from mockinterviewer.stt.fillers import GAP_PAD, fillers_in_gaps, gap_clip

    clip = gap_clip(np.zeros(16000 * 20, dtype=np.float32), [(2.0, 3.4), (10.75, 11.07)])
    assert clip is not None
    first, second = clip.pieces[0][0], clip.pieces[1][0]
    echo = [Word("uh,", first + GAP_PAD + 0.1, first + GAP_PAD + 0.3),
            Word("uh,", first + GAP_PAD + 0.5, first + GAP_PAD + 0.5),
            Word("um...", first + GAP_PAD + 0.6, first + GAP_PAD + 1.2)]
    assert [w.word for w in fillers_in_gaps(clip, echo)] == ["uh,"]
    again = [Word("um...", second + GAP_PAD, second + GAP_PAD + 0.3)]
    assert len(fillers_in_gaps(clip, again)) == 1
    assert fillers_in_gaps(clip, again, [Word("Um,", 11.44, 11.44, True)]) == []
