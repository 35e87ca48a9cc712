"""Jobs run side by side in processes of their own, and their failures come back."""

from __future__ import annotations

import errno
import os

import pytest
from rhaglen.site.side_by_side import JobFailed, can_fork, side_by_side

needs_fork = pytest.mark.skipif(not can_fork(), reason="no fork or a single core here")


@needs_fork
def test_each_job_runs_in_a_process_of_its_own_and_results_keep_their_order() -> None:
    results = side_by_side([lambda: ("a", os.getpid()), lambda: ("b", os.getpid())])
    assert [name for name, _ in results] == ["a", "b"]
    assert len({pid for _, pid in results} | {os.getpid()}) == 3


@needs_fork
def test_a_job_sees_this_process_as_it_was_and_changes_nothing_here() -> None:
    state = {"n": 1}

    def change() -> int:
        state["n"] += 1
        return state["n"]

    assert side_by_side([change, change]) == [2, 2]
    assert state == {"n": 1}


def fails() -> None:
    raise ValueError("the theme has no template base.html")


def disk_full() -> None:
    raise OSError(errno.ENOSPC, "No space left on device", "/site/index.html")


def test_a_failure_comes_back_as_its_message() -> None:
    with pytest.raises(JobFailed, match=r"no template base\.html"):
        side_by_side([lambda: 1, fails])


def test_a_disk_error_comes_back_whole() -> None:
    with pytest.raises(OSError) as raised:
        side_by_side([disk_full, lambda: 1])
    assert (raised.value.errno, raised.value.filename) == (errno.ENOSPC, "/site/index.html")


@needs_fork
def test_a_process_that_dies_is_a_failure_not_a_hang() -> None:
    with pytest.raises(JobFailed, match="stopped unexpectedly"):
        side_by_side([lambda: os._exit(9), lambda: 1])
