from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kindveilig.api"
    label = "api"

    def ready(self) -> None:
        # Registers the OpenAPI descriptions of our authentication classes.
        from . import schema  # noqa: F401
