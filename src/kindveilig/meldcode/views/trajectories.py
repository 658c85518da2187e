import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import Role
from kindveilig.core.forms import apply_errors, with_one_more_form
from kindveilig.meldcode import services
from kindveilig.meldcode.afwegingskader import advise
from kindveilig.meldcode.cosigners import cosigners_for
from kindveilig.meldcode.forms import (
    AcuteForm,
    ChildFormSet,
    CloseForm,
    InvolvedFormSet,
    StartForm,
    VersionedForm,
)
from kindveilig.meldcode.models import ClosingRequest, Decision, Kindcheck, Trajectory
from kindveilig.meldcode.models.choices import Step
from kindveilig.meldcode.selectors import (
    chronology,
    trajectory_get_for,
    trajectory_page_for,
    with_entries,
)
from kindveilig.meldcode.services.common import can_act_on
from kindveilig.meldcode.services.decisions import latest_decision
from kindveilig.meldcode.services.rules import melding_outstanding, round_melding
from kindveilig.meldcode.services.trajectories import (
    ChildInput,
    InvolvedInput,
    StartInput,
    step_gate,
)
from kindveilig.meldcode.services.weighing import (
    current_answers,
    missing_child_conversations,
)

from .common import af_rule, load, to_detail, trajectory_rule
from .kindcheck import kindcheck_for_start, kindcheck_start_initial, start_trajectory

MELDPLICHT_SECTORS = {"onderwijs", "kinderopvang"}


@trajectory_rule
def trajectory_list(request: AuthenticatedRequest) -> HttpResponse:
    status = request.GET.get("status", "open")
    page = trajectory_page_for(
        actor=request.actor, page_number=request.GET.get("pagina"), status=status
    )
    return render(
        request, "meldcode/trajectory_list.html", {"page": page, "status": status}
    )


@trajectory_rule
def trajectory_start(request: AuthenticatedRequest) -> HttpResponse:
    post = request.POST if request.method == "POST" else None
    kindcheck = kindcheck_for_start(request)  # opened from a kindcheck with a worry
    form = StartForm(post, initial=kindcheck_start_initial(kindcheck))
    children = ChildFormSet(post, prefix="kind")
    involved = InvolvedFormSet(post, prefix="betrokkene")
    if post is not None and ("add_child" in post or "add_involved" in post):
        # Add a row without JavaScript: re-render with what was typed plus one row.
        children = _grow(ChildFormSet, post, "kind", grow="add_child" in post)
        involved = _grow(
            InvolvedFormSet, post, "betrokkene", grow="add_involved" in post
        )
        return _render_start(request, form, children, involved, kindcheck)
    if post is not None and form.is_valid():
        if form.cleaned_data["colleague_suspicion"] == "yes":
            return HttpResponseRedirect(reverse("meldcode:meldplicht-start"))
        if children.is_valid() and involved.is_valid():
            data = StartInput(
                origin=form.cleaned_data["origin"],
                worry=form.cleaned_data["worry"],
                forms_of_violence=form.cleaned_data["forms_of_violence"],
                kindcheck_notes=form.cleaned_data["kindcheck_notes"],
                children=[
                    ChildInput(**child.cleaned_data)
                    for child in children
                    if child.cleaned_data
                ],
                involved=[
                    InvolvedInput(**person.cleaned_data, child_index=0)
                    for person in involved
                    if person.cleaned_data
                ],
            )
            try:
                trajectory = start_trajectory(request.actor, data, kindcheck)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The trajectory has started. Begin with step 1: the signals."),
                )
                return to_detail(trajectory)
    return _render_start(request, form, children, involved, kindcheck)


def _grow(formset_class: Any, post: QueryDict, prefix: str, grow: bool) -> Any:
    data = with_one_more_form(post, prefix) if grow else post.copy()
    formset = formset_class(data, prefix=prefix)
    return formset


def _render_start(
    request: AuthenticatedRequest,
    form: object,
    children: object,
    involved: object,
    kindcheck: Kindcheck | None = None,
) -> HttpResponse:
    return render(
        request,
        "meldcode/trajectory_start.html",
        {
            "form": form,
            "children": children,
            "involved": involved,
            "kindcheck": kindcheck,
            "meldplicht_sector": request.actor.organisation.sector
            in MELDPLICHT_SECTORS,
        },
    )


