import datetime as dt
import unicodedata
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def is_valid_bsn(value: str) -> bool:
    """The elfproef: 9 digits, weighted 9..2 and -1, sum divisible by 11, not zero."""
    if len(value) != 9 or not value.isdigit():
        return False
    digits = [int(char) for char in value]
    total = sum(
        weight * digit
        for weight, digit in zip(range(9, 1, -1), digits[:8], strict=True)
    )
    total -= digits[8]
    return total % 11 == 0 and int(value) != 0


def validate_bsn(value: str) -> None:
    if not is_valid_bsn(value):
        raise ValidationError(
            _("This is not a valid BSN: it must be 9 digits and pass the elfproef."),
            code="invalid_bsn",
        )


# ---- plausible dates --------------------------------------------------------

EARLIEST_BIRTH_DATE = dt.date(1900, 1, 1)
EARLIEST_EVENT_DATE = dt.date(2000, 1, 1)
LATEST_PLANNED_DATE = dt.date(2099, 12, 31)


def validate_birth_date(value: dt.date | None) -> None:
    """A person's date of birth: from 1 January 1900, not in the future."""
    if value is None:
        return
    if value < EARLIEST_BIRTH_DATE:
        raise ValidationError(
            _("A date of birth before 1 January 1900 is not possible. Check the year."),
            code="too_early",
        )
    if value > timezone.localdate():
        raise ValidationError(_("This date is in the future."), code="future")


def validate_event_date(value: dt.date | None) -> None:
    """Something that happened (an observation, a conversation, a handover …):
    from 1 January 2000, not in the future."""
    if value is None:
        return
    validate_planned_date(value)
    if value > timezone.localdate():
        raise ValidationError(_("This date is in the future."), code="future")


def validate_planned_date(value: dt.date | None) -> None:
    """A date that may lie ahead (an evaluation, a deadline): from 1 January 2000
    up to the end of 2099."""
    if value is None:
        return
    if value < EARLIEST_EVENT_DATE:
        raise ValidationError(
            _("A date before 1 January 2000 is not possible here. Check the year."),
            code="too_early",
        )
    if value > LATEST_PLANNED_DATE:
        raise ValidationError(
            _("A date after 2099 is not possible here. Check the year."),
            code="too_late",
        )


def check_fields(checks: dict[str, tuple[Callable[[Any], None], Any]]) -> None:
    """For services: run ``{field: (validator, value)}`` and raise one
    ValidationError keyed by field, so the view shows each message next to its
    field."""
    errors: dict[str, list[ValidationError]] = {}
    for field, (validator, value) in checks.items():
        try:
            validator(value)
        except ValidationError as error:
            errors[field] = error.error_list
    if errors:
        raise ValidationError(errors)


# ---- text without hidden characters -----------------------------------------

# Unicode categories Cc (control: NUL, escape …) and Cf (format: the bidirectional
# overrides U+202A-202E and isolates U+2066-2069, the marks U+200E/U+200F, zero-width
# characters, the BOM). They are invisible, and a right-to-left override turns
# "Jan<RLO>fdp.exe" into a name that reads differently in a list or the PDF.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf"})


def hidden_characters(value: str) -> list[str]:
    """The control and format characters in ``value``, as ``U+XXXX``."""
    return sorted(
        {
            f"U+{ord(char):04X}"
            for char in value
            if unicodedata.category(char) in _HIDDEN_CATEGORIES
        }
    )


def validate_no_hidden_characters(value: str | None) -> None:
    """For names and file names: no control or direction characters. Tabs and
    line breaks are refused as well: a name is one line."""
    if not value:
        return
    found = hidden_characters(value)
    if found:
        raise ValidationError(
            _(
                "This contains invisible control or text-direction characters "
                "(%(characters)s). Type the text again without them."
            ),
            code="hidden_characters",
            params={"characters": ", ".join(found)},
        )


def validation_message(validator: Callable[[Any], None], value: Any) -> str | None:
    """For services that collect errors: the validator's first message, or None."""
    try:
        validator(value)
    except ValidationError as error:
        return error.messages[0]
    return None
