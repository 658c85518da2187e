from django.apps import AppConfig


class YouthStaffConfig(AppConfig):
    """The staff side of the youth channel: the trusted adults' inbox (reading,
    answering, closing, escalating a child's conversation into a meldcode
    trajectory, danger words, channel settings) and the functioneel beheerder's
    helpline admin. Owns no models: it calls the services and selectors of
    ``youth.messages`` and ``youth.public``; it may use the platform apps."""

    name = "kindveilig.youth.staff"
    label = "youthstaff"
