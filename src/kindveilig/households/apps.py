from django.apps import AppConfig


class HouseholdsConfig(AppConfig):
    name = "kindveilig.households"
    label = "households"
