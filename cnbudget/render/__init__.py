"""Render stage: the published packages (never the extractor's memory) → the static site."""
