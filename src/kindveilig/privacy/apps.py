from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """The rights of the people in the file and the limits on keeping it: the
    retention engine (runs every app's registered record kinds, with legal holds
    and a record of each run without personal data) and the inzage export of one
    person (AVG art. 15, with the NEN 7513 client view). Sits on the top domain
    floor: it reads persons, meldcode and households; the apps below register
    their record kinds through ``core.retention``, never importing it."""

    name = "kindveilig.privacy"
    label = "privacy"

    def ready(self) -> None:
        from kindveilig.core.background import register_daily_task
        from kindveilig.core.retention import register_hold_source

        from .services import active_legal_holds

        register_daily_task("kindveilig.privacy.tasks.apply_retention")
        register_hold_source(active_legal_holds)
