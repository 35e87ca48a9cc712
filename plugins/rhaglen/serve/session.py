"""`rhaglen serve`: build, serve, watch; rebuild on every change, in a thread of its own.

The server answers at once from the last build (a site, or the page of the problems that
stopped it); the builder builds each change into a fresh temporary folder and then
shows it. The terminal gets the address, then one line a build.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from contextlib import suppress
from datetime import date
from pathlib import Path
from types import FrameType, TracebackType

from ..site.build import BuildFailed, configure
from .builder import Attempt, Memory, Sources, attempt, config_sources, usual_sources
from .server import PreviewServer, Shown
from .watch import Fingerprint, fingerprint, only_under


class Preview:
    """A running preview: the server, and the builder that watches the sources."""

    def __init__(self, config_file: Path, as_of: date | None = None,
                 address: tuple[str, int] = ("127.0.0.1", 8000), poll: float = 0.3) -> None:
        self._config_file = Path(os.path.abspath(config_file))
        self._as_of, self._poll = as_of, poll
        self._server = PreviewServer(address)  # OSError if the address is taken
        self._work = Path(tempfile.mkdtemp(prefix="rhaglen-serve-"))
        self._sources: Sources = usual_sources(self._config_file)
        self._seen: Fingerprint | None = None
        # The site on show, what it was built from, and its data: a change to programme
        # data alone is built over it, rendering only what changed.
        self._live: Path | None = None
        self._built_from: Fingerprint | None = None
        self._memory = Memory()
        self._language = self._server.shown.default_language
        self._stop, self._building = threading.Event(), threading.Event()
        self._builder = threading.Thread(target=self._watch, name="rhaglen-builder", daemon=True)
        self._serving = threading.Thread(target=self._server.serve_forever, args=(0.1,),
                                         name="rhaglen-server", daemon=True)

    @property
    def url(self) -> str:
        """The address of the site's home page."""
        return self._server.url

    def settled(self) -> bool:
        """Whether what is served was built from the sources as they are on disk now."""
        return (not self._building.is_set() and self._seen is not None
                and fingerprint(self._sources.watched, self._sources.skipped) == self._seen)

    def start(self) -> Preview:
        self._serving.start()
        self._builder.start()
        return self

    def close(self, wait: float | None = None) -> None:
        """Stop serving; end a build under way (waiting up to `wait` seconds for it to
        stop), then tidy up. A build cut short is not reported: the preview is closing."""
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()
        deadline = None if wait is None else time.monotonic() + wait
        while self._builder.is_alive() and (deadline is None or time.monotonic() < deadline):
            if self._building.is_set():
                _end_builds()  # the languages' processes, forked by the build (side_by_side)
            self._builder.join(0.1)
        shutil.rmtree(self._work, ignore_errors=True)

    def __enter__(self) -> Preview:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def _watch(self) -> None:
        while not self._stop.is_set():
            if fingerprint(self._sources.watched, self._sources.skipped) != self._seen:
                self._building.set()
                try:
                    self._rebuild()
                finally:
                    self._building.clear()
            self._stop.wait(self._poll)

    def _rebuild(self) -> None:
        """Build what is on disk now; a change made meanwhile starts the next build."""
        started = time.monotonic()
        self._seen = fingerprint(self._sources.watched, self._sources.skipped)
        try:
            config, day = configure(self._config_file, self._as_of, strict=False)
        except BuildFailed as exc:
            self._publish(Attempt(None, tuple(str(exc).splitlines())), started, None)
            return
        found = config_sources(config, self._config_file)
        if found != self._sources:
            self._sources, self._seen = found, fingerprint(found.watched, found.skipped)
        plugin = config.plugins["rhaglen"]
        self._language = plugin.config["default_language"]
        data = Path(config.config_file_path).parent / plugin.config["programmes_dir"]
        built_from, seen = self._built_from, self._seen
        over = (self._live is not None and built_from is not None
                and only_under(built_from ^ seen, data))
        site = self._live if over and self._live else (
            self._work / f"site-{self._server.shown.generation + 1}")
        result = attempt(config, day, site, self._memory, over=over)
        self._live, self._built_from = (site, seen) if result.site else (None, None)
        self._publish(result, started, day)
        if result.finish is not None:  # the open data and search index, once pages show
            try:
                result.finish()
            except (BuildFailed, OSError) as exc:
                self._live = self._built_from = None  # build the next change whole
                if self._stop.is_set():
                    return
                print(f"The open data or search index was not written: {exc}",
                      file=sys.stderr, flush=True)

    def _publish(self, result: Attempt, started: float, day: date | None) -> None:
        if self._stop.is_set():  # closing: a build cut short is no news
            return
        generation = self._server.shown.generation + 1
        before = self._server.shown.site
        self._server.show(Shown(generation, result.site, result.problems, self._language))
        for old in self._work.glob("site-*"):  # the one before stays for requests under way
            if old not in (result.site, before):
                shutil.rmtree(old, ignore_errors=True)
        if result.site is not None:
            seconds = time.monotonic() - started
            print(f"Built as of {day} in {seconds:.1f} s.", file=sys.stderr, flush=True)
            return
        for line in result.problems:
            print(line, flush=True)
        print("Not built: every page of the preview shows why until it is fixed.",
              file=sys.stderr, flush=True)


def _interrupt(number: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _end_builds() -> None:
    """End the processes of a build under way: each is a child of this process."""
    for child in multiprocessing.active_children():
        child.terminate()


_STOPPING = {signal.SIGINT, signal.SIGTERM}


def _hold_signals() -> None:
    """Before a fork: the stopping signals wait, so that none reaches a child before it
    has its own handlers (Python's own after-fork work would print its traceback)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)


def _release_signals() -> None:
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)


def _as_a_build_process() -> None:
    """Signals in a process the preview forks to build: Ctrl+C reaches every process of
    the terminal's job, and it is the preview's to act on, not each build's (which would
    each print a traceback); SIGTERM, by which the preview ends a build, ends it quietly.
    A Ctrl+C that came while forking is dropped (ignored); a SIGTERM then ends it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _release_signals()


def serve(config_file: Path, address: tuple[str, int], as_of: date | None = None) -> int:
    """Serve a preview of the site until Ctrl+C (SIGINT, even if started ignoring it) or
    SIGTERM; 0, or 1/2 if it cannot start."""
    if not config_file.is_file():
        print(f"rhaglen serve: no such configuration file: {config_file}", file=sys.stderr)
        return 2
    try:
        preview = Preview(config_file, as_of, address)
    except OSError as exc:
        host, port = address
        print(f"rhaglen serve: cannot listen on {host}:{port}: {exc.strerror or exc}; stop "
              "what uses it or choose another address with -a", file=sys.stderr)
        return 1
    # SIGINT too, explicitly: a shell starts a background job (`rhaglen serve &`) with
    # SIGINT ignored, and Python then leaves it ignored, so `kill -INT` (or Ctrl+C after
    # `fg`) would never stop the preview.
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, _interrupt)
    os.register_at_fork(before=_hold_signals, after_in_parent=_release_signals,
                        after_in_child=_as_a_build_process)
    preview.start()
    print(f"Preview at {preview.url} (press Ctrl+C to stop)", file=sys.stderr, flush=True)
    try:
        with suppress(KeyboardInterrupt):
            threading.Event().wait()
    finally:
        preview.close(wait=2)
    return 0