@trajectory_rule
def trajectory_detail(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    trajectory = with_entries(
        trajectory_get_for(actor=request.actor, public_id=public_id, entry_flags=True)
    )
    answers = current_answers(trajectory)
    next_step = Step(trajectory.step + 1) if trajectory.step < Step.BESLISSEN else None
    decision = latest_decision(trajectory)
    closing = next((c for c in trajectory.closings.all() if c.is_pending), None)
    context = {
        "trajectory": trajectory,
        "steps": Step.choices,
        "advice": advise(answers),
        "answers": answers,
        "next_step": next_step,
        "gate": step_gate(trajectory, next_step) if next_step else [],
        "missing_children": missing_child_conversations(trajectory),
        "decision": decision,
        "earlier_decisions": [
            d for d in trajectory.decisions.all() if d.round < trajectory.decision_round
        ],
        # The entries loaded the meldingen already; the latest is shown.
        "melding": trajectory.melding,
        "closing": closing,
        "can_cosign": _can_cosign(request, trajectory, decision, closing),
        "melding_outstanding": melding_outstanding(trajectory),
        "round_melding": round_melding(trajectory),
        "version_form": VersionedForm(initial={"version": trajectory.version}),
        "is_af": request.actor.role == Role.AANDACHTSFUNCTIONARIS,
        "is_owner": trajectory.owner_id == request.user.pk,
        # A trajectory shared with another organisation is read-only there.
        "can_act": can_act_on(request.actor, trajectory),
    }
    return render(request, "meldcode/trajectory_detail.html", context)


def _can_cosign(
    request: AuthenticatedRequest,
    trajectory: Trajectory,
    decision: Decision | None,
    closing: ClosingRequest | None,
) -> bool:
    """Whether the user is among the co-signers; asked only when the page shows
    something to co-sign (a pending decision or closing)."""
    if not ((decision is not None and decision.is_pending) or closing is not None):
        return False
    return request.actor.user.pk in {
        u.pk for u in cosigners_for(trajectory.organisation)
    }


@trajectory_rule
def trajectory_chronology(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    trajectory = trajectory_get_for(
        actor=request.actor, public_id=public_id, entry_flags=True
    )
    return render(
        request,
        "meldcode/trajectory_chronology.html",
        {"trajectory": trajectory, "items": chronology(trajectory, marks=False)},
    )


@require_POST
@trajectory_rule
def step_advance(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    trajectory = load(request, public_id)
    form = VersionedForm(request.POST)
    if form.is_valid():
        try:
            services.step_advance(
                actor=request.actor,
                trajectory=trajectory,
                to_step=Step(min(trajectory.step + 1, Step.BESLISSEN)),
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("On to the next step."))
    return to_detail(trajectory)


@trajectory_rule
def trajectory_acute(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    trajectory = load(request, public_id)
    form = AcuteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.trajectory_report_acute(
                actor=request.actor,
                trajectory=trajectory,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.warning(
                request,
                _(
                    "Marked as acute danger. Your aandachtsfunctionaris is alerted. Record the immediate melding below."
                ),
            )
            return HttpResponseRedirect(
                reverse("meldcode:decision-propose", args=[trajectory.public_id])
            )
    return render(
        request,
        "meldcode/trajectory_acute.html",
        {"trajectory": trajectory, "form": form},
    )


@require_POST
@af_rule
def trajectory_take_over(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    trajectory = load(request, public_id)
    form = VersionedForm(request.POST)
    if form.is_valid():
        try:
            services.trajectory_take_over(
                actor=request.actor,
                trajectory=trajectory,
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("You are now the owner of this trajectory."))
    return to_detail(trajectory)


@trajectory_rule
def trajectory_close(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    trajectory = load(request, public_id)
    post = request.POST if request.method == "POST" else None
    form = CloseForm(post, initial={"version": trajectory.version})
    if post is not None and form.is_valid():
        try:
            services.trajectory_close(
                actor=request.actor,
                trajectory=trajectory,
                outcome=form.cleaned_data["outcome"],
                agreements=form.cleaned_data["agreements"],
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if not trajectory.is_closed:
                messages.success(
                    request,
                    _("Closing waits for the aandachtsfunctionaris's co-sign."),
                )
                return to_detail(trajectory)
            messages.success(request, _("The trajectory is closed."))
            return HttpResponseRedirect(
                reverse("learning:reflection-start", args=[trajectory.public_id])
            )
    return render(
        request,
        "meldcode/step_form.html",
        {
            "trajectory": trajectory,
            "form": form,
            "title": _("Close the trajectory"),
            "intro": _(
                "Record the outcome. Closing at afweging 1 needs its 'no' with rationale; otherwise record the agreements about the child's future safety. "
                "Closing before step 5, or with 'Other', needs a reason and the aandachtsfunctionaris's co-sign; "
                "when the afwegingskader requires a melding, the trajectory closes only after it."
            ),
        },
    )
