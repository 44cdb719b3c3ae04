"""Normal use of grammar-word phrases, the yardstick for "repeated far above normal use".

The baseline counts every 1-4-word phrase made only of function and discourse words (see
:mod:`~mockinterviewer.coach.language_lexicon`) in the labelled written answers
(``coach/corpus/answers-w*.jsonl``, every register but ``rambling``, whose speakers have pet
phrases on purpose), as a rate per 1,000 words. It ships as ``coach/model/language-baseline.json``;
rebuild it with ``python -m mockinterviewer.coach.language_baseline`` after the corpus changes.
"""

from __future__ import annotations

import functools
import json
import logging
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from mockinterviewer.coach.language_lexicon import DISCOURSE, FUNCTION
from mockinterviewer.coach.text import clean
from mockinterviewer.transcript import is_filler

log = logging.getLogger(__name__)

BASELINE_FILE = Path(__file__).resolve().parent / "model" / "language-baseline.json"
CORPUS_GLOB = "answers-w*.jsonl"
MAX_N = 4
MIN_COUNT = 2  # phrases seen less often are left out (their rate reads as zero)


def spoken_tokens(words: Iterable[str]) -> list[str]:
    """The cleaned tokens of the words, hesitations left out."""
    return [t for t in (clean(w) for w in words) if t and not is_filler(t)]


def is_grammar(tok: str) -> bool:
    """Whether a token is a function or discourse word (not content)."""
    return tok in FUNCTION or tok in DISCOURSE


def compute_baseline(texts: Iterable[str]) -> dict[str, float]:
    """Rates per 1,000 words of the grammar-word phrases in ``texts``.

    Args:
        texts: answers.

    Returns:
        Phrase -> rate per 1,000 words (phrases seen at least :data:`MIN_COUNT` times).
    """
    counts: Counter[str] = Counter()
    total = 0
    for text in texts:
        seq = spoken_tokens(text.split())
        total += len(seq)
        for n in range(1, MAX_N + 1):
            for i in range(len(seq) - n + 1):
                g = seq[i: i + n]
                if all(is_grammar(t) for t in g):
                    counts[" ".join(g)] += 1
    if not total:
        return {}
    return {g: round(1000.0 * c / total, 4) for g, c in sorted(counts.items()) if c >= MIN_COUNT}


def corpus_texts(folder: Path | None = None) -> list[str]:
    """The baseline's answers: every labelled written answer but the rambling register."""
    from mockinterviewer.coach.corpus import CORPUS_DIR

    out = []
    for path in sorted((folder or CORPUS_DIR).glob(CORPUS_GLOB)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            d = json.loads(line)
            if d.get("register") != "rambling":
                out.append(" ".join(str(t) for _, t in d.get("parts", ())))
    return out


@functools.lru_cache(maxsize=1)
def baseline() -> dict[str, float]:
    """The shipped baseline (empty, with a warning, when the file is missing or damaged)."""
    try:
        data = json.loads(BASELINE_FILE.read_text(encoding="utf-8"))
        return {str(k): float(v) for k, v in data.items()}
    except (OSError, ValueError, AttributeError):
        log.warning("language baseline %s unreadable; every repeated phrase counts", BASELINE_FILE)
        return {}


def main() -> None:
    """Rebuilds the shipped baseline from the corpus."""
    rates = compute_baseline(corpus_texts())
    BASELINE_FILE.write_text(json.dumps(rates, indent=0, sort_keys=True) + "\n",
                             encoding="utf-8")
    print(f"{len(rates)} phrases -> {BASELINE_FILE}")


if __name__ == "__main__":
    main()
