"""The report of one answer: timing, findings, transcript, the strong example, exports."""
