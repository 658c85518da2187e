"""How well do the danger patterns do? Recall and precision over the corpus.

Pure Python, no database. The corpus (``corpus/<language>.jsonl``) holds fictitious
children's messages written for Kindveilig, one per line, each with the categories
it must get (none: harmless). A message of corpus language X is checked as if the
child wrote it on a page in language X (``danger.languages_for``), so Dutch patterns
run on every corpus too and their false alarms count.

- recall of a category: of the messages that have it, the share that gets it;
- precision of a category: of the messages that get it, the share that should;
- overall: the same, counted over every (message, category) pair of the six
  categories (micro average).

The bar (``gate_failures``), for every language with a complete corpus (at least
``MIN_MESSAGES`` messages): recall at least ``MIN_RECALL`` for each acute category
and overall precision at least ``MIN_PRECISION``. docs/youth-messages.md explains
the method and holds the figures (``manage.py evaluate_danger_patterns``).

The held-out corpus (``corpus/heldout/<language>.jsonl``, ``evaluate(...,
heldout=True)``) was written by someone else and is never used to write or tune
patterns. Its figures are reported beside the others and do not gate the build.
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .danger import (
    LANGUAGES,
    CompiledPattern,
    compile_pattern,
    find_categories,
    languages_for,
)

__all__ = [
    "ACUTE",
    "CATEGORIES",
    "MIN_MESSAGES",
    "MIN_PRECISION",
    "MIN_RECALL",
    "CorpusMessage",
    "EffectRow",
    "LanguageResult",
    "Score",
    "affected_languages",
    "change_effect",
    "compile_rows",
    "corpus_languages",
    "evaluate",
    "figures_section",
    "figures_table",
    "gate_failures",
    "heldout_languages",
    "heldout_section",
    "load_corpus",
    "replace_figures",
    "replace_heldout_figures",
    "seeded_patterns",
]

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
HELDOUT = "heldout"  # the held-out corpora: CORPUS_DIR / HELDOUT / <language>.jsonl
ACUTE = ("violence", "sexual", "self_harm", "confinement", "threat")
CATEGORIES = (*ACUTE, "unsafe_home")
HARMLESS = "harmless"
MIN_MESSAGES = 300
MIN_RECALL = 0.95
MIN_PRECISION = 0.90


@dataclass(frozen=True)
class CorpusMessage:
    text: str
    categories: frozenset[str]


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def expected(self) -> int:
        return self.true_positives + self.false_negatives

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    def add(self, expected: bool, found: bool) -> None:
        if expected and found:
            self.true_positives += 1
        elif found:
            self.false_positives += 1
        elif expected:
            self.false_negatives += 1


@dataclass
class LanguageResult:
    language: str
    messages: int
    scores: dict[str, Score] = field(default_factory=dict)
    overall: Score = field(default_factory=Score)
    # (text, expected, found) of every message that was not exactly right
    mistakes: list[tuple[str, list[str], list[str]]] = field(default_factory=list)
    heldout: bool = False  # measured on the held-out corpus: never gates

    @property
    def complete(self) -> bool:
        return not self.heldout and self.messages >= MIN_MESSAGES


def _corpus_path(language: str, heldout: bool = False) -> Path:
    directory = CORPUS_DIR / HELDOUT if heldout else CORPUS_DIR
    return directory / f"{language}.jsonl"


def corpus_languages() -> list[str]:
    """The languages that have a corpus file, in the order of ``LANGUAGES``."""
    return [lang for lang in LANGUAGES if _corpus_path(lang).exists()]


def heldout_languages() -> list[str]:
    """The languages that have a held-out corpus file."""
    return [lang for lang in LANGUAGES if _corpus_path(lang, heldout=True).exists()]


@cache
def load_corpus(language: str, heldout: bool = False) -> tuple[CorpusMessage, ...]:
    path = _corpus_path(language, heldout)
    messages = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        categories = frozenset(row["categories"])
        unknown = categories - set(CATEGORIES)
        if unknown:
            msg = f"{path.name}:{number}: unknown categories {sorted(unknown)}"
            raise ValueError(msg)
        messages.append(CorpusMessage(text=row["text"], categories=categories))
    return tuple(messages)


def compile_rows(rows: Iterable[tuple[str, str, str]]) -> list[CompiledPattern]:
    """Compile (language, pattern, category) rows; rows without words are left out."""
    compiled = (
        compile_pattern(
            pattern, category, is_exception=category == HARMLESS, language=language
        )
        for language, pattern, category in rows
    )
    return [c for c in compiled if c is not None]


def seeded_patterns() -> list[CompiledPattern]:
    from .seed_data import DANGER_PATTERNS

    return compile_rows(DANGER_PATTERNS)


def evaluate(
    patterns: Sequence[CompiledPattern],
    languages: Iterable[str] | None = None,
    heldout: bool = False,
) -> dict[str, LanguageResult]:
    """The scores per language of ``patterns`` over the corpus (or the held-out
    corpus)."""
    if languages is None:
        languages = heldout_languages() if heldout else corpus_languages()
    results: dict[str, LanguageResult] = {}
    for language in languages:
        corpus = load_corpus(language, heldout)
        result = LanguageResult(
            language=language,
            messages=len(corpus),
            scores={category: Score() for category in CATEGORIES},
            heldout=heldout,
        )
        for message in corpus:
            found = find_categories(
                message.text, patterns, languages_for(message.text, language)
            )
            for category in CATEGORIES:
                expected = category in message.categories
                hit = category in found
                result.scores[category].add(expected, hit)
                result.overall.add(expected, hit)
            if set(found) != message.categories:
                result.mistakes.append(
                    (message.text, sorted(message.categories), found)
                )
        results[language] = result
    return results


def gate_failures(results: dict[str, LanguageResult]) -> list[str]:
    """Why the patterns fall below the bar; empty when they do not."""
    failures = []
    for result in results.values():
        if not result.complete:
            continue
        for category in ACUTE:
            recall = result.scores[category].recall
            if recall < MIN_RECALL:
                failures.append(
                    f"{result.language} {category}: recall {recall:.3f} "
                    f"< {MIN_RECALL:.2f}"
                )
        if result.overall.precision < MIN_PRECISION:
            failures.append(
                f"{result.language} overall: precision "
                f"{result.overall.precision:.3f} < {MIN_PRECISION:.2f}"
            )
    return failures


def figures_table(results: dict[str, LanguageResult]) -> str:
    """A Markdown table: recall and precision per category and language."""
    lines = [
        "| language | messages | category | expected | recall | precision |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for result in results.values():
        state = "" if result.complete or result.heldout else " (incomplete)"
        rows = [
            *((c, result.scores[c]) for c in CATEGORIES),
            ("overall", result.overall),
        ]
        for category, score in rows:
            lines.append(
                f"| {result.language}{state} | {result.messages} | {category} "
                f"| {score.expected} | {score.recall:.3f} | {score.precision:.3f} |"
            )
    return "\n".join(lines)


@dataclass(frozen=True)
class EffectRow:
    """One category of one language, before and after a change of the patterns."""

    language: str
    category: str
    complete: bool
    recall_before: float
    recall_after: float
    precision_before: float
    precision_after: float

    @property
    def changed(self) -> bool:
        return (self.recall_before, self.precision_before) != (
            self.recall_after,
            self.precision_after,
        )

    @property
    def dropped(self) -> bool:
        return (
            self.recall_after < self.recall_before
            or self.precision_after < self.precision_before
        )

    @property
    def below_bar(self) -> bool:
        """An acute category of a complete corpus that falls below the recall
        bar through this change."""
        return (
            self.complete
            and self.category in ACUTE
            and self.recall_after < MIN_RECALL
            and self.recall_after < self.recall_before
        )


def affected_languages(*pattern_languages: str) -> list[str]:
    """The corpora a change of patterns in these languages can move: Dutch
    patterns run on every message."""
    available = corpus_languages()
    if "nl" in pattern_languages:
        return available
    return [lang for lang in available if lang in pattern_languages]


def change_effect(
    before: Sequence[CompiledPattern],
    after: Sequence[CompiledPattern],
    languages: Iterable[str],
) -> list[EffectRow]:
    """Every category (and overall) of ``languages``, before and after."""
    languages = list(languages)
    old, new = evaluate(before, languages), evaluate(after, languages)
    rows = []
    for language in languages:
        for category in (*CATEGORIES, "overall"):
            a = old[language].scores.get(category, old[language].overall)
            b = new[language].scores.get(category, new[language].overall)
            rows.append(
                EffectRow(
                    language=language,
                    category=category,
                    complete=old[language].complete,
                    recall_before=a.recall,
                    recall_after=b.recall,
                    precision_before=a.precision,
                    precision_after=b.precision,
                )
            )
    return rows


FIGURES_START = "<!-- danger-figures:start (manage.py evaluate_danger_patterns) -->"
FIGURES_END = "<!-- danger-figures:end -->"


def figures_section(results: dict[str, LanguageResult]) -> str:
    """The block between the markers of docs/youth-messages.md."""
    missing = [lang for lang in LANGUAGES if lang not in results]
    lines = [
        FIGURES_START,
        "",
        figures_table(results),
        "",
        f"A corpus below {MIN_MESSAGES} messages is incomplete and not held to the "
        f"bar. No corpus yet: {', '.join(missing) or 'none'}.",
        "",
        FIGURES_END,
    ]
    return "\n".join(lines)


HELDOUT_START = "<!-- heldout-figures:start (manage.py evaluate_danger_patterns) -->"
HELDOUT_END = "<!-- heldout-figures:end -->"


def heldout_section(results: dict[str, LanguageResult]) -> str:
    """The block between the held-out markers of docs/youth-messages.md."""
    missing = [lang for lang in LANGUAGES if lang not in results]
    lines = [
        HELDOUT_START,
        "",
        figures_table(results),
        "",
        "Held-out figures are reported, not held to the bar: they never fail the "
        f"build. No held-out corpus yet: {', '.join(missing) or 'none'}.",
        "",
        HELDOUT_END,
    ]
    return "\n".join(lines)


def _replace(document: str, section: str, start_marker: str, end_marker: str) -> str:
    start, end = document.find(start_marker), document.find(end_marker)
    if start < 0 or end < start:
        msg = f"The markers {start_marker!r} are missing from the document."
        raise ValueError(msg)
    return document[:start] + section + document[end + len(end_marker) :]


def replace_figures(document: str, section: str) -> str:
    """``document`` with the block between the markers replaced by ``section``."""
    return _replace(document, section, FIGURES_START, FIGURES_END)


def replace_heldout_figures(document: str, section: str) -> str:
    """``document`` with the held-out block replaced by ``section``."""
    return _replace(document, section, HELDOUT_START, HELDOUT_END)
