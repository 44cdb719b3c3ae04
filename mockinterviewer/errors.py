"""Errors that carry a message meant for the user."""

from __future__ import annotations


class UserError(Exception):
    """A failure the user can act on; its message says what happened and what to do.

    The command line prints it as one ``error:`` line and exits with code 2; the GUI shows it in a
    dialog. It never carries a traceback to the user.
    """
