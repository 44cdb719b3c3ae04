"""Speech out: questions rendered to WAV by a TTS engine and played through our own Player.

Render-then-play (instead of the engine's own playback) makes speech stoppable, device-selectable,
cacheable and testable. If no engine works, :data:`NO_TTS_MESSAGE` tells the user once and the app
shows questions as text.
"""

from mockinterviewer.tts.base import NO_TTS_MESSAGE, Speaker, TtsError, Voice
from mockinterviewer.tts.pyttsx3_speaker import Pyttsx3Speaker

__all__ = ["NO_TTS_MESSAGE", "Pyttsx3Speaker", "Speaker", "TtsError", "Voice"]
