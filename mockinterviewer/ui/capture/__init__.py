"""Recording an answer: the capture object Rehearse, Drill and Loop share, its controls and audio
out."""
