"""The main window's screens: the stack they sit in, their rows in the navigation list, and the
screens built on their first visit (see :data:`~mockinterviewer.ui.screen_list.LAZY_SCREENS`).

Until its first visit a lazy screen is an empty placeholder page in the stack; the first visit
builds the real screen and puts it in the placeholder's place, so start-up stays quick.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QWidget

from mockinterviewer.ui.screen_list import LAZY_SCREENS, SCREENS

log = logging.getLogger(__name__)

W = TypeVar("W", bound=QWidget)


class ScreenHost:
    """Holds the window's screens by key and builds the lazy ones on their first visit.

    Args:
        stack: the stacked widget the screens are shown in (one page per screen, in
            :data:`SCREENS` order).
        nav: the navigation list; gets one row per screen, its key in ``UserRole``.
        builders: per screen key, what builds the screen (called once: at once for the
            screens built at start-up, on the first visit for the lazy ones).

    Attributes:
        screens: the screen (or a lazy screen's placeholder) by key; the same dict for the
            host's whole life, so others may keep a reference to it.
    """

    def __init__(self, stack: QStackedWidget, nav: QListWidget,
                 builders: Mapping[str, Callable[[], QWidget]]) -> None:
        self.stack = stack
        self.screens: dict[str, QWidget] = {}
        self._builders = dict(builders)
        self._lazy: set[str] = set()
        for i, (key, label, tip) in enumerate(SCREENS):
            if key in LAZY_SCREENS:
                widget = QWidget()
                widget.setAccessibleName(label)
                self._lazy.add(key)
            else:
                widget = self._builders[key]()
            self.screens[key] = widget
            stack.addWidget(widget)
            item = QListWidgetItem(label)
            item.setToolTip(f"{tip} (Ctrl+{(i + 1) % 10})" if i < 10 else tip)
            item.setData(Qt.ItemDataRole.UserRole, key)
            nav.addItem(item)

    def is_built(self, key: str) -> bool:
        """Whether the screen ``key`` exists (False for a lazy screen not visited yet)."""
        return key in self.screens and key not in self._lazy

    def ensure_built(self, key: str) -> QWidget:
        """Builds a lazily created screen on its first visit; returns the screen."""
        if key in self._lazy:
            self._lazy.discard(key)
            log.debug("building screen %s", key)
            placeholder = self.screens[key]
            real = self._builders[key]()
            index = self.stack.indexOf(placeholder)
            self.stack.insertWidget(index, real)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.screens[key] = real
        return self.screens[key]

    def built(self, key: str, kind: type[W]) -> W | None:
        """The screen ``key`` if it is built and a ``kind``; None before its first visit."""
        if not self.is_built(key):
            return None
        screen = self.screens[key]
        return screen if isinstance(screen, kind) else None

    def key_of(self, widget: QWidget | None) -> str:
        """The key of a screen widget ("" for a widget that is not one of the screens)."""
        return next((k for k, v in self.screens.items() if v is widget), "")
