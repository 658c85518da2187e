from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The REST API under ``/api/v1/``: API tokens and their authentication, the
    access rules for endpoints, the NLGov rules every answer keeps (``api.problems``,
    ``api.middleware``, ``api.pagination``), the public OpenAPI document
    (``api.schema``) and one package per domain it covers (``api.meldcode``,
    ``api.households``, ``api.verwijsindex``). Sits above the domain apps and calls
    their services and selectors, as the pages do."""

    name = "kindveilig.api"
    label = "api"

    def ready(self) -> None:
        # Registers the OpenAPI descriptions of our authentication classes.
        from . import schema  # noqa: F401
