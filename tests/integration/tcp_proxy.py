"""A small TCP proxy on 127.0.0.1 that can break a connection on purpose.

It forwards every connection to a target port (Dovecot) and counts the bytes the server sends
to the client. When armed with `cut(after=N, mode=...)`, the next connection is broken once N
server->client bytes have passed:

- "close": both sockets are closed (the client sees EOF, a clean FIN),
- "reset": the client socket is closed with SO_LINGER 0 (the client sees a TCP RST),
- "stall": nothing more is forwarded, but the connection stays open (the client must time out).

A cut is one-shot: later connections are forwarded untouched, so the next sync can resume.
"""

from __future__ import annotations

import select
import socket
import struct
import threading
from types import TracebackType

MODES = ("close", "reset", "stall")


class TcpProxy:
    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._cut: tuple[int, str] | None = None
        self._sockets: set[socket.socket] = set()
        self._stopped = threading.Event()
        self.cuts = 0  # connections broken so far
        self.connections = 0
        self._thread = threading.Thread(target=self._accept, name="tcp-proxy", daemon=True)

    # -- control ---------------------------------------------------------------------------

    def start(self) -> TcpProxy:
        self._thread.start()
        return self

    def cut(self, after: int, mode: str = "close") -> None:
        """Break the next connection after `after` bytes from server to client."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        with self._lock:
            self._cut = (after, mode)

    def stop(self) -> None:
        self._stopped.set()
        try:
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() on Linux
        except OSError:
            pass
        _close(self._listener)
        with self._lock:
            sockets = list(self._sockets)
            self._sockets.clear()
        for s in sockets:
            _close(s)
        self._thread.join(timeout=5)

    def __enter__(self) -> TcpProxy:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- forwarding ------------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target, timeout=10)
                server.settimeout(None)
            except OSError:
                _close(client)
                continue
            with self._lock:
                plan, self._cut = self._cut, None
                self.connections += 1
                self._sockets.update((client, server))
            threading.Thread(
                target=self._forward, args=(client, server, plan), daemon=True
            ).start()

    def _forward(
        self, client: socket.socket, server: socket.socket, plan: tuple[int, str] | None
    ) -> None:
        """Copy both ways in one thread; with a plan, break after plan[0] server bytes."""
        passed = 0
        try:
            while not self._stopped.is_set():
                readable, _, _ = select.select([client, server], [], [], 0.2)
                for src in readable:
                    data = src.recv(65536)
                    if not data:
                        return
                    if src is client:
                        server.sendall(data)
                        continue
                    if plan is not None and passed + len(data) >= plan[0]:
                        client.sendall(data[: max(0, plan[0] - passed)])
                        self._break(client, server, plan[1])
                        return
                    client.sendall(data)
                    passed += len(data)
        except (OSError, ValueError):
            pass
        finally:
            for s in (client, server):
                self._forget(s)
                _close(s)

    def _break(self, client: socket.socket, server: socket.socket, mode: str) -> None:
        with self._lock:
            self.cuts += 1
        if mode == "stall":
            # keep the client's socket open and silent until it gives up (or the proxy stops)
            _close(server)
            while not self._stopped.is_set():
                readable, _, _ = select.select([client], [], [], 0.2)
                if readable and client.recv(65536) == b"":
                    return
            return
        if mode == "reset":
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        else:
            client.shutdown(socket.SHUT_RDWR)
        _close(client)

    def _forget(self, s: socket.socket) -> None:
        with self._lock:
            self._sockets.discard(s)


def _close(s: socket.socket) -> None:
    try:
        s.close()
    except OSError:
        pass
