"""Practice history: attempts in SQLite, insights for the views, and exports.

No Qt here; the widgets in ``mockinterviewer.ui`` read through :class:`HistoryStore`.
"""

from mockinterviewer.store.history import HistoryStore
from mockinterviewer.store.model import VERDICTS, Attempt, PromptStats, verdict_rank
from mockinterviewer.store.schema import SCHEMA_VERSION, StoreError, StoreLockedError

__all__ = [
    "SCHEMA_VERSION",
    "VERDICTS",
    "Attempt",
    "HistoryStore",
    "PromptStats",
    "StoreError",
    "StoreLockedError",
    "verdict_rank",
]
