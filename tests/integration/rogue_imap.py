"""A misbehaving IMAP server for tests, next to the real Dovecot: just enough IMAP4rev1 for
Loket's sync (LOGIN, EXAMINE/SELECT, UID SEARCH, UID FETCH, LOGOUT), over plain TCP on
127.0.0.1, with faults to switch on:

- cut: close the connection halfway through a message's literal
- garbage: answer a FETCH with a line that is not IMAP
- omit: leave a UID out of a FETCH answer (the server still has it), `omit_times` passes
- hang: never answer a FETCH (until the test ends)
- literal: announce a literal larger than the bytes that follow

Each fault fires once (or `omit_times` times) and then the server behaves, so a test can show
that the next pass brings everything. Mail is a list of (UID, bytes); `expunge` removes one.
"""

from __future__ import annotations

import socket
import socketserver
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

UIDVALIDITY = 4242


@dataclass
class Faults:
    cut_at: int | None = None  # UID whose literal is cut
    garbage_at: int | None = None  # UID whose FETCH answer is garbage
    omit: set[int] = field(default_factory=set)  # UIDs left out of BODY FETCH answers
    omit_times: int = 1
    hang_at: int | None = None  # UID whose FETCH is never answered
    literal_at: int | None = None  # UID whose literal size is announced wrong


