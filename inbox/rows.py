"""Values from storage rows: a dataclass filled from the columns that bear its fields' names."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


def from_row(cls: type[T], row: Any, **values: Any) -> T:
    """A `cls` whose fields are the row's columns of the same names; `values` give the fields
    a column does not hold (or holds in another form)."""
    taken = {f.name: row[f.name] for f in fields(cls) if f.name not in values}
    return cls(**taken, **values)
