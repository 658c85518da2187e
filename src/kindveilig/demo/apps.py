from django.apps import AppConfig


class DemoConfig(AppConfig):
    """A tool on top: ``seed_demo`` builds the fictitious demo region through the
    real services, so the demo never holds a state the application could not
    produce. Installed by ``settings.dev`` and ``settings.test`` only, never in
    production; the product never imports it."""

    name = "kindveilig.demo"
    label = "demo"
