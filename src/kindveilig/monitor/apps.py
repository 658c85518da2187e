from django.apps import AppConfig


class MonitorConfig(AppConfig):
    name = "kindveilig.monitor"
    label = "monitor"
