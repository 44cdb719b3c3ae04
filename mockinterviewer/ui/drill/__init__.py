"""The Drill screen: one segment against its target, or rapid follow-up probes, and their report."""
