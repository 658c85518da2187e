from django.apps import AppConfig


class YouthConfig(AppConfig):
    """What a child sees without logging in ("Praat erover"): the start page, the
    hulpwijzer, the helplines with opening hours (it owns these models), the
    privacy page, the quick exit and the pages to write and read a message. No
    login, no cookies, no JavaScript. May use ``youth.messages`` and the platform.
    The label stays ``youth`` so tables and migrations are unchanged."""

    name = "kindveilig.youth.public"
    label = "youth"
