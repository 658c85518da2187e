"""The danger patterns at work: which categories a child's message gets, and the
functioneel beheerder's changes, measured against the corpus before they count.

Re-exported by ``services`` (``danger_categories_for``, ``danger_pattern_save``),
so callers keep one import.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_record

from .danger import LANGUAGES, CompiledPattern, compile_pattern, find_categories
from .danger import languages_for as _languages_for
from .evaluation import MIN_RECALL, EffectRow, affected_languages, change_effect
from .models import DangerCategory, DangerPattern, PatternLanguage

__all__ = [
    "PatternChange",
    "danger_categories_for",
    "danger_pattern_effect",
    "danger_pattern_save",
    "message_languages",
]


def message_languages(text: str, page_language: str | None = None) -> list[str]:
    """The languages whose patterns check a message: Dutch, the language of the
    page the child used (the active language when not given), and one its
    letters show."""
    page = (page_language or get_language() or "nl")[:2]
    return _languages_for(text, page if page in LANGUAGES else "nl")


def _compile(row: DangerPattern) -> CompiledPattern | None:
    return compile_pattern(
        row.pattern,
        row.category,
        is_exception=row.category == DangerCategory.HARMLESS,
        language=row.language,
    )


def _active_rows(organisation_id: int | None) -> list[DangerPattern]:
    return list(
        DangerPattern.objects.filter(
            Q(organisation_id=organisation_id) | Q(organisation__isnull=True),
            is_active=True,
        ).only("pattern", "category", "language", "organisation_id")
    )


def danger_categories_for(
    *, organisation_id: int, text: str, page_language: str | None = None
) -> list[str]:
    """The categories of the shared patterns and the organisation's own, in the
    languages of ``message_languages``."""
    languages = message_languages(text, page_language)
    compiled = [
        _compile(row)
        for row in _active_rows(organisation_id)
        if row.language in languages
    ]
    return find_categories(text, [c for c in compiled if c is not None], languages)


@dataclass(frozen=True)
class PatternChange:
    """A pattern as the beheerder wants it (``pattern`` None: a new one)."""

    pattern: DangerPattern | None
    text: str
    category: str
    language: str
    is_active: bool


def danger_pattern_effect(*, actor: Actor, change: PatternChange) -> list[EffectRow]:
    """Recall and precision per language and category over the corpus, with the
    organisation's patterns as they are and as they would be after the change."""
    rows = _active_rows(actor.organisation_id)
    before = [c for c in map(_compile, rows) if c is not None]
    kept = [
        c
        for row, c in ((r, _compile(r)) for r in rows)
        if c is not None and (change.pattern is None or row.pk != change.pattern.pk)
    ]
    new = compile_pattern(
        change.text,
        change.category,
        is_exception=change.category == DangerCategory.HARMLESS,
        language=change.language,
    )
    after = [*kept, new] if new is not None and change.is_active else kept
    touched = {change.language}
    if change.pattern is not None:
        touched.add(change.pattern.language)
    return change_effect(before, after, affected_languages(*touched))


def _check_effect(effect: list[EffectRow], confirm_drop: bool) -> None:
    below = [row for row in effect if row.below_bar]
    if below:
        names = ", ".join(
            f"{row.language} {DangerCategory(row.category).label}" for row in below
        )
        raise ValidationError(
            {
                "pattern": _(
                    "This change would let too many messages in danger through: "
                    "%(categories)s would find fewer than %(bar)s%% of the test "
                    "messages. Change the pattern or leave it as it was."
                )
                % {"categories": names, "bar": round(MIN_RECALL * 100)}
            }
        )
    if not confirm_drop and any(row.dropped for row in effect):
        raise ValidationError(
            {
                "confirm_drop": _(
                    "This change finds fewer messages in danger or marks more "
                    "harmless ones as urgent (see the table). Tick the box to "
                    "save it anyway."
                )
            }
        )


@transaction.atomic
def danger_pattern_save(
    *,
    actor: Actor,
    pattern: DangerPattern | None,
    text: str,
    category: str,
    is_active: bool,
    note: str = "",
    language: str = PatternLanguage.DUTCH,
    confirm_drop: bool = False,
) -> DangerPattern:
    """Add or change one of the organisation's own patterns (functioneel beheerder).
    The shared patterns change through code and a data migration only.

    The change is measured against the corpus first (docs/decisions.md, "Danger
    patterns: a change is measured before it counts"): refused when an acute
    category of a complete corpus would fall below the recall bar, and saved
    after any other drop only with ``confirm_drop``."""
    if actor.role != Role.FUNCTIONEEL_BEHEERDER:
        raise ValidationError(_("Only the functioneel beheerder changes danger words."))
    if pattern is not None and pattern.organisation_id != actor.organisation_id:
        raise ValidationError(_("Shared danger words change through an update only."))
    text = " ".join(text.split())
    if compile_pattern(text, category, language=language) is None:
        raise ValidationError({"pattern": _("Write at least one word.")})
    duplicate = DangerPattern.objects.filter(
        organisation_id=actor.organisation_id, language=language, pattern=text
    )
    if pattern is not None:
        duplicate = duplicate.exclude(pk=pattern.pk)
    if duplicate.exists():
        raise ValidationError({"pattern": _("Your organisation already has this one.")})
    change = PatternChange(
        pattern=pattern,
        text=text,
        category=category,
        language=language,
        is_active=is_active,
    )
    _check_effect(danger_pattern_effect(actor=actor, change=change), confirm_drop)
    created = pattern is None
    if pattern is None:
        pattern = DangerPattern(organisation_id=actor.organisation_id)
    pattern.pattern = text
    pattern.category = category
    pattern.language = language
    pattern.is_active = is_active
    pattern.note = note.strip()
    pattern.updated_by = actor.user
    pattern.full_clean()
    pattern.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=pattern,
    )
    return pattern
