from django.apps import AppConfig


class YouthConfig(AppConfig):
    name = "kindveilig.youth"
    label = "youth"
