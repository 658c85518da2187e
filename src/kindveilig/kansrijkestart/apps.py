from django.apps import AppConfig


class KansrijkeStartConfig(AppConfig):
    """Kansrijke Start: the first 1,000 days. A signal of a vulnerable pregnancy or
    young family, the JGZ's contact moments, and the local coalition's case
    consultation (docs/kansrijke-start.md). May use households, meldcode and the
    platform; the monitor, privacy and portal build on it."""

    name = "kindveilig.kansrijkestart"
    label = "kansrijkestart"
    verbose_name = "Kansrijke Start"

    def ready(self) -> None:
        from .retention import register

        register()
