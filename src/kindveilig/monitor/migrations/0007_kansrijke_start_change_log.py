"""The change log of the incremental refresh for the Kansrijke Start tables
(docs/monitor.md, "Incremental refresh"), built exactly as migration 0004 builds
the others: statement-level triggers with transition tables, PostgreSQL only.

- a signal: its month at the signalling organisation (by source, domain and
  followed up or not), and the month of its first contact at the organisation
  that follows up (the days to it);
- an intervention: the month it started, at the organisation that recorded it;
- a follow-up action that is a warm referral (debt help, income support): the
  month it was made, at the organisation that owns it.

Meldcode trajectories that began at a contact moment are counted from
``meldcode_trajectory.origin``, which migration 0004 already logs.
"""

import importlib

from django.db import migrations

base = importlib.import_module("kindveilig.monitor.migrations.0004_change_log")
day = base.day

SOURCES: dict[str, tuple[str, list[str] | None, tuple[str, ...]]] = {
    "kansrijkestart_startsignal": (
        f"SELECT r.organisation_id, NULL::integer, ''::varchar, {day('r.created_at')} "
        "FROM {r} r "
        f"UNION ALL SELECT r.follow_up_organisation_id, NULL, '', "
        f"{day('r.first_contact_at')} FROM {{r}} r",
        ["organisation_id", "created_at", "source_type", "domains", "first_contact_at",
         "follow_up_organisation_id"],
        ("INSERT", "UPDATE", "DELETE"),
    ),
    "kansrijkestart_intervention": (
        "SELECT r.organisation_id, NULL::integer, ''::varchar, r.started_on "
        "FROM {r} r",
        ["organisation_id", "kind", "started_on"],
        ("INSERT", "UPDATE", "DELETE"),
    ),
    "kansrijkestart_followupaction": (
        f"SELECT r.owner_organisation_id, NULL::integer, ''::varchar, "
        f"{day('r.created_at')} FROM {{r}} r "
        "WHERE r.kind IN ('debt_help', 'income_support')",
        ["owner_organisation_id", "kind", "created_at", "outcome"],
        ("INSERT", "UPDATE", "DELETE"),
    ),
}


def install_sql() -> str:
    parts = []
    for table, (select, columns, ops) in SOURCES.items():
        body = {}
        for op in ops:
            if op == "INSERT":
                body[op] = base._insert(select.replace("{r}", "new_rows"))
            elif op == "DELETE":
                body[op] = base._insert(select.replace("{r}", "old_rows"))
            else:
                body[op] = base._insert(
                    select.replace("{r}", base._changed("n", columns))
                    + " UNION ALL "
                    + select.replace("{r}", base._changed("o", columns))
                )
        parts += [base._function(table, body), base._triggers(table, ops)]
    return "\n".join(parts)


def remove_sql() -> str:
    return "\n".join(
        f"DROP FUNCTION IF EXISTS monitor_change_{table}() CASCADE;"
        for table in SOURCES
    )


def _run(sql: str, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        # As RunSQL runs a script: statement by statement, no parameters.
        for statement in schema_editor.connection.ops.prepare_sql_script(sql):
            schema_editor.execute(statement, params=None)


def _install(apps, schema_editor) -> None:
    _run(install_sql(), schema_editor)


def _remove(apps, schema_editor) -> None:
    _run(remove_sql(), schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ("monitor", "0006_final_counts"),
        ("kansrijkestart", "0050_coalition"),
    ]

    # The triggers are PostgreSQL's; on SQLite (`make run`) every refresh is full.
    operations = [migrations.RunPython(_install, _remove)]
