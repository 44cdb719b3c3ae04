"""The shipped model files: gzipped JSON, byte-identical for the same content."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any


def write_json_gz(path: Path, data: object) -> None:
    """Writes ``data`` as compact, key-sorted JSON, gzipped with no timestamp, so that the same
    weights always give the same bytes (a rebuild with no change leaves git clean)."""
    raw = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0) as gz:
        gz.write(raw)


def read_json_gz(path: Path) -> dict[str, Any]:
    """Reads a file written by :func:`write_json_gz`.

    Raises:
        OSError: unreadable file.
        ValueError: not gzipped JSON.
    """
    with gzip.open(path, "rb") as fh:
        data = json.loads(fh.read().decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a model file")
    return data
