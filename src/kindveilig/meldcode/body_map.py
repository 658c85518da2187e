"""Where each body part sits on the front and back outline of the body map.

The map is a picture for the eye only: every mark also has its body part, side
and a description in words, which is what screen readers and the melding use.
"""

from dataclasses import dataclass

from .models import BodyMark
from .models.choices import BodyRegion, BodySide

# (x, y) in a 100 by 220 figure; "left"/"right" are the child's own, so on the
# front view the child's left arm is on the viewer's right.
FRONT: dict[str, tuple[int, int]] = {
    BodyRegion.HEAD: (50, 18),
    BodyRegion.FACE: (50, 22),
    BodyRegion.NECK: (50, 40),
    BodyRegion.CHEST: (50, 62),
    BodyRegion.BELLY: (50, 92),
    BodyRegion.UPPER_BACK: (50, 62),
    BodyRegion.LOWER_BACK: (50, 92),
    BodyRegion.LEFT_ARM: (78, 75),
    BodyRegion.RIGHT_ARM: (22, 75),
    BodyRegion.LEFT_HAND: (84, 112),
    BodyRegion.RIGHT_HAND: (16, 112),
    BodyRegion.BUTTOCKS: (50, 112),
    BodyRegion.LEFT_LEG: (60, 160),
    BodyRegion.RIGHT_LEG: (40, 160),
    BodyRegion.LEFT_FOOT: (62, 208),
    BodyRegion.RIGHT_FOOT: (38, 208),
}


@dataclass(frozen=True)
class PlacedMark:
    number: int
    x: int
    y: int
    label: str


def place(marks: list[BodyMark]) -> dict[str, list[PlacedMark]]:
    """Marks per side with their position; the back view mirrors left and right."""
    placed: dict[str, list[PlacedMark]] = {BodySide.FRONT: [], BodySide.BACK: []}
    for number, mark in enumerate(marks, start=1):
        x, y = FRONT[mark.region]
        if mark.side == BodySide.BACK:
            x = 100 - x
        placed[mark.side].append(
            PlacedMark(
                number,
                x,
                y,
                f"{number}. {mark.get_region_display()}: {mark.description}",
            )
        )
    return placed
