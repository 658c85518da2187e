from django.apps import AppConfig


class YouthmessagesConfig(AppConfig):
    """A child's conversation with a trusted adult: encrypted messages, the
    four-word pick-up code, danger words, rate limits without stored IPs,
    retention and purge, the alert task, and the escalation into a meldcode
    trajectory. No views (those are in ``youth.public`` and ``youth.staff``).
    May use meldcode's services and the platform. The label stays
    ``youthmessages`` so tables and migrations are unchanged."""

    name = "kindveilig.youth.messages"
    label = "youthmessages"

    def ready(self) -> None:
        # Conversations without activity are deleted after the retention period,
        # by the retention engine's daily run (it knows the legal holds).
        from kindveilig.core.background import register_frequent_task

        from .retention import register

        register()
        # Urgent messages nobody opened go to the deputies, then the municipality.
        register_frequent_task(
            "kindveilig.youth.messages.tasks.escalate_urgent_messages"
        )
