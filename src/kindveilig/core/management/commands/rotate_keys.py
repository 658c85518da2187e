import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from kindveilig.core.crypto import blind_index_fallbacks
from kindveilig.core.rotation import RotationStep, field_steps, registered_steps


class _Line:
    """A progress line on stderr, for when tqdm is not installed."""

    def __init__(self, total: int, desc: str) -> None:
        self.total, self.desc, self.done = total, desc, 0

    def update(self, number: int) -> None:
        self.done += number
        sys.stderr.write(f"\r{self.desc}: {self.done}/{self.total}")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")


def _progress(total: int, desc: str, quiet: bool) -> Any:
    if quiet:
        return _Quiet()
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is in requirements.txt
        return _Line(total, desc)
    return tqdm(total=total, desc=desc, unit="row", file=sys.stderr)


class _Quiet:
    def update(self, number: int) -> None:
        pass

    def close(self) -> None:
        pass


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted column and attachment file under the first of "
        "KINDVEILIG_ENCRYPTION_KEYS and, when KINDVEILIG_BLIND_INDEX_KEY_FALLBACKS "
        "is set, re-key the blind indexes under KINDVEILIG_BLIND_INDEX_KEY. "
        "Resumable: what is already under the current key is skipped."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument(
            "--blind-index",
            action="store_true",
            help="Re-key the blind indexes even without old blind-index keys.",
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        batch = max(1, int(options["batch_size"]))
        rekey = bool(options["blind_index"]) or bool(blind_index_fallbacks())
        steps: list[RotationStep] = [*field_steps(), *registered_steps()]
        for step in steps:
            if step.blind_index and not rekey:
                continue
            bar = _progress(step.count(), step.name, bool(options["no_progress"]))
            try:
                for number in step.run(batch):
                    bar.update(number)
            finally:
                bar.close()
        self.stdout.write(self.style.SUCCESS(_("Every key rotation step is done.")))
