"""Small counts and the cells that protect them (``monitor.suppression``).

The attacker's tool is exact linear algebra: every published figure is an
equation over the leaves of the cube (one month, municipality, sector, value).
A suppressed figure is revealed when its equation is a combination of the
published ones: region minus the other municipalities, a quarter minus two of
its months, a total minus the other values, or any mix of them.
"""

from collections.abc import Mapping, Sequence
from fractions import Fraction
from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from kindveilig.monitor.suppression import Cell, Status, Tree, box_values, protect

TIME = Tree(
    {"2026": None, "Q1": "2026", "Q2": "2026"}
    | {"jan": "Q1", "feb": "Q1", "mar": "Q1", "apr": "Q2", "may": "Q2", "jun": "Q2"}
)
PLACE = Tree.flat("region", ["delft", "rijswijk", "wassenaar"])
SECTOR = Tree.flat("all", ["onderwijs", "zorg"])
VALUE = Tree.flat("total", ["worry", "kindcheck"])
TREES = [TIME, PLACE, SECTOR, VALUE]

Box = tuple[str, ...]


def all_boxes(trees: Sequence[Tree]) -> list[Box]:
    return list(product(*(list(t.parent) for t in trees)))


def leaves(trees: Sequence[Tree]) -> list[Box]:
    return list(
        product(*(t.leaves_below(t.path_up(next(iter(t.parent)))[-1]) for t in trees))
    )


def row(trees: Sequence[Tree], box: Box, order: list[Box]) -> list[Fraction]:
    inside = set(product(*(t.leaves_below(n) for t, n in zip(trees, box, strict=True))))
    return [Fraction(1 if leaf in inside else 0) for leaf in order]


def reduced(rows: list[list[Fraction]]) -> list[list[Fraction]]:
    """Row echelon form (Gaussian elimination over the rationals)."""
    rows = [r[:] for r in rows]
    basis: list[list[Fraction]] = []
    pivots: list[int] = []
    for r in rows:
        for b, p in zip(basis, pivots, strict=True):
            if r[p]:
                factor = r[p] / b[p]
                r = [x - factor * y for x, y in zip(r, b, strict=True)]
        nonzero = next((i for i, x in enumerate(r) if x), None)
        if nonzero is not None:
            basis.append(r)
            pivots.append(nonzero)
    return basis


def in_span(basis: list[list[Fraction]], vector: list[Fraction]) -> bool:
    extended = reduced([*basis, vector])
    return len(extended) == len(basis)


def revealed(trees: Sequence[Tree], cells: Mapping[Box, Cell]) -> list[Box]:
    """The suppressed boxes whose value follows from the published ones."""
    order = leaves(trees)
    published = [
        row(trees, b, order)
        for b in all_boxes(trees)
        if b not in cells or cells[b].status == Status.SHOWN
    ]
    basis = reduced(published)
    return [
        b
        for b, c in cells.items()
        if c.status != Status.SHOWN and in_span(basis, row(trees, b, order))
    ]


def shown(cells: Mapping[Box, Cell], box: Box) -> int | None:
    cell = cells.get(box)
    return 0 if cell is None else cell.value


BASE: dict[Box, int] = {
    ("jan", "delft", "onderwijs", "worry"): 3,  # the small cell to protect
    ("jan", "rijswijk", "onderwijs", "worry"): 20,
    ("jan", "wassenaar", "onderwijs", "worry"): 11,
    ("feb", "delft", "onderwijs", "worry"): 9,
    ("mar", "delft", "onderwijs", "worry"): 8,
    ("jan", "delft", "zorg", "worry"): 7,
    ("jan", "delft", "onderwijs", "kindcheck"): 6,
    ("apr", "delft", "zorg", "kindcheck"): 12,
}
SMALL = ("jan", "delft", "onderwijs", "worry")


def test_counts_from_one_to_four_show_as_small_and_nothing_holds_their_value() -> None:
    cells = protect(TREES, BASE)
    assert cells[SMALL] == Cell(None, Status.SMALL)
    assert all(c.value is None for c in cells.values() if c.status != Status.SHOWN)
    assert shown(cells, ("2026", "region", "all", "total")) == 76
    assert cells[("jan", "rijswijk", "onderwijs", "worry")] == Cell(20, Status.SHOWN)


