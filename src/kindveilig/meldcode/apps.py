from django.apps import AppConfig


class MeldcodeConfig(AppConfig):
    """The meldcode: a professional's trajectory through the five steps (signals,
    consultation, conversation, the afwegingskader, the decision), the melding to
    Veilig Thuis and its feedback, shares of a trajectory with chain partners,
    meldplicht cases, deadlines and reminders. May use persons and the platform
    (core, access, organisations, accounts, audit); never the apps above it, which
    hook in through ``meldcode.hooks``."""

    name = "kindveilig.meldcode"
    label = "meldcode"

    def ready(self) -> None:
        from kindveilig.core.background import register_daily_task
        from kindveilig.core.rotation import register_rotation_step

        from .rotation import attachment_step

        register_rotation_step(attachment_step)

        register_daily_task("kindveilig.meldcode.reminder_tasks.send_daily_reminders")
        register_daily_task(
            "kindveilig.meldcode.reminder_tasks.send_meldplicht_reminders"
        )

        from .retention import register

        register()
