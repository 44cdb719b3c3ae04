"""Recording an answer: the capture object Rehearse and Drill share, its controls and audio out."""
