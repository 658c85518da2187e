"""A whole trajectory through the API, from the worry to closing after the melding."""

from collections.abc import Callable
from typing import Any

from django.utils import timezone

import pytest
from conftest import Persona
from rest_framework.test import APIClient

from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import Trajectory

from .conftest import url

pytestmark = [pytest.mark.django_db]
TokenClient = Callable[[Persona], APIClient]
TODAY = timezone.localdate

RATIONALE = "Onderbouwing op basis van de signalen en de gesprekken."


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.json()
    return response.json()


def test_a_trajectory_from_worry_to_closing(
    professional: Persona,
    aandachtsfunctionaris: Persona,
    token_client: TokenClient,
) -> None:
    me = token_client(professional)
    af = token_client(aandachtsfunctionaris)
    detail = ok(
        me.post(
            url("trajectory-list"),
            {
                "worry": "Sam heeft blauwe plekken.",
                "forms_of_violence": ["physical"],
                "children": [{"given_name": "Sam (demo)", "family_name": "Test"}],
            },
        ),
        201,
    )
    pid = detail["public_id"]
    child = detail["children"][0]["public_id"]
    assert detail["next_step_missing"]

    ok(
        me.post(
            url("observation-add", pid),
            {
                "observed_on": TODAY().isoformat(),
                "observed_by": "Juf Test",
                "source": "own",
                "facts": "Blauwe plekken op de arm.",
            },
        ),
        201,
    )
    version = ok(me.get(url("trajectory-detail", pid)))["version"]
    detail = ok(
        me.post(url("step-advance", pid), {"to_step": 2, "expected_version": version})
    )
    assert detail["step"] == 2
    ok(
        me.post(
            url("consultation-add", pid),
            {
                "party": "aandachtsfunctionaris",
                "consulted_name": "AF Test",
                "consulted_on": TODAY().isoformat(),
                "question": "Hoe ernstig?",
                "advice": "Ga in gesprek.",
            },
        ),
        201,
    )
    detail = ok(
        me.post(
            url("step-advance", pid),
            {"to_step": 3, "expected_version": detail["version"]},
        )
    )
    ok(
        me.post(
            url("conversation-add", pid),
            {
                "with_whom": "parents",
                "held_on": TODAY().isoformat(),
                "what_was_said": "Vader zegt dat Sam viel.",
            },
        ),
        201,
    )
    conversation = ok(
        me.post(
            url("conversation-add", pid),
            {
                "with_whom": "child",
                "child": child,
                "held_on": TODAY().isoformat(),
                "what_was_said": "Rustig gesprek.",
                "child_words": scenarios.CHILD_WORDS,
                "child_wishes": "Dat het thuis rustig is.",
            },
        ),
        201,
    )
    assert conversation["child"] == child
    detail = ok(
        me.post(
            url("step-advance", pid),
            {"to_step": 4, "expected_version": detail["version"]},
        )
    )
    for number in (1, 2):
        answer = ok(
            me.post(
                url("afweging-answer", pid),
                {"question": number, "answer": "yes", "rationale": RATIONALE},
            ),
            201,
        )
        assert answer["question"] == number
    detail = ok(me.get(url("trajectory-detail", pid)))
    assert detail["advice"]["outcome"] == "melden"
    assert detail["next_step_missing"] == []
    detail = ok(
        me.post(
            url("step-advance", pid),
            {"to_step": 5, "expected_version": detail["version"]},
        )
    )

    decision = ok(
        me.post(
            url("decision-propose", pid),
            {
                "melden": True,
                "melden_rationale": "Structurele onveiligheid thuis.",
                "help_possible": False,
                "help_rationale": "Hulp van school alleen is niet genoeg.",
                "expected_version": detail["version"],
            },
        ),
        201,
    )
    assert decision["cosign_status"] == "pending"
    version = ok(af.get(url("trajectory-detail", pid)))["version"]
    returned = ok(
        af.post(
            url("decision-return", pid, decision["public_id"]),
            {"comment": "Noem ook de school als steun.", "expected_version": version},
        )
    )
    assert returned["cosign_status"] == "returned"
    version = ok(me.get(url("trajectory-detail", pid)))["version"]
    decision = ok(
        me.post(
            url("decision-propose", pid),
            {
                "melden": True,
                "melden_rationale": "Structurele onveiligheid thuis.",
                "help_possible": True,
                "help_rationale": "School blijft steunen met een vertrouwenspersoon.",
                "help_plan": "Wekelijks gesprek met de intern begeleider.",
                "expected_version": version,
            },
        ),
        201,
    )
    version = ok(af.get(url("trajectory-detail", pid)))["version"]
    cosigned = ok(
        af.post(
            url("decision-cosign", pid, decision["public_id"]),
            {"expected_version": version},
        )
    )
    assert cosigned["cosign_status"] == "cosigned"
    assert cosigned["cosigned_by_name"] == aandachtsfunctionaris.user.full_name

    version = ok(me.get(url("trajectory-detail", pid)))["version"]
    melding = ok(
        me.post(
            url("melding-create", pid),
            {
                "melder_name": "Juf Test",
                "melder_function": "Leerkracht",
                "melder_phone": "070-0000000",
                "melder_email": "juf@test.kindveilig.invalid",
                "discussed_with_parents": True,
                "discussed_with_child": True,
                "expected_version": version,
            },
        ),
        201,
    )
    assert melding["decision"] == decision["public_id"]
    handed_over = ok(
        me.post(
            url("melding-handover", pid),
            {
                "handed_over_at": timezone.now().isoformat(),
                "channel": "phone",
                "reference": "VT-0001",
            },
        )
    )
    assert handed_over["veilig_thuis_reference"] == "VT-0001"
    ok(
        me.post(
            url("feedback-add", pid),
            {
                "kind": "veiligheidsbeoordeling",
                "received_on": TODAY().isoformat(),
                "summary": "Veilig Thuis draagt over aan het lokaal team.",
            },
        ),
        201,
    )
    version = ok(me.get(url("trajectory-detail", pid)))["version"]
    closed = ok(
        me.post(
            url("trajectory-close", pid),
            {
                "outcome": "after_melding",
                "agreements": "School volgt Sam; lokaal team is betrokken.",
                "expected_version": version,
            },
        )
    )
    assert closed["status"] == "closed"
    assert closed["outcome"] == "after_melding"

    chronology = ok(me.get(url("trajectory-chronology", pid)))
    kinds = {item["kind"] for item in chronology}
    assert {
        "observation",
        "consultation",
        "conversation",
        "answer",
        "decision",
        "melding",
        "feedback",
        "event",
    } <= kinds
    assert [item["at"] for item in chronology] == sorted(
        item["at"] for item in chronology
    )
    trajectory = Trajectory.objects.get(public_id=pid)
    assert trajectory.status == "closed"


