"""Speech to text: faster-whisper with word timestamps, streaming by voice activity, fillers.

Nothing here imports Qt. Heavy modules (faster-whisper) are imported only when used.
"""

from mockinterviewer.stt.base import SAMPLE_RATE, Transcriber
from mockinterviewer.stt.malloc_env import limit_malloc_arenas
from mockinterviewer.stt.onnx_env import keep_onnxruntime_offline

keep_onnxruntime_offline()  # before anything here imports onnxruntime (the Silero VAD)
limit_malloc_arenas()  # before the transcription threads start

__all__ = ["SAMPLE_RATE", "Transcriber"]
