from django.db import models
from django.utils.translation import gettext_lazy as _

from kindveilig.core.models import PublicIdModel, TimeStampedModel


class MemberRole(models.TextChoices):
    CHILD = "child", _("Child")
    PARENT = "parent", _("Parent or carer")
    PARTNER = "partner", _("(Ex-)partner")
    SIBLING = "sibling", _("Sibling")
    OTHER_ADULT = "other_adult", _("Other adult in the home")
    NETWORK = "network", _("Network member")


class Household(PublicIdModel, TimeStampedModel):
    """A huishouden: the people who live together, seen as one system."""

    label = models.CharField(_("label"), max_length=150)
    municipality = models.ForeignKey(
        "organisations.Municipality",
        on_delete=models.PROTECT,
        related_name="households",
        verbose_name=_("municipality"),
    )
    registered_by = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="registered_households",
        verbose_name=_("registered by"),
    )

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")
        ordering = ["label"]

    def __str__(self) -> str:
        return self.label


class HouseholdMember(models.Model):
    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="members"
    )
    person = models.ForeignKey(
        "persons.Person", on_delete=models.PROTECT, related_name="household_memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices)
    has_gezag = models.BooleanField(
        _("holds parental authority (gezag)"), default=False
    )

    class Meta:
        verbose_name = _("household member")
        verbose_name_plural = _("household members")
        constraints = [
            models.UniqueConstraint(
                fields=["household", "person"], name="unique_household_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"
