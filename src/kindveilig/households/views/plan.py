"""The veiligheidsplan: view, new version, checking items, printing (the
professional version and one in plain words for the children)."""

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kindveilig.access.http import AuthenticatedRequest
from kindveilig.core.forms import apply_errors, small_int, with_one_more_form
from kindveilig.households import selectors, services
from kindveilig.households.forms import (
    ItemStatusForm,
    PlanItemFormSet,
    PlanNoteForm,
)
from kindveilig.households.models import ItemKind, ItemStatus, MemberRole

from .common import household_rule, load, regie_rule, to_detail

BLANK_ROWS = 2


@household_rule
def plan_detail(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    access = load(request, public_id, purpose="safety plan")
    number = request.GET.get("versie")
    plan = selectors.plan_for(access, small_int(number))
    current = plan.versions[-1] if plan.versions else None
    editable = (
        access.can_edit_case and plan.version is not None and plan.version == current
    )
    return render(
        request,
        "households/plan_detail.html",
        {
            "access": access,
            "household": access.household,
            "case": access.case,
            "plan": plan,
            "today": timezone.localdate(),
            "status_forms": {
                item.pk: ItemStatusForm(
                    initial={
                        "lock_version": item.lock_version,
                        "status": item.status,
                        "evidence": item.evidence,
                    }
                )
                for item in plan.items
            }
            if editable
            else {},
            "section": "plan",
        },
    )


def _initial_rows(plan: selectors.PlanView) -> list[dict[str, Any]]:
    return [
        {
            "kind": item.kind,
            "what": item.what,
            "child_text": item.child_text,
            "who": item.who,
            "partner": str(item.partner.public_id) if item.partner else "",
            "due_on": item.due_on,
            "how_checked": item.how_checked,
            "set_by": item.set_by,
            "lineage": item.lineage,
        }
        for item in plan.items
    ] + [{"kind": ItemKind.AGREEMENT} for _ in range(BLANK_ROWS)]


@regie_rule
def plan_edit(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    access = load(request, public_id, purpose="new plan version", need="case")
    case = access.require_case()
    plan = selectors.plan_for(access)
    partners = list(
        case.partners.filter(ended_at__isnull=True).select_related("organisation")
    )
    based_on = plan.version.number if plan.version else 0
    if request.method == "POST":
        note_form = PlanNoteForm(request.POST)
        formset = PlanItemFormSet(
            request.POST, prefix="item", form_kwargs={"partners": partners}
        )
        if "add_row" in request.POST:
            data = with_one_more_form(request.POST, "item")
            formset = PlanItemFormSet(
                data, prefix="item", form_kwargs={"partners": partners}
            )
            note_form = PlanNoteForm(data)
        elif note_form.is_valid() and formset.is_valid():
            items = [
                services.ItemInput(
                    kind=row.cleaned_data["kind"],
                    what=row.cleaned_data["what"],
                    who=row.cleaned_data["who"],
                    due_on=row.cleaned_data["due_on"],
                    how_checked=row.cleaned_data["how_checked"],
                    child_text=row.cleaned_data["child_text"],
                    set_by=row.cleaned_data["set_by"],
                    partner=uuid.UUID(row.cleaned_data["partner"])
                    if row.cleaned_data["partner"]
                    else None,
                    lineage=row.cleaned_data["lineage"],
                )
                for row in formset
                if not row.cleaned_data.get("remove") and not row.is_blank
            ]
            try:
                services.plan_version_create(
                    actor=request.actor,
                    case=case,
                    items=items,
                    note=note_form.cleaned_data["note"],
                    based_on=note_form.cleaned_data["based_on"],
                )
            except ValidationError as error:
                apply_errors(note_form, error)
            else:
                messages.success(request, _("The new version of the plan is saved."))
                return to_detail(access.household, "plan")
    else:
        note_form = PlanNoteForm(initial={"based_on": based_on})
        formset = PlanItemFormSet(
            prefix="item",
            initial=_initial_rows(plan),
            form_kwargs={"partners": partners},
        )
    return render(
        request,
        "households/plan_form.html",
        {
            "household": access.household,
            "note_form": note_form,
            "formset": formset,
            "based_on": based_on,
        },
    )


@require_POST
@regie_rule
def plan_item_update(
    request: AuthenticatedRequest, public_id: uuid.UUID, item_id: uuid.UUID
) -> HttpResponse:
    access = load(request, public_id, purpose="check an agreement", need="case")
    item = selectors.plan_item_get_for(access, item_id)
    form = ItemStatusForm(request.POST)
    if form.is_valid():
        try:
            services.plan_item_update(
                actor=request.actor,
                item=item,
                status=form.cleaned_data["status"],
                evidence=form.cleaned_data["evidence"],
                expected_lock_version=form.cleaned_data["lock_version"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Saved."))
    else:
        messages.error(request, _("Choose a status."))
    return to_detail(access.household, "plan")


def _print_context(access: selectors.HouseholdAccess) -> dict[str, Any]:
    plan = selectors.plan_for(access)
    children = [
        m.person
        for m in access.household.members.select_related("person").filter(
            left_on__isnull=True, role__in=(MemberRole.CHILD, MemberRole.SIBLING)
        )
    ]
    return {
        "household": access.household,
        "case": access.case,
        "plan": plan,
        "children": children,
        "child_names": ", ".join(child.given_name for child in children),
        "conditions": [i for i in plan.items if i.kind == ItemKind.CONDITION],
        "agreements": [
            i
            for i in plan.items
            if i.kind == ItemKind.AGREEMENT and i.status != ItemStatus.DROPPED
        ],
        "printed_at": timezone.now(),
    }


@household_rule
def plan_print(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    access = load(request, public_id, purpose="print the safety plan")
    return render(request, "households/plan_print.html", _print_context(access))


@household_rule
def plan_child(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    access = load(request, public_id, purpose="print the safety plan for the children")
    return render(request, "households/plan_child.html", _print_context(access))
