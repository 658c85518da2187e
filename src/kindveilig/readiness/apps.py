from django.apps import AppConfig


class ReadinessConfig(AppConfig):
    """Meldcode readiness ("meldcode op orde") per organisation: the meldcode's
    adoption, the aandachtsfunctionarissen with their qualifications and expiry
    reminders, training. May use meldcode (the afwegingskader versions) and the
    platform. The label stays ``registry`` so tables and migrations are unchanged."""

    name = "kindveilig.readiness"
    label = "registry"

    def ready(self) -> None:
        from kindveilig.core.background import register_daily_task

        register_daily_task("kindveilig.readiness.tasks.send_qualification_reminders")
