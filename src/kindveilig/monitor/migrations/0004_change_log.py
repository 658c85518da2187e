"""The change log of the incremental refresh: database triggers on every table
the monitor counts write to ``monitor_monitorchange`` which organisation (or
municipality and sector) and which day (UTC) a statement may have moved the
counts of (docs/monitor.md, "Incremental refresh").

Triggers, not Django signals: they also see ``QuerySet.update()``, bulk writes,
cascading deletes and ``COPY``, and they commit or roll back with the change
itself. Statement-level with transition tables, so one statement writes one
small ``SELECT DISTINCT`` however many rows it touched; an ``UPDATE`` is logged
only when a column the monitor counts by changed (``bump_version`` is not). The
audit log gets a row-level trigger whose ``WHEN`` clause skips every event but a
break-the-glass grant without calling a function. A bulk loader may switch the
log off for its transaction (``SET LOCAL kindveilig.monitor_changes = 'off'``)
and log one "everything" row instead (``monitor.changes``).

Each source is a SELECT of (organisation_id, municipality_id, sector, day) over
``{r}``: the inserted rows, the deleted rows, or both sides of the updated ones.
"""

from django.db import migrations, models

LOG = "monitor_monitorchange"
SWITCH = "current_setting('kindveilig.monitor_changes', true) IS DISTINCT FROM 'off'"


def day(column: str) -> str:
    return f"(({column}) AT TIME ZONE 'UTC')::date"


def of_trajectory(r_day: str) -> str:
    """Rows of a trajectory's own table, counted in the trajectory's month."""
    return (
        f"SELECT t.organisation_id, NULL::integer, ''::varchar, {r_day} "
        "FROM {r} r JOIN meldcode_trajectory t ON t.id = r.trajectory_id"
    )


# Later trajectories of the same child that started within a year of this
# trajectory's closing: their hermelding depends on it. (t: the earlier one.)
LATER_OF_CHILD = (
    "JOIN meldcode_trajectorychild c2 ON c2.person_id = {person} "
    "JOIN meldcode_trajectory t2 ON t2.id = c2.trajectory_id "
    "WHERE t.closed_at IS NOT NULL AND t2.created_at > t.closed_at "
    "AND t2.created_at < t.closed_at + interval '367 days'"
)

