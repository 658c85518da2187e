import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kindveilig.core.crypto import EncryptedDateField, EncryptedTextField
from kindveilig.core.models import PublicIdModel, TimeStampedModel
from kindveilig.core.validators import validate_bsn


class Person(PublicIdModel, TimeStampedModel):
    """A child or adult whose safety is at stake. Personal data: every read is audited.

    Names, date of birth and BSN are encrypted; ``bsn_index`` (a keyed hash)
    finds a person by BSN and ``name_tokens`` (keyed hashes of name tokens and
    their prefixes, ``name_index.py``) by name, without either being readable in
    the database. Nothing can be ordered or filtered on them in SQL.
    """

    given_name = EncryptedTextField(_("given name"), max_length=100)
    family_name = EncryptedTextField(_("family name"), max_length=150)
    date_of_birth = EncryptedDateField(_("date of birth"), null=True, blank=True)
    bsn = EncryptedTextField(
        _("BSN"), blank=True, default="", validators=[validate_bsn]
    )
    bsn_index = models.CharField(max_length=64, blank=True, default="", editable=False)
    registered_by = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="registered_persons",
        verbose_name=_("registered by"),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        # Registration order: the names are encrypted, so SQL cannot sort on them.
        ordering = ["id"]
        indexes = [
            # By BSN, then organisation: a BSN search reads only the organisation's
            # own records of the child, however many organisations know the child.
            models.Index(fields=["bsn_index", "registered_by"], name="person_bsn_org"),
            # The person list's order (newest first), so a page is an index walk,
            # not a sort of every person the organisation registered.
            models.Index(fields=["registered_by", "-id"], name="person_org_newest"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    def age_on(self, day: datetime.date) -> str:
        """The age in words ("7 jaar", "5 maanden"); empty without a date of birth.

        A baby's age is in months: "0 jaar" says nothing to the reader of a melding."""
        born = self.date_of_birth
        if born is None or born > day:
            return ""
        months = (day.year - born.year) * 12 + day.month - born.month
        if day.day < born.day:
            months -= 1
        if months < 24:
            return ngettext("%(count)s month", "%(count)s months", months) % {
                "count": months
            }
        years = months // 12
        return ngettext("%(count)s year", "%(count)s years", years) % {"count": years}

    @property
    def name_with_age(self) -> str:
        """The name, and the age today when the date of birth is known: wherever
        children are listed, a reader sees how young they are."""
        age = self.age_on(timezone.localdate())
        return f"{self.full_name} ({age})" if age else self.full_name


class CorrectedField(models.TextChoices):
    GIVEN_NAME = "given_name", _("given name")
    FAMILY_NAME = "family_name", _("family name")
    DATE_OF_BIRTH = "date_of_birth", _("date of birth")


class PersonCorrection(models.Model):
    """Rectificatie (AVG art. 16): one corrected field, with the value it had, so
    the history of the record is kept. Encrypted like the person's own data;
    shown in the person's inzage export."""

    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="corrections",
        verbose_name=_("person"),
    )
    field = models.CharField(_("field"), max_length=20, choices=CorrectedField.choices)
    old_value = EncryptedTextField(_("old value"), blank=True, default="")
    new_value = EncryptedTextField(_("new value"), blank=True, default="")
    reason = EncryptedTextField(_("reason"))
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("corrected by"),
    )
    corrected_at = models.DateTimeField(_("corrected at"), default=timezone.now)

    class Meta:
        verbose_name = _("correction of a person's data")
        verbose_name_plural = _("corrections of a person's data")
        ordering = ["corrected_at", "pk"]

    def __str__(self) -> str:
        return f"{self.field} {self.corrected_at:%Y-%m-%d}"


class PersonNameToken(models.Model):
    """One keyed hash of a token (or a token's prefix) of a person's names: the
    blind index that name search and person matching look up. The organisation
    that registered the person is part of the key, so a search reads only its
    own organisation's entries (docs/performance.md); no surrogate id."""

    pk = models.CompositePrimaryKey("digest", "organisation", "person")
    digest = models.BinaryField(max_length=16)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="name_tokens"
    )

    class Meta:
        verbose_name = _("name token")
        verbose_name_plural = _("name tokens")
        indexes = [models.Index(fields=["person"], name="person_name_token_person")]

    def __str__(self) -> str:
        return f"{self.person_id}:{bytes(self.digest)[:4].hex()}"
