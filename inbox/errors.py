"""Domain errors: each carries one Dutch sentence for the user."""

from storage.errors import StorageError


class LoketError(Exception):
    """An error a person can act on; str(exc) is the Dutch message."""


class NotFound(LoketError):
    pass


class InvalidInput(LoketError):
    pass


class PermissionDenied(LoketError):
    pass


__all__ = ["LoketError", "NotFound", "InvalidInput", "PermissionDenied", "StorageError"]
