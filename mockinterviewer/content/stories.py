"""The user's own stories: save, load, import, export and delete them (no Qt).

A story is a scenario file with ``kind = "story"`` kept in ``app_paths().stories``, one
``<id>.toml`` per story, in the same format as ``content/``. It is rehearsed like any scenario: the
user's own sentences are each segment's strong example. Every write is atomic (a temporary file in
the same folder, then a rename), so a failed save or import never leaves half a file behind, and a
file is checked by reading it back with the content loader before it replaces anything.
"""

from __future__ import annotations

import logging
import os
import tempfile
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from mockinterviewer.content.loader import (
    ContentError,
    LoadReport,
    load_all,
    load_scenario,
    parse_scenario,
    scenario_to_toml,
)
from mockinterviewer.content.model import SEGMENT_LABELS, Scenario, SegmentSpec, is_kebab, kebab
from mockinterviewer.errors import UserError
from mockinterviewer.paths import app_paths, content_dir, ensure

log = logging.getLogger(__name__)

# The sixteen Amazon Leadership Principles, in their usual order.
PRINCIPLES: tuple[str, ...] = (
    "Customer Obsession", "Ownership", "Invent and Simplify", "Are Right, A Lot",
    "Learn and Be Curious", "Hire and Develop the Best", "Insist on the Highest Standards",
    "Think Big", "Bias for Action", "Frugality", "Earn Trust", "Dive Deep",
    "Have Backbone; Disagree and Commit", "Deliver Results", "Strive to be Earth's Best Employer",
    "Success and Scale Bring Broad Responsibility",
)

# Segment targets (seconds) when no built-in scenario exists for the story's principle.
DEFAULT_TARGETS: dict[str, float] = {
    "situation": 30.0, "task": 20.0, "action": 90.0, "result": 20.0, "reflection": 15.0}

# Story files are a few kilobytes; anything far larger is not a story.
MAX_STORY_BYTES = 1_000_000

CONFLICT_CHOICES: tuple[str, ...] = ("error", "rename", "replace")


class StoryError(UserError):
    """A story that cannot be saved, imported or exported; ``errors`` lists every problem.

    ``str()`` gives one line (problems joined with "; ") so the command line can print it as a
    single ``error:`` line; a dialog can list ``errors`` one per line.
    """

    def __init__(self, summary: str, errors: Iterable[str] = ()) -> None:
        self.summary = summary
        self.errors = list(errors)
        super().__init__(summary + (": " + "; ".join(self.errors) if self.errors else ""))


@dataclass(frozen=True)
class SegmentDraft:
    """One STAR segment as the user wrote it.

    Attributes:
        label: situation, task, action, result or reflection.
        text: the user's own sentences for this segment.
        target_seconds: how long to spend on it.
        signal_phrases: short phrases an interviewer should hear (may be empty).
    """

    label: str
    text: str
    target_seconds: float
    signal_phrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoryDraft:
    """A story as typed into the editor, before it is checked.

    Attributes:
        principle: the Leadership Principle it answers.
        title: a short title.
        prompts: question phrasings it answers.
        segments: one draft per STAR segment.
        story_id: the id of the story being edited ("" for a new story).
    """

    principle: str
    title: str
    prompts: tuple[str, ...]
    segments: tuple[SegmentDraft, ...] = field(default_factory=tuple)
    story_id: str = ""


def stories_dir() -> Path:
    """Returns the folder holding the user's stories (not created here)."""
    return app_paths().stories


def _builtins() -> LoadReport:
    return load_all([content_dir()])


def builtin_for(principle: str, scenarios: Iterable[Scenario] | None = None) -> Scenario | None:
    """Finds the built-in scenario for a principle (name or id) in ``scenarios`` or content/."""
    pid = kebab(principle)
    pool = list(scenarios) if scenarios is not None else list(_builtins().scenarios)
    return next((s for s in pool if s.kind == "scenario" and s.principle_id == pid), None)


