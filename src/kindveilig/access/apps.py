from django.apps import AppConfig


class AccessConfig(AppConfig):
    """Who may do what: the roles (``Role``, ``CASE_ROLES``), the ``Actor`` (a
    user in the organisation and role chosen for this session), the ``@rule`` and
    ``@public`` decorators every view declares, ``AccessRuleMiddleware`` (default
    deny) and the typed ``AuthenticatedRequest``. May use core only."""

    name = "kindveilig.access"
    label = "access"
