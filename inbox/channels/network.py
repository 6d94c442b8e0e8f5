"""Why a connection to a server failed, in Dutch words a beheerder can act on (the standard
library's own messages, such as OpenSSL's "IP address mismatch", are English)."""

from __future__ import annotations

import socket
import ssl

# OpenSSL's verify codes (X509_V_ERR_*)
_TLS_REASONS: dict[int, str] = {
    2: "de uitgever van het certificaat is onbekend",
    9: "het certificaat is nog niet geldig",
    10: "het certificaat is verlopen",
    18: "het certificaat is door de server zelf ondertekend",
    19: "een certificaat in de keten is door zichzelf ondertekend",
    20: "de uitgever van het certificaat is onbekend",
    21: "de uitgever van het certificaat is onbekend",
    23: "het certificaat is ingetrokken",
    26: "het certificaat is niet bedoeld voor een server",
    62: "het certificaat hoort niet bij deze servernaam",
    64: "het certificaat hoort niet bij dit IP-adres",
}


def tls_reason(exc: ssl.SSLCertVerificationError) -> str:
    """Why a server's certificate was not trusted."""
    code = int(exc.verify_code or 0)
    return _TLS_REASONS.get(code, f"ongeldig certificaat, OpenSSL-code {code}")


# in order: the first kind that fits names the cause
_CAUSES: tuple[tuple[type[BaseException], str], ...] = (
    (ssl.SSLError, "beveiligde verbinding mislukt"),
    (socket.gaierror, "server niet gevonden"),
    (ConnectionRefusedError, "verbinding geweigerd"),
    (TimeoutError, "time-out"),
    (ConnectionError, "verbinding verbroken"),
)


def connection_reason(exc: BaseException) -> str:
    """A failed connection's cause, short (for inside a sentence)."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        return "certificaat niet te vertrouwen: " + tls_reason(exc)
    return next((words for kind, words in _CAUSES if isinstance(exc, kind)),
                f"netwerkfout ({type(exc).__name__})")
