from django.apps import AppConfig


class RegionAdminConfig(AppConfig):
    """The region's administration of its organisations: list, create, change,
    deactivate, and import the public registers (DUO, LRK) with a preview and a
    background task. Every write is audited. May use organisations, accounts,
    audit, access and core (docs/organisations.md)."""

    name = "kindveilig.regionadmin"
    label = "regionadmin"
