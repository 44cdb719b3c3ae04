"""Writes a scenario back in the ``content/`` file format (the reverse of the loader)."""

from __future__ import annotations

from collections.abc import Iterable

from mockinterviewer.content.model import Scenario

_TOML_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\b": "\\b", "\f": "\\f"}


def _toml_char(ch: str) -> str:
    if ch in _TOML_ESCAPES:
        return _TOML_ESCAPES[ch]
    if (ord(ch) < 0x20 and ch != "\t") or ord(ch) == 0x7F:  # TOML forbids raw control characters
        return f"\\u{ord(ch):04x}"
    return ch


def _toml_str(value: str) -> str:
    return '"' + "".join(_toml_char(ch) for ch in value) + '"'


def _toml_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(_toml_str(v) for v in values) + "]"


def scenario_to_toml(s: Scenario) -> str:
    """Writes a scenario (typically a user's story) in the ``content/`` file format.

    Args:
        s: the scenario.

    Returns:
        TOML text that :func:`parse_scenario` reads back to an equal scenario.
    """
    out = [f"id = {_toml_str(s.id)}", f"kind = {_toml_str(s.kind)}",
           f"principle = {_toml_str(s.principle)}", f"title = {_toml_str(s.title)}"]
    if s.domain:
        out.append(f"domain = {_toml_str(s.domain)}")
    out.append(f"prompts = {_toml_list(s.prompts)}")
    if s.overview:
        out.append(f"overview = {_toml_str(s.overview)}")
    if s.summary:
        out.append(f"summary = {_toml_str(s.summary)}")
    for seg in s.segments:
        out += ["", "[[segments]]", f"label = {_toml_str(seg.label)}",
                f"target_seconds = {seg.target_seconds:g}",
                f"strong_example = {_toml_str(seg.strong_example)}",
                f"signal_phrases = {_toml_list(seg.signal_phrases)}"]
        if seg.coaching:
            out.append(f"coaching = {_toml_str(seg.coaching)}")
        if seg.common_mistake:
            out.append(f"common_mistake = {_toml_str(seg.common_mistake)}")
    for lv in s.levels:
        out += ["", f"[levels.{lv.id}]", f"focus = {_toml_str(lv.focus)}",
                f"reflection = {_toml_str(lv.reflection)}", f"bar = {_toml_str(lv.bar)}",
                f"budget_seconds = {lv.budget_seconds:g}"]
    for p in s.probes:
        out += ["", "[[probes]]", f"id = {_toml_str(p.id)}", f"question = {_toml_str(p.question)}",
                f"assesses = {_toml_str(p.assesses)}", f"tags = {_toml_list(p.tags)}",
                f"weak_answer = {_toml_str(p.weak_answer)}", f"weak_why = {_toml_str(p.weak_why)}",
                f"strong_answer = {_toml_str(p.strong_answer)}",
                f"key_line = {_toml_str(p.key_line)}"]
        if p.principle:
            out.append(f"principle = {_toml_str(p.principle)}")
    if s.weak_answer:
        w = s.weak_answer
        out += ["", "[weak_answer]", f"text = {_toml_str(w.text)}",
                f"flaws = {_toml_list(w.flaws)}", f"bar_raiser = {_toml_str(w.bar_raiser)}",
                f"verdict = {_toml_str(w.verdict)}"]
    for r in s.related:
        out += ["", "[[related]]", f"principle = {_toml_str(r.principle)}",
                f"pitch = {_toml_str(r.pitch)}", f"emphasize = {_toml_str(r.emphasize)}",
                f"downplay = {_toml_str(r.downplay)}"]
    for fact in s.facts:
        out += ["", "[[facts]]", f"value = {_toml_str(fact.value)}",
                f"cues = {_toml_list(fact.cues)}"]
    for q in s.practice:
        out += ["", "[[practice]]", f"difficulty = {_toml_str(q.difficulty)}",
                f"prompt = {_toml_str(q.prompt)}", f"options = {_toml_list(q.options)}",
                f"answer = {_toml_str(q.answer_letter)}", f"steps = {_toml_list(q.steps)}",
                f"hint = {_toml_str(q.hint)}"]
    return "\n".join(out) + "\n"
