"""The app as a user installs it: the built wheel in a clean venv, the menu entry, the bundle.

The wheel test builds the sdist and, from it, the wheel (so both carry ``content/`` and
``assets/``), installs the wheel into a fresh venv with pip, and runs the installed command there.
The dependencies come from the dev venv through a ``.pth`` line, so nothing is downloaded.

The bundle test runs only when ``MOCKINTERVIEWER_BUNDLE`` names a built bundle folder
(``make bundle-check`` sets it; ``.ci/run`` builds and checks the bundle after ``make test``):
it runs the frozen app with an environment that has no Python on ``PATH``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import pytest
from pulse import espeak_wav

from mockinterviewer.desktop import desktop_files

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = len(list((ROOT / "content").glob("*.toml")))
ANSWER = ("I owned the checkout outage. I traced the fault to a retry storm, added a circuit "
          "breaker and a runbook, and the error rate fell from three percent to zero in a week.")


def _run(cmd: list[str], env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout,
                          cwd=env.get("HOME", "/"), check=False)


def _clean_env(tmp: Path, path: str) -> dict[str, str]:
    """An environment like a new user's: a private home, offscreen Qt, nothing from the venv."""
    home = tmp / "home"
    home.mkdir(exist_ok=True)
    return {"PATH": path, "HOME": str(home), "MOCKINTERVIEWER_HOME": str(tmp / "mi"),
            "XDG_DATA_HOME": str(home / ".local" / "share"), "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8"}


def _check_installed_app(exe: list[str], env: dict[str, str], tmp: Path) -> None:
    """The checks the issue names, run against one installed app."""
    listed = _run([*exe, "content", "list", "--json"], env)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.count('"id"') >= SCENARIOS, listed.stdout[:400]

    out = tmp / "analysis.json"
    written = tmp / "answer.txt"
    written.write_text(ANSWER)
    analyzed = _run([*exe, "analyze", "--text", str(written), "--scenario", "ownership",
                     "--json", str(out)], env)
    assert analyzed.returncode == 0, analyzed.stderr
    assert '"segments"' in out.read_text()

    wav = espeak_wav("The error rate fell from three percent to zero.", tmp / "answer.wav")
    said = _run([*exe, "transcribe", str(wav)], env)
    assert said.returncode == 0, said.stderr
    assert "error rate" in said.stdout.lower(), said.stdout

    bad = tmp / "broken.wav"
    bad.write_bytes(b"RIFF\x00\x00not really audio")
    failed = _run([*exe, "transcribe", str(bad)], env)
    assert failed.returncode == 2
    assert failed.stderr.startswith("error:") and "Traceback" not in failed.stderr, failed.stderr
    assert len(failed.stderr.strip().splitlines()) == 1, failed.stderr

    window = _run([*exe, "--quit-when-shown"], env, timeout=120)
    assert window.returncode == 0, window.stdout + window.stderr
    assert "window shown: True" in window.stdout and f"scenarios: {SCENARIOS}" in window.stdout


@pytest.mark.slow
def test_wheel_installs_a_complete_app(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(tmp_path / "dist"),
         str(ROOT)], capture_output=True, text=True, timeout=600, check=False)
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    wheel = next((tmp_path / "dist").glob("mockinterviewer-*.whl"))
    sdist = next((tmp_path / "dist").glob("mockinterviewer-*.tar.gz"))
    names = zipfile.ZipFile(wheel).namelist()
    for toml in (ROOT / "content").glob("*.toml"):
        assert f"mockinterviewer/_data/content/{toml.name}" in names
    assert "mockinterviewer/_data/assets/sounds/target.wav" in names
    assert "mockinterviewer/coach/model/segmenter.json.gz" in names
    assert "mockinterviewer/coach/model/boundaries.json.gz" in names
    assert sdist.stat().st_size > 0

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    vpy = venv / "bin" / "python"
    purelib = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site = subprocess.run([str(vpy), "-c", purelib], capture_output=True, text=True,
                          check=True).stdout.strip()
    # The dependencies, already downloaded into the dev venv: a plain path line, so the dev
    # venv's editable-install hook (a .pth of its own) is not run.
    Path(site, "zz_deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    pip = subprocess.run([str(vpy), "-m", "pip", "install", "--no-index", "--no-deps", "-q",
                          str(wheel)], capture_output=True, text=True, timeout=300, check=False)
    assert pip.returncode == 0, pip.stderr

    env = _clean_env(tmp_path, f"{venv / 'bin'}:/usr/bin:/bin")
    where = _run([str(vpy), "-c", "import mockinterviewer, mockinterviewer.paths as p; "
                  "print(mockinterviewer.__file__); print(p.content_dir())"], env)
    assert where.returncode == 0, where.stderr
    assert str(venv) in where.stdout and str(ROOT) not in where.stdout, where.stdout
    _check_installed_app([str(venv / "bin" / "mockinterviewer")], env, tmp_path)


