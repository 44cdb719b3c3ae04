"""Words as the story reuse detector compares them: light stems, numbers normalised whether said
in digits or in words ("4,100", "four thousand one hundred"), and names (capitalised words inside
a sentence), each with where it was said so the evidence can be quoted."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from mockinterviewer.coach.text import STOPWORDS, stem, word_set
from mockinterviewer.transcript import is_filler

_WORD_RE = re.compile(r"[$£€]?\d[\d,]*(?:\.\d+)?%?[a-z]?|[A-Za-z]+(?:['’][A-Za-z]+)*")
_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
          "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
          "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_PERCENT = {"percent", "per", "percentage"}
# Capitalised words that are not names even mid-sentence.
_NOT_NAMES = word_set(
    """i i'm i've i'd i'll monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december ok okay so and but then
    we our my the a an it that this""")
_EXTRA_STOP = word_set(
    """team teams time times work worked working get got make made one like going went know knew
    think thought said say way thing things people week weeks day days month months year years
    because after before while since other each every same first last next new good well lot
    between during around across through without within another still even only much many""")


@dataclass(frozen=True)
class Token:
    """One word of an answer, as said and as compared.

    Attributes:
        text: the word as it appears (punctuation stripped).
        key: what is compared: a stem, a normalised number ("#4100"), or "" for a stop word.
        name: the word starts with a capital letter and does not start a sentence.
        index: its position among the answer's words.
        start: where it starts in the answer's text.
        end: where it ends in the answer's text.
    """

    text: str
    key: str
    name: bool
    index: int
    start: int = 0
    end: int = 0


def _number_value(raw: str) -> str | None:
    """A digit token's normalised value ("4,100" -> "4100", "38%" -> "38%", "$8k" -> "8000")."""
    t = raw.lower().lstrip("$£€").replace(",", "")
    pct = t.endswith("%")
    t = t.rstrip("%")
    mult = 1
    if t.endswith("k") and t[:-1].replace(".", "", 1).isdigit():
        t, mult = t[:-1], 1000
    elif t.endswith("m") and t[:-1].replace(".", "", 1).isdigit():
        t, mult = t[:-1], 1_000_000
    elif t.endswith("x") and t[:-1].replace(".", "", 1).isdigit():
        t = t[:-1]
    try:
        value = float(t) * mult
    except ValueError:
        return None
    text = f"{value:g}" if value != int(value) else str(int(value))
    return text + ("%" if pct else "")


def tokenize(text: str) -> list[Token]:
    """Splits an answer into compared words: stems, numbers (digits or words) and names.

    Args:
        text: the answer.

    Returns:
        Its tokens; stop words and fillers get an empty key.
    """
    raw = [(m.group(0), m.start()) for m in _WORD_RE.finditer(text.replace("’", "'"))]
    out: list[Token] = []
    i = 0
    while i < len(raw):
        word, pos = raw[i]
        low = word.lower()
        before = text[:pos].rstrip()
        sentence_start = not before or before[-1] in ".!?:;"
        if low in _UNITS or low in _TENS:
            value, j = _spelled_number(raw, i)
            if value is not None:
                said = " ".join(w for w, _ in raw[i:j])
                out.append(Token(said, _pct(f"#{value}", raw, j), False, len(out), pos,
                                 raw[j - 1][1] + len(raw[j - 1][0])))
                i = j + (1 if _is_pct(raw, j) else 0)
                continue
        if word[0].isdigit() or word[0] in "$£€":
            value_text = _number_value(word)
            if value_text is not None:
                key = f"#{value_text}"
                if not key.endswith("%") and _is_pct(raw, i + 1):
                    key += "%"
                    i += 1
                out.append(Token(word, key, False, len(out), pos, pos + len(word)))
                i += 1
                continue
        is_name = (word[0].isupper() and not sentence_start and low not in _NOT_NAMES
                   and len(word) > 1)
        stop = low in STOPWORDS or low in _EXTRA_STOP or is_filler(low) or len(low) < 3
        out.append(Token(word, "" if stop and not is_name else stem(low), is_name, len(out), pos,
                         pos + len(word)))
        i += 1
    return out


def _is_pct(raw: Sequence[tuple[str, int]], j: int) -> bool:
    return j < len(raw) and raw[j][0].lower() in _PERCENT and (
        raw[j][0].lower() != "per" or (j + 1 < len(raw) and raw[j + 1][0].lower() == "cent"))


def _pct(key: str, raw: Sequence[tuple[str, int]], j: int) -> str:
    return key + "%" if _is_pct(raw, j) else key


def _spelled_number(raw: Sequence[tuple[str, int]], i: int) -> tuple[int | None, int]:
    """Reads "four thousand one hundred" from ``raw[i]``; returns (value, index after it)."""
    total, current, j, seen = 0, 0, i, False
    while j < len(raw):
        w = raw[j][0].lower()
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _SCALES and seen:
            if _SCALES[w] == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * _SCALES[w]
                current = 0
        elif w == "and" and seen and j + 1 < len(raw) and (
                raw[j + 1][0].lower() in _UNITS or raw[j + 1][0].lower() in _TENS):
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None, i + 1
    return total + current, j