class RogueImap:
    def __init__(self, user: str = "kcc@gemeente.test", password: str = "geheim") -> None:
        self.user, self.password = user, password
        self.mail: list[tuple[int, bytes]] = []
        self.faults = Faults()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.fetches = 0  # BODY fetch commands answered
        rogue = self

        class Handler(socketserver.StreamRequestHandler):
            timeout = 30

            def handle(self) -> None:
                _Session(rogue, self.connection, self.rfile, self.wfile).run()

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = int(self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def append(self, raw: bytes) -> int:
        with self.lock:
            uid = (self.mail[-1][0] if self.mail else 0) + 1
            self.mail.append((uid, raw))
            return uid

    def expunge(self, uid: int) -> None:
        with self.lock:
            self.mail = [(u, r) for u, r in self.mail if u != uid]

    def __enter__(self) -> RogueImap:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()


def _uid_set(text: str, known: list[int]) -> list[int]:
    top = max(known, default=0)
    out: set[int] = set()
    for part in text.split(","):
        if ":" in part:
            a, b = part.split(":")
            lo = top if a == "*" else int(a)
            hi = top if b == "*" else int(b)
            lo, hi = min(lo, hi), max(lo, hi)
            out |= {u for u in known if lo <= u <= hi}
            if b == "*" and not any(lo <= u for u in known) and known:
                out.add(top)  # RFC 3501: n:* always includes the highest UID
        else:
            value = top if part == "*" else int(part)
            if value in known:
                out.add(value)
    return sorted(out)


class _Session:
    def __init__(self, rogue: RogueImap, sock: socket.socket, rfile: object,
                 wfile: object) -> None:
        self.rogue = rogue
        self.sock = sock
        self.rfile = rfile
        self.wfile = wfile

    def send(self, data: bytes) -> None:
        self.wfile.write(data)  # type: ignore[attr-defined]
        self.wfile.flush()  # type: ignore[attr-defined]

    def lines(self) -> Iterator[str]:
        while not self.rogue.stop.is_set():
            try:
                line = self.rfile.readline()  # type: ignore[attr-defined]
            except OSError:
                return
            if not line:
                return
            yield line.decode("utf-8", "replace").rstrip("\r\n")

    def run(self) -> None:
        self.send(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] rogue ready\r\n")
        for line in self.lines():
            tag, _, rest = line.partition(" ")
            command, _, args = rest.partition(" ")
            command = command.upper()
            try:
                if not self.answer(tag, command, args):
                    return
            except (OSError, ValueError):
                return

    def answer(self, tag: str, command: str, args: str) -> bool:
        if command == "CAPABILITY":
            self.send(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + f"{tag} OK done\r\n".encode())
        elif command == "LOGIN":
            self.send(f"{tag} OK logged in\r\n".encode())
        elif command in ("SELECT", "EXAMINE"):
            with self.rogue.lock:
                count = len(self.rogue.mail)
                uidnext = (self.rogue.mail[-1][0] if self.rogue.mail else 0) + 1
            self.send(
                f"* {count} EXISTS\r\n* 0 RECENT\r\n* FLAGS (\\Seen)\r\n"
                f"* OK [UIDVALIDITY {UIDVALIDITY}] ok\r\n* OK [UIDNEXT {uidnext}] ok\r\n"
                f"{tag} OK [READ-ONLY] done\r\n".encode()
            )
        elif command == "UID":
            sub, _, rest = args.partition(" ")
            if sub.upper() == "SEARCH":
                self.search(tag, rest)
            elif sub.upper() == "FETCH":
                return self.fetch(tag, rest)
            else:
                self.send(f"{tag} BAD unknown\r\n".encode())
        elif command == "LOGOUT":
            self.send(f"* BYE bye\r\n{tag} OK bye\r\n".encode())
            return False
        elif command == "NOOP":
            self.send(f"{tag} OK noop\r\n".encode())
        else:
            self.send(f"{tag} BAD unknown command\r\n".encode())
        return True

    def search(self, tag: str, criteria: str) -> None:
        with self.rogue.lock:
            known = [u for u, _ in self.rogue.mail]
        words = criteria.split()
        found = known
        if len(words) >= 2 and words[0].upper() == "UID":
            found = _uid_set(words[1], known)
        self.send(f"* SEARCH {' '.join(map(str, found))}\r\n{tag} OK search\r\n".encode())

    def fetch(self, tag: str, rest: str) -> bool:
        uid_text, _, items = rest.partition(" ")
        with self.rogue.lock:
            mail = dict(self.rogue.mail)
        uids = _uid_set(uid_text, sorted(mail))
        faults = self.rogue.faults
        if "RFC822.SIZE" in items.upper():
            out = b"".join(
                f"* {i + 1} FETCH (UID {u} RFC822.SIZE {len(mail[u])})\r\n".encode()
                for i, u in enumerate(uids)
            )
            self.send(out + f"{tag} OK fetch\r\n".encode())
            return True
        self.rogue.fetches += 1
        omitting = faults.omit_times > 0 and bool(faults.omit & set(uids))
        for i, uid in enumerate(uids):
            raw = mail[uid]
            if omitting and uid in faults.omit:
                continue
            head = f"* {i + 1} FETCH (UID {uid} BODY[] {{{len(raw)}}}\r\n".encode()
            if faults.hang_at == uid:
                faults.hang_at = None
                self.rogue.stop.wait(60)
                return False
            if faults.cut_at == uid:
                faults.cut_at = None
                self.send(head + raw[: len(raw) // 2])
                self.sock.shutdown(socket.SHUT_RDWR)
                return False
            if faults.garbage_at == uid:
                faults.garbage_at = None
                self.send(b"* \xff\xfe FETCH ((UID ][ BODY[ {{{ garbage\r\n")
                continue
            if faults.literal_at == uid:
                faults.literal_at = None
                wrong = f"* {i + 1} FETCH (UID {uid} BODY[] {{{len(raw) + 4096}}}\r\n"
                self.send(wrong.encode() + raw + b")\r\n")
                continue
            self.send(head + raw + b")\r\n")
        if omitting:
            faults.omit_times -= 1
        self.send(f"{tag} OK fetch\r\n".encode())
        return True


def plain(n: int, subject: str = "") -> bytes:
    return (
        f"From: Inwoner {n} <inwoner{n}@example.nl>\r\nTo: kcc@gemeente.test\r\n"
        f"Subject: {subject or f'Vraag {n}'}\r\nMessage-ID: <rogue{n}@example.nl>\r\n"
        "Date: Mon, 02 Nov 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"Beste gemeente, dit is bericht {n}.\r\n"
    ).encode()

