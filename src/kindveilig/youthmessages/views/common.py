"""Helpers shared by the children's and the staff pages."""

import logging
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

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
        from kindveilig.youth.selectors import helplines_for_urgent

        cards = list(helplines_for_urgent())
    except Exception:  # the numbers must show, whatever else fails
        logger.exception("Could not load the urgent helplines")
        cards = []
    return cards or [dict(line) for line in FALLBACK_HELPLINES]


def apply_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names (or on top)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)
