"""The corpus evaluation: pure Python, no database."""

from pathlib import Path

import pytest

from kindveilig.youth.messages import evaluation
from kindveilig.youth.messages.danger import LANGUAGES
from kindveilig.youth.messages.evaluation import (
    ACUTE,
    CATEGORIES,
    LanguageResult,
    compile_rows,
    evaluate,
    figures_section,
    figures_table,
    gate_failures,
    heldout_languages,
    heldout_section,
    load_corpus,
    replace_figures,
    replace_heldout_figures,
    seeded_patterns,
)
from kindveilig.youth.messages.seed_data import DANGER_PATTERNS

DOCUMENT = Path(__file__).resolve().parents[5] / "docs" / "youth-messages.md"


@pytest.fixture(scope="module")
def results() -> dict[str, LanguageResult]:
    return evaluate(seeded_patterns())


@pytest.fixture(scope="module")
def heldout_results() -> dict[str, LanguageResult]:
    return evaluate(seeded_patterns(), heldout=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_corpus_is_complete_and_covers_every_category(language: str) -> None:
    corpus = load_corpus(language)
    assert len(corpus) >= evaluation.MIN_MESSAGES
    for category in CATEGORIES:
        assert sum(category in m.categories for m in corpus) >= 20, category
    assert sum(not m.categories for m in corpus) >= 100
    assert len({m.text for m in corpus}) == len(corpus)


def test_the_seeded_patterns_reach_the_bar_in_every_complete_language(
    results: dict[str, LanguageResult],
) -> None:
    failures = gate_failures(results)
    assert not failures, "\n".join([figures_table(results), *failures])


def test_the_figures_in_the_docs_are_current(
    results: dict[str, LanguageResult],
) -> None:
    document = DOCUMENT.read_text(encoding="utf-8")
    assert replace_figures(document, figures_section(results)) == document, (
        "Run manage.py evaluate_danger_patterns and commit docs/youth-messages.md."
    )


def test_every_language_has_a_held_out_corpus_with_every_category() -> None:
    assert heldout_languages() == list(LANGUAGES)
    for language in LANGUAGES:
        corpus = load_corpus(language, heldout=True)
        assert len(corpus) >= 100, language
        for category in CATEGORIES:
            assert any(category in m.categories for m in corpus), (language, category)


def test_the_held_out_figures_are_reported_but_never_gate(
    heldout_results: dict[str, LanguageResult],
) -> None:
    assert all(not result.complete for result in heldout_results.values())
    assert gate_failures(heldout_results) == []
    assert "(incomplete)" not in figures_table(heldout_results)


def test_the_held_out_figures_in_the_docs_are_current(
    heldout_results: dict[str, LanguageResult],
) -> None:
    document = DOCUMENT.read_text(encoding="utf-8")
    section = heldout_section(heldout_results)
    assert replace_heldout_figures(document, section) == document, (
        "Run manage.py evaluate_danger_patterns and commit docs/youth-messages.md."
    )


def test_removing_one_threat_pattern_fails_the_bar() -> None:
    removed = ("nl", "dreig*|bedreig*", "threat")
    assert removed in DANGER_PATTERNS
    weaker = compile_rows(row for row in DANGER_PATTERNS if row != removed)
    failures = gate_failures(evaluate(weaker, ["nl"]))
    assert failures == ["nl threat: recall 0.935 < 0.95"]


def test_an_exception_that_swallows_danger_fails_the_bar() -> None:
    swallow = compile_rows([("nl", "dood", "harmless")])
    failures = gate_failures(evaluate([*seeded_patterns(), *swallow], ["nl"]))
    assert any(f.startswith("nl self_harm: recall") for f in failures)


def test_an_incomplete_corpus_is_reported_but_not_held_to_the_bar() -> None:
    result = LanguageResult(language="xx", messages=12)
    result.scores = {c: evaluation.Score(false_negatives=1) for c in CATEGORIES}
    assert gate_failures({"xx": result}) == []
    assert "| xx (incomplete) | 12 | violence | 1 | 0.000 |" in figures_table(
        {"xx": result}
    )


def test_a_corpus_line_with_an_unknown_category_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "nl.jsonl").write_text(
        '{"text": "hallo", "categories": ["danger"]}\n', encoding="utf-8"
    )
    monkeypatch.setattr(evaluation, "CORPUS_DIR", tmp_path)
    evaluation.load_corpus.cache_clear()
    try:
        with pytest.raises(ValueError, match="unknown categories"):
            load_corpus("nl")
    finally:
        evaluation.load_corpus.cache_clear()


def test_every_acute_category_has_a_recall_figure(
    results: dict[str, LanguageResult],
) -> None:
    for result in results.values():
        assert set(ACUTE) <= set(result.scores)
