"""Assets (icon, cue sounds), the palette-aware theme, and the Services bundle."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QIcon, QImage

from mockinterviewer import assets
from mockinterviewer.errors import UserError
from mockinterviewer.settings import Settings
from mockinterviewer.ui import theme
from mockinterviewer.ui.services import MicrophoneFactory, Services


def test_icon_files_load() -> None:
    paths = assets.icon_paths()
    assert [p.name for p in paths] == ["icon.svg", "icon-256.png", "icon-64.png"]
    for p in paths[1:]:
        img = QImage(str(p))
        assert not img.isNull() and img.width() == img.height()
    from mockinterviewer.ui.app import app_icon

    icon = app_icon()
    assert isinstance(icon, QIcon) and not icon.isNull()
    assert not icon.pixmap(32, 32).isNull()


def test_cue_sounds_are_short_soft_and_click_free() -> None:
    for name in assets.CUES:
        sound = assets.load_cue(name)
        assert sound.samples.dtype == np.float32 and sound.sample_rate == 44100
        assert 0.2 <= sound.seconds <= 1.5, name
        peak = float(np.max(np.abs(sound.samples)))
        assert 0.05 < peak < 0.5, (name, peak)  # audible but soft (about -8 to -20 dBFS)
        assert abs(float(sound.samples[0])) < 0.01 and abs(float(sound.samples[-1])) < 0.01
    with pytest.raises(UserError, match="Unknown cue"):
        assets.cue_path("bang")


def test_missing_asset_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(assets, "assets_dir", lambda: tmp_path)
    with pytest.raises(UserError, match="installation is incomplete"):
        assets.asset_path("sounds/target.wav")
    assert assets.icon_paths() == []


def _contrast(a: str, b: str) -> float:
    def lum(c: str) -> float:
        q = QColor(c)
        ch = []
        for v in (q.redF(), q.greenF(), q.blueF()):
            ch.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_theme_colours_are_readable(qapp, dark: bool) -> None:
    from PySide6.QtGui import QPalette

    pal = theme.dark_palette() if dark else qapp.style().standardPalette()
    c = theme.colors(pal)
    assert c.dark is dark
    base = pal.color(QPalette.ColorRole.Base).name()
    window = pal.color(QPalette.ColorRole.Window).name()
    assert _contrast(c.text, c.mark) >= 4.5  # highlighted phrases stay readable
    for col in (c.good, c.bad, c.warn, c.link):
        assert _contrast(col, base) >= 3.0 and _contrast(col, window) >= 3.0, col
    for label in ("situation", "task", "action", "result", "reflection"):
        assert _contrast(theme.segment_color(label, pal).name(), window) >= 2.0


def test_fonts_scale_relative_to_the_application_font(qapp) -> None:
    base = qapp.font()
    try:
        for size in (9.0, 14.0):
            f = qapp.font()
            f.setPointSizeF(size)
            qapp.setFont(f)
            assert theme.scaled_font(None, 1.5, True).pointSizeF() == pytest.approx(size * 1.5)
        assert "font-size" not in theme.stylesheet() and "font:" not in theme.stylesheet()
    finally:
        qapp.setFont(base)


def test_services_default_builds_real_engines_without_loading() -> None:
    s = Services.default(Settings(input_device="Desk Mic"))
    assert type(s.transcriber).__name__ == "WhisperTranscriber" and not s.transcriber.loaded
    assert type(s.speaker).__name__ == "Pyttsx3Speaker"
    assert type(s.store).__name__ == "HistoryStore"
    assert len(s.scenarios) >= 1 and s.scenario("ownership") is not None
    assert isinstance(s.source_factory, MicrophoneFactory)
    assert s.source_factory.device == "Desk Mic"
    src = s.source_factory()
    assert src.device_name == "Desk Mic"  # built, not started: no device opened
    assert s.source_factory(None).device_name is None
    # changed settings rebuild only what they affect
    new = Settings(input_device="USB", model="base.en")
    s2 = s.updated_for(Settings(input_device="Desk Mic"), new)
    assert s2.transcriber is not s.transcriber and s2.transcriber.model_name == "base.en"
    assert s2.source_factory.device == "USB" and s2.store is s.store
    same = s2.updated_for(new, new)
    assert same is s2
    s.store.close()
