"""Contradictions a careful reader finds that the checks passed over or silenced (issue 14, session 13).

Each rule on a tiny invented input of the kind the development sets and corpora hold (names and amounts changed),
with its counter-case: what the rule must not report, or must not hide.
"""

from __future__ import annotations

from cnbudget.checks.prose import check_shares
from cnbudget.model import Evidence
from cnbudget.normalise.prose_amounts import statements

from .checks.conftest import run

# 1. a share printed a unit off so the run adds up to 100% is a misstatement where its amount is exact


def _share_statuses(prose: str, amount: str) -> list[tuple[str, str, str]]:
    results = run(check_shares, evidence=Evidence(prose=prose, statements=statements(prose)))
    return [(r["status"], r["severity"] or "", r["detail"]) for r in results if r["subject"].split("/")[1] == amount]


def test_a_share_of_an_exact_amount_moved_a_unit_to_make_a_hundred_still_fails() -> None:
    # 4520.20 + 382.20 + 97.60 = 5000.00; rounded one by one 90.40 + 7.64 + 1.95 = 99.99%: the writer printed 7.65%
    # for 382.20 (7.644%) so the run adds up to 100.00%; 382.20 has its decimals, so no figure behind it gives 7.65%
    prose = "收入预算5000.00万元,其中:财政拨款4520.20万元,占90.40%;事业收入382.20万元,占7.65%;其他收入97.60万元,占1.95%。"
    ((status, severity, detail),) = _share_statuses(prose, "382.20")
    assert (status, severity) == ("fail", "rounding")
    assert "382.20" in detail and "7.65%" in detail and "7.64%" in detail
    # counter-case: the moved part printed as a whole number (300 of 11654.33, 2.574% printed 2.58% in a run of 100.00%)
    # may stand for a figure that gives 2.58%: not judged, with the reason
    whole = "收入预算11654.33万元,其中:财政拨款3225万元,占27.67%;事业收入8000万元,占68.64%;其他收入300万元,占2.58%;上年结转129.33万元,占1.11%。"
    ((status, _, detail),) = _share_statuses(whole, "300")
    assert status == "not_applicable" and "100%" in detail and "整数" in detail
