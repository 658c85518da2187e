"""Who must act next on a trajectory, and what: for the trajectory list.

Read from annotations on the list's one query (``with_next_action``), so the list
costs the same number of queries for 3 or 50 rows.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import ClosingRequest, Decision, Trajectory
from .models.choices import CosignStatus, Status, Step


def with_next_action(queryset: QuerySet[Trajectory]) -> QuerySet[Trajectory]:
    in_round = {"trajectory": OuterRef("pk"), "round": OuterRef("decision_round")}
    return queryset.select_related("aandachtsfunctionaris").annotate(
        pending_decision=Exists(
            Decision.objects.filter(
                trajectory=OuterRef("pk"), cosign_status=CosignStatus.PENDING
            )
        ),
        pending_closing=Exists(
            ClosingRequest.objects.filter(
                trajectory=OuterRef("pk"), cosign_status=CosignStatus.PENDING
            )
        ),
        melding_to_make=Exists(
            Decision.objects.filter(
                **in_round,
                melden=True,
                cosign_status__in=[CosignStatus.COSIGNED, CosignStatus.NO_COSIGNER],
                melding__isnull=True,
            )
        ),
        evaluation_on=Subquery(
            Decision.objects.filter(**in_round, help_possible=True)
            .order_by("-created_at", "-pk")
            .values("evaluate_on")[:1]
        ),
    )


@dataclass(frozen=True)
class NextAction:
    who: str
    what: str


def next_action(trajectory: Any) -> NextAction:
    """``trajectory`` comes from ``with_next_action``."""
    if trajectory.status == Status.CLOSED:
        return NextAction("", _("nothing: closed"))
    owner = trajectory.owner.full_name
    cosigner = (
        trajectory.aandachtsfunctionaris.full_name
        if trajectory.aandachtsfunctionaris_id
        else _("the aandachtsfunctionaris")
    )
    if trajectory.pending_decision:
        return NextAction(cosigner, _("co-sign the decision"))
    if trajectory.pending_closing:
        return NextAction(cosigner, _("co-sign closing"))
    if trajectory.melding_to_make:
        return NextAction(owner, _("make the melding"))
    if trajectory.status == Status.HELPING and trajectory.evaluation_on:
        return NextAction(
            owner,
            _("evaluate the help on %(date)s")
            % {"date": date_format(trajectory.evaluation_on, "j F Y")},
        )
    if trajectory.status == Status.AFTER_MELDING:
        return NextAction(owner, _("record Veilig Thuis's feedback, then close"))
    return NextAction(owner, str(Step(trajectory.step).label))
