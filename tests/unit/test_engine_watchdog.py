"""The dynamic-provider host's engine watchdog (mechanisms/engine_watchdog.py): when it fires.

The real thing (a SIGKILLed `pulumi up` whose host then ends) is in tests/stack/test_killed_run.py.
"""

from __future__ import annotations

from pulumi_velocloud.mechanisms import engine_watchdog


def test_fires_only_once_the_parent_changed() -> None:
    parents = iter([4242, 4242, 4242, 1])
    sleeps: list[float] = []
    ended: list[int] = []
    engine_watchdog.watch(
        4242, 0.5, current_parent=lambda: next(parents), sleep=sleeps.append, end=ended.append
    )
    assert sleeps == [0.5, 0.5, 0.5] and ended == [1]  # three checks with the engine alive, then exit
    assert not engine_watchdog.engine_gone(4242, 4242)
    assert engine_watchdog.engine_gone(4242, 1) and engine_watchdog.engine_gone(
        4242, 777
    )  # init or a subreaper


def test_not_started_outside_the_provider_host_nor_for_an_unknown_parent() -> None:
    # pytest is not `python -m pulumi.dynamic`: the watchdog must never run in it (nor in the CLI)
    assert not engine_watchdog.start_engine_watchdog()
    assert not engine_watchdog._started.is_set()
    assert not engine_watchdog.watchable(0) and not engine_watchdog.watchable(1)
    assert engine_watchdog.watchable(4242)
