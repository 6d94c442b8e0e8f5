"""Fails when the layering is broken: inbox/ and storage/ never import PySide6,
desktop/ never imports storage/ (every read passes the domain's checks)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = {
    "inbox": ("PySide6", "desktop"),
    "storage": ("PySide6", "desktop", "inbox"),
    "desktop": ("storage",),
}


def violations() -> list[str]:
    found = []
    for package, banned in RULES.items():
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for node in ast.walk(tree):
                names: list[str] = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module]
                for name in names:
                    if name.split(".")[0] in banned:
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {name}")
    return found


if __name__ == "__main__":
    problems = violations()
    for line in problems:
        print(line)
    sys.exit(1 if problems else 0)
