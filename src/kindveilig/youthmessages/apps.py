from django.apps import AppConfig


class YouthmessagesConfig(AppConfig):
    name = "kindveilig.youthmessages"
    label = "youthmessages"
