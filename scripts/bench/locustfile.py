"""Virtual professionals for `make bench`: each takes one logged-in session from
BENCH_USERS (written by `manage.py bench_sessions`) and walks the main pages.

Run by scripts/bench.sh; not part of the app (it needs locust, which lives in
var/bench-venv).
"""

import datetime
import itertools
import json
import os
import re
from typing import Any

from locust import HttpUser, between, task

with open(os.environ["BENCH_USERS"]) as users_file:
    USERS = json.load(users_file)
# Think time between pages, in seconds (BENCH_THINK="min,max"). A professional
# reads a page before opening the next: 2-8 s keeps 50 users at ~10 requests/s.
THINK = tuple(float(x) for x in os.environ.get("BENCH_THINK", "2,8").split(","))
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_next = itertools.count()


class Professional(HttpUser):
    weight = 4
    wait_time = between(*THINK)

    def on_start(self) -> None:
        self.me: dict[str, Any] = USERS[next(_next) % len(USERS)]
        self.client.cookies.set("sessionid", self.me["session"])
        self.client.headers["Origin"] = self.host or ""
        self.client.headers["Referer"] = (self.host or "") + "/"
        self.searches = 0

    def _get(self, url: str, name: str) -> None:
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")

    @task(3)
    def start_page(self) -> None:
        self._get("/", "start page")

    @task(3)
    def trajectory_list(self) -> None:
        self._get("/trajecten/", "trajectory list")

    @task(3)
    def trajectory_detail(self) -> None:
        self._get(f"/trajecten/{self.me['trajectory']}/", "trajectory detail")

    @task(2)
    def chronology(self) -> None:
        self._get(
            f"/trajecten/{self.me['trajectory']}/chronologie/", "trajectory chronology"
        )

    @task(2)
    def person_list(self) -> None:
        self._get("/personen/", "person list")

    @task(2)
    def search_child(self) -> None:
        """The person search: a POST (never a URL), by family name or by BSN."""
        form = self.client.get("/personen/", name="person list")
        match = TOKEN.search(form.text)
        if not match:
            return
        self.searches += 1
        query = self.me["child_bsn"] if self.searches % 2 else self.me["child_name"]
        with self.client.post(
            "/personen/",
            data={"csrfmiddlewaretoken": match.group(1), "q": query},
            name="search a child",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            elif 'data-testid="search-results"' not in response.text:
                response.failure("no results")

    @task(3)
    def household_timeline(self) -> None:
        household = self.me.get("household")
        if household:
            self._get(f"/huishoudens/{household}/tijdlijn/", "household timeline")

    @task(1)
    def access_log(self) -> None:
        if self.me["role"] == "aandachtsfunctionaris":
            self._get(f"/personen/{self.me['person']}/inzage/", "access log")

    @task(2)
    def api_list(self) -> None:
        self._get("/api/v1/trajectories/", "API trajectory list")

    @task(2)
    def api_detail(self) -> None:
        self._get(f"/api/v1/trajectories/{self.me['trajectory']}/", "API detail")

    # Kansrijke Start: the JGZ nurse's pages (users with a signal to follow).
    @task(3)
    def ks_follow_up_list(self) -> None:
        if self.me.get("ks_signal"):
            self._get("/kansrijke-start/te-volgen/", "KS: the nurse's follow-up list")

    @task(3)
    def ks_signal_detail(self) -> None:
        signal = self.me.get("ks_signal")
        if signal:
            self._get(f"/kansrijke-start/signalen/{signal}/", "KS: signal detail")

    @task(1)
    def ks_contact_moment(self) -> None:
        signal = self.me.get("ks_signal")
        if not signal:
            return
        url = f"/kansrijke-start/signalen/{signal}/contactmoment/"
        form = self.client.get(url, name="KS: record a contact moment (GET form)")
        match = TOKEN.search(form.text)
        if not match:
            return
        data = {
            "csrfmiddlewaretoken": match.group(1),
            "kind": "extra_contact",
            "happened_on": datetime.date.today().isoformat(),  # noqa: DTZ011
            "routine_question_asked": "on",
            "routine_answer": "no_violence",
            "parent_words": "Het gaat beter met de rekeningen (synth.).",
            "went_well": "Rustig gesprek (synth.).",
            "protective_factors": "accepts_help",
            "next_step": "regular_schedule",
        }
        with self.client.post(
            url,
            data=data,
            name="KS: record a contact moment (POST)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"status {response.status_code}")

    @task(2)
    def floor(self) -> None:
        self._get("/bench/floor/", "floor: bare Django view + base template")

    @task(1)
    def add_observation(self) -> None:
        trajectory = self.me["open_trajectory"]
        if not trajectory:
            return
        url = f"/trajecten/{trajectory}/signalen/nieuw/"
        form = self.client.get(url, name="add observation (GET form)")
        match = TOKEN.search(form.text)
        if not match:
            return
        data = {
            "csrfmiddlewaretoken": match.group(1),
            "observed_on": datetime.date.today().isoformat(),  # noqa: DTZ011
            "observed_by": "Benchmark (synth.)",
            "source": "own",
            "facts": "Synthetic benchmark signal.",
            "plek-TOTAL_FORMS": "0",
            "plek-INITIAL_FORMS": "0",
            "plek-MIN_NUM_FORMS": "0",
            "plek-MAX_NUM_FORMS": "20",
        }
        with self.client.post(
            url,
            data=data,
            name="add observation (POST)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"status {response.status_code}")


class Child(HttpUser):
    """An anonymous child on the public youth pages (no login, no cookies)."""

    weight = 1
    wait_time = between(*THINK)

    @task
    def youth_start(self) -> None:
        self.client.get("/praat/nl/", name="youth: start page")

    @task
    def youth_help(self) -> None:
        self.client.get("/praat/nl/hulplijnen/", name="youth: help lines")
