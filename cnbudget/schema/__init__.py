"""The published resources, said once.

The packager writes these into ``datapackage.json``, the model checks every row's fields
against them, the checks read their field names from here and the site's data dictionary is
generated from them.
"""

from cnbudget.schema.fields import CHECK_STATUSES, METRICS, ORIGINS, PHASES, REFERENCE_WINDOW, REVENUE_SOURCES, THREE_PUBLIC_ITEMS, Field, Resource
from cnbudget.schema.resources import BY_NAME, CLASSIFICATIONS, CONTRACT_VERSION, LEVELS, REFERENCE_ECONOMIC, REFERENCE_FUNCTION, RESOURCES

__all__ = [
    "BY_NAME",
    "CHECK_STATUSES",
    "CLASSIFICATIONS",
    "CONTRACT_VERSION",
    "LEVELS",
    "METRICS",
    "ORIGINS",
    "PHASES",
    "REFERENCE_ECONOMIC",
    "REFERENCE_FUNCTION",
    "REFERENCE_WINDOW",
    "RESOURCES",
    "REVENUE_SOURCES",
    "THREE_PUBLIC_ITEMS",
    "Field",
    "Resource",
]
