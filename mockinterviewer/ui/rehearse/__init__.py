"""The Rehearse screen: a question, a spoken answer with live STAR timing, follow-up probes."""