# table -> (the SELECT, the columns whose change matters on UPDATE, or None for
# any change; the operations logged).
SOURCES: dict[str, tuple[str, list[str] | None, tuple[str, ...]]] = {
    "meldcode_trajectory": (
        f"SELECT r.organisation_id, NULL::integer, ''::varchar, {day('m.at')} "
        "FROM {r} r CROSS JOIN LATERAL "
        "unnest(ARRAY[r.created_at, r.acute_at, r.closed_at]) AS m(at) "
        f"UNION ALL SELECT t2.organisation_id, NULL, '', {day('t2.created_at')} "
        "FROM {r} t JOIN meldcode_trajectorychild c ON c.trajectory_id = t.id "
        + LATER_OF_CHILD.format(person="c.person_id"),
        ["organisation_id", "origin", "created_at", "step", "acute_at", "outcome",
         "closed_at"],
        ("INSERT", "UPDATE", "DELETE"),
    ),
    # Days per step: this step's event and every later one of the trajectory
    # (a duration is counted in the month of the step that ends it).
    "meldcode_trajectoryevent": (
        f"SELECT t.organisation_id, NULL::integer, ''::varchar, {day('x.at')} "
        "FROM {r} r JOIN meldcode_trajectory t ON t.id = r.trajectory_id "
        "JOIN LATERAL (SELECT r.at UNION SELECT e.at FROM meldcode_trajectoryevent e "
        "WHERE e.trajectory_id = r.trajectory_id AND e.kind = 'step_advanced' "
        "AND e.at >= r.at) AS x(at) ON true WHERE r.kind = 'step_advanced'",
        ["trajectory_id", "at", "kind", "step"],
        ("INSERT", "UPDATE", "DELETE"),
    ),
    "meldcode_decision": (
        of_trajectory(day("r.created_at")),
        ["trajectory_id", "created_at", "cosign_status", "melden", "help_possible",
         "is_deviation", "round"],
        ("INSERT", "UPDATE", "DELETE"),
    ),
    "meldcode_melding": (
        of_trajectory(day("r.created_at")),
        ["trajectory_id", "created_at", "decision_id"],
        ("INSERT", "UPDATE", "DELETE"),
    ),
    "meldcode_meldplichtcase": (
        f"SELECT r.organisation_id, NULL::integer, ''::varchar, {day('r.created_at')} "
        "FROM {r} r",
        ["organisation_id", "created_at"],
        ("INSERT", "UPDATE", "DELETE"),
    ),
    # Children heard and hermeldingen: counted in the trajectory's month; a
    # child also weighs on the later trajectories of the same child.
    "meldcode_trajectorychild": (
        of_trajectory(day("t.created_at"))
        + f" UNION ALL SELECT t2.organisation_id, NULL, '', {day('t2.created_at')} "
        "FROM {r} r JOIN meldcode_trajectory t ON t.id = r.trajectory_id "
        + LATER_OF_CHILD.format(person="r.person_id"),
        None,
        ("INSERT", "UPDATE", "DELETE"),
    ),
    "meldcode_conversation": (
        of_trajectory(day("t.created_at")), None, ("INSERT", "UPDATE", "DELETE")
    ),
    "meldcode_conversationskip": (
        of_trajectory(day("t.created_at")), None, ("INSERT", "UPDATE", "DELETE")
    ),
    # A phase change: the household's municipality, the responsible
    # organisation's sector; a step into stable safety also moves the first one,
    # and the opening the days to it.
    "households_phasechange": (
        "SELECT s.responsible_organisation_id, h.municipality_id, ''::varchar, "
        f"{day('x.at')} FROM {{r}} r "
        "JOIN households_safetycase s ON s.id = r.case_id "
        "JOIN households_household h ON h.id = s.household_id "
        "JOIN LATERAL (SELECT r.at UNION SELECT p.at FROM households_phasechange p "
        "WHERE (r.to_phase = 'stabiele_veiligheid' OR r.from_phase = '') "
        "AND p.case_id = r.case_id "
        "AND p.to_phase = 'stabiele_veiligheid' AND p.at >= r.at) AS x(at) ON true",
        None,
        ("INSERT", "UPDATE", "DELETE"),
    ),
    # A case taken over by another organisation (a handover) or moved to
    # another household: every phase change of it, before and after.
    "households_safetycase": (
        "SELECT r.responsible_organisation_id, h.municipality_id, ''::varchar, "
        f"{day('p.at')} FROM {{r}} r "
        "JOIN households_household h ON h.id = r.household_id "
        "JOIN households_phasechange p ON p.case_id = r.id",
        ["responsible_organisation_id", "household_id"],
        ("UPDATE",),
    ),
    "households_household": (
        "SELECT s.responsible_organisation_id, r.municipality_id, ''::varchar, "
        f"{day('p.at')} FROM {{r}} r "
        "JOIN households_safetycase s ON s.household_id = r.id "
        "JOIN households_phasechange p ON p.case_id = s.id",
        ["municipality_id"],
        ("UPDATE",),
    ),
    "households_handover": (
        f"SELECT r.from_organisation_id, NULL::integer, ''::varchar, {day('m.at')} "
        "FROM {r} r CROSS JOIN LATERAL unnest(ARRAY[r.created_at, r.decided_at]) "
        "AS m(at)",
        ["from_organisation_id", "created_at", "decided_at", "status"],
        ("INSERT", "UPDATE", "DELETE"),
    ),
    "chain_match": (
        f"SELECT s.organisation_id, NULL::integer, ''::varchar, {day('r.created_at')} "
        "FROM {r} r JOIN chain_signal s ON s.id = r.second_id",
        ["second_id", "created_at"],
        ("INSERT", "UPDATE", "DELETE"),
    ),
    # A conversation: its month, the trajectory it escalated into, and (misuse
    # marked or not) every message of it.
    "youthmessages_youthconversation": (
        f"SELECT r.organisation_id, NULL::integer, ''::varchar, {day('r.created_at')} "
        "FROM {r} r "
        f"UNION ALL SELECT t.organisation_id, NULL, '', {day('t.created_at')} "
        "FROM {r} r JOIN meldcode_trajectory t ON t.id = r.trajectory_id "
        f"UNION ALL SELECT r.organisation_id, NULL, '', {day('m.created_at')} "
        "FROM {r} r JOIN youthmessages_youthmessage m ON m.conversation_id = r.id",
        ["organisation_id", "created_at", "is_misuse", "is_urgent", "trajectory_id"],
        ("INSERT", "UPDATE", "DELETE"),
    ),
    # A message: its month, and the month of the child's first message (the
    # hours to the first answer are counted there).
    "youthmessages_youthmessage": (
        f"SELECT c.organisation_id, NULL::integer, ''::varchar, {day('x.at')} "
        "FROM {r} r JOIN youthmessages_youthconversation c ON c.id = r.conversation_id "
        "JOIN LATERAL (SELECT r.created_at UNION SELECT min(m.created_at) "
        "FROM youthmessages_youthmessage m WHERE m.conversation_id = r.conversation_id "
        "AND m.sender = 'child') AS x(at) ON true",
        ["conversation_id", "sender", "created_at"],
        ("INSERT", "UPDATE", "DELETE"),
    ),
    "registry_qualification": (
        "SELECT r.recorded_in_id, NULL::integer, ''::varchar, r.expires_on FROM {r} r",
        ["recorded_in_id", "kind", "expires_on"],
        ("INSERT", "UPDATE", "DELETE"),
    ),
    "learning_reflection": (
        "SELECT NULL::integer, r.municipality_id, r.sector::varchar, "
        "make_date(r.year, 3 * r.quarter - 2, 1) FROM {r} r",
        None,
        ("INSERT", "UPDATE", "DELETE"),
    ),
}

