"""Thin adapters that run long jobs off the UI thread and report through Qt signals."""
