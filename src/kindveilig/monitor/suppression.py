"""Statistical disclosure control for the monitor: small counts and the cells
that protect them. Pure: no database, no Django.

The figures form a *cube*: one tree per dimension (time: year > quarter > month;
place: region > municipality; sector: all > sector; the measure's own dimension:
total > value). The job stores exact counts for the *leaves* (one month, one
municipality, one sector, one value); every figure the dashboard can show is a
*box*, one node per dimension, whose value is the sum of the leaves below it.
Every box the filters can reach is published, so the whole cube is protected at
once and each box gets one status, whatever page or CSV shows it.

The method (docs/monitor.md, "Suppression"):

1. **Primary.** A box with a count from 1 to 4 is shown as "<5" (``SMALL``).
2. **Secondary, by hypercubes** (Repsilber's method, as in tau-Argus). For each
   primary box not yet protected, choose in each dimension either a *sibling*
   node (another month of the same quarter, another municipality, another
   sector, another value) or, when the node has no sibling (the region, the
   year, the total), the node alone. Below the chosen nodes pick one leaf each.
   The alternating pattern +1/-1 over the corners of that (hyper)rectangle of
   leaves leaves every box unchanged that holds both or neither of the two
   leaves in some paired dimension. The boxes that *do* change are exactly the
   products of the paths from each chosen leaf up to its chosen node (up to the
   root for an unpaired dimension); all of them are suppressed (``PROTECTED``,
   shown as "x" unless they are small themselves).
3. **Why it holds.** Every published figure (every box not suppressed) keeps its
   value when the pattern is added, so the published figures are consistent with
   the suppressed box being one higher or lower: no sum or difference of
   published figures, across filters or periods, equals a suppressed value. The
   tests check this with exact linear algebra on crafted and random cubes.
4. **Choices.** Siblings and leaves are chosen greedily: a box already
   suppressed costs nothing, then the smallest non-zero box; zero boxes last (a
   corner at zero protects against exact recovery, but allows an attacker who
   uses that counts are not negative to narrow the range).

Nothing is rounded; the dashboard shows exact counts of 5 and more, "<5", or "x".
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import product

__all__ = ["THRESHOLD", "Cell", "Status", "Tree", "protect"]

THRESHOLD = 5  # counts from 1 to THRESHOLD - 1 are never shown

Box = tuple[str, ...]


class Status(StrEnum):
    SHOWN = "shown"
    SMALL = "small"  # 1-4: primary suppression, shown as "<5"
    PROTECTED = "protected"  # secondary suppression, shown as "x"


@dataclass(frozen=True)
class Cell:
    value: int | None  # None when suppressed
    status: Status


@dataclass(frozen=True)
class Tree:
    """One dimension: each node's parent (None for the root). Leaves are the
    nodes without children; node names are unique within the tree."""

    parent: Mapping[str, str | None]
    children: dict[str, list[str]] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        children: dict[str, list[str]] = {node: [] for node in self.parent}
        for node, up in self.parent.items():
            if up is not None:
                children[up].append(node)
        object.__setattr__(self, "children", children)

    @classmethod
    def flat(cls, root: str, leaves: Iterable[str]) -> "Tree":
        """A root with leaves below it (a total and its parts)."""
        return cls({root: None, **dict.fromkeys(leaves, root)})

    def path_up(self, node: str) -> list[str]:
        """``node`` and its ancestors up to the root."""
        path = [node]
        while (up := self.parent[path[-1]]) is not None:
            path.append(up)
        return path

    def leaves_below(self, node: str) -> list[str]:
        if not self.children[node]:
            return [node]
        return [leaf for c in self.children[node] for leaf in self.leaves_below(c)]

    def siblings(self, node: str) -> list[str]:
        up = self.parent[node]
        return [] if up is None else [c for c in self.children[up] if c != node]


def box_values(trees: Sequence[Tree], base: Mapping[Box, int]) -> dict[Box, int]:
    """Every box with a non-zero sum (the others are zero)."""
    values: dict[Box, int] = {}
    for leaves, count in base.items():
        if not count:
            continue
        for box in product(
            *(t.path_up(leaf) for t, leaf in zip(trees, leaves, strict=True))
        ):
            values[box] = values.get(box, 0) + count
    return values


class _Protector:
    def __init__(self, trees: Sequence[Tree], values: dict[Box, int]) -> None:
        self.trees = trees
        self.values = values
        self.suppressed: set[Box] = {b for b, v in values.items() if 0 < v < THRESHOLD}
        self.covered: set[Box] = set()  # boxes inside a chosen hypercube

    def cost(self, box: Box) -> tuple[int, int]:
        if box in self.suppressed:
            return (0, 0)
        value = self.values.get(box, 0)
        return (2, 0) if value == 0 else (1, value)

    def _choose(self, box: Box, dim: int) -> tuple[str, str | None, str | None]:
        """(leaf under the box's node, leaf under the partner, the partner)."""
        tree, node = self.trees[dim], box[dim]

        def with_node(other: str) -> Box:
            return (*box[:dim], other, *box[dim + 1 :])

        partner = min(
            tree.siblings(node),
            key=lambda s: (self.cost(with_node(s)), s),
            default=None,
        )

        def best_leaf(top: str) -> str:
            return min(
                tree.leaves_below(top),
                key=lambda leaf: (self.cost(with_node(leaf)), leaf),
            )

        leaf = best_leaf(node)
        return leaf, (best_leaf(partner) if partner else None), partner

    def hypercube(self, box: Box) -> set[Box]:
        paths: list[list[str]] = []
        for dim, tree in enumerate(self.trees):
            leaf, partner_leaf, partner = self._choose(box, dim)
            here = tree.path_up(leaf)
            if partner is None or partner_leaf is None:
                paths.append(here)  # unpaired: every box up to the root changes
                continue
            top = tree.parent[box[dim]]
            there = tree.path_up(partner_leaf)
            paths.append(
                here[: here.index(box[dim]) + 1] + there[: there.index(partner) + 1]
            )
            assert top is not None
        return set(product(*paths))

    def run(self) -> None:
        for box in sorted(b for b in self.suppressed):
            if box in self.covered:
                continue
            cube = self.hypercube(box)
            self.covered |= cube
            self.suppressed |= cube


def protect(trees: Sequence[Tree], base: Mapping[Box, int]) -> dict[Box, Cell]:
    """The published cells of the cube: every box that is not zero and shown,
    with its status. A box missing from the result is a shown zero."""
    values = box_values(trees, base)
    protector = _Protector(trees, values)
    protector.run()
    cells: dict[Box, Cell] = {}
    for box in protector.suppressed:
        value = values.get(box, 0)
        small = 0 < value < THRESHOLD
        cells[box] = Cell(None, Status.SMALL if small else Status.PROTECTED)
    for box, value in values.items():
        if box not in cells:
            cells[box] = Cell(value, Status.SHOWN)
    return cells
