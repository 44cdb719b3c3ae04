"""The report's Transcript tab: the answer's words, played back with the current word highlighted.

Words are coloured by STAR segment; fillers, hedges and pet phrases have a background colour (the
legend says which). Clicking a word plays the recording from it; Space plays and pauses anywhere in
the tab. Playback goes through the services' ``AudioPlayer`` (opened off the UI thread by
``capture.audio_out``); a timer polls its position to move the highlight, drawn as an extra
selection so the page never re-renders while it plays.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QRect, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from mockinterviewer.coach.types import SegmentResult
from mockinterviewer.coach.word_marks import WordMarkLike, filler_marks, word_at, word_kinds
from mockinterviewer.transcript import Word
from mockinterviewer.ui import theme
from mockinterviewer.ui.capture import audio_out
from mockinterviewer.ui.services import AudioPlayer
from mockinterviewer.ui.widgets.star_strip import format_seconds

log = logging.getLogger(__name__)

ReplayState = Literal["idle", "playing", "paused"]
POLL_MS = 50
_HREF = "word:"
KIND_NAMES = {"filler": "filler", "hedge": "hedge", "pet_phrase": "pet phrase"}


def mark_colors(palette: QPalette | None = None) -> dict[str, str]:
    """Background colours of the highlighted kinds and of the word playing now."""
    c = theme.colors(palette)
    if c.dark:
        return {"filler": c.mark, "hedge": "#1d4468", "pet_phrase": "#5c2b55", "now": c.link}
    return {"filler": c.mark, "hedge": "#cfe3ff", "pet_phrase": "#f5d3ee", "now": c.link}


def replay_html(segments: Sequence[SegmentResult], words: Sequence[Word],
                kinds: Sequence[str | None], palette: QPalette | None = None) -> str:
    """The transcript as HTML: a paragraph per STAR segment, each word a link to its index.

    Args:
        segments: ``coach.SegmentResult`` values (their words are found in ``words`` in order).
        words: the answer's words.
        kinds: per word, the highlighted kind (``word_marks.word_kinds``) or None.
        palette: the palette (default: the application's).
    """
    c = theme.colors(palette)
    colors = mark_colors(palette)
    parts: list[str] = []
    j = 0
    for seg in segments:
        seg_words = tuple(seg.words)
        if not seg_words:
            continue
        color = theme.segment_color(seg.label, palette).name()
        body: list[str] = []
        prev_kind: str | None = None
        for w in seg_words:
            k = next((i for i in range(j, len(words)) if words[i] == w), None)
            if k is None:
                continue
            j = k + 1
            kind = kinds[k] if k < len(kinds) else None
            if body:  # the space inside a run of one kind keeps its colour
                body.append(f'<span style="background-color:{colors[kind]}"> </span>'
                            if kind is not None and kind == prev_kind else " ")
            prev_kind = kind
            style = f"color:{color}; text-decoration:none"
            title = ""
            if kind is not None:
                style += f"; background-color:{colors[kind]}"
                title = f' title="{KIND_NAMES[kind]}"'
            body.append(f'<a href="{_HREF}{k}" style="{style}"{title}>'
                        f"{html.escape(w.word.strip())}</a>")
        parts.append(
            f'<p style="margin-bottom:8px"><span style="color:{color}; font-weight:bold">'
            f"{html.escape(seg.label.title())}</span> "
            f'<span style="color:{c.muted}">({seg.seconds:.0f} s)</span><br>'
            + "".join(body) + "</p>")
    if not parts:
        return f'<p style="color:{c.muted}">Nothing was transcribed.</p>'
    return "".join(parts)


def legend_html(palette: QPalette | None = None) -> str:
    """The legend of the highlight colours."""
    colors = mark_colors(palette)
    base = theme.colors(palette).base
    chips = [f'<span style="background-color:{colors[k]}">&nbsp;{name}&nbsp;</span>'
             for k, name in KIND_NAMES.items()]
    chips.append(f'<span style="background-color:{colors["now"]}; color:{base}">'
                 "&nbsp;playing now&nbsp;</span>")
    return ("Highlighted: " + " ".join(chips)
            + " · click a word to play from it · Space plays or pauses")


class TranscriptReplay(QWidget):
    """The transcript with playback controls.

    Signals:
        current_word_changed: index of the word highlighted as playing (-1: none).
        state_changed: ``idle``, ``playing`` or ``paused``.
        message: a sentence for the report's status line.
    """

    current_word_changed = Signal(int)
    state_changed = Signal(str)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player: AudioPlayer | None = None
        self.recording: Path | None = None
        self.words: tuple[Word, ...] = ()
        self.kinds: list[str | None] = []
        self.state: ReplayState = "idle"
        self.current = -1
        self.origin = 0.0  # recording seconds where the current play began
        self.resume_at = 0.0
        self._started = False
        self._play_id = 0
        self._ranges: dict[int, tuple[int, int]] = {}

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.controls = QWidget()
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(4, 4, 4, 0)
        self.play_button = QPushButton("Play")
        self.play_button.setAccessibleName("Play or pause the recording")
        self.play_button.clicked.connect(self.toggle)
        self.clock = QLabel()
        self.clock.setProperty("role", "muted")
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName("Legend of the highlight colours")
        row.addWidget(self.play_button)
        row.addWidget(self.clock)
        row.addSpacing(12)
        row.addWidget(self.legend, 1)
        lay.addWidget(self.controls)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName("Transcript coloured by segment")
        self.browser.anchorClicked.connect(self._clicked)
        lay.addWidget(self.browser, 1)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.space = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        self.space.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.space.activated.connect(self.toggle)
        self._show_state()

    # -- content ----------------------------------------------------------------------------------

    def show_answer(self, segments: Sequence[SegmentResult], words: Sequence[Word],
                    marks: Sequence[WordMarkLike] = (), recording: Path | None = None,
                    player: AudioPlayer | None = None) -> None:
        """Shows an answer's words, ready to play.

        Args:
            segments: its ``SegmentResult`` values.
            words: its words (mark indexes point into these).
            marks: hedges and pet phrases (fillers are found from the words).
            recording: the answer's recording (None: the words show, nothing plays).
            player: the services' player.
        """
        self.stop()
        self.words = tuple(words)
        self.recording, self.player = recording, player
        self.kinds = word_kinds(len(self.words), tuple(filler_marks(self.words)) + tuple(marks))
        self.resume_at, self.current = 0.0, -1
        self.browser.setHtml(replay_html(segments, self.words, self.kinds, self.palette()))
        self._ranges = self._word_ranges()
        self.legend.setText(legend_html(self.palette()))
        self.controls.setVisible(bool(self.words))
        self.play_button.setEnabled(self.can_play)
        self._highlight(-1)
        self._show_state()

    def clear(self) -> None:
        """Empties the tab (the page then shows other text through :attr:`browser`)."""
        self.stop()
        self.words, self.kinds, self._ranges = (), [], {}
        self.recording = None
        self.browser.clear()
        self.browser.setExtraSelections([])
        self.controls.hide()

    # -- playback ---------------------------------------------------------------------------------

    @property
    def can_play(self) -> bool:
        """Whether there is a recording and words to follow."""
        return bool(self.words) and self.recording is not None

    def play_from(self, seconds: float) -> None:
        """Plays the recording from ``seconds`` and follows it."""
        if not self.words:
            return
        if self.recording is None:
            self.message.emit("The recording is not available, so the answer cannot be played.")
            return
        if self.player is None or not self.recording.exists():
            self.message.emit(audio_out.play_file(self.player, self.recording, seconds))
            return
        self._timer.stop()
        if self.state == "playing":
            audio_out.stop(self.player)
        self._play_id += 1
        play_id = self._play_id
        self.origin, self._started = max(0.0, seconds), False
        self._set_state("playing")
        self._move_to(self.origin)
        self.message.emit(audio_out.play_file(
            self.player, self.recording, self.origin, on_error=self._failed,
            on_started=lambda: self._on_started(play_id)))

    def play_word(self, index: int) -> None:
        """Plays from the start of word ``index``."""
        if 0 <= index < len(self.words):
            self.play_from(self.words[index].start)

    def toggle(self) -> None:
        """Space and the button: pause while playing, otherwise play (from where it paused)."""
        if self.state == "playing":
            self.pause()
        elif self.words:
            self.play_from(self.resume_at)

    def pause(self) -> None:
        """Stops the sound and remembers where."""
        if self.state != "playing":
            return
        self._timer.stop()
        at = self._now()
        self._set_state("paused")
        audio_out.stop(self.player)
        self.resume_at = at
        self._move_to(at)

    def stop(self) -> None:
        """Stops any playback (new content, or the page goes away)."""
        self._timer.stop()
        self._play_id += 1
        if self.state == "playing":
            audio_out.stop(self.player)
        self._set_state("idle")

    def _now(self) -> float:
        if not self._started or self.player is None:
            return self.origin
        return self.origin + float(self.player.position)

    def _on_started(self, play_id: int) -> None:
        if play_id != self._play_id or self.state != "playing":
            if self.state != "playing":  # paused before the sound came
                audio_out.stop(self.player)
            return
        self._started = True
        self._timer.start()

    def _failed(self, message: str) -> None:
        self._timer.stop()
        self._set_state("idle")
        self.message.emit(message)

    def _poll(self) -> None:
        if self.player is None or self.state != "playing":
            self._timer.stop()
            return
        at = self._now()
        self._move_to(at)
        if not self.player.is_playing:  # reached the end
            self._timer.stop()
            self.resume_at = 0.0
            self._set_state("idle")

    def _move_to(self, seconds: float) -> None:
        i = word_at(self.words, seconds)
        end = self.words[-1].end if self.words else 0.0
        self.clock.setText(f"{format_seconds(seconds)} / {format_seconds(end)}")
        self._highlight(-1 if i is None else i)

    def _set_state(self, state: ReplayState) -> None:
        if state != self.state:
            self.state = state
            self._show_state()
            self.state_changed.emit(state)

    def _show_state(self) -> None:
        playing = self.state == "playing"
        self.play_button.setText("Pause" if playing else "Play")
        icon = (QStyle.StandardPixmap.SP_MediaPause if playing
                else QStyle.StandardPixmap.SP_MediaPlay)
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setToolTip(
            "Pause (Space)" if playing else "Play the answer (Space)" if self.can_play
            else "The recording is not available, so the answer cannot be played.")

    # -- the highlight ----------------------------------------------------------------------------

    def _clicked(self, url: QUrl) -> None:
        href = url.toString()
        if href.startswith(_HREF) and href[len(_HREF):].isdigit():
            self.play_word(int(href[len(_HREF):]))

    def _word_ranges(self) -> dict[int, tuple[int, int]]:
        """Document positions of each word, read from the links' formats."""
        ranges: dict[int, tuple[int, int]] = {}
        block = self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                href = frag.charFormat().anchorHref()
                if href.startswith(_HREF) and href[len(_HREF):].isdigit():
                    k = int(href[len(_HREF):])
                    a, b = frag.position(), frag.position() + frag.length()
                    old = ranges.get(k)
                    ranges[k] = (min(a, old[0]), max(b, old[1])) if old else (a, b)
                it += 1
            block = block.next()
        return ranges

    def _highlight(self, index: int) -> None:
        if index == self.current:
            return
        self.current = index
        span = self._ranges.get(index)
        if span is None:
            self.browser.setExtraSelections([])
        else:
            cursor = QTextCursor(self.browser.document())
            cursor.setPosition(span[0])
            cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            colors = mark_colors(self.palette())
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(colors["now"]))
            fmt.setForeground(QColor(theme.colors(self.palette()).base))
            sel.format = fmt
            self.browser.setExtraSelections([sel])
            self._scroll_to(cursor)
        self.current_word_changed.emit(index)

    def _scroll_to(self, cursor: QTextCursor) -> None:
        rect: QRect = self.browser.cursorRect(cursor)
        view = self.browser.viewport().rect()
        if not view.contains(rect):
            bar = self.browser.verticalScrollBar()
            bar.setValue(bar.value() + rect.center().y() - view.height() // 2)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        """Leaving the tab pauses the playback."""
        self.pause()
        super().hideEvent(event)
