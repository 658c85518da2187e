from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    """The region, its municipalities and organisations with their
    types and sectors (reference data), the CSV import and the organisation list. May
    use core and access."""

    name = "kindveilig.organisations"
    label = "organisations"
