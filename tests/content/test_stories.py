"""The user's own stories: build, save, list, import, export, delete, and the ``story`` command."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockinterviewer.cli import main
from mockinterviewer.content import (
    SEGMENT_LABELS,
    load_all,
    parse_scenario,
    scenario_to_toml,
    stories,
)
from mockinterviewer.content.library import find_scenario, load_library
from mockinterviewer.content.stories import StoryDraft, StoryError, segment_drafts
from mockinterviewer.paths import content_dir

BUILTIN = load_all([content_dir()]).scenarios
TEXTS = {
    "situation": "Our checkout service timed out for 2% of mobile users during a sale.",
    "task": "Nobody owned the retry client, so I took it on myself.",
    "action": "I traced the timeouts to a retry storm and I added jittered backoff.",
    "result": "Timeouts fell from 2% to 0.1% and the fix became the team default.",
    "reflection": "I learned to load-test retry paths, not just happy paths.",
}


def _draft(title: str = "Retry storm", principle: str = "Ownership", **kw: object) -> StoryDraft:
    phrases = {"action": ("I traced", "I added")}
    return StoryDraft(principle, title, ("Tell me about a time you owned a fix.",),
                      segment_drafts(TEXTS, stories.default_targets(principle), phrases), **kw)


def _save(title: str = "Retry storm") -> Path:
    return stories.save_story(stories.build_story(_draft(title)))


def test_default_targets_follow_the_builtin_scenario_else_fallback() -> None:
    s = BUILTIN[0]
    assert stories.default_targets(s.principle) == {g.label: g.target_seconds for g in s.segments}
    assert stories.default_targets("Not A Principle") == {
        "situation": 30, "task": 20, "action": 90, "result": 20, "reflection": 15}


def test_saved_story_is_the_content_format_and_rehearsable() -> None:
    path = _save()
    assert path == stories.stories_dir() / "retry-storm.toml"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["kind"] == "story" and data["principle"] == "Ownership"
    story = find_scenario("retry-storm")  # the library loads it next to built-in content
    assert story.kind == "story" and story.principle_id == "ownership"
    assert [s.label for s in story.segments] == list(SEGMENT_LABELS)
    action = story.segment("action")
    assert action.strong_example == TEXTS["action"], "the user's sentences are the strong example"
    assert action.signal_phrases == ("I traced", "I added")
    assert story.total_target_seconds == sum(stories.default_targets("Ownership").values())
    assert not load_library().errors
    assert [p.name for p in path.parent.iterdir()] == ["retry-storm.toml"], "no temp files left"


def test_build_reports_every_missing_part_in_plain_words() -> None:
    draft = StoryDraft("", " ", ("  ",), segment_drafts({"action": "I did it."}, {"task": 0}))
    with pytest.raises(StoryError) as exc:
        stories.build_story(draft)
    errors = exc.value.errors
    assert any(e.startswith("Principle:") for e in errors)
    assert any(e.startswith("Title:") for e in errors)
    assert any(e.startswith("Questions:") for e in errors)
    for label in ("Situation", "Task", "Result", "Reflection"):
        assert any(e.startswith(f"{label}: write") for e in errors)
    assert not any(e.startswith("Action: write") for e in errors)
    assert any("Task: the target time" in e for e in errors)
    assert "\n" not in str(exc.value), "one line for the command line"
    assert not stories.stories_dir().exists(), "nothing written"


def test_new_ids_never_collide() -> None:
    _save()
    assert stories.new_story_id("Retry storm") == "retry-storm-2"
    assert stories.new_story_id("Customer Obsession") == "customer-obsession-2"
    assert stories.new_story_id("Ownership") == "ownership-2", "principle ids are reserved"
    assert stories.new_story_id("!!!") == "my-story"
    assert _save().name == "retry-storm-2.toml", "a second story with the same title"
    with pytest.raises(StoryError, match="already exists"):
        stories.save_story(stories.load_story("retry-storm"))
    with pytest.raises(StoryError, match="built-in"):
        stories.save_story(stories.build_story(_draft(story_id="customer-obsession")))


def test_editing_overwrites_in_place() -> None:
    _save()
    story = stories.build_story(_draft("Retry storm, retold", story_id="retry-storm"))
    stories.save_story(story, overwrite=True)
    assert stories.load_story("retry-storm").title == "Retry storm, retold"
    assert [s.id for s in stories.list_stories().scenarios] == ["retry-storm"]


def test_export_then_import_round_trip(tmp_path: Path) -> None:
    _save()
    out = stories.export_story("retry-storm", tmp_path)
    assert out == tmp_path / "retry-storm.toml"
    with pytest.raises(StoryError, match="already exists"):
        stories.export_story("retry-storm", out)
    stories.delete_story("retry-storm")
    assert stories.story_ids() == set()
    imported = stories.import_story(out)
    assert imported.id == "retry-storm" and Path(imported.source).parent == stories.stories_dir()
    assert stories.load_story("retry-storm").segment("result").strong_example == TEXTS["result"]


def test_import_conflicts_error_rename_or_replace(tmp_path: Path) -> None:
    _save()
    out = stories.export_story("retry-storm", tmp_path / "copy.toml")
    with pytest.raises(StoryError, match="--rename"):
        stories.import_story(out)
    assert stories.import_story(out, on_conflict="rename").id == "retry-storm-2"
    text = out.read_text(encoding="utf-8").replace('title = "Retry storm"', 'title = "Changed"')
    out.write_text(text, encoding="utf-8")
    assert stories.import_story(out, on_conflict="replace").id == "retry-storm"
    assert stories.load_story("retry-storm").title == "Changed"
    builtin = content_dir() / f"{BUILTIN[0].id}.toml"
    with pytest.raises(StoryError, match="built-in"):
        stories.import_story(builtin)
    renamed = stories.import_story(builtin, on_conflict="replace")
    assert renamed.id == f"{BUILTIN[0].id}-2" and renamed.kind == "story"
    assert not load_library().errors, "the stories folder never breaks the library"


BROKEN = {
    "empty.toml": (b"\n  \n", "is empty"),
    "binary.toml": (bytes(range(256)) * 4, "not UTF-8"),
    "bad.toml": (b'id = "x"\ntitle = \n', "invalid TOML"),
    "truncated.toml": (b'id = "x"\nkind = "story"\nprinciple = "Ownership"\nprompts = ["a', "TOML"),
    "nokind.toml": (b'id = "x"\ntitle = "t"\n', 'no kind = "story"'),
    "labels.toml": (b'id = "x"\nkind = "story"\nprinciple = "O"\ntitle = "t"\nprompts = ["q"]\n'
                    b'[[segments]]\nlabel = "intro"\ntarget_seconds = "ninety"\n'
                    b'strong_example = "s"\n', 'segments[0].label: unknown segment label'),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_imports_are_explained_and_leave_nothing(tmp_path: Path, name: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    data, expected = BROKEN[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    with pytest.raises(StoryError) as exc:
        stories.import_story(bad)
    assert expected in str(exc.value)
    assert not list(stories.stories_dir().glob("*")) if stories.stories_dir().exists() else True
    assert main(["story", "import", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and expected in err[0]


def test_missing_folder_and_huge_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(StoryError, match="No such file"):
        stories.import_story(tmp_path / "nope.toml")
    with pytest.raises(StoryError, match="is a folder"):
        stories.import_story(tmp_path)
    huge = tmp_path / "huge.toml"
    huge.write_bytes(b"# " + b"x" * (stories.MAX_STORY_BYTES + 10))
    with pytest.raises(StoryError, match="MB"):
        stories.import_story(huge)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "locked.toml"
    f.write_text('id = "x"\n', encoding="utf-8")
    f.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the read fail the way it would for a user

        def denied(self: Path) -> bytes:
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(StoryError, match="cannot read .*Permission denied"):
        stories.import_story(f)


def test_failed_write_leaves_the_old_story(monkeypatch: pytest.MonkeyPatch) -> None:
    _save()
    before = stories.story_path("retry-storm").read_bytes()

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(stories.os, "fsync", full)
    story = stories.build_story(_draft("New title", story_id="retry-storm"))
    with pytest.raises(StoryError, match="disk is not full"):
        stories.save_story(story, overwrite=True)
    assert stories.story_path("retry-storm").read_bytes() == before
    assert [p.name for p in stories.stories_dir().iterdir()] == ["retry-storm.toml"]


def test_broken_story_file_is_listed_as_an_error_and_deletable() -> None:
    _save()
    (stories.stories_dir() / "broken.toml").write_text("oops = [", encoding="utf-8")
    report = stories.list_stories()
    assert [s.id for s in report.scenarios] == ["retry-storm"]
    assert any("broken.toml" in e for e in report.errors)
    with pytest.raises(StoryError, match="broken"):
        stories.export_story("broken", Path("/tmp"))
    stories.delete_story("broken")
    with pytest.raises(StoryError, match="no story called"):
        stories.delete_story("broken")
    with pytest.raises(StoryError, match="no story called"):
        stories.load_story("../etc/passwd")


def test_cli_list_export_delete(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["story", "list"]) == 0
    assert "no stories yet" in capsys.readouterr().out
    _save()
    assert main(["story", "list"]) == 0
    assert "retry-storm" in capsys.readouterr().out
    assert main(["story", "export", "retry-storm", str(tmp_path / "x.toml")]) == 0
    assert main(["story", "export", "retry-storm", str(tmp_path / "x.toml")]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["story", "export", "retry-storm", str(tmp_path / "x.toml"), "--force"]) == 0
    assert main(["story", "import", str(tmp_path / "x.toml"), "--rename"]) == 0
    assert "retry-storm-2" in capsys.readouterr().out
    assert main(["story", "delete", "retry-storm-2"]) == 0
    assert main(["story", "delete", "retry-storm-2"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: no story called")
    assert main(["story", "export", "missing", str(tmp_path / "m.toml")]) == 2


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=_text, prompt=_text, body=st.lists(_text, min_size=5, max_size=5),
       phrases=st.lists(_text, max_size=4))
def test_any_typed_text_either_saves_exactly_or_explains(title: str, prompt: str,
                                                         body: list[str],
                                                         phrases: list[str]) -> None:
    texts = dict(zip(SEGMENT_LABELS, body, strict=True))
    draft = StoryDraft("Dive Deep", title, (prompt,),
                       segment_drafts(texts, {}, {"task": phrases}))
    complete = all(stories.clean_text(t) for t in (title, prompt, *body))
    try:
        story = stories.build_story(draft, default_id="prop-story")
    except StoryError as exc:
        assert not complete, f"a complete story was refused: {exc}"
        assert exc.errors and "\n" not in str(exc)
        return
    assert complete
    again = parse_scenario(tomllib.loads(scenario_to_toml(story)), where=story.source)
    assert again == story
    assert story.segment("action").strong_example.split() == \
        stories.clean_text(texts["action"]).split()


def test_pasted_windows_text_with_control_characters_saves() -> None:
    texts = {lb: f"{TEXTS[lb]}\r\nSecond line\x00 with a bell\x07 and a\ttab." for lb in TEXTS}
    story = stories.build_story(StoryDraft("Ownership", "Pasted\x1b", ("Q?\r",),
                                           segment_drafts(texts, {})))
    stories.save_story(story)
    loaded = stories.load_story(story.id)
    assert loaded.title == "Pasted" and loaded.prompts == ("Q?",)
    assert "Second line with a bell and a tab." in loaded.segment("task").strong_example
