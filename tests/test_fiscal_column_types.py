"""Fields carry Fiscal Data Package 1.0 `columnType`s, spelled as FDP 1.0 spells them.

The names below are those of "Fiscal Data Package - Budget Standard Taxonomy" (1.0.0rc1, the
frictionlessdata specs; canonical at specs.frictionlessdata.io/taxonomies/fiscal/budgets.json), the
taxonomy the Fiscal Data Package 1.0 specification's examples use (`value` for an amount,
`phase:id`, `value-currency:code`, `functional-classification:generic:code` …). Only the entries
this project could use are listed; `{1..8}` stands for levels 1 to 8 as the taxonomy writes it.
"""

from __future__ import annotations

import re

from cnbudget.schema import RESOURCES

TAXONOMY = """
value value-kind:code value-kind:label value-currency:code value-currency:label
date:fiscal-year date:generic
functional-classification:generic:code functional-classification:generic:description functional-classification:generic:label
functional-classification:generic:level{1..8}:code functional-classification:generic:level{1..8}:label
economic-classification:generic:code economic-classification:generic:description economic-classification:generic:label
economic-classification:generic:level{1..4}:code economic-classification:generic:level{1..4}:label
administrative-classification:generic:code administrative-classification:generic:label
administrative-classification:generic:level{1..8}:code administrative-classification:generic:level{1..8}:label
activity:generic:program:code activity:generic:program:label activity:generic:project:code activity:generic:project:label
budget-line-id direction phase:id phase:label expenditure-type:code expenditure-type:label
fin-source:generic:code fin-source:generic:label geo:generic:code geo:generic:title
"""


def taxonomy() -> set[str]:
    names: set[str] = set()
    for name in TAXONOMY.split():
        levels = re.search(r"\{1\.\.(\d)\}", name)
        names |= {name.replace(levels[0], str(i)) for i in range(1, int(levels[1]) + 1)} if levels else {name}
    return names


def test_every_column_type_is_spelled_as_fdp_1_0_spells_it() -> None:
    known = taxonomy()
    used = {(r.name, f.name): f.fiscal for r in RESOURCES for f in r.fields if f.fiscal}
    assert used
    assert {where: name for where, name in used.items() if name not in known} == {}


def test_every_amount_is_a_value_and_every_value_a_number() -> None:
    amounts = 0
    for resource in RESOURCES:
        for field in resource.fields:
            if field.fiscal == "value":
                assert field.type == "number", (resource.name, field.name)
            if "In 万元 (10,000 yuan)" in field.description:  # said by schema.fields.amount_field
                amounts += 1
                assert field.descriptor()["columnType"] == "value", (resource.name, field.name)
    assert amounts
