from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "kindveilig.organisations"
    label = "organisations"
