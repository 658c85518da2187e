"""Is this someone Kindveilig already knows? Matching people without merging them.

- Same BSN (the keyed hash ``bsn_index``): the same person, certainly.
- Different BSNs on both sides: certainly different, whatever the names.
- Otherwise name and date of birth: a candidate for a human to review, never
  an automatic link. ``strong`` when names and date of birth are all equal.
"""

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from django.db.models import Q, QuerySet

from kindveilig.core.crypto import blind_index, blind_index_candidates
from kindveilig.persons.models import Person, PersonNameToken
from kindveilig.persons.name_index import name_tokens, token_digests


def normalise(name: str) -> str:
    """Case, accents, spaces and hyphens do not make a different name."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.replace("-", " ").casefold().split())


class MatchKind(StrEnum):
    EXACT = "exact"
    UNCERTAIN = "uncertain"
    NONE = "none"


@dataclass(frozen=True)
class Candidate:
    person: Person
    strong: bool


@dataclass(frozen=True)
class MatchResult:
    kind: MatchKind
    person: Person | None = None
    candidates: list[Candidate] = field(default_factory=list)


def _names_equal(
    person: Person, given_name: str, family_name: str
) -> tuple[bool, bool]:
    return (
        normalise(person.given_name) == normalise(given_name),
        normalise(person.family_name) == normalise(family_name),
    )


def is_candidate(
    person: Person,
    *,
    given_name: str,
    family_name: str,
    date_of_birth: date | None,
    bsn_index: str,
) -> Candidate | None:
    if bsn_index and person.bsn_index and person.bsn_index != bsn_index:
        return None  # two different BSNs: two different people
    given_equal, family_equal = _names_equal(person, given_name, family_name)
    both_dates = date_of_birth is not None and person.date_of_birth is not None
    same_date = both_dates and person.date_of_birth == date_of_birth
    if same_date and given_equal and family_equal:
        return Candidate(person=person, strong=True)
    if same_date and (given_equal or family_equal):
        return Candidate(person=person, strong=False)
    if not both_dates and given_equal and family_equal:
        return Candidate(person=person, strong=False)
    return None


def _with_all_tokens(name: str) -> Q:
    tokens = name_tokens(name)
    if not tokens:
        return Q(pk__in=[])
    condition = Q()
    for token in tokens:
        condition &= Q(
            pk__in=PersonNameToken.objects.filter(
                digest__in=token_digests(token)
            ).values("person_id")
        )
    return condition


def match_person(
    pool: QuerySet[Person],
    *,
    given_name: str,
    family_name: str,
    date_of_birth: date | None = None,
    bsn: str = "",
) -> MatchResult:
    """Search ``pool`` (the persons the actor may see) for this person."""
    index = blind_index(bsn) if bsn else ""
    if index:
        exact = list(
            pool.filter(bsn_index__in=blind_index_candidates(bsn)).order_by("pk")[:5]
        )
        if len(exact) == 1:
            return MatchResult(kind=MatchKind.EXACT, person=exact[0])
        if exact:  # several records with one BSN: a human picks, nothing merges
            return MatchResult(
                kind=MatchKind.UNCERTAIN,
                candidates=[Candidate(person=p, strong=True) for p in exact],
            )
    # A candidate shares the given or the family name, so the pool is narrowed to
    # persons carrying every token of one of them (the blind index of names);
    # ``is_candidate`` then compares the decrypted names and dates.
    nearby = _with_all_tokens(family_name) | _with_all_tokens(given_name)
    candidates = [
        candidate
        for person in pool.filter(nearby).order_by("pk")[:50]
        if (
            candidate := is_candidate(
                person,
                given_name=given_name,
                family_name=family_name,
                date_of_birth=date_of_birth,
                bsn_index=index,
            )
        )
        is not None
    ]
    if candidates:
        candidates.sort(key=lambda candidate: not candidate.strong)
        return MatchResult(kind=MatchKind.UNCERTAIN, candidates=candidates)
    return MatchResult(kind=MatchKind.NONE)
