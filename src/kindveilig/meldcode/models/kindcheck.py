"""The kindcheck: does an adult client care for children, and is there a worry?

Part of step 1 for services whose clients are adults (GGZ, verslavingszorg,
maatschappelijke opvang, schuldhulpverlening, the physician). It holds no
identity of a child: the number and ages of the children, whether the care is
shared, and the professional's notes (encrypted). A worry leads to a meldcode
trajectory for the children; the kindcheck then points at it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kindveilig.core.crypto import EncryptedTextField
from kindveilig.core.models import PublicIdModel


class KindcheckMoment(models.TextChoices):
    INTAKE = "intake", _("Intake")
    EVALUATION = "evaluation", _("Evaluation")
    IN_BETWEEN = "in_between", _("In between, because of a concern")


class Kindcheck(PublicIdModel):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="kindchecks",
        verbose_name=_("organisation"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="recorded_kindchecks",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    moment = models.CharField(
        _("moment"), max_length=20, choices=KindcheckMoment.choices
    )
    client_has_children = models.BooleanField(
        _("the client cares for children"), default=False
    )
    expecting_child = models.BooleanField(
        _("the client or their partner is pregnant"), default=False
    )
    number_of_children = models.PositiveSmallIntegerField(
        _("number of children"), default=0
    )
    children_ages = EncryptedTextField(
        _("ages of the children"), blank=True, default=""
    )
    care_shared = models.BooleanField(_("care is shared"), default=False)
    worry = models.BooleanField(_("worry about the children's safety"), default=False)
    notes = EncryptedTextField(_("notes"), blank=True, default="")
    trajectory = models.ForeignKey(
        "meldcode.Trajectory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kindchecks",
        verbose_name=_("meldcode trajectory started"),
    )

    class Meta:
        verbose_name = _("kindcheck")
        verbose_name_plural = _("kindchecks")
        ordering = ["-recorded_at"]
        indexes = [
            models.Index(
                fields=["organisation", "-recorded_at"], name="kindcheck_org_recorded"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(client_has_children=True)
                | models.Q(number_of_children=0, care_shared=False),
                name="kindcheck_no_children_no_count",
            ),
            models.CheckConstraint(
                condition=models.Q(client_has_children=False)
                | models.Q(number_of_children__gte=1),
                name="kindcheck_children_counted",
            ),
            models.CheckConstraint(
                condition=models.Q(worry=False)
                | models.Q(client_has_children=True)
                | models.Q(expecting_child=True),
                name="kindcheck_worry_about_children",
            ),
            models.CheckConstraint(
                condition=models.Q(trajectory__isnull=True) | models.Q(worry=True),
                name="kindcheck_trajectory_only_on_worry",
            ),
        ]

    def __str__(self) -> str:
        return f"Kindcheck {str(self.public_id)[:8]}"