def test_subtraction_across_filters_and_periods_does_not_recover_it() -> None:
    cells = protect(TREES, BASE)
    # Each way an analist could subtract: at least one term is hidden.
    attempts: list[tuple[Box, list[Box]]] = [
        # The region minus the other municipalities.
        (
            ("jan", "region", "onderwijs", "worry"),
            [
                ("jan", "rijswijk", "onderwijs", "worry"),
                ("jan", "wassenaar", "onderwijs", "worry"),
            ],
        ),
        # All sectors minus the other sector.
        (("jan", "delft", "all", "worry"), [("jan", "delft", "zorg", "worry")]),
        # The total minus the other value.
        (
            ("jan", "delft", "onderwijs", "total"),
            [("jan", "delft", "onderwijs", "kindcheck")],
        ),
        # The quarter minus its other months.
        (
            ("Q1", "delft", "onderwijs", "worry"),
            [
                ("feb", "delft", "onderwijs", "worry"),
                ("mar", "delft", "onderwijs", "worry"),
            ],
        ),
        # The year minus the other quarter, then minus the other months.
        (
            ("2026", "delft", "onderwijs", "worry"),
            [
                ("Q2", "delft", "onderwijs", "worry"),
                ("feb", "delft", "onderwijs", "worry"),
                ("mar", "delft", "onderwijs", "worry"),
            ],
        ),
    ]
    for whole, parts in attempts:
        values = [shown(cells, whole), *(shown(cells, p) for p in parts)]
        assert None in values, (whole, parts)
    assert revealed(TREES, cells) == []


def test_without_the_secondary_cells_subtraction_would_reveal_it() -> None:
    """The check above can fail: with only the small cell hidden, the region
    minus the other municipalities gives it away."""
    values = box_values(TREES, BASE)
    naive = {b: Cell(None, Status.SMALL) for b, v in values.items() if 0 < v < 5}
    assert SMALL in revealed(TREES, naive)


def test_a_small_total_is_protected_too() -> None:
    base: dict[Box, int] = {
        ("jan", "delft", "onderwijs", "worry"): 2,
        ("jan", "delft", "onderwijs", "kindcheck"): 1,
    }
    cells = protect(TREES, base)
    assert cells[("2026", "region", "all", "total")] == Cell(None, Status.SMALL)
    assert revealed(TREES, cells) == []


def test_large_counts_are_exact_and_nothing_is_hidden() -> None:
    base: dict[Box, int] = {leaf: 5 + i for i, leaf in enumerate(leaves(TREES))}
    cells = protect(TREES, base)
    assert all(c.status == Status.SHOWN for c in cells.values())
    assert shown(cells, ("Q1", "delft", "all", "total")) == sum(
        v for k, v in base.items() if k[0] in ("jan", "feb", "mar") and k[1] == "delft"
    )


SMALL_TIME = Tree(
    {"y": None, "q1": "y", "q2": "y", "m1": "q1", "m2": "q1", "m3": "q2", "m4": "q2"}
)
SMALL_TREES = [
    SMALL_TIME,
    Tree.flat("r", ["a", "b", "c"]),
    Tree.flat("all", ["s", "t"]),
]
SMALL_LEAVES = leaves(SMALL_TREES)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    st.lists(
        st.sampled_from([0, 0, 0, 1, 2, 3, 4, 5, 7, 12]),
        min_size=len(SMALL_LEAVES),
        max_size=len(SMALL_LEAVES),
    )
)
def test_no_suppressed_figure_follows_from_the_published_ones(
    counts: list[int],
) -> None:
    base: dict[Box, int] = dict(zip(SMALL_LEAVES, counts, strict=True))
    cells = protect(SMALL_TREES, base)
    values = box_values(SMALL_TREES, base)
    for box, value in values.items():
        if 0 < value < 5:
            assert cells[box].status == Status.SMALL
    assert revealed(SMALL_TREES, cells) == []
