"""The main window's screens: keys, navigation labels and tooltips, in shortcut order."""

from __future__ import annotations

# Screens built on their first visit (they read the history or draw charts).
LAZY_SCREENS = frozenset({"bank", "stories", "history", "progress", "coverage", "compare",
                          "loop"})

# (key, navigation label, tooltip). Order sets Ctrl+1..Ctrl+0.
SCREENS: tuple[tuple[str, str, str], ...] = (
    ("home", "Home", "Choose a principle and a mode"),
    ("rehearse", "Rehearse", "Answer out loud with live STAR timing"),
    ("learn", "Learn", "Read a model answer with coaching"),
    ("drill", "Drill", "Segment timing and rapid follow-ups"),
    ("test", "Test", "Ten practice questions"),
    ("bank", "Question bank", "Every question phrasing by principle"),
    ("stories", "My stories", "Write and import your own stories"),
    ("history", "History", "Every attempt, with its report"),
    ("progress", "Progress", "Charts of your timing and delivery"),
    ("coverage", "Coverage", "What to practise next"),
    ("compare", "Compare", "Two attempts side by side"),
    ("settings", "Settings", "Devices, model, voice"),
    ("loop", "Loop", "A mock interview loop: several principles, one debrief"),
)
