"""Step 5 and after: the decision, co-signing, the melding and Veilig Thuis's feedback."""

import uuid
from collections.abc import Callable

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from kindveilig.access.http import AuthenticatedRequest
from kindveilig.meldcode import services
from kindveilig.meldcode.afwegingskader import advise
from kindveilig.meldcode.forms import (
    ClosingCosignForm,
    CosignForm,
    DecisionForm,
    EvaluationForm,
    FeedbackForm,
    HandoverForm,
    MeldingForm,
)
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.selectors import too_young_initial
from kindveilig.meldcode.services.closing import pending_closing
from kindveilig.meldcode.services.decisions import (
    DecisionInput,
    MeldingInput,
    default_evaluation_date,
    latest_decision,
)
from kindveilig.meldcode.services.rules import advice_label
from kindveilig.meldcode.services.weighing import current_answers

from .common import af_rule, load, trajectory_rule
from .steps import _step_form


@trajectory_rule
def decision_propose(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    trajectory = load(request, public_id)
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        initial={
            "version": trajectory.version,
            "melden": "yes" if trajectory.is_acute else None,
            "evaluate_on": default_evaluation_date(),
        },
    )

    def save() -> object:
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.decision_propose(
            actor=request.actor,
            trajectory=trajectory,
            data=DecisionInput(**data),
            expected_version=version,
        )

    return _step_form(
        request,
        trajectory,
        form,
        save,
        anchor="stap-5",
        title=gettext_lazy("Step 5: decide"),
        intro=gettext_lazy(
            "Two decisions, in this order: is melden necessary? Is help (also) possible? "
            "Your aandachtsfunctionaris co-signs the decision."
        ),
        extra={
            "advice": advise(current_answers(trajectory)),
            "show_emergency": trajectory.is_acute,
            "cosigner": trajectory.aandachtsfunctionaris,
        },
    )


def _cosign_page(
    request: AuthenticatedRequest,
    trajectory: Trajectory,
    form: CosignForm,
    *,
    cosign: Callable[[int | None], object],
    give_back: Callable[[str, int | None], object],
    anchor: str,
    title: object,
    extra: dict[str, object],
) -> HttpResponse:
    """The co-signer's page: co-sign, or return with a comment."""

    def save() -> object:
        version = form.cleaned_data["version"]
        if form.cleaned_data["action"] == "return":
            return give_back(form.cleaned_data["comment"], version)
        return cosign(version)

    return _step_form(
        request, trajectory, form, save, anchor=anchor, title=title, extra=extra
    )


@af_rule
def decision_cosign(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    trajectory = load(request, public_id)
    decision = latest_decision(trajectory)
    if decision is None:
        raise Http404
    post = request.POST if request.method == "POST" else None
    return _cosign_page(
        request,
        trajectory,
        CosignForm(post, initial={"version": trajectory.version}),
        cosign=lambda version: services.decision_cosign(
            actor=request.actor, decision=decision, expected_version=version
        ),
        give_back=lambda comment, version: services.decision_return(
            actor=request.actor,
            decision=decision,
            comment=comment,
            expected_version=version,
        ),
        anchor="stap-5",
        title=gettext_lazy("Co-sign the decision"),
        extra={
            "decision": decision,
            "advice": advise(current_answers(trajectory)),
            "advice_at_decision": advice_label(decision.advice)
            if decision.advice
            else "",
        },
    )


@af_rule
def closing_cosign(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    trajectory = load(request, public_id)
    closing = pending_closing(trajectory)
    if closing is None:
        raise Http404
    post = request.POST if request.method == "POST" else None
    return _cosign_page(
        request,
        trajectory,
        ClosingCosignForm(post, initial={"version": trajectory.version}),
        cosign=lambda version: services.closing_cosign(
            actor=request.actor, request=closing, expected_version=version
        ),
        give_back=lambda comment, version: services.closing_return(
            actor=request.actor,
            request=closing,
            comment=comment,
            expected_version=version,
        ),
        anchor="afsluiten",
        title=gettext_lazy("Co-sign closing the trajectory"),
        extra={"closing": closing},
    )


@trajectory_rule
def evaluation_reschedule(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    trajectory = load(request, public_id)
    decision = latest_decision(trajectory)
    if decision is None or decision.evaluate_on is None:
        raise Http404
    form = EvaluationForm(
        request.POST if request.method == "POST" else None,
        initial={"version": trajectory.version, "evaluate_on": decision.evaluate_on},
    )
    return _step_form(
        request,
        trajectory,
        form,
        lambda: services.evaluation_reschedule(
            actor=request.actor,
            decision=decision,
            evaluate_on=form.cleaned_data["evaluate_on"],
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
        ),
        anchor="stap-5",
        title=gettext_lazy("Move the evaluation of the help"),
    )


@trajectory_rule
def melding_create(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    trajectory = load(request, public_id)
    form = MeldingForm(
        request.POST if request.method == "POST" else None,
        initial={
            "version": trajectory.version,
            "melder_name": request.user.full_name,
            "melder_email": request.user.email,
            **too_young_initial(trajectory),
        },
    )

    def save() -> object:
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.melding_create(
            actor=request.actor,
            trajectory=trajectory,
            data=MeldingInput(**data),
            expected_version=version,
        )

    return _step_form(
        request,
        trajectory,
        form,
        save,
        anchor="melding",
        title=gettext_lazy("The melding to Veilig Thuis"),
        intro=gettext_lazy(
            "A melding needs your name and how Veilig Thuis can reach you; an anonymous contact is an advies. "
            "Open melden is the rule: discuss the melding with the parents and the child first, unless an exception applies."
        ),
        extra={"show_emergency": trajectory.is_acute, "show_veilig_thuis": True},
    )


@trajectory_rule
def melding_handover(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    trajectory = load(request, public_id)
    melding = getattr(trajectory, "melding", None)
    if melding is None:
        raise Http404
    form = HandoverForm(
        request.POST if request.method == "POST" else None,
        initial={
            "handed_over_at": timezone.localtime().replace(second=0, microsecond=0)
        },
    )
    return _step_form(
        request,
        trajectory,
        form,
        lambda: services.melding_handover(
            actor=request.actor,
            melding=melding,
            handed_over_at=form.cleaned_data["handed_over_at"],
            channel=form.cleaned_data["channel"],
            reference=form.cleaned_data["reference"],
        ),
        anchor="melding",
        title=gettext_lazy("Record the handover to Veilig Thuis"),
        extra={"show_veilig_thuis": True},
    )


@trajectory_rule
def feedback_add(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    trajectory = load(request, public_id)
    form = FeedbackForm(request.POST if request.method == "POST" else None)
    return _step_form(
        request,
        trajectory,
        form,
        lambda: services.feedback_add(
            actor=request.actor, trajectory=trajectory, **form.cleaned_data
        ),
        anchor="melding",
        title=gettext_lazy("Record feedback from Veilig Thuis"),
        intro=gettext_lazy(
            "Veilig Thuis reports back after the veiligheidsbeoordeling (within 5 working days) and after an onderzoek."
        ),
    )
