"""Loop mode: choosing a loop, answering its questions, and its debrief."""
