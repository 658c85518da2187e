from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from django_stubs_ext import StrPromise


class ConflictError(ValidationError):
    """Someone else changed the trajectory since this form was opened."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Someone else changed this trajectory while you were working on it. "
                "Your input is still here: check the trajectory and send it again."
            ),
            code="conflict",
        )


def refuse(
    message: str | StrPromise, field: str | None = None, code: str = "invalid"
) -> ValidationError:
    if field:
        return ValidationError({field: ValidationError(message, code=code)})
    return ValidationError(message, code=code)
