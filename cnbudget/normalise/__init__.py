"""Normalise stage: one disclosure's recognised blocks → typed rows of every resource (Decimal amounts, codes)."""
