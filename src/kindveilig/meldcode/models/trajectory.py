from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kindveilig.core.crypto import EncryptedTextField
from kindveilig.core.models import PublicIdModel, TimeStampedModel

from .choices import EventKind, Origin, Outcome, Relation, Status, Step

if TYPE_CHECKING:
    from .steps import Melding


class Trajectory(PublicIdModel, TimeStampedModel):
    """One meldcode trajectory: from a worry (or a kindcheck) to closing.

    ``step`` is the furthest meldcode step reached; earlier steps stay open for
    additions (the steps overlap in practice), which are logged.
    ``version`` is bumped by every transition: a form that carries an older
    version gets a conflict message instead of overwriting.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="trajectories",
        verbose_name=_("organisation"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_trajectories",
        verbose_name=_("owner"),
    )
    aandachtsfunctionaris = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supervised_trajectories",
        verbose_name=_("aandachtsfunctionaris"),
    )
    framework = models.ForeignKey(
        "meldcode.AfwegingskaderVersion",
        on_delete=models.PROTECT,
        related_name="trajectories",
        verbose_name=_("afwegingskader"),
    )
    origin = models.CharField(_("origin"), max_length=20, choices=Origin.choices)
    forms_of_violence = models.JSONField(_("forms of violence"), default=list)
    worry = EncryptedTextField(_("the worry in short"))
    kindcheck_notes = EncryptedTextField(_("kindcheck"), blank=True, default="")
    step = models.PositiveSmallIntegerField(
        _("step"), choices=Step.choices, default=Step.SIGNALEN
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    is_acute = models.BooleanField(_("acute danger"), default=False)
    acute_at = models.DateTimeField(
        _("acute danger reported at"), null=True, blank=True
    )
    step_started_at = models.DateTimeField(_("current step since"))
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, blank=True
    )
    closing_agreements = EncryptedTextField(
        _("agreements on following future safety"), blank=True, default=""
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Round 1 is the first decision; afweging 5 "nee" opens the next round.
    decision_round = models.PositiveSmallIntegerField(_("decision round"), default=1)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("meldcode trajectory")
        verbose_name_plural = _("meldcode trajectories")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["organisation", "status", "-created_at"], name="traj_org_status"
            ),
            models.Index(fields=["owner", "status"], name="traj_owner_status"),
            # The trajectory list's order, open trajectories only (docs/performance.md).
            models.Index(
                fields=["organisation", "-is_acute", "-created_at", "-id"],
                condition=~models.Q(status="closed"),
                name="traj_org_open_order",
            ),
            # The same order over all of them: the API list (no status filter) and
            # the closed tab, where an organisation has years of trajectories.
            models.Index(
                fields=["organisation", "-is_acute", "-created_at", "-id"],
                name="traj_org_order",
            ),
        ]

    def __str__(self) -> str:
        return f"Traject {str(self.public_id)[:8]}"

    @property
    def is_closed(self) -> bool:
        return self.status == Status.CLOSED

    @property
    def melding(self) -> "Melding | None":
        """The latest melding (a renewed melding follows an earlier one)."""
        cache = getattr(self, "_prefetched_objects_cache", {})
        if "meldingen" in cache:
            loaded = list(cache["meldingen"])
            return max(loaded, key=lambda m: (m.created_at, m.pk), default=None)
        return self.meldingen.order_by("-created_at", "-pk").first()


class TrajectoryChild(models.Model):
    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.CASCADE, related_name="children"
    )
    person = models.ForeignKey(
        "persons.Person", on_delete=models.PROTECT, related_name="trajectory_links"
    )

    class Meta:
        verbose_name = _("child concerned")
        verbose_name_plural = _("children concerned")
        constraints = [
            models.UniqueConstraint(
                fields=["trajectory", "person"], name="unique_trajectory_child"
            )
        ]

    def __str__(self) -> str:
        return str(self.person)


class InvolvedPerson(models.Model):
    """Someone else involved: a parent, carer or other, with their relation to a child."""

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.CASCADE, related_name="involved"
    )
    person = models.ForeignKey(
        "persons.Person", on_delete=models.PROTECT, related_name="involvements"
    )
    child = models.ForeignKey(
        "persons.Person",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("relation to child"),
    )
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    has_gezag = models.BooleanField(
        _("holds parental authority (gezag)"), default=False
    )

    class Meta:
        verbose_name = _("person involved")
        verbose_name_plural = _("persons involved")

    def __str__(self) -> str:
        return f"{self.person} ({self.get_relation_display()})"


class TrajectoryEvent(models.Model):
    """The trajectory's own history: transitions, returns to earlier steps,
    co-signing, acute alerts. (Who *read* what is in the audit log.)"""

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.CASCADE, related_name="events"
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=40)
    step = models.PositiveSmallIntegerField(_("step"), choices=Step.choices, null=True)
    note = EncryptedTextField(_("note"), blank=True, default="")

    class Meta:
        verbose_name = _("trajectory event")
        verbose_name_plural = _("trajectory events")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.kind

    @property
    def kind_label(self) -> str:
        """The translated sentence for ``kind`` (an unknown code shows as it is)."""
        try:
            return str(EventKind(self.kind).label)
        except ValueError:
            return self.kind
