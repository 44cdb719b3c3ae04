"""The real tiny.en model on espeak-ng speech: whole-file and streaming transcription."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from pulse import espeak_wav

from mockinterviewer.audio.recorder import read_wav
from mockinterviewer.stt.scoring import wer
from mockinterviewer.stt.streaming import StreamingTranscriber

pytestmark = pytest.mark.slow

SENTENCES = [
    "I was the lead engineer on the checkout service.",
    "Our customers could not pay during the holiday sale.",
    "I rolled back the release and wrote a fix the same night.",
]


@pytest.fixture(scope="module")
def answer_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("speech") / "answer.wav"
    return espeak_wav("|".join(SENTENCES), path, gap=1.2)


def _monotonic(words) -> bool:
    return all(
        a.start <= b.start and a.start <= a.end for a, b in zip(words, words[1:], strict=False)
    )


def test_whole_file_words_and_timestamps(whisper_tiny, answer_wav: Path) -> None:
    progress: list[float] = []
    transcript = whisper_tiny.transcribe_file(answer_wav, progress.append)
    assert wer(" ".join(SENTENCES), transcript.words) < 0.25, transcript.text
    assert _monotonic(transcript.words)
    assert transcript.words[-1].end <= transcript.duration + 0.05
    assert transcript.model == "tiny.en" and transcript.device == "cpu"
    assert progress and progress[-1] == 1.0
    assert all(0.0 <= p <= 1.0 for p in progress)


def test_streaming_stitches_utterances_in_order(whisper_tiny, answer_wav: Path) -> None:
    audio, rate = read_wav(answer_wav)
    assert rate == 16000
    live: list[list] = []
    # pauses of 0.5 s end utterances here, so the three sentences are transcribed in pieces
    stream = StreamingTranscriber(whisper_tiny, on_words=live.append, min_silence=0.5)
    for i in range(0, len(audio), 1600):
        stream.feed(audio[i : i + 1600])
        stream.wait_idle()  # as a machine that keeps up with a live speaker
    transcript = stream.finish()
    # one utterance per sentence: the 1.2 s pauses end utterances (min_silence 0.5 s)
    assert len(stream.utterances) == len(SENTENCES)
    assert live  # settled words reached the live view while the answer was spoken
    assert _monotonic(transcript.words)
    assert wer(" ".join(SENTENCES), transcript.words) < 0.25, transcript.text
    # times are relative to the recording: each utterance's words lie inside its span
    for utt in stream.utterances:
        inside = [
            w for w in transcript.words if utt.start / rate - 0.05 <= w.start <= utt.end / rate
        ]
        assert inside, (utt, transcript.words)
    # words from the third sentence start after the second pause
    third = stream.utterances[2].start / rate
    assert any(w.word.lower().startswith("rolled") and w.start >= third for w in transcript.words)
    whole = whisper_tiny.transcribe_file(answer_wav)
    assert wer(" ".join(SENTENCES), transcript.words) <= wer(" ".join(SENTENCES), whole.words) + 0.1


def test_silence_gives_no_words(whisper_tiny) -> None:
    words = whisper_tiny.transcribe_array(np.zeros(16000 * 2, dtype=np.float32))
    assert [w for w in words if not w.filler] == []
    stream = StreamingTranscriber(whisper_tiny)
    stream.feed(np.zeros(16000 * 3, dtype=np.float32))
    assert stream.finish().words == ()


LONG_ANSWER = [
    "Last spring our warehouse missed its delivery targets for three weeks in a row.",
    "I was the shift lead, so it was my job to find out why the trucks left late.",
    "I timed every step of the loading process for two days and wrote it all down.",
    "The biggest delay came from pallets that were labelled by hand at the dock.",
    "I asked the printing team to print labels at the packing station instead.",
    "Within a month the trucks left on time on ninety five percent of days.",
    "Next time I would measure the process before I promise a date to anyone.",
]


def _repeats(words: list[str], reference: str) -> list[str]:
    """Adjacent repeated words ("could could") that the reference does not have."""
    ref = reference.lower().split()
    allowed = {a for a, b in zip(ref, ref[1:], strict=False) if a == b}
    norm = [w.lower().strip(".,?!") for w in words]
    return [a for a, b in zip(norm, norm[1:], strict=False) if a == b and a not in allowed]


def test_live_words_neither_repeat_nor_drop_where_passes_meet(whisper_tiny, tmp_path) -> None:
    """What the user watches while speaking: the words handed to the live view, pass by pass."""
    reference = " ".join(LONG_ANSWER)
    wav = espeak_wav("|".join(LONG_ANSWER), tmp_path / "long.wav", gap=0.5)
    audio, _ = read_wav(wav)
    live: list = []
    stream = StreamingTranscriber(whisper_tiny, on_words=live.extend)
    for i in range(0, len(audio), 1600):
        stream.feed(audio[i : i + 1600])
        if i % 8000 == 0:
            stream.wait_idle()  # passes meet at many different points of the answer
    final = stream.finish()
    shown = [w.word for w in live]
    assert not _repeats(shown, reference), " ".join(shown)
    starts = [w.start for w in live]
    assert starts == sorted(starts)
    # nothing dropped: the live words read like the final transcript
    import jiwer

    from mockinterviewer.stt.scoring import normalize, split_fillers

    live_text = " ".join(split_fillers(normalize(" ".join(shown)))[0])
    final_text = " ".join(split_fillers(normalize(final.text))[0])
    assert jiwer.wer(final_text, live_text) <= 0.1, (live_text, final_text)


def test_streamed_words_depend_on_the_audio_alone(whisper_tiny, tmp_path, monkeypatch) -> None:
    """The same audio streamed three ways gives the same final words: small chunks with the
    engine idle after each (every pass runs), odd-sized chunks fed while the engine is slow (a
    busy machine: most passes skipped) and one-second chunks. Before, whichever pass happened
    to run committed the words, and the words changed with the machine's load."""
    wav = espeak_wav("|".join(LONG_ANSWER), tmp_path / "long.wav", gap=2.5)
    audio, _ = read_wav(wav)

    def stream(sizes: list[int], wait: bool) -> list:
        s = StreamingTranscriber(whisper_tiny, commit_seconds=10.0)
        at = 0
        for n in sizes:
            s.feed(audio[at : at + n])
            at += n
            if wait:
                s.wait_idle()
        return list(s.finish().words)

    idle = stream([1600] * (len(audio) // 1600 + 1), wait=True)
    rng = np.random.default_rng(7)
    odd = [int(x) for x in rng.integers(300, 9000, size=len(audio) // 300 + 1)]
    plain = whisper_tiny.transcribe_array

    def slow(*args, **kwargs):
        import time

        time.sleep(0.4)
        return plain(*args, **kwargs)

    monkeypatch.setattr(whisper_tiny, "transcribe_array", slow)
    busy = stream(odd, wait=False)
    monkeypatch.setattr(whisper_tiny, "transcribe_array", plain)
    seconds = stream([16000] * (len(audio) // 16000 + 1), wait=False)
    assert wer(" ".join(LONG_ANSWER), idle) < 0.2

    def key(words: list) -> list[tuple[str, float, float]]:
        return [(w.word, round(w.start, 2), round(w.end, 2)) for w in words]

    assert key(busy) == key(idle)
    assert key(seconds) == key(idle)


SPEECH = Path(__file__).resolve().parents[3] / "shared" / "speech"


def test_real_voices_keep_plain_whisper_words_and_gain_fillers(whisper_tiny) -> None:
    """Real recordings (../shared/speech, when present): the words score at least as well as
    plain faster-whisper on the same model, the spontaneous monologue's "um"/"uh" are found, and
    the read or prompted recordings get none."""
    from mockinterviewer.stt.scoring import filler_score, load_references
    from mockinterviewer.stt.whisper import decode_file

    refs = load_references(SPEECH)
    if not refs:
        pytest.skip("no real recordings beside the project (../shared/speech)")
    ours_err = plain_err = 0.0
    found = reference = false = 0
    for name, text in sorted(refs.items()):
        audio = decode_file(SPEECH / name)
        words = whisper_tiny.transcribe_audio(audio).words
        plain = whisper_tiny.transcribe_plain(audio)
        n = len(text.split())
        ours_err += wer(text, words) * n
        plain_err += wer(text, plain) * n
        score = filler_score(text, words, len(audio) / 16000)
        reference += score.reference
        found += score.matched
        false += score.false
    # One word of slack, pooled: the int8 kernels differ by CPU (CTranslate2 picks AVX-512 or
    # AVX2 at run time) and so does one word here. Measured on these five recordings (stop 19,
    # CT2_FORCE_CPU_ISA): AVX2 ours 5.1 word errors against plain 4.1 (the monologue's "here's"
    # heard as "here are"), AVX-512 1.1 against 4.1, generic 1.1 against 2.1.
    # (A word weighs a little over one here: each file's WER is scaled by its reference's
    # length with the fillers still counted.)
    assert ours_err <= plain_err + 1.5, (ours_err, plain_err)
    assert reference and found / reference >= 0.85 and false == 0, (found, reference, false)


@pytest.mark.parametrize("voice", ["espeak-ng", "flite"])
def test_filler_pass_adds_no_fillers_to_fluent_speech(whisper_tiny, tmp_path, voice) -> None:
    """Fluent synthetic speech with pauses between clauses: the filler pass decodes the voiced
    gaps and must not invent hesitations there (two voices, different timbres)."""
    import shutil
    import subprocess

    from mockinterviewer.stt.whisper import decode_file

    if shutil.which(voice) is None:
        pytest.skip(f"{voice} is not installed")
    text = " ".join(LONG_ANSWER[:4])
    wav = tmp_path / f"{voice}.wav"
    if voice == "flite":
        subprocess.run(["flite", "-t", text, "-o", str(wav)], check=True)
    else:
        espeak_wav("|".join(LONG_ANSWER[:4]), wav, gap=0.6)
    words = whisper_tiny.transcribe_audio(decode_file(wav)).words
    assert wer(text, words) < 0.3, " ".join(w.word for w in words)
    assert [w.word for w in words if w.filler] == []



def test_streamed_words_keep_the_last_words_when_the_recording_stops_on_voice(
        whisper_tiny) -> None:
    """The echo-test recording's voice runs to its last sample ("... or by pressing the pound
    key."), as when a speaker is still talking as they stop. Whisper drops the last words of a
    clip that ends on voice, so the streamed transcript ended "... pressing the"; the final pass
    now hears ``stream_parts.FINAL_PAD`` of silence after its audio, as a whole-file decode
    does. (Synthetic voices cut at their last loud sample did not show the loss.)"""
    path = SPEECH / "asterisk_demo-echotest.wav"
    if not path.exists():
        pytest.skip("no real recordings beside the project (../shared/speech)")
    from mockinterviewer.stt.whisper import decode_file

    audio = decode_file(path)
    stream = StreamingTranscriber(whisper_tiny)
    for i in range(0, len(audio), 1600):
        stream.feed(audio[i: i + 1600])
        stream.wait_idle()
    words = [w.word.strip(" .,!?").lower() for w in stream.finish().words]
    assert words[-2:] == ["pound", "key"], words[-6:]
