from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "kindveilig.audit"
    label = "audit"
