"""Facts written once: checks that a copy does not creep back in."""

import ast
from pathlib import Path

from kindveilig.access.roles import CASE_ROLES

SRC = Path(__file__).resolve().parent.parent / "src" / "kindveilig"
CASE_ROLE_NAMES = {role.name for role in CASE_ROLES}


def _role_names(nodes: list[ast.expr]) -> set[str]:
    return {
        node.attr
        for node in nodes
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "Role"
    }


def test_the_case_roles_are_spelled_out_only_in_access_roles() -> None:
    """A view, rule or check names ``CASE_ROLES``; it never lists the three roles
    itself (five copies of the list existed, one per view module)."""
    copies = []
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC)
        if relative == Path("access/roles.py") or "tests" in relative.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Tuple | ast.List | ast.Set):
                elements = node.elts
            elif isinstance(node, ast.Call):
                elements = node.args
            else:
                continue
            if _role_names(elements) >= CASE_ROLE_NAMES:
                copies.append(f"{relative}:{node.lineno}")
    assert copies == [], "use kindveilig.access.roles.CASE_ROLES"
