"""Atomic file writes: a temp file in the same folder, then a rename, so no reader or crash ever
sees half a file. Temp files carry the writer's process id, so the leftovers of a killed run can
be told from the work of a run still going, and removed."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

_TEMP = re.compile(r"^\..+\.pid(?P<pid>\d+)\..+\.(?:tmp|part)$")

_UMASK = os.umask(0o022)
os.umask(_UMASK)  # read once, at import, while no other thread can be creating files


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, creating the folder if needed."""
    with atomic_writer(path) as handle:
        handle.write(data)


@contextmanager
def atomic_writer(path: Path, suffix: str = ".tmp") -> Iterator[BinaryIO]:
    """A file to write ``path``'s new content to: it replaces ``path`` when the block ends, and
    is removed instead if the block raises (the folder is created if needed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.pid{os.getpid()}.", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temps(folder: Path) -> int:
    """Remove the temp files that killed papersum processes left in ``folder``; how many."""
    removed = 0
    for path in folder.glob(".*"):
        match = _TEMP.match(path.name)
        if match and not _alive(int(match["pid"])):
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically, with ``\\n`` line endings on every platform."""
    write_bytes_atomic(path, text.encode("utf-8"))


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or the usual ones for a new file (mkstemp's are 0600)."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        return 0o666 & ~_UMASK
