"""Official reference data the stages look up: the budget classifications and the administrative divisions."""
