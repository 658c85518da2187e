from django.apps import AppConfig


class ChainConfig(AppConfig):
    name = "kindveilig.chain"
    label = "chain"
