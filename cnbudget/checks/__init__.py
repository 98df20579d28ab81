"""Check stage: a disclosure against itself (identities, prose against tables, classification), as rows of ``checks``."""
