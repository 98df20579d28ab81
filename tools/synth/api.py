"""The package's public names (``tools/synth.py`` loaded by path re-exports these too)."""

from .answers import ANSWER_FIELDS, answers, write_answers
from .cli import KINDS, disclosures_of, generate_corpus, main, printed_any
from .figures import Disclosure, Style, generate, pick_units, style_of
from .national import PHASES, National, NationalStyle, generate_national, printed_amounts
from .national_tables import printed_national
from .pages import to_pdf, to_text
from .score import Score, score
from .tables import Printed, printed
from .variants import VARIANT_FIELDS, Variant, draw_variant

__all__ = [
    "ANSWER_FIELDS",
    "KINDS",
    "PHASES",
    "VARIANT_FIELDS",
    "Disclosure",
    "National",
    "NationalStyle",
    "Printed",
    "Score",
    "Style",
    "Variant",
    "answers",
    "disclosures_of",
    "draw_variant",
    "generate",
    "generate_corpus",
    "generate_national",
    "main",
    "pick_units",
    "printed",
    "printed_amounts",
    "printed_any",
    "printed_national",
    "score",
    "style_of",
    "to_pdf",
    "to_text",
    "write_answers",
]
