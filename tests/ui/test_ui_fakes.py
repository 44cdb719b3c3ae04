"""The UI fakes follow the engine protocols the screens rely on."""

from __future__ import annotations

from ui_fakes import FakeSpeaker, FakeTranscriber


def test_fakes_behave() -> None:
    """The fakes follow the engine protocols the screens rely on."""
    from mockinterviewer.stt.base import Transcriber

    t = FakeTranscriber()
    assert isinstance(t, Transcriber)
    t.load()
    assert t.loaded and t.loads == 1
    s = FakeSpeaker()
    s.speak("hi")
    assert s.available() and s.spoken == ["hi"]
