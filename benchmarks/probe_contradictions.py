"""Probe the checks (issue 14) with invented short disclosures, each in two forms, by kind of contradiction.

The cases (benchmarks/probe_contradiction_kinds.py) are read as the build reads a .txt source (read, recognised,
identified, normalised, checked). A case's **consistent** form has every figure agree, so any ``fail`` of any check on it
is FALSE; its **planted** form carries one contradiction of a named kind, FOUND when a ``fail`` of the expected check
quotes the planted words, else MISSED. A benchmark of kinds, not of documents.

    python benchmarks/probe_contradictions.py           # every case
    python benchmarks/probe_contradictions.py --bad     # the MISSED and FALSE ones only

Prints FOUND / MISSED per planted form and FALSE per consistent form that fails, the counts by kind; exit 1 on any FALSE.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the worktree's cnbudget, as the build's is
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the cases beside this file
from probe_contradiction_kinds import cases

from cnbudget.checks import check_disclosure
from cnbudget.normalise.disclosure import normalise_disclosure
from cnbudget.normalise.evidence import document_evidence
from cnbudget.pipeline.per_source import read_one
from cnbudget.recognise.identify import merge_identities

# a probe page carries only the tables its kind needs: the disclosure's missing tables are the probe's making
IGNORED = frozenset({"required-table-present"})


def fails(text: str) -> list[tuple[str, str]]:
    """(check, detail) of each fail on ``text`` read as the build reads a .txt source."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "unit.txt"
        path.write_text(text, encoding="utf-8")
        result = read_one(path)
        assert result.document is not None and result.identity is not None, result.error
        disclosure = normalise_disclosure([result.document], result.blocks, merge_identities([result.identity]), {})
        document_evidence(disclosure, result.document.lines)
        return [(r["check_id"], r["detail"]) for r in check_disclosure(disclosure) if r["status"] == "fail" and r["check_id"] not in IGNORED]


def _flat(text: str) -> str:
    """``text`` without its spaces (a detail quotes the prose without them)."""
    return "".join(text.split())


def main(argv: list[str]) -> int:
    """Print FOUND / MISSED per planted form, FALSE per failing consistent form, counts by kind; 1 on any FALSE."""
    counts: dict[str, Counter[str]] = {}
    for case in cases():
        c = counts.setdefault(case.kind, Counter())
        false = fails(case.consistent)
        planted = fails(case.planted)
        found = any(check in case.checks and _flat(case.words) in _flat(detail) for check, detail in planted)
        c["cases"] += 1
        c["FOUND" if found else "MISSED"] += 1
        c["FALSE"] += bool(false)
        if not found or "--bad" not in argv:
            got = "" if found else f"| got {[(k, d[:140]) for k, d in planted]}"
            print("FOUND " if found else "MISSED", case.kind, "|", case.wording, "|", case.words, got)
        for check, detail in false:
            print("FALSE ", case.kind, "|", case.wording, "|", check, detail[:240])
    print("\n| kind | cases | FOUND | MISSED | FALSE |\n|---|---|---|---|---|")
    for kind, c in counts.items():
        print(f"| {kind} | {c['cases']} | {c['FOUND']} | {c['MISSED']} | {c['FALSE']} |")
    total = sum(counts.values(), Counter())
    print(f"\n{total['cases']} cases over {len(counts)} kinds: {total['FOUND']} FOUND, {total['MISSED']} MISSED, {total['FALSE']} FALSE"
          " (consistent forms that fail)")
    return 1 if total["FALSE"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
