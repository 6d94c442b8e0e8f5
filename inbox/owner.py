"""One owner process per database while the app runs; commands hand themselves over to it.

Why: SQLite's locks are POSIX advisory locks, which a process loses when it closes *any*
descriptor of the database file, even one opened by other code (a file dialog sniffing the
file, a preview, a backup tool). Another process may then believe it is alone, checkpoint and
delete the WAL under the app's feet: lost writes and a damaged file ("How To Corrupt An SQLite
Database File", section 2.2). So while the app has a database open, it is the only process
that opens it:

- The app holds an exclusive `flock` on `<db>.lock` for its lifetime (flock locks belong to the
  open file description and survive close() of other descriptors). A second app on the same
  database is told so.
- A command-line process takes a shared `flock` for its run. When the app holds the lock, the
  command is handed over through a private Unix socket (0600, named in the lock file): the app
  runs it on its own connection, with the caller's user and password, and sends back the exit
  code and output. The app then sees the change at once (PRAGMA data_version).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import io
import json
import logging
import os
import socket
import struct
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from inbox.errors import LoketError

log = logging.getLogger("loket.owner")

_MAX_MESSAGE = 64 * 1024 * 1024


class AlreadyOpen(LoketError):
    """Another Loket window has this database open."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def socket_path(db_path: Path) -> Path:
    """A short private path (AF_UNIX paths are limited to about 100 bytes)."""
    digest = hashlib.sha256(str(db_path.resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"loket-{os.getuid()}-{digest}.sock"


def _open_lock(db_path: Path) -> int:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    return os.open(lock_path(db_path), os.O_RDWR | os.O_CREAT, 0o600)


class AppLock:
    """The app's exclusive hold on a database (released when the app ends, or its process)."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._fd: int | None = None

    def acquire(self, wait_seconds: float = 10.0) -> None:
        """Take the exclusive lock; waits a little for running commands, refuses a second app."""
        import time

        fd = _open_lock(self.db_path)
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if _holder(self.db_path) is not None:
                    os.close(fd)
                    raise AlreadyOpen(
                        "Loket is al geopend met deze database (in een ander venster)."
                    ) from None
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise AlreadyOpen(
                        "Er loopt nog een opdracht op deze database; probeer het zo opnieuw."
                    ) from None
                time.sleep(0.1)
        self._fd = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def announce(self, address: Path) -> None:
        """Write where commands can reach this app (read by `_holder`)."""
        assert self._fd is not None, "announce() after release()"
        data = json.dumps({"pid": os.getpid(), "socket": str(address)}).encode()
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, data, 0)

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
        os.close(self._fd)  # closing the descriptor releases the flock
        self._fd = None


def _holder(db_path: Path) -> Path | None:
    """The socket of the app holding `db_path`, if an app announced one."""
    try:
        text = lock_path(db_path).read_text(encoding="utf-8")
        found = json.loads(text) if text.strip() else None
    except (OSError, ValueError):
        return None
    if not isinstance(found, dict) or "socket" not in found:
        return None
    return Path(str(found["socket"]))


@contextlib.contextmanager
def command_lock(db_path: Path) -> Iterator[Path | None]:
    """For a command-line run: yields None when this process may open the database itself
    (holding a shared lock meanwhile), or the socket of the app to hand the command to."""
    if str(db_path) == ":memory:" or db_path.is_dir():
        yield None
        return
    try:
        fd = _open_lock(db_path)
    except OSError:
        yield None  # a read-only folder: nobody can hold the lock; the command reports the rest
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            address = _holder(db_path)
            if address is None:  # an app is starting: wait for it to announce itself
                fcntl.flock(fd, fcntl.LOCK_SH)
                yield None
                return
            yield address
            return
        yield None
    finally:
        os.close(fd)


# -- the wire: length-prefixed JSON -------------------------------------------------------------


def _send(conn: socket.socket, payload: dict[str, Any]) -> None:
    data = json.dumps(payload).encode("utf-8")
    conn.sendall(struct.pack("!I", len(data)) + data)


def _receive(conn: socket.socket) -> dict[str, Any]:
    head = _exactly(conn, 4)
    (size,) = struct.unpack("!I", head)
    if size > _MAX_MESSAGE:
        raise ValueError("message too large")
    found: dict[str, Any] = json.loads(_exactly(conn, size).decode("utf-8"))
    return found


def _exactly(conn: socket.socket, size: int) -> bytes:
    chunks = []
    while size:
        chunk = conn.recv(min(size, 1 << 20))
        if not chunk:
            raise ConnectionError("closed")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str


def hand_over(address: Path, argv: list[str], env: Mapping[str, str], stdin: str) -> Outcome:
    """Run a command in the app that owns the database; what it printed comes back."""
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.connect(str(address))
        _send(conn, {"argv": argv, "env": dict(env), "stdin": stdin})
        reply = _receive(conn)
    except (OSError, ValueError) as exc:
        raise LoketError(
            "Loket is geopend met deze database maar neemt de opdracht niet aan; sluit Loket "
            "en probeer het opnieuw."
        ) from exc
    finally:
        conn.close()
    return Outcome(int(reply["code"]), str(reply["stdout"]), str(reply["stderr"]))


# -- the app's side ------------------------------------------------------------------------------


class _PerThread(io.TextIOBase):
    """sys.stdout/stderr/stdin that a thread can point at its own buffer."""

    def __init__(self, default: TextIO) -> None:
        self.default = default
        self.local = threading.local()

    def _target(self) -> TextIO:
        found: TextIO | None = getattr(self.local, "target", None)
        return found if found is not None else self.default

    def write(self, text: str) -> int:
        return self._target().write(text)

    def flush(self) -> None:
        self._target().flush()

    def read(self, size: int | None = -1) -> str:
        return self._target().read(-1 if size is None else size)

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        return self._target().readline(-1 if size is None else size)

    def isatty(self) -> bool:
        return self._target().isatty()

    def fileno(self) -> int:
        return self._target().fileno()


def _per_thread(name: str) -> _PerThread:
    import sys

    current = getattr(sys, name)
    if not isinstance(current, _PerThread):
        current = _PerThread(current)
        setattr(sys, name, current)
    return current


Runner = Callable[[list[str], Mapping[str, str]], int]


class CommandServer:
    """Accepts handed-over commands on a private socket and runs them one at a time."""

    def __init__(self, db_path: Path, run: Runner) -> None:
        self.address = socket_path(db_path)
        self._run = run
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stopping = False

    def start(self) -> Path:
        self.address.unlink(missing_ok=True)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)  # the socket file 0600: only this user can connect
        try:
            sock.bind(str(self.address))
        finally:
            os.umask(old)
        sock.listen(8)
        self._sock = sock
        for name in ("stdout", "stderr", "stdin"):
            _per_thread(name)
        self._thread = threading.Thread(target=self._serve, name="loket-commands", daemon=True)
        self._thread.start()
        return self.address

    def stop(self) -> None:
        self._stopping = True
        if self._sock is not None:
            with contextlib.suppress(OSError):
                self._sock.shutdown(socket.SHUT_RDWR)
            self._sock.close()
        self.address.unlink(missing_ok=True)
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _serve(self) -> None:
        assert self._sock is not None
        while not self._stopping:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            with conn:
                try:
                    request = _receive(conn)
                    _send(conn, self._execute(request))
                except (OSError, ValueError, KeyError):
                    log.warning("a handed-over command could not be read or answered")

    def _execute(self, request: dict[str, Any]) -> dict[str, Any]:
        import sys

        out, err = io.StringIO(), io.StringIO()
        streams = [sys.stdout, sys.stderr, sys.stdin]
        targets = [out, err, io.StringIO(str(request.get("stdin", "")))]
        for stream, target in zip(streams, targets, strict=True):
            assert isinstance(stream, _PerThread)
            stream.local.target = target
        try:
            code = self._run([str(a) for a in request["argv"]], dict(request.get("env", {})))
        except SystemExit as exit_:  # a usage error of the parser
            code = exit_.code if isinstance(exit_.code, int) else 2
        except Exception:  # noqa: BLE001 - the app must survive a failing command
            log.exception("handed-over command failed")
            err.write("loket: onverwachte fout in de geopende Loket; zie het logbestand\n")
            code = 1
        finally:
            for stream in streams:
                assert isinstance(stream, _PerThread)
                stream.local.target = None
        return {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}
