from django.apps import AppConfig


class MeldcodeConfig(AppConfig):
    name = "kindveilig.meldcode"
    label = "meldcode"
