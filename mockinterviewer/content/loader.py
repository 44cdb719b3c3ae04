"""Loads and validates scenario files.

Every problem is reported with the file, the field path and what is wrong, e.g.
``content/ownership.toml: segments[2].target_seconds: expected a positive number, got "ninety"``.
One broken file never stops the others from loading.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mockinterviewer.content.model import (
    DIFFICULTIES,
    LEVELS,
    PRINCIPLES,
    SEGMENT_LABELS,
    WEAKNESS_TAGS,
    Fact,
    Level,
    PracticeQuestion,
    Probe,
    RelatedPrinciple,
    Scenario,
    SegmentSpec,
    WeakAnswer,
    is_kebab,
)
from mockinterviewer.content.writer import scenario_to_toml

log = logging.getLogger(__name__)

__all__ = ["ContentError", "LoadReport", "load_all", "load_scenario", "parse_scenario",
           "scenario_to_toml"]

VERDICTS = ("Strong Hire", "Hire", "Leaning No Hire", "No Hire")
MAX_SECONDS = 24 * 3600  # a target or budget beyond a day is a typo


class ContentError(Exception):
    """A scenario file that cannot be used; ``errors`` lists every problem found."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class LoadReport:
    """The outcome of loading a set of files: the good scenarios and every error."""

    scenarios: tuple[Scenario, ...] = field(default_factory=tuple)
    errors: tuple[str, ...] = field(default_factory=tuple)

    def by_id(self, ident: str) -> Scenario | None:
        """Finds a scenario by its id, or by its principle id when no id matches."""
        for s in self.scenarios:
            if s.id == ident:
                return s
        return next((s for s in self.scenarios if s.principle_id == ident), None)


