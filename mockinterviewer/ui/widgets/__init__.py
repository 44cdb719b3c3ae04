"""Reusable widgets shared by several screens (meters, the STAR strip, charts, the transcript)."""
