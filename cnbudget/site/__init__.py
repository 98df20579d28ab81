"""The render stage's parts: read published packages, shape pages, label values."""
