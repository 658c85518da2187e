from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberRole(models.TextChoices):
    CHILD = "child", _("Child")
    PARENT = "parent", _("Parent or carer")
    PARTNER = "partner", _("(Ex-)partner")
    SIBLING = "sibling", _("Sibling")
    OTHER_ADULT = "other_adult", _("Other adult in the home")
    NETWORK = "network", _("Network member")


CHILD_ROLES = (MemberRole.CHILD, MemberRole.SIBLING)


class ReviewStatus(models.TextChoices):
    OPEN = "open", _("Waiting for review")
    SAME = "same", _("Confirmed: the same person")
    DIFFERENT = "different", _("Confirmed: a different person")


class Phase(models.TextChoices):
    """The Routekaart naar Veiligheid: first safety, then risk-driven care with
    stable safety, then recovery."""

    DIRECTE_VEILIGHEID = "directe_veiligheid", _("Immediate safety")
    STABIELE_VEILIGHEID = "stabiele_veiligheid", _("Stable safety and risk-driven care")
    HERSTEL = "herstel", _("Recovery")


PHASE_ORDER = [
    Phase.DIRECTE_VEILIGHEID,
    Phase.STABIELE_VEILIGHEID,
    Phase.HERSTEL,
]


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class PartnerKind(models.TextChoices):
    SCHOOL = "school", _("School")
    KINDEROPVANG = "kinderopvang", _("Kinderopvang")
    JGZ = "jgz", _("Youth health care (JGZ)")
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis")
    JEUGDBESCHERMING = "jeugdbescherming", _("Jeugdbescherming")
    GGZ = "ggz", _("Mental health care (GGZ)")
    POLICE = "police", _("Police")
    HUISARTS = "huisarts", _("Huisarts")
    LOKAAL_TEAM = "lokaal_team", _("Lokaal team")
    OTHER = "other", _("Other")


class Perspective(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    PARENT = "parent", _("Parent")
    CHILD = "child", _("Child")


class ItemKind(models.TextChoices):
    CONDITION = "condition", _("Safety condition")
    AGREEMENT = "agreement", _("Agreement")


class ItemStatus(models.TextChoices):
    OPEN = "open", _("Open")
    KEPT = "kept", _("Kept")
    NOT_KEPT = "not_kept", _("Not kept")
    DROPPED = "dropped", _("No longer needed")


class MeetingKind(models.TextChoices):
    MDO = "mdo", _("Multidisciplinary meeting (MDO)")
    NETWERKBERAAD = "netwerkberaad", _("Netwerkberaad")
    OTHER = "other", _("Other meeting")


class HandoverStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for acceptance")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
