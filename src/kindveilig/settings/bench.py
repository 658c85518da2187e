"""The production settings plus the benchmark tool and its floor URL.

For ``make bench`` only: the environment is production's (scripts/bench.sh sets it),
so the figures are those of a real deployment; the scale app is added so that
``generate_population`` and the bench commands exist here and nowhere in production.
"""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "kindveilig.scale"]
ROOT_URLCONF = "kindveilig.scale.bench_urls"
