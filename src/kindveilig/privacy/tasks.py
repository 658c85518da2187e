"""The daily retention run (registered in ``PrivacyConfig.ready()``)."""

from django.tasks import task

from .services import retention_apply


@task()
def apply_retention() -> dict[str, int]:
    """Apply every record kind's retention; returns the counts per kind."""
    return dict(retention_apply().counts)