def _printable(text: str) -> str:
    """Escapes line breaks and other control characters so that a message stays on one line."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def _describe(value: object) -> str:
    if isinstance(value, str):
        value = _printable(value)
        return f'"{value}"' if len(value) < 40 else f'"{value[:37]}..."'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return repr(value)


class _Checker:
    """Reads fields out of nested dicts, recording an error for each bad one."""

    def __init__(self, where: str) -> None:
        self.where = _printable(where)
        self.errors: list[str] = []

    def err(self, path: str, problem: str) -> None:
        prefix = f"{self.where}: {_printable(path)}" if path else self.where
        self.errors.append(f"{prefix}: {problem}")

    def text(self, d: dict[str, Any], key: str, path: str, required: bool = True) -> str:
        full = f"{path}.{key}" if path else key
        if key not in d:
            if required:
                self.err(full, "missing required field")
            return ""
        v = d[key]
        if not isinstance(v, str):
            self.err(full, f"expected text, got {_describe(v)}")
            return ""
        if required and not v.strip():
            self.err(full, "must not be empty")
        return " ".join(v.split()) if "\n\n" not in v else v.strip()

    def number(self, d: dict[str, Any], key: str, path: str) -> float:
        full = f"{path}.{key}" if path else key
        if key not in d:
            self.err(full, "missing required field")
            return 0.0
        v = d[key]
        if isinstance(v, bool) or not isinstance(v, int | float) or v <= 0:
            self.err(full, f"expected a positive number, got {_describe(v)}")
            return 0.0
        if not v <= MAX_SECONDS:  # nan and inf are TOML floats; a huge integer overflows a float
            self.err(full, f"expected at most {MAX_SECONDS} seconds, got "
                     + (_describe(v) if not isinstance(v, int) or v < 10**12 else "a huge number"))
            return 0.0
        return float(v)

    def texts(
        self, d: dict[str, Any], key: str, path: str, minimum: int = 1, required: bool = True
    ) -> tuple[str, ...]:
        full = f"{path}.{key}" if path else key
        if key not in d:
            if required:
                self.err(full, "missing required field")
            return ()
        v = d[key]
        if not isinstance(v, list):
            self.err(full, f"expected a list of text, got {_describe(v)}")
            return ()
        out: list[str] = []
        for i, item in enumerate(v):
            if not isinstance(item, str) or not item.strip():
                self.err(f"{full}[{i}]", f"expected non-empty text, got {_describe(item)}")
            else:
                out.append(" ".join(item.split()))
        if len(v) < minimum:
            self.err(full, f"expected at least {minimum} entries, got {len(v)}")
        return tuple(out)

    def tables(self, d: dict[str, Any], key: str, path: str,
               required: bool) -> list[dict[str, Any]]:
        full = f"{path}.{key}" if path else key
        if key not in d:
            if required:
                self.err(full, "missing required field")
            return []
        v = d[key]
        if not isinstance(v, list) or not all(isinstance(x, dict) for x in v):
            self.err(full, f"expected a list of tables, got {_describe(v)}")
            return []
        return v


def parse_scenario(data: dict[str, Any], where: str = "<data>") -> Scenario:
    """Validates parsed TOML data and builds a :class:`Scenario`.

    Built-in scenarios (``kind = "scenario"``) must carry levels, probes, a weak answer, related
    principles and practice questions; a user's story (``kind = "story"``) needs only its identity,
    prompts and segments.

    Args:
        data: the parsed file.
        where: the file name used in error messages.

    Returns:
        The scenario.

    Raises:
        ContentError: listing every problem found.
    """
    c = _Checker(where)
    if not isinstance(data, dict):
        raise ContentError([f"{where}: expected a table at the top level"])
    kind = data.get("kind", "scenario")
    if kind not in ("scenario", "story"):
        c.err("kind", f'expected "scenario" or "story", got {_describe(kind)}')
        kind = "scenario"
    full = kind == "scenario"

    ident = c.text(data, "id", "")
    if ident and not is_kebab(ident):
        c.err("id", f"expected a kebab-case id like customer-obsession, got {_describe(ident)}")
    principle = c.text(data, "principle", "")
    title = c.text(data, "title", "")
    prompts = c.texts(data, "prompts", "", minimum=1)
    overview = c.text(data, "overview", "", required=full)
    summary = c.text(data, "summary", "", required=full)
    domain = c.text(data, "domain", "", required=False)

    segments: list[SegmentSpec] = []
    seg_tables = c.tables(data, "segments", "", required=True)
    seen: set[str] = set()
    for i, s in enumerate(seg_tables):
        p = f"segments[{i}]"
        label = c.text(s, "label", p)
        if label and label not in SEGMENT_LABELS:
            c.err(f"{p}.label", f"unknown segment label {_describe(label)}; expected one of "
                  + ", ".join(SEGMENT_LABELS))
        elif label in seen:
            c.err(f"{p}.label", f"segment {_describe(label)} appears twice")
        seen.add(label)
        segments.append(
            SegmentSpec(
                label=label,
                target_seconds=c.number(s, "target_seconds", p),
                strong_example=c.text(s, "strong_example", p),
                signal_phrases=c.texts(s, "signal_phrases", p, minimum=1 if full else 0,
                                       required=full),
                coaching=c.text(s, "coaching", p, required=full),
                common_mistake=c.text(s, "common_mistake", p, required=full),
            )
        )
    order = [s.label for s in segments if s.label in SEGMENT_LABELS]
    if seg_tables and order != [lb for lb in SEGMENT_LABELS if lb in order]:
        c.err("segments", "segments must be in the order " + ", ".join(SEGMENT_LABELS))
    if seg_tables and len(set(order)) != len(SEGMENT_LABELS) and not c.errors:
        missing = [lb for lb in SEGMENT_LABELS if lb not in order]
        c.err("segments", "missing segment(s): " + ", ".join(missing))

    levels: list[Level] = []
    lv_data = data.get("levels")
    if lv_data is None:
        if full:
            c.err("levels", "missing required field")
    elif not isinstance(lv_data, dict):
        c.err("levels", f"expected a table, got {_describe(lv_data)}")
    else:
        for key in lv_data:
            if key not in LEVELS:
                c.err(f"levels.{key}", "unknown level; expected sde1, sde2 or senior")
        for lid in LEVELS:
            t = lv_data.get(lid)
            if t is None:
                if full:
                    c.err(f"levels.{lid}", "missing required field")
                continue
            if not isinstance(t, dict):
                c.err(f"levels.{lid}", f"expected a table, got {_describe(t)}")
                continue
            p = f"levels.{lid}"
            levels.append(Level(lid, c.text(t, "focus", p), c.text(t, "reflection", p),
                                c.text(t, "bar", p), c.number(t, "budget_seconds", p)))

    probes: list[Probe] = []
    probe_ids: set[str] = set()
    for i, t in enumerate(c.tables(data, "probes", "", required=full)):
        p = f"probes[{i}]"
        pid = c.text(t, "id", p)
        if pid and not is_kebab(pid):
            c.err(f"{p}.id", f"expected a kebab-case id, got {_describe(pid)}")
        if pid in probe_ids:
            c.err(f"{p}.id", f"duplicate probe id {_describe(pid)}")
        probe_ids.add(pid)
        tags = c.texts(t, "tags", p, minimum=1)
        for j, tag in enumerate(tags):
            if tag not in WEAKNESS_TAGS:
                c.err(f"{p}.tags[{j}]", f"unknown weakness tag {_describe(tag)}; known tags: "
                      + ", ".join(sorted(WEAKNESS_TAGS)))
        tested = c.text(t, "principle", p, required=False)
        if tested and tested not in PRINCIPLES:
            c.err(f"{p}.principle", f"unknown principle {_describe(tested)}; expected one of "
                  + "; ".join(PRINCIPLES))
        probes.append(Probe(pid, c.text(t, "question", p), c.text(t, "assesses", p), tags,
                            c.text(t, "weak_answer", p), c.text(t, "weak_why", p),
                            c.text(t, "strong_answer", p), c.text(t, "key_line", p), tested))

    weak: WeakAnswer | None = None
    w = data.get("weak_answer")
    if w is None:
        if full:
            c.err("weak_answer", "missing required field")
    elif not isinstance(w, dict):
        c.err("weak_answer", f"expected a table, got {_describe(w)}")
    else:
        verdict = c.text(w, "verdict", "weak_answer")
        if verdict and verdict not in VERDICTS:
            c.err("weak_answer.verdict", f"expected one of {', '.join(VERDICTS)}, got "
                  + _describe(verdict))
        weak = WeakAnswer(c.text(w, "text", "weak_answer"),
                          c.texts(w, "flaws", "weak_answer", minimum=1),
                          c.text(w, "bar_raiser", "weak_answer"), verdict)

    related = [
        RelatedPrinciple(*(c.text(t, key, f"related[{i}]")
                           for key in ("principle", "pitch", "emphasize", "downplay")))
        for i, t in enumerate(c.tables(data, "related", "", required=full))
    ]

    practice: list[PracticeQuestion] = []
    for i, t in enumerate(c.tables(data, "practice", "", required=full)):
        p = f"practice[{i}]"
        diff = c.text(t, "difficulty", p)
        if diff and diff not in DIFFICULTIES:
            c.err(f"{p}.difficulty", f"expected easy, medium or hard, got {_describe(diff)}")
        options = c.texts(t, "options", p, minimum=2)
        answer = t.get("answer")
        index = -1
        if answer is None:
            c.err(f"{p}.answer", "missing required field")
        elif isinstance(answer, str) and len(answer) == 1 and answer.upper() in "ABCDEFGH":
            index = "ABCDEFGH".index(answer.upper())
            if index >= len(options) and options:
                c.err(f"{p}.answer", f"answer {answer} is not among the {len(options)} options")
        else:
            c.err(f"{p}.answer", f"expected an option letter like \"B\", got {_describe(answer)}")
        practice.append(PracticeQuestion(diff, c.text(t, "prompt", p), options, max(index, 0),
                                         c.texts(t, "steps", p, minimum=1), c.text(t, "hint", p)))

    facts = [Fact(c.text(t, "value", f"facts[{i}]"), c.texts(t, "cues", f"facts[{i}]"))
             for i, t in enumerate(c.tables(data, "facts", "", required=False))]

    known = {"id", "kind", "principle", "title", "prompts", "overview", "summary", "domain",
             "segments", "levels", "probes", "weak_answer", "related", "practice", "facts"}
    for key in data:
        if key not in known:
            c.err(str(key), "unknown field")

    if c.errors:
        raise ContentError(c.errors)
    return Scenario(
        id=ident, principle=principle, title=title, prompts=prompts, overview=overview,
        summary=summary, segments=tuple(segments), levels=tuple(levels), probes=tuple(probes),
        weak_answer=weak, related=tuple(related), practice=tuple(practice), facts=tuple(facts),
        domain=domain,
        kind=kind, source=where,
    )


def load_scenario(path: Path) -> Scenario:
    """Reads and validates one scenario file.

    Args:
        path: a ``.toml`` file.

    Returns:
        The scenario.

    Raises:
        ContentError: the file cannot be read, is not valid TOML, or fails validation.
    """
    where = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError([f"{where}: cannot read the file ({exc.strerror or exc})"]) from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ContentError([f"{where}: not UTF-8 text"]) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ContentError([f"{where}: invalid TOML: {exc}"]) from exc
    return parse_scenario(data, where)


def _expand(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(p.glob("*.toml")))
        else:
            files.append(p)
    return files


def load_all(paths: Iterable[Path]) -> LoadReport:
    """Loads every scenario file in the given files and folders.

    A broken file is reported and skipped; the rest still load. A duplicate id is an error on the
    later file.

    Args:
        paths: files or folders (folders are searched for ``*.toml``).

    Returns:
        The scenarios and every error, one message per problem.
    """
    scenarios: list[Scenario] = []
    errors: list[str] = []
    ids: dict[str, str] = {}
    for f in _expand(paths):
        try:
            s = load_scenario(f)
        except ContentError as exc:
            errors.extend(exc.errors)
            continue
        if s.id in ids:
            errors.append(f"{f}: id: duplicate id \"{s.id}\" (already used by {ids[s.id]})")
            continue
        ids[s.id] = str(f)
        scenarios.append(s)
    for e in errors:
        log.warning("content: %s", e)
    return LoadReport(tuple(scenarios), tuple(errors))
