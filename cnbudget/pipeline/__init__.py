"""The build: the stages in order, per source and per disclosure, with limits, workers and the cache."""
