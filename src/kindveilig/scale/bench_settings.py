"""The production settings plus the benchmark floor URL. For ``make bench`` only."""

from kindveilig.settings.base import *  # noqa: F403

ROOT_URLCONF = "kindveilig.scale.bench_urls"