@pytest.mark.slow
def test_menu_entry_installs_validates_and_uninstalls(tmp_path: Path) -> None:
    env = {**os.environ, **_clean_env(tmp_path, os.environ.get("PATH", "/usr/bin:/bin"))}
    exe = [sys.executable, "-m", "mockinterviewer"]
    done = _run([*exe, "desktop", "install"], env)
    assert done.returncode == 0, done.stderr
    files = desktop_files(Path(env["XDG_DATA_HOME"]))
    assert all(p.is_file() and p.stat().st_size > 0 for p in files.all())
    text = files.entry.read_text()
    assert "Exec=" in text and "Icon=mockinterviewer" in text
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (make sysdeps-test installs it)")
    check = subprocess.run([validator, str(files.entry)], capture_output=True, text=True,
                           check=False)
    assert check.returncode == 0 and not check.stdout.strip(), check.stdout + check.stderr
    gone = _run([*exe, "desktop", "uninstall"], env)
    assert gone.returncode == 0, gone.stderr
    assert not any(p.exists() for p in files.all())


def _bundle() -> Path:
    value = os.environ.get("MOCKINTERVIEWER_BUNDLE", "")
    if not value:
        pytest.skip("no bundle named (make bundle-check sets MOCKINTERVIEWER_BUNDLE)")
    path = Path(value).resolve()
    assert (path / "mockinterviewer").is_file(), f"{path} holds no built bundle"
    return path


def test_bundle_runs_without_python(tmp_path: Path) -> None:
    bundle = _bundle()
    no_python = tmp_path / "bin"
    no_python.mkdir()
    env = _clean_env(tmp_path, str(no_python))
    assert shutil.which("python3", path=env["PATH"]) is None
    exe = [str(bundle / "mockinterviewer")]
    _check_installed_app(exe, env, tmp_path)
    started = time.monotonic()
    _run([*exe, "--quit-when-shown"], env)
    print(f"bundle start-to-window: {time.monotonic() - started:.2f} s")


def test_bundle_install_script_adds_and_removes_the_menu_entry(tmp_path: Path) -> None:
    bundle = _bundle()
    env = _clean_env(tmp_path, "/usr/bin:/bin")
    env["MOCKINTERVIEWER_PREFIX"] = str(tmp_path / "opt" / "mockinterviewer")
    env["MOCKINTERVIEWER_BIN"] = str(tmp_path / "bin")
    installed = _run(["bash", str(bundle.parent / "install.sh")], env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    entry = desktop_files(Path(env["XDG_DATA_HOME"])).entry
    assert f"Exec={env['MOCKINTERVIEWER_PREFIX']}/mockinterviewer" in entry.read_text()
    link = tmp_path / "bin" / "mockinterviewer"
    listed = _run([str(link), "content", "list"], env)
    assert listed.returncode == 0, listed.stderr
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(entry)], check=False).returncode == 0
    removed = _run(["bash", env["MOCKINTERVIEWER_PREFIX"] + "/uninstall.sh"], env)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not entry.exists() and not link.exists()
    assert not Path(env["MOCKINTERVIEWER_PREFIX"]).exists()


def test_exec_line_quotes_paths_with_spaces_and_percent() -> None:
    from mockinterviewer.desktop import desktop_entry

    text = desktop_entry(["/home/a b/app 100%/mockinterviewer"])
    assert 'Exec="/home/a b/app 100%%/mockinterviewer"' in text
