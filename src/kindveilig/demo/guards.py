from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext as _


def require_demo_mode() -> None:
    """Demo commands print secrets: refuse them anywhere but a demo installation."""
    if not (settings.DEBUG and settings.KINDVEILIG_DEMO_MODE):
        raise CommandError(
            _(
                "This command only runs in demo mode (DEBUG and KINDVEILIG_DEMO_MODE on)."
            )
        )
