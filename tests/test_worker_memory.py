"""A worker that runs out of memory is reported as such, even when it cannot say so through its pipe."""

from __future__ import annotations

from multiprocessing.connection import Connection

import pytest

from cnbudget.pipeline.workers import Bounds, Stopped, run_bounded

NO_LIMITS = Bounds(0.0, 0, 0.0)


def _value() -> str:
    return "read"


def _swells() -> str:
    raise MemoryError


def _pipe_out_of_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every answer a worker sends (a tuple) fails as if the pipe's pickling found no memory; the build's orders (ints) pass."""
    send = Connection.send

    def failing(self: Connection, obj: object) -> None:
        if isinstance(obj, tuple):
            raise MemoryError  # noqa: TRY004 - the failure being imitated, not a type check
        send(self, obj)

    monkeypatch.setattr(Connection, "send", failing)


def test_a_worker_that_cannot_even_send_its_memory_error_is_reported_at_the_memory_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    _pipe_out_of_memory(monkeypatch)
    [outcome] = run_bounded([_swells], 1, NO_LIMITS)
    assert isinstance(outcome, Stopped) and outcome.code == "memory-limit"


def test_values_that_cannot_be_sent_are_each_reported_at_the_memory_limit_and_the_build_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    _pipe_out_of_memory(monkeypatch)
    outcomes = list(run_bounded([_value, _value], 1, NO_LIMITS))
    assert [o.code if isinstance(o, Stopped) else o for o in outcomes] == ["memory-limit", "memory-limit"]


def test_values_and_memory_errors_travel_as_before() -> None:
    outcomes = list(run_bounded([_value, _swells, _value], 2, NO_LIMITS))
    assert outcomes[0] == "read" and outcomes[2] == "read"
    assert isinstance(outcomes[1], Stopped) and outcomes[1].code == "memory-limit"
