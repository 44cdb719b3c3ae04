"""Small text tools for spoken English: tokens, a light stemmer, numbers said as words."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mockinterviewer.transcript import Word, is_filler

WORDS_PER_SECOND_READ = 2.5  # 150 words a minute: the pace assumed for written answers

def word_set(words: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words of a string."""
    return frozenset(words.split())


_TOKEN_RE = re.compile(r"[$£€]?\d[\d,.]*%?|[a-z]+(?:['’][a-z]+)*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;]['\")\]]*$")

NUMBER_WORDS = word_set(
    """zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions billion percent percentage doubled
    halved tripled tenfold twofold threefold quadrupled dozen dozens"""
)
# "one" and "half" count only next to a unit ("one hour", "half the time").
_SOFT_NUMBERS = frozenset({"one", "half", "twice", "double", "triple", "single"})
_FRACTIONS = frozenset({"third", "thirds", "quarter", "quarters", "half", "fifth", "tenth"})
_UNITS = word_set(
    """percent percentage hour hours minute minutes second seconds day days week weeks month months
    year years times x dollars dollar k ms millisecond milliseconds customers users requests people
    engineers teams tickets incidents pages the"""
)

PRONOUNS_I = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself"})
PRONOUNS_WE = frozenset({"we", "we're", "we've", "we'd", "we'll", "us", "our", "ours", "ourselves"})
SUBJECT_I = frozenset({"i", "i'm", "i've", "i'd", "i'll"})
SUBJECT_WE = frozenset({"we", "we're", "we've", "we'd", "we'll"})

STOPWORDS = word_set(
    """a an the and or but so to of in on at for with by from as is was were be been being are it
    its this that these those there their them they he she his her i me my we us our you your um
    uh er ah had has have do did does not no just then than very really also about into out up over
    which who what when where how all any some more most can could would should will"""
)


def clean(token: str) -> str:
    """Lower-cases a token and strips surrounding punctuation ("Team's," -> "team's")."""
    t = token.strip().lower().replace("’", "'")
    return t.strip(".,!?;:-\"()[]…—–")


def tokens(text: str) -> list[str]:
    """Splits text into lower-case tokens; numbers keep their %, $ and decimal point."""
    out = []
    text = re.sub(r"\bno[- ]one\b", "nobody", text.replace("’", "'"), flags=re.IGNORECASE)
    for m in _TOKEN_RE.finditer(text):
        t = m.group(0).lower().rstrip(".,")
        if t:
            out.append(t)
    return out


_LEMMAS = {
    "took": "take", "taken": "take", "wrote": "write", "written": "write", "built": "build",
    "ran": "run", "found": "find", "made": "make", "saw": "see", "seen": "see", "went": "go",
    "gone": "go", "gave": "give", "given": "give", "brought": "bring", "told": "tell",
    "led": "lead", "sent": "send", "thought": "think", "knew": "know", "began": "begin",
    "begun": "begin", "chose": "choose", "chosen": "choose", "fell": "fall", "grew": "grow",
    "kept": "keep", "spent": "spend", "met": "meet", "paid": "pay", "said": "say", "did": "do",
    "done": "do", "had": "have", "has": "have", "was": "be", "were": "be", "is": "be", "are": "be",
    "nobody": "noone", "ownership": "own", "owner": "own", "owned": "own", "owns": "own",
    "learnt": "learn", "fixes": "fix", "analysed": "analyz", "analyzed": "analyz",
}


def stem(token: str) -> str:
    """A light suffix-stripping stemmer: "tracing", "traced", "traces" -> "trac".

    Args:
        token: a lower-case token.

    Returns:
        Its stem (the token itself for short words and numbers).
    """
    t = token.lower().replace("'", "")
    t = _LEMMAS.get(t, t)
    if len(t) <= 3 or not t.isalpha():
        return t
    for suffix in ("ational", "ization", "fulness", "iveness", "ations", "ation", "ments", "ment",
                   "ingly", "ings", "ing", "edly", "ies", "ied", "ers", "er", "ed", "es", "ly",
                   "s", "e", "y"):
        if t.endswith(suffix) and len(t) - len(suffix) >= 3:
            t = t[: -len(suffix)]
            break
    if len(t) > 3 and t[-1] == t[-2] and t[-1] not in "aeiousl":
        t = t[:-1]
    return t


def content_stems(text: str) -> list[str]:
    """Stems of the non-stopword tokens of ``text``."""
    return [stem(t) for t in tokens(text) if t not in STOPWORDS and not is_filler(t)]


def is_number_token(toks: Sequence[str], i: int) -> bool:
    """Tells whether ``toks[i]`` expresses a quantity ("42", "3.5%", "forty", "doubled").

    Args:
        toks: lower-case tokens.
        i: the index to test.

    Returns:
        True for digits, number words, and soft number words next to a unit.
    """
    t = toks[i]
    if any(c.isdigit() for c in t):
        return True
    if t in NUMBER_WORDS:
        return True
    prev = toks[i - 1] if i > 0 else ""
    if t in _FRACTIONS and prev in {"a", "one", "two", "by", "about", "roughly", "nearly"}:
        return True
    if t in _SOFT_NUMBERS:
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        return nxt in _UNITS or (t in {"twice", "double", "triple"} and nxt in {"as", "the"})
    return False


def has_number(text: str) -> bool:
    """Tells whether a text states a quantity, in digits or in words."""
    toks = tokens(text)
    return any(is_number_token(toks, i) for i in range(len(toks)))


def first_number_span(text: str) -> str:
    """Returns the first few words around the first quantity in ``text`` ("" if none)."""
    toks = text.split()
    low = [clean(t) for t in toks]
    for i in range(len(low)):
        if low[i] and is_number_token(low, i):
            return " ".join(toks[max(0, i - 3): i + 4])
    return ""


def ends_sentence(word: str) -> bool:
    """Tells whether a transcribed word closes a sentence."""
    return bool(_SENTENCE_END.search(word.strip()))


def words_from_text(text: str, words_per_second: float = WORDS_PER_SECOND_READ) -> tuple[Word, ...]:
    """Turns written text into words with estimated times (for written answers).

    Args:
        text: the text; paragraph breaks become a short pause.
        words_per_second: assumed speaking pace.

    Returns:
        Words at ``1 / words_per_second`` seconds each.
    """
    step = 1.0 / max(words_per_second, 0.1)
    out: list[Word] = []
    t = 0.0
    for para in re.split(r"\n\s*\n", text):
        for raw in para.split():
            out.append(Word(raw, round(t, 3), round(t + step * 0.9, 3), filler=is_filler(raw)))
            t += step
        if out:
            t += step  # a breath between paragraphs
    return tuple(out)


def join(words: Sequence[Word]) -> str:
    """Joins words into text."""
    return " ".join(w.word.strip() for w in words if w.word.strip())
