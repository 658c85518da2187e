#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster on a free local port, then
# stop and remove the cluster, whatever happens. Exports DATABASE_URL.
set -euo pipefail
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PGROOT="$(mktemp -d /tmp/kindveilig-pg.XXXXXX)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -w -t 30 stop -m fast >/dev/null 2>&1 || true
  rm -rf "$PGROOT"
}
trap cleanup EXIT INT TERM
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PGROOT"; fi
chmod 700 "$PGROOT"
as_pg "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Tests trade durability for speed. PG_PROFILE=production (the benchmark) keeps
# every commit durable (fsync, synchronous commit, full page writes) and sizes
# memory as a dedicated 24 GiB database server would, so its figures are real.
if [ "${PG_PROFILE:-test}" = production ]; then
  OPTS="-c shared_buffers=4GB -c effective_cache_size=12GB -c work_mem=16MB -c maintenance_work_mem=1GB -c max_wal_size=8GB -c checkpoint_timeout=15min -c random_page_cost=1.1"
else
  OPTS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi
as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 30 \
  -o "-p $PORT -k $PGROOT -c listen_addresses=127.0.0.1 -c max_connections=100 $OPTS" start >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/kindveilig"
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres kindveilig
echo "Throwaway PostgreSQL on 127.0.0.1:$PORT"
"$@"