def test_acute_danger_is_reported_through_the_api(
    professional: Persona, token_client: TokenClient
) -> None:
    trajectory = scenarios.start(professional.actor)
    client = token_client(professional)
    refused = client.post(url("trajectory-acute", trajectory.public_id), {"note": " "})
    assert refused.status_code == 400
    assert list(refused.json()) == ["note"]
    detail = ok(
        client.post(
            url("trajectory-acute", trajectory.public_id),
            {"note": "Kind durft niet naar huis."},
        )
    )
    assert detail["is_acute"] is True
    assert detail["version"] == trajectory.version + 1


def test_a_skip_reason_is_recorded_through_the_api(
    professional: Persona, token_client: TokenClient
) -> None:
    trajectory = scenarios.at_step_3(professional.actor)
    child = trajectory.children.get().person.public_id
    client = token_client(professional)
    skip = ok(
        client.post(
            url("conversation-skip", trajectory.public_id),
            {
                "with_whom": "child",
                "child": str(child),
                "reason": "too_young",
                "explanation": "Het kind is twee jaar oud.",
            },
        ),
        201,
    )
    assert skip["child"] == str(child)
    assert skip["reason"] == "too_young"


def test_the_handover_of_a_missing_melding_is_404(
    professional: Persona, token_client: TokenClient
) -> None:
    trajectory = scenarios.start(professional.actor)
    response = token_client(professional).post(
        url("melding-handover", trajectory.public_id),
        {"handed_over_at": timezone.now().isoformat(), "channel": "phone"},
    )
    assert response.status_code == 404


def test_a_decision_of_another_trajectory_is_404(
    professional: Persona,
    aandachtsfunctionaris: Persona,
    token_client: TokenClient,
) -> None:
    decision = scenarios.decided_melden(professional.actor, aandachtsfunctionaris.actor)
    other = scenarios.start(professional.actor)
    response = token_client(aandachtsfunctionaris).post(
        url("decision-return", other.public_id, decision.public_id),
        {"comment": "Anders.", "expected_version": 1},
    )
    assert response.status_code == 404
