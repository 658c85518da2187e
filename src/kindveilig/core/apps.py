from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor: abstract base models, encrypted fields and keyed hashes
    (``crypto``), NL Design System forms and ``apply_errors``, the Dutch working-day
    calendar, ``background`` (``enqueue_on_commit`` and the daily-task registry), the
    request id and the logging filters that keep personal data out of logs. Imports
    no other app."""

    name = "kindveilig.core"
    label = "core"

    def ready(self) -> None:
        from . import checks  # noqa: F401  # registers the key checks
