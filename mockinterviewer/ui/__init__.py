"""Qt widgets. Nothing here does audio, model or speech work itself; workers do."""
