"""The urgent helplines every child-facing message page shows."""

import logging
from typing import Any

logger = logging.getLogger(__name__)

# Used when kindveilig.youth (the help services) cannot give its list.
FALLBACK_HELPLINES: list[dict[str, str]] = [
    {"name": "112", "phone": "112", "tel": "112"},
    {"name": "De Kindertelefoon", "phone": "0800-0432", "tel": "08000432"},
    {"name": "113 Zelfmoordpreventie", "phone": "0800-0113", "tel": "08000113"},
]


def urgent_helplines() -> list[Any]:
    """112, De Kindertelefoon and 113, from the youth app (with opening hours),
    or the three numbers hard-coded when that list is not available."""
    try:
        from kindveilig.youth.public.selectors import helplines_for_urgent

        cards = list(helplines_for_urgent())
    except Exception:  # the numbers must show, whatever else fails
        logger.exception("Could not load the urgent helplines")
        cards = []
    return cards or [dict(line) for line in FALLBACK_HELPLINES]
