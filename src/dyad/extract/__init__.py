"""Extraction: Document -> records (dates, states, people, events, tenures); rules live in data
files."""
