"""A synthetic national population, loaded through PostgreSQL COPY.

It writes the rows the services would write (organisations, users, children,
trajectories at every step with their entries, the audit log) straight into the
tables, fast enough for a million trajectories on two cores. Everything is
fictitious: names carry "(synth.)", BSNs come from the 9999 test range, e-mail
addresses end in ``.invalid``. Free text is real Fernet ciphertext under the
configured key (see ``CipherPool``), and the audit records extend the one hash
chain, so ``verify_audit_log`` still passes. Running it again adds another slice.

The parts: ``gen_organisations`` (region, municipalities, organisations, staff),
``gen_trajectories`` (children, parents, meldcode trajectories), ``gen_signals``,
``gen_households`` and ``gen_youth``; ``rows/`` holds one dataclass per table.
"""

import math
import random
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC

from django.db import connection, transaction
from django.utils import timezone

from kindveilig.audit.chain import GENESIS_HASH, chain_of, event_content, record_hash
from kindveilig.audit.models import AuditChainHead, AuditEvent
from kindveilig.monitor.changes import changes_off, everything_changed

from . import distributions as dist
from .gen_common import AuditRow
from .gen_households import Households
from .gen_kansrijke import KansrijkeStart
from .gen_organisations import Organisations
from .gen_signals import Signals
from .gen_trajectories import Trajectories
from .gen_youth import Youth
from .loading import GenerationResult, Loader, Org
from .pools import BsnPool, CipherPool
from .rows.audit import AuditEventRow

__all__ = ["GenerationResult", "generate_population"]


