from django.core.exceptions import ValidationError
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
