"""``mockinterviewer history`` on a real database in the private home."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from history_support import filled_store

from mockinterviewer.cli import main


def _ids() -> list[int]:
    store = filled_store()
    ids = [a.id for a in store.list()]
    store.close()
    return ids


def test_list_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    ids = _ids()
    assert main(["history", "list"]) == 0
    out = capsys.readouterr().out
    lines = out.strip().splitlines()
    assert len(lines) == 7 and lines[0].split()[:2] == ["id", "date"]
    assert "Strong Hire" in lines[2] and "unfinished" in lines[1]
    assert main(["history", "list", "--json", "--principle", "customer-obsession"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == ids
    assert main(["history", "list", "--scenario", "nope"]) == 0
    assert "no attempts yet" in capsys.readouterr().out


def test_show(capsys: pytest.CaptureFixture[str]) -> None:
    ids = _ids()
    assert main(["history", "show", str(ids[1])]) == 0
    out = capsys.readouterr().out
    assert "Verdict: Strong Hire" in out and "situation" in out and "30.0" in out
    assert main(["history", "show", str(ids[0])]) == 0
    assert "not analysed yet" in capsys.readouterr().out
    assert main(["history", "show", str(ids[-1]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["analysis"]["verdict"] == "No Hire"


def test_export_html_md_and_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _ids()
    html = tmp_path / "a.html"
    assert main(["history", "export", str(ids[1]), "--format", "html", "--out", str(html)]) == 0
    parser = HTMLParser()
    parser.feed(html.read_text(encoding="utf-8"))
    assert "<svg" in html.read_text(encoding="utf-8")
    md = tmp_path / "a.md"
    assert main(["history", "export", str(ids[1]), "--format", "md", "--out", str(md)]) == 0
    assert "## Verdict: Strong Hire" in md.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["history", "export", str(ids[1]), "--format", "md"]) == 0
    assert capsys.readouterr().out.startswith("# Mock interview")
    out = tmp_path / "all.csv"
    assert main(["history", "export-all", "--format", "csv", "--out", str(out)]) == 0
    with out.open(newline="", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 6


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["history", "show", "999"], "error: there is no attempt 999"),
        (["history", "export", "999", "--format", "md"], "error: there is no attempt 999"),
        (["history", "export", "1", "--format", "pdf"], "error: argument --format"),
        (["history", "show", "abc"], "error: argument id"),
        (["history", "export-all", "--out", "/nonexistent/dir/x.csv"], "error: cannot write"),
    ],
)
def test_errors_are_one_line_exit_2(argv: list[str], expected: str,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    _ids()
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse usage errors exit from inside the parser
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]
    assert last.startswith(expected), err
    assert "Traceback" not in err
    assert sum(line.startswith("error:") for line in err.splitlines()) == 1


def test_real_command_line_process(tmp_path: Path) -> None:
    ids = _ids()
    out = tmp_path / "r.html"
    proc = subprocess.run(
        [sys.executable, "-m", "mockinterviewer", "history", "export", str(ids[1]), "--format",
         "html", "--out", str(out)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 1000
    bad = subprocess.run([sys.executable, "-m", "mockinterviewer", "history", "show", "12345"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and bad.stderr.startswith("error:") and bad.stdout == ""
