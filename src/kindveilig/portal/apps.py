from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The staff portal: the menu (which areas a role may open), the start page and
    the health check. It sits above the domain apps and may read their selectors
    to tell a person what needs them; it owns no models and writes nothing."""

    name = "kindveilig.portal"
    label = "portal"
