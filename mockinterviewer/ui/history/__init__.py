"""Past practice: the history table, progress charts, principle coverage, side-by-side compare."""
