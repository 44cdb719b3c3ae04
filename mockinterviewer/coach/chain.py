"""The best path through the STAR chain: plain, or one that must visit some parts.

The decoder's Viterbi pass picks the single likeliest labelling. When a part's probability of
being present (summed over every labelling) is high but the likeliest single labelling still skips
it, the mass is spread over many ways of placing the part, and the skip is what the speaker hears
as "you had no Task" about an answer that had one. :func:`best_path` then finds the likeliest
labelling that does contain the part.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def best_path(em: np.ndarray, start: np.ndarray, trans: np.ndarray, end: np.ndarray,
              state_bits: Sequence[int] | None = None) -> list[int] | None:
    """Viterbi over chain states, optionally required to visit marked states.

    Args:
        em: (units, states) log emission scores.
        start: per state, the log score of opening the run.
        trans: (states, states) log transition scores (-inf where not allowed).
        end: per state, the log score of closing the run.
        state_bits: per state, a bit for the required part it belongs to (0 for none). Every
            bit used must be visited by the path. None: no requirement.

    Returns:
        A state per unit, or None when no allowed path visits every required part.
    """
    n, s_count = em.shape
    bits = np.zeros(s_count, dtype=int) if state_bits is None else np.asarray(state_bits)
    full = int(np.bitwise_or.reduce(bits)) if s_count else 0
    masks = full + 1
    score = np.full((masks, s_count), -np.inf)
    for st in range(s_count):
        score[bits[st], st] = start[st] + em[0, st]
    back_mask = np.zeros((n, masks, s_count), dtype=int)
    back_state = np.zeros((n, masks, s_count), dtype=int)
    for t in range(1, n):
        new = np.full((masks, s_count), -np.inf)
        for m in range(masks):
            if not np.isfinite(score[m]).any():
                continue
            cand = score[m][:, None] + trans
            prev = np.argmax(cand, axis=0)
            best = cand[prev, np.arange(s_count)] + em[t]
            for st in range(s_count):
                m2 = m | int(bits[st])
                if best[st] > new[m2, st]:
                    new[m2, st] = best[st]
                    back_mask[t, m2, st] = m
                    back_state[t, m2, st] = prev[st]
        score = new
    final = score[full] + end
    if full and not np.isfinite(final).any():
        return None
    s = int(np.argmax(final))
    m = full
    states = [s]
    for t in range(n - 1, 0, -1):
        s, m = int(back_state[t, m, s]), int(back_mask[t, m, s])
        states.append(s)
    states.reverse()
    return states
