from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kindveilig.accounts"
    label = "accounts"
