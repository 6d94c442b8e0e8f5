"""Fails when the layering is broken (run by `make lint` and by the test suite).

- Qt (PySide6) is imported only in desktop/ (and tests).
- desktop/ never imports storage/: every read passes the gate's checks in inbox/.
- Only storage/ and the gate (inbox/gate.py) reach the database layer: the sqlite3, sqlcipher3
  and sqlite_utils modules and storage's modules other than errors, paths and crypto. Feature
  modules get their queries from `op.store`.
- SQL statements are written only in storage/, and nothing outside storage/ and the gate
  holds the database handle (`.db`, `.conn`).

LEGACY lists the feature modules not yet moved behind the gate; it only shrinks.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("inbox", "storage", "desktop")
GATE = {"inbox/gate.py"}
# storage modules anybody may import: error types, file locations, encryption primitives
OPEN_STORAGE = {"storage.errors", "storage.paths", "storage.crypto"}
DATABASE_MODULES = {"sqlite3", "sqlcipher3", "sqlite_utils"}
SQL = re.compile(
    r"^\s*(SELECT\s.*\bFROM\b|SELECT\s|INSERT (OR \w+ )?INTO\s|UPDATE \w+ SET\s|DELETE FROM\s"
    r"|CREATE (TABLE|INDEX|TRIGGER|VIRTUAL)\s|DROP (TABLE|TRIGGER|INDEX)\s|PRAGMA \w)",
    re.S,
)

# Modules still reaching the database directly, to be moved behind the gate.
LEGACY: set[str] = {
    "inbox/privacy/keys.py",
}


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            if node.module == "storage":
                found += [(node.lineno, f"storage.{a.name}") for a in node.names]
    return found


def _sql_strings(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if SQL.match(node.value) and " " in node.value.strip():
                lines.append(node.lineno)
        elif isinstance(node, ast.JoinedStr):
            head = node.values[0] if node.values else None
            if isinstance(head, ast.Constant) and isinstance(head.value, str):
                if SQL.match(head.value):
                    lines.append(node.lineno)
    return lines


def _raw_database(tree: ast.AST) -> list[int]:
    """Lines that reach for a database handle (`x.db`, `x.conn`, `x._db`)."""
    return sorted(
        {
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr in {"db", "conn", "_db"}
        }
    )


def _files() -> list[tuple[str, str, ast.AST]]:
    out = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            out.append((package, rel, ast.parse(path.read_text(encoding="utf-8"), rel)))
    return out


def _file_violations(package: str, rel: str, tree: ast.AST, legacy: bool) -> list[str]:
    found = []
    for lineno, name in _imports(tree):
        top = name.split(".")[0]
        if top == "PySide6" and package != "desktop":
            found.append(f"{rel}:{lineno} imports {name} (Qt only in desktop/)")
        if top == "desktop" and package != "desktop":
            found.append(f"{rel}:{lineno} imports {name} (desktop/ is the top layer)")
        if package == "desktop" and top == "storage":
            found.append(f"{rel}:{lineno} imports {name} (desktop/ goes through inbox/)")
            continue
        if package == "storage" or rel in GATE or legacy:
            continue
        if top in DATABASE_MODULES or (
            top == "storage" and name != "storage" and name not in OPEN_STORAGE
        ):
            found.append(f"{rel}:{lineno} imports {name} (only the gate reaches storage)")
    if package != "storage" and not legacy:
        found += [f"{rel}:{n} holds SQL (SQL lives in storage/)" for n in _sql_strings(tree)]
        if rel not in GATE:
            found += [
                f"{rel}:{n} uses the database handle (go through op.store)"
                for n in _raw_database(tree)
            ]
    return found


def violations() -> list[str]:
    found = []
    for package, rel, tree in _files():
        found += _file_violations(package, rel, tree, rel in LEGACY)
    return found


def stale_legacy() -> list[str]:
    """LEGACY entries that no longer need to be there (so the list only shrinks)."""
    files = {rel: (package, tree) for package, rel, tree in _files()}
    stale = []
    for rel in sorted(LEGACY):
        if rel not in files or not _file_violations(files[rel][0], rel, files[rel][1], False):
            stale.append(rel)
    return stale


if __name__ == "__main__":
    problems = violations()
    problems += [f"{rel} is listed in LEGACY but follows the rules: remove it" for rel in
                 stale_legacy()]
    for line in problems:
        print(line)
    sys.exit(1 if problems else 0)
