"""The user's own stories: the editor and its per-segment boxes."""
