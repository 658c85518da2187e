"""No function in the product is longer than MAX_LINES: a long function is split
into well-named helpers. Migrations are generated and are not checked.

A function is measured from its ``def`` line to its last line (decorators not
counted, its docstring and comments counted), as ``ast`` reports them.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "kindveilig"
MAX_LINES = 80

# Reviewed exceptions, for data tables only: a function that is mostly literal
# data (a fixture table, a list of rows), where splitting it would scatter the
# table without making any logic easier to read. Each entry says why.
# Key: "<path below src/kindveilig>::<qualified name>". None today.
DATA_TABLES: dict[str, str] = {}

# TEMPORARY: scale/ and demo/ are being split in parallel on another branch.
# Empty this list when that work is merged; the test below then fails for any
# entry left behind that is no longer long.
BEING_SPLIT_ELSEWHERE: set[str] = set()

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


def functions(tree: ast.AST, prefix: str = "") -> Iterator[tuple[str, FunctionNode]]:
    """Every function and method in the tree, nested ones included, with its
    qualified name (``Class.method``, ``outer.inner``)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield prefix + node.name, node
            yield from functions(node, f"{prefix}{node.name}.")
        elif isinstance(node, ast.ClassDef):
            yield from functions(node, f"{prefix}{node.name}.")
        else:
            yield from functions(node, prefix)


def length(node: FunctionNode) -> int:
    assert node.end_lineno is not None
    return node.end_lineno - node.lineno + 1


def long_functions(source: str, where: str) -> dict[str, int]:
    """The functions in ``source`` longer than MAX_LINES, as ``where::name``."""
    return {
        f"{where}::{name}": length(node)
        for name, node in functions(ast.parse(source))
        if length(node) > MAX_LINES
    }


def long_functions_in_package() -> dict[str, int]:
    found: dict[str, int] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        where = path.relative_to(PACKAGE).as_posix()
        found.update(long_functions(path.read_text(encoding="utf-8"), where))
    return found


def test_no_function_is_longer_than_the_maximum() -> None:
    allowed = DATA_TABLES.keys() | BEING_SPLIT_ELSEWHERE
    too_long = {
        key: lines
        for key, lines in long_functions_in_package().items()
        if key not in allowed
    }
    assert not too_long, (
        f"Functions longer than {MAX_LINES} lines; split them into well-named "
        f"helpers: {too_long}"
    )


def test_every_exception_is_still_needed() -> None:
    found = long_functions_in_package()
    stale = sorted((DATA_TABLES.keys() | BEING_SPLIT_ELSEWHERE) - found.keys())
    assert not stale, f"No longer long (or gone); remove from the lists: {stale}"


def function_of(lines: int) -> str:
    """The source of a function exactly ``lines`` lines long."""
    body = "".join(f"    x{i} = {i}\n" for i in range(lines - 2))
    return f"def f() -> int:\n{body}    return 0\n"


def test_the_measure_counts_from_def_to_the_last_line() -> None:
    assert long_functions(function_of(MAX_LINES), "m.py") == {}
    assert long_functions(function_of(81), "m.py") == {"m.py::f": 81}
    method = "class C:\n" + "".join(
        f"    {line}\n" for line in function_of(81).splitlines()
    )
    assert long_functions(method, "m.py") == {"m.py::C.f": 81}
