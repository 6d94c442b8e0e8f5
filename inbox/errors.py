"""Domain errors: each carries one Dutch sentence for the user."""

from enum import Enum
from typing import TypeVar

from storage.errors import StorageError

E = TypeVar("E", bound=Enum)


class LoketError(Exception):
    """An error a person can act on; str(exc) is the Dutch message."""


class NotFound(LoketError):
    pass


class InvalidInput(LoketError):
    pass


class PermissionDenied(LoketError):
    pass


def member(kind: type[E], value: E | str, what: str) -> E:
    """`value` (a member or its code) as a member of `kind`; an unknown code is refused with
    the codes to choose from ("Onbekende `what` ...")."""
    try:
        return value if isinstance(value, kind) else kind(value)
    except ValueError:
        codes = ", ".join(str(m.value) for m in kind)
        raise InvalidInput(f"Onbekende {what} '{value}'. Kies uit: {codes}.") from None


__all__ = ["LoketError", "NotFound", "InvalidInput", "PermissionDenied", "StorageError", "member"]
