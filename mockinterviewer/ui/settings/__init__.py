"""The Settings screen and its sections (audio devices, the speech model)."""
