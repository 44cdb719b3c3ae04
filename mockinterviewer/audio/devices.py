"""Listing and choosing sound devices (PortAudio through sounddevice)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from mockinterviewer.audio.errors import AudioError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeviceInfo:
    """One sound device as PortAudio reports it."""

    index: int
    name: str
    hostapi: str
    max_input_channels: int
    max_output_channels: int
    default_samplerate: float
    is_default_input: bool
    is_default_output: bool


def sd_module() -> ModuleType:
    """Imports sounddevice, turning a missing PortAudio library into an AudioError.

    Raises:
        AudioError: PortAudio is not installed.
    """
    try:
        import sounddevice
    except OSError as exc:
        raise AudioError(
            "The PortAudio sound library is missing, so no microphone or speaker can be used. "
            "Install it (on Debian/Ubuntu: sudo apt install libportaudio2) and restart the app; "
            "you can still analyse typed answers and audio files."
        ) from exc
    except ImportError as exc:  # the sounddevice package itself is not installed
        raise AudioError(
            "The PortAudio sound library is missing (the sounddevice package is not installed), "
            "so no microphone or speaker can be used. Reinstall mockinterviewer and restart the "
            "app; you can still analyse typed answers and audio files."
        ) from exc
    return sounddevice


def _defaults(sd: Any) -> tuple[int, int]:
    try:
        default = sd.default.device
        di, do = int(default[0]), int(default[1])
    except Exception:  # noqa: BLE001 - no default device configured
        di, do = -1, -1
    return di, do


def list_devices() -> list[DeviceInfo]:
    """Lists every device.

    Raises:
        AudioError: PortAudio is missing or fails.
    """
    sd = sd_module()
    try:
        raw = sd.query_devices()
        apis = sd.query_hostapis()
    except Exception as exc:
        raise AudioError(f"Could not list sound devices ({exc}).") from exc
    di, do = _defaults(sd)
    out: list[DeviceInfo] = []
    for i, d in enumerate(raw):
        api = apis[d["hostapi"]]["name"] if 0 <= d["hostapi"] < len(apis) else ""
        out.append(
            DeviceInfo(
                index=i,
                name=str(d["name"]),
                hostapi=str(api),
                max_input_channels=int(d["max_input_channels"]),
                max_output_channels=int(d["max_output_channels"]),
                default_samplerate=float(d["default_samplerate"]),
                is_default_input=i == di,
                is_default_output=i == do,
            )
        )
    return out


def list_input_devices() -> list[DeviceInfo]:
    """Lists devices that can record."""
    return [d for d in list_devices() if d.max_input_channels > 0]


def list_output_devices() -> list[DeviceInfo]:
    """Lists devices that can play."""
    return [d for d in list_devices() if d.max_output_channels > 0]


@dataclass(frozen=True)
class DeviceChoice:
    """The device picked for a requested name, and whether the request could be met.

    Attributes:
        device: the device to use.
        requested: the name asked for (None or "" for the system default).
        found: False when ``requested`` matched no device and the default was used instead.
        kind: ``input`` or ``output``.
    """

    device: DeviceInfo
    requested: str | None = None
    found: bool = True
    kind: str = "input"

    @property
    def fell_back(self) -> bool:
        """True when a named device was asked for but the default is used instead."""
        return bool(self.requested) and not self.found

    @property
    def notice(self) -> str:
        """What to tell the user about a fallback, in plain words ("" when there was none)."""
        if not self.fell_back:
            return ""
        what = "microphone" if self.kind == "input" else "speaker"
        return (
            f"Your chosen {what} “{self.requested}” was not found, so the system default "
            f"“{self.device.name}” is used. Choose another in Settings."
        )


def _default(devices: list[DeviceInfo], kind: str) -> DeviceInfo:
    for d in devices:
        if d.is_default_input if kind == "input" else d.is_default_output:
            return d
    for preferred in ("pulse", "pipewire", "default"):
        for d in devices:
            if d.name == preferred:
                return d
    return devices[0]


def choose(name: str | None, devices: list[DeviceInfo], kind: str) -> DeviceChoice:
    """Picks a device by name (exact, else a case-insensitive part of it), else the default.

    Args:
        name: the name asked for (None or "" for the system default).
        devices: the devices of that kind.
        kind: ``input`` or ``output``.

    Returns:
        The choice; ``found`` is False when ``name`` matched nothing.

    Raises:
        AudioError: there is no device of that kind at all.
    """
    if not devices:
        raise AudioError(
            f"No {kind} device was found. Connect a "
            f"{'microphone' if kind == 'input' else 'speaker or headphones'} and try again."
        )
    if name:
        for d in devices:
            if d.name == name:
                return DeviceChoice(d, name, True, kind)
        for d in devices:
            if name.lower() in d.name.lower():
                return DeviceChoice(d, name, True, kind)
    choice = DeviceChoice(_default(devices, kind), name, not name, kind)
    if choice.fell_back:
        log.warning("%s device %r not found; using the default %r", kind, name,
                    choice.device.name)
    return choice


def _resolve(name: str | None, devices: list[DeviceInfo], kind: str) -> DeviceInfo:
    return choose(name, devices, kind).device


def choose_input(name: str | None = None) -> DeviceChoice:
    """Finds the microphone to use and says whether the named one was there.

    Args:
        name: device name (exact or a part of it); None for the default.

    Raises:
        AudioError: no input device at all, or PortAudio missing.
    """
    return choose(name, list_input_devices(), "input")


def resolve_input(name: str | None = None) -> DeviceInfo:
    """Finds the microphone to use: the named one, else the system default.

    Args:
        name: device name (exact or a part of it); None for the default.

    Raises:
        AudioError: no input device at all, or PortAudio missing.
    """
    return _resolve(name, list_input_devices(), "input")


def resolve_output(name: str | None = None) -> DeviceInfo:
    """Finds the speaker to use: the named one, else the system default.

    Raises:
        AudioError: no output device at all, or PortAudio missing.
    """
    return _resolve(name, list_output_devices(), "output")
