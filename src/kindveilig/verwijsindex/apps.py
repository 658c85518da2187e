from django.apps import AppConfig


class ChainConfig(AppConfig):
    name = "kindveilig.verwijsindex"
    label = "chain"