def default_targets(principle: str,
                    scenarios: Iterable[Scenario] | None = None) -> dict[str, float]:
    """Target seconds by label for a new story: the built-in scenario's, else 30/20/90/20/15."""
    found = builtin_for(principle, scenarios)
    targets = dict(DEFAULT_TARGETS)
    if found is not None:
        for seg in found.segments:
            if seg.label in targets and seg.target_seconds > 0:
                targets[seg.label] = seg.target_seconds
    return targets


def _story_files() -> list[Path]:
    folder = stories_dir()
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def reserved_ids() -> set[str]:
    """Ids a story may never take: built-in scenario ids and every principle's id."""
    return {s.id for s in _builtins().scenarios} | {kebab(p) for p in PRINCIPLES}


def story_ids() -> set[str]:
    """Ids of the stored stories (file names, so a broken file still holds its id)."""
    return {p.stem for p in _story_files()}


def unique_id(base: str, taken: set[str]) -> str:
    """Returns ``base`` or, when it is in ``taken``, the first free ``base-2``, ``base-3``..."""
    n = 1
    while (candidate := base if n == 1 else f"{base}-{n}") in taken:
        n += 1
    return candidate


def new_story_id(title: str) -> str:
    """A free id made from a title (``My webhook fix`` -> ``my-webhook-fix``)."""
    base = kebab(title)[:60].strip("-") or "my-story"
    return unique_id(base, reserved_ids() | story_ids())


