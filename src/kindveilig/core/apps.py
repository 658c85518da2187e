from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kindveilig.core"
    label = "core"