# An organisation or municipality that moves changes the places of everything
# counted for it: log "everything" (a full recount), as for a new municipality
# (a new leaf of the region's cube).
EVERYTHING: dict[str, tuple[list[str] | None, tuple[str, ...]]] = {
    "organisations_organisation": (["municipality_id", "type"], ("UPDATE", "DELETE")),
    "organisations_municipality": (["region_id"], ("INSERT", "UPDATE", "DELETE")),
}

BREAK_GLASS = """
CREATE FUNCTION monitor_change_audit_auditevent() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF {switch} THEN
    INSERT INTO {log} (organisation_id, municipality_id, sector, day, everything)
    VALUES (NEW.actor_organisation_id, NULL, '', {day}, false);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER monitor_change AFTER INSERT ON audit_auditevent FOR EACH ROW
WHEN (NEW.object_type = 'households.emergencyaccess'
      AND NEW.reason LIKE 'BREAK-THE-GLASS%'
      AND NEW.actor_organisation_id IS NOT NULL)
EXECUTE FUNCTION monitor_change_audit_auditevent();
""".format(switch=SWITCH, log=LOG, day=day("NEW.occurred_at"))


def _changed(side: str, columns: list[str] | None) -> str:
    """One side (``o`` or ``n``) of the updated rows whose counted columns
    changed."""
    if columns is None:
        differ = "o IS DISTINCT FROM n"
    else:
        old = ", ".join(f"o.{c}" for c in columns)
        new = ", ".join(f"n.{c}" for c in columns)
        differ = f"ROW({old}) IS DISTINCT FROM ROW({new})"
    return (
        f"(SELECT {side}.* FROM old_rows o JOIN new_rows n ON n.id = o.id "
        f"WHERE {differ})"
    )


def _insert(select: str) -> str:
    return (
        f"INSERT INTO {LOG} (organisation_id, municipality_id, sector, day, "
        "everything) SELECT DISTINCT x.*, false FROM ("
        + select
        + ") AS x(organisation_id, municipality_id, sector, day) "
        "WHERE x.day IS NOT NULL;"
    )


def _everything(rows: str) -> str:
    return (
        f"INSERT INTO {LOG} (organisation_id, municipality_id, sector, day, "
        f"everything) SELECT NULL, NULL, '', NULL, true WHERE EXISTS "
        f"(SELECT 1 FROM {rows} AS r);"
    )


def _function(table: str, body: dict[str, str]) -> str:
    branches = []
    for op, sql in body.items():
        keyword = "IF" if not branches else "ELSIF"
        branches.append(f"  {keyword} TG_OP = '{op}' THEN\n    {sql}")
    return (
        f"CREATE FUNCTION monitor_change_{table}() RETURNS trigger "
        "LANGUAGE plpgsql AS $$\nBEGIN\n"
        f"  IF NOT ({SWITCH}) THEN RETURN NULL; END IF;\n"
        + "\n".join(branches)
        + "\n  END IF;\n  RETURN NULL;\nEND $$;"
    )


