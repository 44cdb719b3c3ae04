"""The report router on its own: a stand-in window (a stack, a navigation list, the calls it
receives) instead of the main window."""

from __future__ import annotations

from typing import Any

from history_support import seed_scenario, spoken_analysis
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QWidget

from mockinterviewer.content.library import load_library
from mockinterviewer.ui.report_routing import ReportRouter
from mockinterviewer.ui.screen_list import SCREENS
from mockinterviewer.ui.services import Services


class Host(QWidget):
    """Implements :class:`ReportHost` and records where the router sends the user."""

    def __init__(self) -> None:
        super().__init__()
        self.services = Services(library=load_library())
        self.stack = QStackedWidget(self)
        self.nav = QListWidget(self)
        self.screen_pages: dict[str, QWidget] = {}
        for key, label, _tip in SCREENS:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            self.screen_pages[key] = QWidget()
            self.stack.addWidget(self.screen_pages[key])
        self.calls: list[tuple[Any, ...]] = []
        self.nav.setCurrentRow(0)
        self.nav_changes: list[int] = []
        self.nav.currentRowChanged.connect(self.nav_changes.append)

    def open_mode(self, mode: str, scenario_id: str) -> None:
        self.calls.append(("mode", mode, scenario_id))

    def show_drill(self, scenario_id: str, kind: str = "segment") -> None:
        self.calls.append(("drill", scenario_id, kind))

    def open_loop(self, plan: Any = None, loop_id: int | None = None) -> None:
        self.calls.append(("loop", loop_id))

    def show_screen(self, key: str) -> None:
        self.calls.append(("screen", key))
        self.stack.setCurrentWidget(self.screen_pages[key])

    def current_screen(self) -> str:
        return "report" if self.stack.currentWidget() is router_page(self) else "other"

    def refresh_history(self) -> None:
        self.calls.append(("refresh",))


def router_page(host: Host) -> QWidget:
    return host.findChild(ReportRouter).page


def test_a_rehearsal_report_shows_then_retry_next_and_the_nav_route_back(qtbot) -> None:
    host = Host()
    qtbot.addWidget(host)
    router = ReportRouter(host, host)
    host.stack.addWidget(router.page)
    host.show()
    scenario = seed_scenario()
    router.rehearsal_done(spoken_analysis(scenario), None, {})
    qtbot.waitUntil(lambda: host.stack.currentWidget() is router.page, timeout=10000)
    keys = [k for k, _l, _t in SCREENS]
    # the entry the report belongs to is highlighted without switching screens
    assert host.nav.currentRow() == keys.index("rehearse") and host.nav_changes == []
    qtbot.waitUntil(lambda: ("refresh",) in host.calls, timeout=5000)
    router.page.retry_requested.emit(scenario.id)
    ids = [s.id for s in host.services.scenarios]
    router.page.next_requested.emit(ids[-1])  # Next after the last wraps to the first
    assert host.calls[-2:] == [("mode", "rehearse", scenario.id), ("mode", "rehearse", ids[0])]
    router.nav_clicked(host.nav.item(keys.index("rehearse")))
    assert host.calls[-1] == ("screen", "rehearse")
    router.nav_clicked(host.nav.item(keys.index("home")))  # not on the report any more
    assert host.calls[-1] == ("screen", "rehearse")


def test_a_drill_report_retries_the_same_drill(qtbot) -> None:
    host = Host()
    qtbot.addWidget(host)
    router = ReportRouter(host, host)
    host.stack.addWidget(router.page)
    scenario = seed_scenario()
    router.show_report(spoken_analysis(scenario), None, owner="drill")
    router.drill_kind = "probe"
    router.page.retry_requested.emit(scenario.id)
    assert host.calls[-1] == ("drill", scenario.id, "probe")
    router.page.retry_requested.emit("")  # nothing to retry
    assert host.calls[-1] == ("drill", scenario.id, "probe")
