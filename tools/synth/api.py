"""The package's public names (``tools/synth.py`` loaded by path re-exports these too)."""

from .answers import ANSWER_FIELDS, answers
from .cli import generate_corpus, main
from .figures import Disclosure, Style, generate, pick_units, style_of
from .pages import to_pdf, to_text
from .score import Score, score
from .tables import Printed, printed

__all__ = [
    "ANSWER_FIELDS",
    "Disclosure",
    "Printed",
    "Score",
    "Style",
    "answers",
    "generate",
    "generate_corpus",
    "main",
    "pick_units",
    "printed",
    "score",
    "style_of",
    "to_pdf",
    "to_text",
]
