"""``mockinterviewer transcribe`` gives the same words for the same file, however busy the machine.

The real model, in a fresh process each time: on an idle machine, while two processes burn every
core, and pinned to one core (``taskset -c 0``). Before NumPy's BLAS was pinned to one thread the
log-mel features depended on the number of cores, and the words could change with them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pulse import espeak_wav

pytestmark = pytest.mark.slow

ANSWER = ("Last spring our checkout service failed during the evening peak.|I was on call, so "
          "I looked at the dashboards and rolled the release back.|Within ten minutes the "
          "errors dropped, and the next day we fixed the retry logic.")
BURN = "while True:\n    pass\n"


def _words(wav: Path, out: Path, prefix: list[str] | None = None) -> list[list[object]]:
    cmd = [*(prefix or []), sys.executable, "-m", "mockinterviewer", "transcribe", str(wav),
           "--json", str(out)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)
    doc = json.loads(out.read_text(encoding="utf-8"))
    return [[w["word"], w["start"], w["end"], w["filler"]] for w in doc["words"]]


def test_same_words_idle_under_load_and_on_one_core(tmp_path: Path) -> None:
    wav = espeak_wav(ANSWER, tmp_path / "answer.wav", gap=0.8)
    idle = _words(wav, tmp_path / "idle.json")
    assert len(idle) > 20
    burners = [subprocess.Popen([sys.executable, "-c", BURN]) for _ in range(2)]
    try:
        loaded = _words(wav, tmp_path / "loaded.json")
    finally:
        for proc in burners:
            proc.kill()
            proc.wait()
    assert loaded == idle
    if shutil.which("taskset") is None:
        pytest.skip("taskset is not installed (the idle and loaded runs agreed)")
    pinned = _words(wav, tmp_path / "pinned.json", ["taskset", "-c", "0"])
    assert pinned == idle
