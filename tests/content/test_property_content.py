"""Property tests of the content loader: any TOML-ish data gives a Scenario or a ContentError whose
messages name the file and the field, one line each; never any other exception.

(The coaching engine's property tests are in test_coach_property.py.)
"""

from __future__ import annotations

import copy
import datetime as dt
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockinterviewer.content import ContentError, Scenario, load_scenario, parse_scenario
from mockinterviewer.content.loader import scenario_to_toml
from mockinterviewer.paths import content_dir

WHERE = "content/probe.toml"
SEED = tomllib.loads((content_dir() / "customer-obsession.toml").read_text(encoding="utf-8"))

_text = st.text(max_size=30) | st.sampled_from(
    ["situation", "task", "action", "result", "reflection", "story", "scenario", "sde2",
     "ownership", "A", "Hire", "", " ", "line one\nline two", "tab\tand\x00nul", "é ü 名前"])
_scalars = (
    _text
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.booleans()
    | st.dates()
    | st.datetimes(timezones=st.none() | st.just(dt.UTC))
    | st.times()
)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=12,
)
_keys = st.sampled_from(sorted(set(SEED) | {"kind", "domain", "levels", "bogus"})) | _text


def check(data: Any, where: str = WHERE) -> Scenario | None:
    """Parses; asserts the outcome is a Scenario or a well-formed ContentError."""
    try:
        scenario = parse_scenario(data, where)
    except ContentError as exc:
        assert exc.errors, "a ContentError lists its problems"
        for message in exc.errors:
            assert isinstance(message, str) and message.startswith(f"{where}: "), message
            assert "\n" not in message and "\r" not in message, message
            assert len(message) > len(where) + 4
        return None
    assert isinstance(scenario, Scenario)
    assert scenario.id and scenario.segments and all(
        0 < s.target_seconds <= 86400 for s in scenario.segments)
    return scenario


@settings(max_examples=80, deadline=None)
@given(_values)
def test_any_value_at_the_top_level(data: Any) -> None:
    check(data)


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(_keys, _values, max_size=8))
def test_any_table(data: dict) -> None:
    check(data)


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every key/index path inside the parsed seed scenario."""
    out = []
    if isinstance(data, dict):
        for k, v in data.items():
            out.append((*prefix, k))
            out += _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out.append((*prefix, i))
            out += _paths(v, (*prefix, i))
    return out


SEED_PATHS = _paths(SEED)


def _name(path: tuple) -> str:
    """The field name the loader uses for a path, e.g. ``segments[2].target_seconds``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SEED_PATHS), st.booleans(), _values),
                min_size=1, max_size=3))
def test_damaged_seed_scenario_names_the_field(edits: list[tuple[tuple, bool, Any]]) -> None:
    """Deleting or replacing fields of a real scenario: every error names the file, and the
    first edited field's top-level name appears among the errors."""
    data = copy.deepcopy(SEED)
    applied: list[tuple] = []
    for path, delete, value in edits:
        parent: Any = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            if delete:
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed or replaced this spot
        applied.append(path)
    try:
        parse_scenario(data, WHERE)
    except ContentError as exc:
        check(data)
        touched = {str(p[0]) for p in applied}
        assert any(any(f": {t}" in m for t in touched) for m in exc.errors), (applied, exc.errors)
    else:
        check(data)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_file_content(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "probe.toml"
        path.write_bytes(raw)
        try:
            load_scenario(path)
        except ContentError as exc:
            assert exc.errors and all(m.startswith(f"{path}: ") for m in exc.errors)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "principle", "domain"]),
                       st.text(min_size=1, max_size=40).filter(str.strip), min_size=1))
def test_valid_changes_round_trip_through_the_file_format(changes: dict[str, str]) -> None:
    data = {**copy.deepcopy(SEED), **changes}
    scenario = check(data)
    if scenario is None:
        return
    again = parse_scenario(tomllib.loads(scenario_to_toml(scenario)), WHERE)
    assert again.title == scenario.title and again.principle == scenario.principle
    assert again.segments == scenario.segments


def test_unreadable_and_odd_files_are_content_errors(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    locked = tmp_path / "locked.toml"
    locked.write_text('id = "x"\n', encoding="utf-8")
    locked.chmod(0)
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:  # root reads anything: fail as it would for a user
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    cases = {
        locked: "cannot read the file (Permission denied)",
        folder: "cannot read the file",
        tmp_path / "missing.toml": "cannot read the file",
        tmp_path / "latin1.toml": "not UTF-8 text",
        tmp_path / "nan.toml": "expected at most 86400 seconds, got nan",
        tmp_path / "huge.toml": "expected at most 86400 seconds, got a huge number",
        tmp_path / "newline.toml": r'expected a positive number, got "ninety\nnine"',
    }
    (tmp_path / "latin1.toml").write_bytes('title = "caf\xe9"'.encode("latin-1"))
    seed = (content_dir() / "customer-obsession.toml").read_text(encoding="utf-8")
    first = seed.index("target_seconds = ")
    end = seed.index("\n", first)
    for name, value in (("nan", "nan"), ("huge", "9" * 40), ("newline", '"ninety\\nnine"')):
        (tmp_path / f"{name}.toml").write_text(
            seed[:first] + f"target_seconds = {value}" + seed[end:], encoding="utf-8")
    for path, expected in cases.items():
        try:
            load_scenario(path)
        except ContentError as exc:
            assert any(expected in m for m in exc.errors), exc.errors
            assert all("\n" not in m for m in exc.errors)
        else:
            raise AssertionError(f"{path} loaded")
