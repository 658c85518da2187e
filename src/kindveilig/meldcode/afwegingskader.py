"""The afwegingskader's decision logic: one pure function, no database.

The five questions and their legal consequences (domain brief §2):

1. Vermoeden?            no  -> close and record          yes -> 2
2. Acute/structurele onveiligheid?  yes -> melden; 3-5 answered with Veilig Thuis
                                      no  -> 3
3. Zelf hulp bieden of organiseren?  no -> melden          yes -> 4
4. Aanvaarden betrokkenen hulp?      no -> melden          yes -> hulp bieden, later 5
5. Gewenst resultaat?                no -> (opnieuw) melden
                                     yes -> close with agreements on future safety

"Doubt" on any question means: ask Veilig Thuis for advice first.
"""

from dataclasses import dataclass
from enum import StrEnum


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    DOUBT = "doubt"


class Outcome(StrEnum):
    NEXT_QUESTION = "next_question"
    ADVIES_FIRST = "advies_first"
    CLOSE = "close"
    MELDEN = "melden"
    HULP = "hulp"
    MELDEN_AGAIN = "melden_again"
    CLOSE_WITH_AGREEMENTS = "close_with_agreements"


@dataclass(frozen=True)
class Advice:
    outcome: Outcome
    # The question to answer next, when the outcome is NEXT_QUESTION (or the
    # question the doubt was about, with ADVIES_FIRST).
    question: int | None = None
    # After yes to question 2, questions 3-5 are answered together with Veilig Thuis.
    together_with_veilig_thuis: bool = False

    @property
    def melden(self) -> bool:
        return self.outcome in {Outcome.MELDEN, Outcome.MELDEN_AGAIN}


QUESTIONS = (1, 2, 3, 4, 5)


def advise(answers: dict[int, Answer]) -> Advice:
    """The consequence of the answers given so far, in question order.

    Answers after the point where the framework already decided are ignored, except
    after a melding on question 2, where 3-5 are still answered (with Veilig Thuis)
    and question 5 may lead to melding again.
    """
    for question in QUESTIONS:
        answer = answers.get(question)
        if answer is None:
            return Advice(Outcome.NEXT_QUESTION, question=question)
        if answer == Answer.DOUBT:
            return Advice(Outcome.ADVIES_FIRST, question=question)
        if question == 1 and answer == Answer.NO:
            return Advice(Outcome.CLOSE)
        if question == 2 and answer == Answer.YES:
            return _after_melding_on_safety(answers)
        if question in (3, 4) and answer == Answer.NO:
            return Advice(Outcome.MELDEN)
        if question == 4 and answers.get(5) is None:
            return Advice(Outcome.HULP, question=5)
        if question == 5:
            if answer == Answer.NO:
                return Advice(Outcome.MELDEN_AGAIN)
            return Advice(Outcome.CLOSE_WITH_AGREEMENTS)
    raise AssertionError("unreachable: question 5 always decides")  # pragma: no cover


def _after_melding_on_safety(answers: dict[int, Answer]) -> Advice:
    """Yes to 2 means melden now; 3-5 follow together with Veilig Thuis, and can
    only lead to (renewed) melding or closing with agreements."""
    for question in (3, 4, 5):
        answer = answers.get(question)
        if answer is None or answer == Answer.DOUBT:
            return Advice(
                Outcome.MELDEN, question=question, together_with_veilig_thuis=True
            )
        if answer == Answer.NO:
            outcome = Outcome.MELDEN_AGAIN if question == 5 else Outcome.MELDEN
            return Advice(outcome, together_with_veilig_thuis=True)
    return Advice(Outcome.CLOSE_WITH_AGREEMENTS, together_with_veilig_thuis=True)
