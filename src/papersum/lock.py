"""One papersum at a time on a list's folder: ``run``, ``apply``, ``review`` and ``calibrate``
hold ``.papersum/lock`` (``filelock``: an OS lock, so a process that dies, even by ``kill -9``,
releases it and the next one simply takes it). A second command waits ``PAPERSUM_LOCK_WAIT``
seconds (``config.lock_wait``), saying whom it waits for, then refuses with one line naming the holder's
pid, command and start time. Read-only commands (``status``, ``suggest``, ``resolve``) never wait.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from papersum.errors import LockedError

LOCK_NAME = "lock"
HOLDER_NAME = "lock.json"


@contextmanager
def folder_lock(
    state_dir: Path, *, wait: float, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the folder's lock for the block: at once if free, else after waiting up to ``wait``
    seconds (``on_wait`` hears whom for); ``LockedError`` names the holder when it stays taken."""
    from filelock import FileLock, Timeout

    state_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(state_dir / LOCK_NAME)
    holder_file = state_dir / HOLDER_NAME
    try:
        lock.acquire(timeout=0)
    except Timeout:
        holder = _holder(holder_file)
        if on_wait:
            on_wait(f"waiting up to {wait:g} s for {holder} to finish with this folder")
        try:
            lock.acquire(timeout=wait)
        except Timeout:
            raise LockedError(
                f"{holder} is working on this list's folder ({state_dir.parent}); wait for it to "
                "finish (or stop it), then run again"
            ) from None
    try:
        holder_file.write_text(
            json.dumps(
                {
                    "pid": os.getpid(),
                    "command": " ".join(["papersum", *sys.argv[1:2]]),
                    "since": datetime.now().astimezone().isoformat(timespec="seconds"),
                }
            )
        )
        yield
    finally:
        holder_file.unlink(missing_ok=True)
        lock.release()


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text())
        since = str(info["since"]).replace("T", " ")
        return f"`{info['command']}` (pid {info['pid']}, since {since})"
    except (OSError, ValueError, KeyError, TypeError):
        return "another papersum"
