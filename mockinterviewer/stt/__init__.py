"""Speech to text: faster-whisper with word timestamps, streaming by voice activity, fillers.

Nothing here imports Qt. Heavy modules (faster-whisper) are imported only when used.
"""

from mockinterviewer.stt.base import SAMPLE_RATE, Transcriber

__all__ = ["SAMPLE_RATE", "Transcriber"]
