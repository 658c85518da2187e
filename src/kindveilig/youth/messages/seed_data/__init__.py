"""The shared danger patterns and the answer templates, as code.

The data migrations ``0002_seed_patterns_and_templates`` (the first list,
``history.SEED_V1``), ``0006_update_seeded_danger_patterns`` and
``0009_update_seeded_danger_patterns_tr_pl_uk_ar`` read this package, and so do
tests after a database flush (``seed_danger_patterns`` is idempotent).
The patterns per language live in ``nl.py``, ``en.py`` ...; the pattern language
is explained in ``danger.py``, the corpus they are measured against in
docs/youth-messages.md. The list errs on the side of
caution: a message wrongly marked urgent costs a look; a missed one can cost a life.
"""

from typing import Any

from . import ar, en, nl, pl, tr, uk
from .history import SEED_V1, SEED_V2

__all__ = [
    "ANSWER_TEMPLATES",
    "DANGER_PATTERNS",
    "EARLIER_SEEDS",
    "SEED_V1",
    "SEED_V2",
    "seed_answer_templates",
    "seed_danger_patterns",
    "seed_danger_patterns_v1",
]

# (language, pattern, category): every language's shared patterns, in one list.
DANGER_PATTERNS: list[tuple[str, str, str]] = [
    (language, pattern, category)
    for language, patterns in (
        ("nl", nl.PATTERNS),
        ("en", en.PATTERNS),
        ("tr", tr.PATTERNS),
        ("pl", pl.PATTERNS),
        ("uk", uk.PATTERNS),
        ("ar", ar.PATTERNS),
    )
    for pattern, category in patterns
]

# Every list an earlier migration seeded, as (language, pattern, category).
EARLIER_SEEDS: list[list[tuple[str, str, str]]] = [
    [("nl", pattern, category) for pattern, category in SEED_V1],
    SEED_V2,
]

# (language, title, body): short, warm, plain words (B1 and lower) for children.
ANSWER_TEMPLATES: list[tuple[str, str, str]] = [
    (
        "nl",
        "Dank je wel",
        "Hoi, dank je wel voor je bericht. Goed dat je het vertelt. "
        "Ik heb het gelezen en ik help je. Je kunt me alles vragen.",
    ),
    (
        "nl",
        "Wil je meer vertellen?",
        "Wil je me nog wat meer vertellen? Wat is er gebeurd, en wanneer? "
        "Je hoeft je naam niet te zeggen.",
    ),
    (
        "nl",
        "Afspreken op school",
        "Wil je met me praten op school? Dat kan in een rustige kamer. "
        "Niemand hoeft te weten waarover we praten. Schrijf me wanneer het jou "
        "uitkomt.",
    ),
    (
        "nl",
        "Het is niet jouw schuld",
        "Wat er gebeurt, is niet jouw schuld. Het is goed en dapper dat je het "
        "vertelt.",
    ),
    (
        "nl",
        "Hulp nu",
        "Ben je nu in gevaar? Bel dan 112. Je kunt ook gratis bellen met De "
        "Kindertelefoon: 0800-0432. Denk je aan zelfmoord? Bel 113: 0800-0113.",
    ),
    (
        "nl",
        "Wat ik ga doen",
        "Ik ga je helpen. Ik vertel je eerst wat ik ga doen, voordat ik het doe. "
        "Dan weet je wat er gebeurt.",
    ),
    (
        "en",
        "Thank you",
        "Hi, thank you for your message. It is good that you told me. "
        "I have read it and I will help you. You can ask me anything.",
    ),
    (
        "en",
        "Tell me more?",
        "Would you like to tell me a bit more? What happened, and when? "
        "You do not have to give your name.",
    ),
    (
        "en",
        "Not your fault",
        "What is happening is not your fault. It is good and brave that you tell me.",
    ),
    (
        "en",
        "Help now",
        "Are you in danger right now? Call 112. You can also call De Kindertelefoon "
        "for free: 0800-0432. Thinking about suicide? Call 113: 0800-0113.",
    ),
]


def seed_danger_patterns_v1(pattern_model: Any) -> int:
    """The first shared list, as migration 0002 seeded it (a model without a
    language); ``seed_danger_patterns`` brings it up to date after 0003."""
    created = 0
    for pattern, category in SEED_V1:
        _, made = pattern_model.objects.get_or_create(
            organisation=None, pattern=pattern, defaults={"category": category}
        )
        created += int(made)
    return created


def seed_danger_patterns(pattern_model: Any) -> int:
    """Bring the shared patterns up to date; returns how many were created.

    A shared row that an earlier seed left (``EARLIER_SEEDS``, ``history``) and
    that is no longer in the list, with that seed's category and nobody's change
    on it, is removed; every pattern of the list that is missing is created.
    Shared rows are changed by updates only, so a row that differs from every seed
    is someone's deliberate change and stays. Running it twice changes nothing."""
    current = {
        (language, pattern): category for language, pattern, category in DANGER_PATTERNS
    }
    retired = {
        row
        for seed in EARLIER_SEEDS
        for row in seed
        if current.get((row[0], row[1])) != row[2]
    }
    for language, pattern, category in sorted(retired):
        pattern_model.objects.filter(
            organisation=None,
            language=language,
            pattern=pattern,
            category=category,
            updated_by=None,
        ).delete()
    created = 0
    for (language, pattern), category in current.items():
        _, made = pattern_model.objects.get_or_create(
            organisation=None,
            language=language,
            pattern=pattern,
            defaults={"category": category},
        )
        created += int(made)
    return created


def seed_answer_templates(template_model: Any) -> int:
    created = 0
    for position, (language, title, body) in enumerate(ANSWER_TEMPLATES):
        _, made = template_model.objects.get_or_create(
            language=language,
            title=title,
            defaults={"body": body, "position": position},
        )
        created += int(made)
    return created