def clean_text(text: str) -> str:
    """Normalises line breaks and drops control characters (pasted text may carry them)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc").strip()


def build_story(draft: StoryDraft, default_id: str | None = None) -> Scenario:
    """Checks a draft and turns it into a story scenario.

    Args:
        draft: what the user typed.
        default_id: the id for a new story (default: one made from the title).

    Returns:
        The story, which reads back unchanged from its TOML.

    Raises:
        StoryError: listing, in plain words, everything the user still has to fix.
    """
    errors: list[str] = []
    principle = " ".join(clean_text(draft.principle).split())
    title = " ".join(clean_text(draft.title).split())
    prompts = tuple(" ".join(p.split()) for p in map(clean_text, draft.prompts) if p)
    if not principle:
        errors.append("Principle: choose the Leadership Principle this story answers.")
    if not title:
        errors.append("Title: give the story a short title.")
    if not prompts:
        errors.append("Questions: add at least one question this story answers.")
    by_label = {s.label: s for s in draft.segments}
    segments: list[SegmentSpec] = []
    for label in SEGMENT_LABELS:
        seg = by_label.get(label)
        text = clean_text(seg.text) if seg else ""
        if not text:
            errors.append(f"{label.title()}: write what you would say for this part "
                          "(or paste your whole answer and split it).")
        target = seg.target_seconds if seg else 0.0
        if not target or target <= 0:
            errors.append(f"{label.title()}: the target time must be more than 0 seconds.")
        phrases = tuple(dict.fromkeys(" ".join(p.split()) for p in map(
            clean_text, seg.signal_phrases if seg else ()) if p))
        segments.append(SegmentSpec(label=label, target_seconds=float(target),
                                    strong_example=text, signal_phrases=phrases,
                                    coaching="", common_mistake=""))
    unknown = sorted(set(by_label) - set(SEGMENT_LABELS))
    if unknown:
        errors.append("Unknown segment(s): " + ", ".join(unknown))
    ident = draft.story_id or default_id or ""
    if ident and not is_kebab(ident):
        errors.append(f"Id: {ident!r} is not a kebab-case id like my-webhook-fix.")
    if errors:
        raise StoryError("the story is not complete", errors)
    story = Scenario(id=ident or new_story_id(title), principle=principle, title=title,
                     prompts=prompts, overview="", summary="", segments=tuple(segments),
                     kind="story")
    return _checked(story, "<story>")


def _checked(story: Scenario, where: str) -> Scenario:
    """Round-trips a story through its TOML, so that what is written is what loads back."""
    text = scenario_to_toml(story)
    try:
        again = parse_scenario(tomllib.loads(text), where=where)
    except (ContentError, tomllib.TOMLDecodeError) as exc:
        errors = exc.errors if isinstance(exc, ContentError) else [str(exc)]
        raise StoryError("the story cannot be saved", errors) from exc
    return again


def _atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Writes ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def story_path(story_id: str) -> Path:
    """Returns the file a story with this id is kept in."""
    return stories_dir() / f"{story_id}.toml"


def _existing(story_id: str) -> Path:
    path = story_path(story_id)
    if not is_kebab(story_id) or not path.is_file():
        known = ", ".join(sorted(story_ids())) or "none yet"
        raise StoryError(f"no story called '{story_id}'; your stories: {known}")
    return path


def save_story(story: Scenario, overwrite: bool = False) -> Path:
    """Writes a story (as ``kind = "story"``) into the stories folder, atomically.

    Args:
        story: the story.
        overwrite: replace a stored story with the same id (an edit); else a taken id is an error.

    Returns:
        The file written.

    Raises:
        StoryError: the id is a built-in's or taken, the story is invalid, or the write failed.
    """
    story = replace(story, kind="story")
    if not is_kebab(story.id):
        raise StoryError(f"'{story.id}' is not a valid story id (use lower-case words and dashes)")
    if story.id in reserved_ids():
        raise StoryError(f"'{story.id}' is the id of a built-in scenario or principle; "
                         "give the story another id")
    path = story_path(story.id)
    if path.exists() and not overwrite:
        raise StoryError(f"a story with id '{story.id}' already exists; delete it first or "
                         "choose another id")
    checked = _checked(story, str(path))
    try:
        ensure(path.parent)
        _atomic_write(path, scenario_to_toml(checked).encode("utf-8"))
    except OSError as exc:
        raise StoryError(f"cannot save the story to {path} ({exc.strerror or exc}); check "
                         "that the folder is writable and the disk is not full") from exc
    log.info("saved story %s to %s", story.id, path)
    return path


def list_stories() -> LoadReport:
    """Loads every stored story; a broken file is reported in ``errors`` and skipped."""
    return load_all(_story_files())


def load_story(story_id: str) -> Scenario:
    """Loads one stored story; raises :class:`StoryError` when it is missing or broken."""
    path = _existing(story_id)
    try:
        return load_scenario(path)
    except ContentError as exc:
        raise StoryError(f"the story file {path} is broken", exc.errors) from exc


def read_story_file(path: Path) -> Scenario:
    """Reads and fully validates a story file without storing it (``kind = "scenario"`` is
    accepted and becomes a story).

    Raises:
        StoryError: the file is missing, unreadable, empty, too large, not TOML, or invalid.
    """
    where = str(path)
    if path.is_dir():
        raise StoryError(f"{where} is a folder; choose a story file (.toml)")
    try:
        size = path.stat().st_size
        if size > MAX_STORY_BYTES:
            raise StoryError(f"{where} is {size / 1e6:.1f} MB; a story file is a few kilobytes "
                             "of TOML, so this is not one")
        raw = path.read_bytes()
    except OSError as exc:
        raise StoryError(f"cannot read {where} ({exc.strerror or exc})") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StoryError(f"{where} is not a story file: it is not UTF-8 text") from exc
    if not text.strip():
        raise StoryError(f"{where} is empty; a story file is TOML text like the files in content/")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise StoryError(f"{where} is not a story file: invalid TOML ({exc})") from exc
    try:
        story = parse_scenario(data, where)
    except ContentError as exc:
        problems = [e.removeprefix(f"{where}: ") for e in exc.errors]
        summary = f"{where} is not a valid story file"
        if isinstance(data, dict) and "kind" not in data:
            summary += (' (it has no kind = "story" line, so it was checked as a full built-in '
                        "scenario)")
        raise StoryError(summary, problems) from exc
    return replace(story, kind="story")


def import_story(path: Path, on_conflict: str = "error") -> Scenario:
    """Validates a story file and copies it into the stories folder.

    Nothing is written unless the whole file is valid, and the write is atomic.

    Args:
        path: the file to import.
        on_conflict: what to do when its id is taken: "error", "rename" (add -2, -3...) or
            "replace" (overwrite the user's own story with that id; never a built-in one).

    Returns:
        The stored story (its ``source`` is the stored file).

    Raises:
        StoryError: the file is invalid, or the id is taken and ``on_conflict`` is "error".
    """
    if on_conflict not in CONFLICT_CHOICES:
        raise ValueError(f"on_conflict must be one of {CONFLICT_CHOICES}")
    story = read_story_file(path)
    reserved = reserved_ids()
    mine = story_ids()
    overwrite = False
    if story.id in reserved or story.id in mine:
        builtin = story.id in reserved
        if on_conflict == "rename" or (builtin and on_conflict == "replace"):
            story = replace(story, id=unique_id(story.id, reserved | mine))
        elif on_conflict == "replace":
            overwrite = True
        else:
            if builtin:
                raise StoryError(f"{path}: its id '{story.id}' is already used by a built-in "
                                 "scenario; import it under a new id (--rename)")
            raise StoryError(f"{path}: its id '{story.id}' is already used by one of your "
                             "stories; import it under a new id (--rename) or replace your "
                             "story (--replace)")
    saved = save_story(story, overwrite=overwrite)
    log.info("imported %s as story %s", path, story.id)
    return replace(story, source=str(saved))


def export_story(story_id: str, out: Path, overwrite: bool = False) -> Path:
    """Copies a stored story to a file of the user's choice.

    Args:
        story_id: the story's id.
        out: the target file, or an existing folder (the file is then ``<id>.toml`` in it).
        overwrite: replace an existing target file.

    Returns:
        The file written.

    Raises:
        StoryError: no such story, a broken story file, the target exists, or it cannot be
            written.
    """
    load_story(story_id)  # validates it: a broken story is never exported
    source = story_path(story_id)
    target = out / f"{story_id}.toml" if out.is_dir() else out
    if target.exists() and not overwrite:
        raise StoryError(f"{target} already exists; choose another name or overwrite it (--force)")
    if not target.parent.is_dir():
        raise StoryError(f"cannot export to {target}: the folder {target.parent} does not exist")
    try:
        _atomic_write(target, source.read_bytes(), mode=0o644)
    except OSError as exc:
        raise StoryError(f"cannot write {target} ({exc.strerror or exc})") from exc
    log.info("exported story %s to %s", story_id, target)
    return target


def delete_story(story_id: str) -> Path:
    """Deletes a stored story (a broken one too, by file name); returns the file removed.

    Raises:
        StoryError: no such story, or it cannot be removed.
    """
    path = _existing(story_id)
    try:
        path.unlink()
    except OSError as exc:
        raise StoryError(f"cannot delete {path} ({exc.strerror or exc})") from exc
    log.info("deleted story %s", story_id)
    return path


def segment_drafts(texts: Mapping[str, str], targets: Mapping[str, float],
                   phrases: Mapping[str, Iterable[str]] | None = None) -> tuple[SegmentDraft, ...]:
    """The five segment drafts, in STAR order, from texts, targets and phrases by label (a
    missing text is empty, a missing target is ``DEFAULT_TARGETS``')."""
    phrases = phrases or {}
    return tuple(SegmentDraft(lb, texts.get(lb, ""), float(targets.get(lb, DEFAULT_TARGETS[lb])),
                              tuple(phrases.get(lb, ()))) for lb in SEGMENT_LABELS)