REFERENCING = {
    "INSERT": "REFERENCING NEW TABLE AS new_rows",
    "UPDATE": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "DELETE": "REFERENCING OLD TABLE AS old_rows",
}


def _triggers(table: str, ops: tuple[str, ...]) -> str:
    return "\n".join(
        f"CREATE TRIGGER monitor_change_{op.lower()} AFTER {op} ON {table} "
        f"{REFERENCING[op]} FOR EACH STATEMENT "
        f"EXECUTE FUNCTION monitor_change_{table}();"
        for op in ops
    )


def _install(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        # As RunSQL runs a script: statement by statement, no parameters.
        for statement in schema_editor.connection.ops.prepare_sql_script(install_sql()):
            schema_editor.execute(statement, params=None)


def _remove(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        # As RunSQL runs a script: statement by statement, no parameters.
        for statement in schema_editor.connection.ops.prepare_sql_script(remove_sql()):
            schema_editor.execute(statement, params=None)


def install_sql() -> str:
    parts = []
    for table, (select, columns, ops) in SOURCES.items():
        body = {}
        for op in ops:
            if op == "INSERT":
                body[op] = _insert(select.replace("{r}", "new_rows"))
            elif op == "DELETE":
                body[op] = _insert(select.replace("{r}", "old_rows"))
            else:
                body[op] = _insert(
                    select.replace("{r}", _changed("n", columns))
                    + " UNION ALL "
                    + select.replace("{r}", _changed("o", columns))
                )
        parts += [_function(table, body), _triggers(table, ops)]
    for table, (columns, ops) in EVERYTHING.items():
        body = {}
        for op in ops:
            rows = {"INSERT": "new_rows", "DELETE": "old_rows"}.get(op) or _changed(
                "n", columns
            )
            body[op] = _everything(rows)
        parts += [_function(table, body), _triggers(table, ops)]
    parts.append(BREAK_GLASS)
    return "\n".join(parts)


def remove_sql() -> str:
    tables = [*SOURCES, *EVERYTHING, "audit_auditevent"]
    return "\n".join(
        f"DROP FUNCTION IF EXISTS monitor_change_{table}() CASCADE;" for table in tables
    )



class Migration(migrations.Migration):

    dependencies = [
        ('monitor', '0003_council_letters'),
        ('meldcode', '0010_meldplicht_workflow'),
        ('households', '0005_encrypt_existing_labels'),
        ('audit', '0007_refuse_truncate'),
        ('chain', '0003_rehash_signal_bsn_index'),
        ('youthmessages', '0006_update_seeded_danger_patterns'),
        ('registry', '0001_readiness_and_qualifications'),
        ('learning', '0002_adult_service_types'),
        ('organisations', '0005_municipality_youth_on_duty_organisation'),
    ]

    operations = [
        migrations.CreateModel(
            name='MonitorChange',
            fields=[
                ('id', models.BigAutoField(primary_key=True, serialize=False)),
                ('organisation_id', models.IntegerField(null=True, verbose_name='organisation')),
                ('municipality_id', models.IntegerField(null=True, verbose_name='municipality')),
                ('sector', models.CharField(blank=True, default='', max_length=20, verbose_name='sector')),
                ('day', models.DateField(null=True, verbose_name='day')),
                ('everything', models.BooleanField(default=False, verbose_name='everything')),
            ],
            options={
                'verbose_name': 'monitor change',
                'verbose_name_plural': 'monitor changes',
            },
        ),
        migrations.AddField(
            model_name='monitorrefresh',
            name='cells_recounted',
            field=models.PositiveIntegerField(default=0, help_text='Month, municipality and sector cells counted again.', verbose_name='cells recounted'),
        ),
        migrations.AddField(
            model_name='monitorrefresh',
            name='kind',
            field=models.CharField(choices=[('full', 'Full'), ('incremental', 'Incremental')], default='full', max_length=12, verbose_name='kind'),
        ),
        migrations.AddField(
            model_name='monitorrefresh',
            name='scheme',
            field=models.CharField(blank=True, default='', max_length=64, verbose_name='scheme'),
        ),
        # The triggers are PostgreSQL's. On SQLite (the embedded demo of
        # `make run`) there are none, and every refresh is a full one
        # (monitor.services.refresh: CHANGE_LOG_VENDORS).
        migrations.RunPython(_install, _remove),
    ]
