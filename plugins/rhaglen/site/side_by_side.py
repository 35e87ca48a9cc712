"""Run a few jobs side by side, one forked process each, and collect what they return.

A forked process starts with a copy of this one: the loaded configuration, the checked
programmes, the derived pages. Nothing is sent to it, only its result comes back, so a
job may close over anything. Where the system cannot fork, the jobs run one by one here.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TypeVar

T = TypeVar("T")


class JobFailed(Exception):
    """A job raised (its message), or its process died."""


def _run(job: Callable[[], object], sender: Connection) -> None:
    try:
        sender.send((True, job()))
    except OSError as exc:  # a disk error comes back whole: what to do depends on it
        sender.send((False, OSError(exc.errno, exc.strerror, exc.filename)))
    except Exception as exc:  # others as text: not every exception can be pickled
        sender.send((False, str(exc) or traceback.format_exc().splitlines()[-1]))
    finally:
        sender.close()


def can_fork() -> bool:
    """Whether jobs really run side by side here (fork exists, and more than one core)."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


def side_by_side(jobs: list[Callable[[], T]]) -> list[T]:
    """The results of `jobs`, in order, each job in a process of its own; the first
    failure raised again here (OSError as it was, any other as JobFailed with its
    message). Each job starts from this process as it is now."""
    if len(jobs) < 2 or not can_fork():
        try:
            return [job() for job in jobs]
        except OSError:
            raise
        except Exception as exc:
            raise JobFailed(str(exc)) from exc
    context = multiprocessing.get_context("fork")
    running = []
    for job in jobs:
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_run, args=(job, sender), daemon=True)
        process.start()
        sender.close()
        running.append((process, receiver))
    outcomes: list[tuple[bool, object]] = []
    for process, receiver in running:
        try:
            outcomes.append(receiver.recv())
        except EOFError:  # it died before answering
            outcomes.append((False, "a build process stopped unexpectedly (out of memory?)"))
        finally:
            receiver.close()
            process.join()
    for ok, value in outcomes:
        if isinstance(value, OSError) and not ok:
            raise value
        if not ok:
            raise JobFailed(str(value))
    return [value for _, value in outcomes]  # type: ignore[misc]
