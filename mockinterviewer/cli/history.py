"""``mockinterviewer history list|show ID|export ID|export-all``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mockinterviewer.coach.reason_text import plain_reasons
from mockinterviewer.content.model import LEVEL_NAMES
from mockinterviewer.errors import UserError
from mockinterviewer.store import Attempt, HistoryStore
from mockinterviewer.store.export import render_csv, write_text
from mockinterviewer.store.insights import report_findings, report_segments
from mockinterviewer.store.loop_export import loop_debrief, render_for_export
from mockinterviewer.store.loops import is_loop, top_level


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    """Adds the ``history`` command."""
    p = sub.add_parser(name, help="list, show or export past attempts")
    hsub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    lst = hsub.add_parser("list", help="list attempts, newest first")
    lst.add_argument("--scenario", help="only this scenario id")
    lst.add_argument("--principle", help="only this principle (name or id)")
    lst.add_argument("--json", action="store_true", help="print JSON instead of a table")
    lst.set_defaults(func=run_list)
    show = hsub.add_parser("show", help="print one attempt's report")
    show.add_argument("id", type=int, help="attempt id (see `history list`)")
    show.add_argument("--json", action="store_true", help="print the stored analysis as JSON")
    show.set_defaults(func=run_show)
    exp = hsub.add_parser("export", help="export one attempt's report as HTML or Markdown")
    exp.add_argument("id", type=int, help="attempt id (see `history list`)")
    exp.add_argument("--format", choices=("html", "md"), required=True)
    exp.add_argument("--out", type=Path, help="file to write (default: standard output)")
    exp.set_defaults(func=run_export)
    all_ = hsub.add_parser("export-all", help="export all history as CSV")
    all_.add_argument("--format", choices=("csv",), default="csv")
    all_.add_argument("--out", type=Path, help="file to write (default: standard output)")
    all_.set_defaults(func=run_export_all)


def _open() -> HistoryStore:
    store = HistoryStore(on_lock="error")  # a listing of an empty stand-in would mislead
    if store.notice:
        print(f"warning: {store.notice}", file=sys.stderr)
    return store


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    if out.is_dir():
        raise UserError(f"{out} is a folder; give a file name for --out")
    if not out.parent.exists():
        raise UserError(f"cannot write {out}: the folder {out.parent} does not exist")
    write_text(text, out)
    print(f"wrote {out}", file=sys.stderr)


def _duration(a: Attempt) -> str:
    if a.total_seconds is None:
        return "-"
    m, s = divmod(int(round(a.total_seconds)), 60)
    return f"{m}:{s:02d}"


def run_list(args: argparse.Namespace) -> int:
    """Lists attempts."""
    with _open() as store:
        attempts = top_level(store.list(scenario_id=args.scenario, principle=args.principle))
    if args.json:
        rows = [{"id": a.id, "created_at": a.created_at.isoformat(), "scenario": a.scenario_id,
                 "principle": a.principle, "level": a.level, "mode": a.mode, "status": a.status,
                 "verdict": a.verdict, "total_seconds": a.total_seconds,
                 "words_per_minute": a.words_per_minute,
                 "fillers_per_minute": a.fillers_per_minute} for a in attempts]
        print(json.dumps(rows, indent=2))
        return 0
    if not attempts:
        print("no attempts yet: practise with `mockinterviewer rehearse --scenario ID`")
        return 0
    print(f"{'id':>5}  {'date':<16}  {'scenario':<32} {'level':<10} {'mode':<9} "
          f"{'time':>5}  {'status':<10} verdict")
    for a in attempts:
        when = a.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{a.id:>5}  {when:<16}  {a.scenario_id[:32]:<32} "
              f"{LEVEL_NAMES.get(a.level, a.level):<10} {a.mode[:9]:<9} {_duration(a):>5}  "
              f"{a.status:<10} {a.verdict or '-'}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    """Prints one attempt."""
    with _open() as store:
        a = store.get(args.id)
        if is_loop(a):
            return _show_loop(store, a, args.json)
    if args.json:
        print(json.dumps({"id": a.id, "created_at": a.created_at.isoformat(),
                          "status": a.status, "recordings": [str(p) for p in a.recordings],
                          "model": a.model, "prompt": a.prompt,
                          "analysis": _plain(a.report)}, indent=2))
        return 0
    print(f"Attempt {a.id}: {a.principle} ({a.scenario_id})")
    print(f"  {a.created_at.astimezone():%Y-%m-%d %H:%M}  level "
          f"{LEVEL_NAMES.get(a.level, a.level)}  mode {a.mode}  model {a.model or '-'}")
    print(f"  question: {a.prompt}")
    for p in a.recordings:
        print(f"  recording: {p}{'' if p.exists() else ' (missing)'}")
    if not a.report:
        print(f"  status: {a.status} (not analysed yet)")
        return 0
    print(f"\nVerdict: {a.verdict}")
    for r in plain_reasons(a.report.get("verdict_reasons", ())):
        print(f"  - {r}")
    print("\nSegment      seconds  target  status")
    for s in report_segments(a):
        print(f"  {str(s.get('label')):<11} {float(s.get('seconds') or 0):>6.1f}  "
              f"{float(s.get('target_seconds') or 0):>6.1f}  {s.get('status')}")
    print(f"\nWords per minute {a.words_per_minute or 0:.0f}, fillers per minute "
          f"{a.fillers_per_minute or 0:.1f}")
    findings = report_findings(a, full=True)
    if findings:
        print("\nFindings")
        for f in findings:
            print(f"  [{f.get('severity')}] {f.get('message')}")
            if f.get("evidence"):
                print(f"      \u201c{f.get('evidence')}\u201d")
    return 0


def _show_loop(store: HistoryStore, loop: Attempt, as_json: bool) -> int:
    from mockinterviewer.store.loop_export import debrief_lines
    from mockinterviewer.store.loops import loop_json

    answers, d = loop_debrief(store, loop)
    if as_json:
        print(json.dumps(loop_json(loop, answers, d), indent=2))
        return 0
    print(f"Loop {loop.id}: {loop.prompt}")
    print(f"  {loop.created_at.astimezone():%Y-%m-%d %H:%M}  status {loop.status}")
    for i, a in enumerate(answers, 1):
        print(f"  answer {i}: {a.principle} ({a.scenario_id}), attempt {a.id}, {a.status}")
    print()
    for line in debrief_lines(d):
        print(line)
    return 0


def _plain(value: object) -> object:
    if hasattr(value, "items"):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def run_export(args: argparse.Namespace) -> int:
    """Exports one attempt."""
    with _open() as store:
        attempt = store.get(args.id)
        text = render_for_export(store, attempt, args.format)
    _emit(text, args.out)
    return 0


def run_export_all(args: argparse.Namespace) -> int:
    """Exports every attempt as CSV."""
    with _open() as store:
        attempts = store.list()
    _emit(render_csv(attempts), args.out)
    return 0
