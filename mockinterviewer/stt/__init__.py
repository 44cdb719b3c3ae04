"""stt layer."""
