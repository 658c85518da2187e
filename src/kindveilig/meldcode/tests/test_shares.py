"""Sharing a trajectory with another organisation, with its legal basis; the
receiver reads, the owner organisation writes; a revoked share reaches no one."""

import datetime as dt
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import LegalBasis, Share, Trajectory
from kindveilig.meldcode.models.choices import Step
from kindveilig.meldcode.selectors import trajectories_visible_to, trajectory_get_for
from kindveilig.meldcode.services import share_create, share_revoke, step_advance

pytestmark = [pytest.mark.django_db]


def share(prof: Actor, trajectory: Trajectory, to: Actor, **kwargs: object) -> Share:
    fields: dict[str, object] = {
        "legal_basis": LegalBasis.CONSENT_PARENTS,
        "consent_given_by": "Moeder (met gezag)",
        "consent_given_on": timezone.localdate(),
    }
    fields.update(kwargs)
    return share_create(
        actor=prof,
        trajectory=trajectory,
        to_organisation=to.organisation,
        **fields,  # type: ignore[arg-type]
    )


def test_the_receiver_reads_but_does_not_write(prof: Actor, lt: Actor) -> None:
    trajectory = scenarios.at_step_2(prof)
    with pytest.raises(Http404):
        trajectory_get_for(actor=lt, public_id=trajectory.public_id)
    share(prof, trajectory, lt)
    assert trajectory_get_for(actor=lt, public_id=trajectory.public_id) == trajectory
    with pytest.raises(ValidationError):
        step_advance(
            actor=lt,
            trajectory=trajectory,
            to_step=Step.GESPREK,
            expected_version=trajectory.version,
        )


def test_a_revoked_share_reaches_no_one(prof: Actor, lt: Actor) -> None:
    trajectory = scenarios.start(prof)
    revoked = share_revoke(actor=prof, share=share(prof, trajectory, lt))
    assert revoked.revoked_by == prof.user
    with pytest.raises(Http404):
        trajectory_get_for(actor=lt, public_id=trajectory.public_id)


def test_a_share_and_its_revocation_are_audited_per_child(
    prof: Actor, lt: Actor
) -> None:
    trajectory = scenarios.start(prof)
    child = trajectory.children.get().person
    made = share(prof, trajectory, lt)
    share_revoke(actor=prof, share=made)
    # New records name the model where it lives now; records written before the
    # move keep "chain.share" (the audit log is append-only).
    records = AuditEvent.objects.filter(object_type="meldcode.share")
    assert list(records.values_list("action", "object_id", "person_id")) == [
        (AuditAction.CREATE, str(made.public_id), child.public_id),
        (AuditAction.UPDATE, str(made.public_id), child.public_id),
    ]


@pytest.mark.parametrize(
    ("basis", "extra", "error_field"),
    [
        (
            LegalBasis.MELDRECHT,
            {"consent_given_by": "", "consent_given_on": None},
            "reason",
        ),
        (LegalBasis.CONSENT_PARENTS, {"consent_given_by": ""}, "consent_given_by"),
        (LegalBasis.CONSENT_PARENTS, {"consent_given_on": None}, "consent_given_on"),
        # Sam (demo) is ten: too young to consent alone.
        (LegalBasis.CONSENT_YOUTH, {}, "legal_basis"),
    ],
)
def test_each_legal_basis_needs_its_record(
    prof: Actor, lt: Actor, basis: str, extra: dict[str, object], error_field: str
) -> None:
    trajectory = scenarios.start(prof)
    with pytest.raises(ValidationError) as info:
        share(prof, trajectory, lt, legal_basis=basis, **extra)
    assert error_field in info.value.message_dict
    assert not Share.objects.exists()


def test_meldrecht_without_consent_records_the_reason(prof: Actor, lt: Actor) -> None:
    trajectory = scenarios.start(prof)
    made = share(
        prof,
        trajectory,
        lt,
        legal_basis=LegalBasis.MELDRECHT,
        consent_given_by="",
        consent_given_on=None,
        reason="Vader dreigt; vragen om toestemming brengt Sam in gevaar.",
    )
    made.refresh_from_db()
    assert made.reason.startswith("Vader dreigt")


def test_a_young_person_of_16_may_consent(prof: Actor, lt: Actor) -> None:
    from kindveilig.meldcode.models.choices import Origin
    from kindveilig.meldcode.services import trajectory_start
    from kindveilig.meldcode.services.trajectories import ChildInput, StartInput

    teen = trajectory_start(
        actor=prof,
        data=StartInput(
            origin=Origin.WORRY,
            worry="Zorgen.",
            forms_of_violence=["physical"],
            children=[
                ChildInput(
                    given_name="Tien",
                    family_name="Proef",
                    date_of_birth=timezone.localdate() - dt.timedelta(days=17 * 366),
                )
            ],
        ),
    )
    assert share(prof, teen, lt, legal_basis=LegalBasis.CONSENT_YOUTH).pk


def test_only_who_acts_on_the_trajectory_shares_it(
    prof: Actor, lt: Actor, make_persona: Callable[..., Persona]
) -> None:
    trajectory = scenarios.start(prof)
    colleague = make_persona(Role.PROFESSIONAL, prof.organisation).actor
    with pytest.raises(ValidationError):
        share(colleague, trajectory, lt)
    with pytest.raises(ValidationError):
        share(prof, trajectory, prof)  # not with yourself


def test_a_share_to_a_named_person_reaches_that_person_and_the_aandachtsfunctionaris(
    prof: Actor, lt: Actor, make_persona: Callable[..., Persona]
) -> None:
    trajectory = scenarios.start(prof)
    team = lt.organisation
    colleague = make_persona(Role.LOKAAL_TEAM_MEDEWERKER, team).actor
    team_af = make_persona(Role.AANDACHTSFUNCTIONARIS, team).actor
    share(prof, trajectory, lt, to_user=lt.user)
    assert trajectory_get_for(actor=lt, public_id=trajectory.public_id)
    assert trajectory_get_for(actor=team_af, public_id=trajectory.public_id)
    with pytest.raises(Http404):
        trajectory_get_for(actor=colleague, public_id=trajectory.public_id)


def test_trajectories_visible_to_adds_what_is_shared_with_the_actor(
    prof: Actor,
    af: Actor,
    lt: Actor,
    other_prof: Actor,
    gemeente_analist: Persona,
    make_persona: Callable[..., Persona],
) -> None:
    mine = scenarios.start(prof)
    organisations = scenarios.start(af)
    to_team = scenarios.start(other_prof)
    share(other_prof, to_team, lt)
    to_prof = scenarios.start(other_prof)
    share(other_prof, to_prof, prof, to_user=prof.user)
    colleague = make_persona(Role.PROFESSIONAL, prof.organisation).actor
    assert set(trajectories_visible_to(prof)) == {mine, to_prof}
    assert set(trajectories_visible_to(af)) == {mine, organisations, to_prof}
    assert set(trajectories_visible_to(lt)) == {to_team}
    assert set(trajectories_visible_to(other_prof)) == {to_team, to_prof}
    assert not trajectories_visible_to(colleague).exists()
    assert not trajectories_visible_to(gemeente_analist.actor).exists()