class Generator:
    def __init__(
        self,
        *,
        children: int,
        trajectories: int,
        years: int,
        audit_reads: int,
        seed: int,
        cipher_pool: int,
        chunk: int,
        types: Sequence[str] | None,
        progress: Callable[[str], None],
    ) -> None:
        self.types = types
        self.children = children
        self.trajectories = trajectories
        self.years = years
        self.audit_reads = audit_reads
        self.seed = seed
        self.rng = random.Random(seed)  # noqa: S311  # synthetic data, not security
        self.cipher_pool = cipher_pool
        self.chunk = chunk
        self.progress = progress
        self.result = GenerationResult()
        self.now = timezone.now()
        self.loader = Loader(self.result)
        self.slice = uuid.uuid4().hex[:8]

    def run(self) -> GenerationResult:
        started = time.monotonic()
        self.ciphers = CipherPool(self.rng, self.cipher_pool)
        self.bsns = BsnPool(self.rng)
        # The monitor's change log would get a row per copied chunk and day: off
        # for this load, and one "count everything again" instead.
        with transaction.atomic(), changes_off():
            everything_changed()
            self.organisations = Organisations(
                loader=self.loader,
                rng=self.rng,
                now=self.now,
                slice_name=self.slice,
                fraction=self.children / dist.NATIONAL_MINORS,
                types=self.types,
            )
            orgs, pick_org = self.organisations.build()
            self.progress(f"organisations: {len(orgs)}")
            # Every organisation's chain continues where its head stands.
            self.chains = {
                head.chain: (head.last_seq, head.last_hash)
                for head in AuditChainHead.objects.select_for_update()
            }
            self._parts(orgs, pick_org)
            for number, size, children in self._chunks():
                self.one_chunk(size, children, orgs)
                self.progress(
                    f"trajectories: {min((number + 1) * self.chunk, self.trajectories)}"
                    f"/{self.trajectories}"
                )
            for chain, (last_seq, last_hash) in self.chains.items():
                AuditChainHead.objects.update_or_create(
                    chain=chain,
                    defaults={"last_seq": last_seq, "last_hash": last_hash},
                )
            parts = (
                self.organisations,
                self.meldcode,
                self.signals,
                self.households,
                self.youth,
                self.kansrijke,
            )
            for part in parts:
                for model in part.SERIAL:
                    self.loader.reset_sequence(model)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.result.seconds = time.monotonic() - started
        return self.result

    def _chunks(self) -> Iterator[tuple[int, int, int]]:
        """(number, trajectories, new children) per chunk; the last chunk takes
        the children that rounding left over."""
        chunks = max(1, math.ceil(self.trajectories / self.chunk))
        for number in range(chunks):
            size = min(self.chunk, self.trajectories - number * self.chunk)
            children = round(self.children * size / max(1, self.trajectories))
            if number == chunks - 1:
                children = self.children - round(
                    self.children * number * self.chunk / max(1, self.trajectories)
                )
            yield number, size, max(children, 0)

    def _parts(self, orgs: list[Org], pick_org: Callable[[], Org]) -> None:
        """Trajectories, signals, households and the youth channel (gen_*.py)."""
        load, rng, now = self.loader, self.rng, self.now
        self.meldcode = Trajectories(
            loader=load,
            rng=rng,
            now=now,
            ciphers=self.ciphers,
            bsns=self.bsns,
            pick_org=pick_org,
            years=self.years,
            audit_reads=self.audit_reads,
        )
        self.signals = Signals(loader=load, rng=rng, now=now)
        self.households = Households(
            loader=load,
            rng=rng,
            now=now,
            ciphers=self.ciphers,
            signals=self.signals,
            orgs=orgs,
        )
        self.youth = Youth(
            loader=load,
            rng=rng,
            now=now,
            ciphers=self.ciphers,
            orgs=orgs,
            slice_name=self.slice,
        )
        self.kansrijke = KansrijkeStart(
            loader=load,
            seed=self.seed,
            now=now,
            orgs=orgs,
            next_person=self.meldcode.next_person,
            fraction=self.children / dist.NATIONAL_MINORS,
            years=self.years,
            trajectories=self.trajectories,
            cipher_pool=self.cipher_pool,
        )
        self.kansrijke.open()
        audit: list[AuditRow] = []
        self.youth.open_channels(audit)
        self.youth.rows.flush(self.loader)
        self.loader.copy(AuditEventRow, self._chain(audit))

    def one_chunk(self, size: int, n_children: int, orgs: list[Org]) -> None:
        """``size`` trajectories with what grows from them, the youth
        conversations that come with them, and ``n_children`` new children."""
        audit: list[AuditRow] = []
        self.meldcode.start_chunk(n_children)
        for _ in range(size):
            facts = self.meldcode.trajectory(audit)
            signal_ids = self.signals.for_trajectory(facts, audit)
            self.households.for_trajectory(facts, signal_ids, audit)
        self.youth.chunk(size, audit)
        self.meldcode.children_without_trajectory(orgs)
        # Kansrijke Start's parents and children take person ids after the
        # chunk's, from its own random stream.
        self.kansrijke.next_person = self.meldcode.next_person
        self.kansrijke.chunk(size, audit)
        self.meldcode.next_person = self.kansrijke.next_person
        parts = (
            self.meldcode,
            self.signals,
            self.households,
            self.youth,
            self.kansrijke,
        )
        for part in parts:
            part.rows.flush(self.loader)
        self.loader.copy(AuditEventRow, self._chain(audit))

    def _chain(self, audit: list[AuditRow]) -> Iterable[AuditEventRow]:
        """Extend each organisation's hash chain exactly as ``audit_record``
        does, in time order."""
        audit.sort(key=lambda item: item[0])
        probe = AuditEvent(request_id="", reason="")
        genesis = (0, GENESIS_HASH)
        for occurred, user, org, role, action, person, object_type, object_id in audit:
            chain = chain_of(org)
            seq, prev_hash = self.chains.get(chain, genesis)
            seq += 1
            occurred = occurred.astimezone(UTC)
            probe.chain, probe.seq, probe.occurred_at = chain, seq, occurred
            probe.actor_user_id, probe.actor_organisation_id = user, org
            probe.actor_role, probe.action, probe.person_id = role, action, person
            probe.object_type, probe.object_id = object_type, object_id
            digest = record_hash(prev_hash, event_content(probe))
            yield AuditEventRow(
                chain=chain,
                seq=seq,
                occurred_at=occurred,
                actor_user=user,
                actor_organisation=org,
                actor_role=role,
                action=action,
                person_id=person,
                object_type=object_type,
                object_id=object_id,
                request_id="",
                reason="",
                prev_hash=prev_hash,
                hash=digest,
            )
            self.chains[chain] = (seq, digest)


def generate_population(
    *,
    children: int,
    trajectories: int | None = None,
    years: int = 20,
    audit_reads: int = dist.AUDIT_READS_PER_TRAJECTORY,
    seed: int = 7,
    cipher_pool: int = 2000,
    chunk: int = 20_000,
    types: Sequence[str] | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> GenerationResult:
    """Add a synthetic slice of the country: ``children`` minors, their
    organisations and staff, and ``trajectories`` (default: 0.3 per child).
    ``types`` limits the organisation types (tests use one organisation)."""
    if trajectories is None:
        trajectories = round(children * dist.TRAJECTORIES_PER_MINOR)
    return Generator(
        children=children,
        trajectories=trajectories,
        years=years,
        audit_reads=audit_reads,
        seed=seed,
        cipher_pool=cipher_pool,
        chunk=chunk,
        types=types,
        progress=progress,
    ).run()
