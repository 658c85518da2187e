#!/usr/bin/env bash
# The benchmark (issue 7). Usage: scripts/bench.sh PROFILE DURATION SIZE...
# Needs DATABASE_URL (make bench runs it inside scripts/with_postgres.sh). For each
# SIZE (total trajectories, ascending) it grows the synthetic population, logs in
# the virtual users, serves the app with gunicorn on 127.0.0.1, drives it with
# locust, runs EXPLAIN ANALYZE, times signal registration and the monitor (refresh,
# dashboard, letter) in-process, and finally writes docs/performance.md.
set -euo pipefail
PROFILE="$1"; DURATION="$2"; shift 2
USERS="${BENCH_USERS_COUNT:-50}"
WORKERS="${BENCH_WORKERS:-4}"
PY=.venv/bin/python
LOCUST=var/bench-venv/bin/locust
OUT="var/bench/$PROFILE"
rm -rf "$OUT"; mkdir -p "$OUT"
STARTED=$(date +%s)

export DJANGO_SETTINGS_MODULE=kindveilig.settings.bench
export DEBUG=false ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false \
  SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false SECURE_HSTS_SECONDS=0 \
  STATIC_ROOT="$PWD/var/bench/static" LOG_LEVEL=WARNING
export SECRET_KEY="$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')"
export KINDVEILIG_ENCRYPTION_KEYS="$($PY -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')"
export KINDVEILIG_BLIND_INDEX_KEY=bench-only
export KINDVEILIG_AUDIT_SEAL_KEY=bench-only KINDVEILIG_AUDIT_SINK="$PWD/$OUT/audit-sink.jsonl"

$PY manage.py migrate --verbosity 0
$PY manage.py createcachetable
$PY manage.py collectstatic --noinput --verbosity 0

ACCESS_LOG_FORMAT="$($PY -c 'import sys; sys.path.insert(0, "src"); from kindveilig.scale.serverlog import ACCESS_LOG_FORMAT; print(ACCESS_LOG_FORMAT)')"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
HAVE=0
for SIZE in "$@"; do
  DIR="$OUT/$SIZE"; mkdir -p "$DIR"
  ADD=$((SIZE - HAVE))
  echo "== $PROFILE: growing to $SIZE trajectories (+$ADD)"
  T0=$(date +%s.%N)
  # 0.3 trajectories per minor: the children grow with them.
  $PY manage.py generate_population --trajectories "$ADD" --children $((ADD * 10 / 3)) \
    --seed "$SIZE" > "$DIR/generate.txt"
  T1=$(date +%s.%N)
  # Settle as a database that grew over years would be: vacuumed (hint bits, the
  # visibility map), analysed and checkpointed. Otherwise autovacuum rewrites the
  # freshly loaded tables during the load run and stalls every commit behind it.
  $PY manage.py shell -v 0 -c "from django.db import connection; c = connection.cursor(); c.execute('VACUUM (ANALYZE)'); c.execute('CHECKPOINT')"
  T2=$(date +%s.%N)
  HAVE=$SIZE
  $PY manage.py bench_sessions --users "$USERS" --out "$DIR/users.json" >/dev/null
  .venv/bin/gunicorn kindveilig.wsgi --pythonpath src --bind "127.0.0.1:$PORT" --workers "$WORKERS" --preload \
    --access-logfile "$DIR/access.log" --access-logformat "$ACCESS_LOG_FORMAT" \
    --error-logfile "$DIR/gunicorn.log" &
  GUNICORN=$!
  # Wait for gunicorn, then warm every worker (templates, translations, connections).
  $PY scripts/bench/warm.py "$PORT" "$DIR/users.json" "$WORKERS"
  : > "$DIR/access.log"  # server times of the load run only, not of the warm-up
  LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
  BENCH_USERS="$DIR/users.json" "$LOCUST" -f scripts/bench/locustfile.py --headless \
    -u "$USERS" -r 10 -t "$DURATION" --host "http://127.0.0.1:$PORT" \
    --csv "$DIR/locust" --only-summary --loglevel WARNING > "$DIR/locust.txt" 2>&1 || true
  LOAD_AFTER=$(cut -d" " -f1-3 /proc/loadavg)
  # The server times of the load run only: the capacity steps below append to
  # the same log (their queueing is theirs, not the load run's).
  cp "$DIR/access.log" "$DIR/access-load.log"
  # Capacity (issue 17), at the largest size only: the same mix with more and
  # more users until the p95 has doubled; the report names the last step within.
  # Users start at 20 a second and the figures are reset once all have started,
  # so a step measures its steady load, not the burst of everyone's first page.
  CAPACITY_USERS="${BENCH_CAPACITY_USERS-20 50 100 200 300 400 600}"
  if [ "$SIZE" = "${!#}" ] && [ -n "$CAPACITY_USERS" ]; then
    for U in $CAPACITY_USERS; do
      BENCH_USERS="$DIR/users.json" "$LOCUST" -f scripts/bench/locustfile.py --headless \
        -u "$U" -r 20 -t "$(( U / 20 + ${BENCH_CAPACITY_SECONDS:-40} ))s" --reset-stats \
        --host "http://127.0.0.1:$PORT" \
        --csv "$DIR/capacity-$U" --only-summary --loglevel WARNING > "$DIR/capacity-$U.txt" 2>&1 || true
    done
  fi
  kill "$GUNICORN"; wait "$GUNICORN" 2>/dev/null || true
  mv "$DIR/access.log" "$DIR/access-all.log"; mv "$DIR/access-load.log" "$DIR/access.log"
  $PY manage.py bench_explain --out "$DIR/explain.json" >/dev/null
  $PY manage.py bench_signals --count 200 --out "$DIR/signals.json" >/dev/null || echo null > "$DIR/signals.json"
  # The monitor (issue 15): refresh full and incremental, the dashboard's filters,
  # a raadsinformatiebrief; in-process, as the region's gemeente analist.
  $PY manage.py bench_monitor --out "$DIR/monitor.json" > "$DIR/monitor.txt" 2>&1 \
    || { tail -n 20 "$DIR/monitor.txt"; echo null > "$DIR/monitor.json"; }
  # Verify the audit chain: from the previous size's checkpoint, so each size
  # checks only what it added (generated records, the load run's reads).
  V0=$(date +%s.%N)
  $PY manage.py verify_audit_log > "$DIR/verify.txt" 2>&1 || { cat "$DIR/verify.txt"; exit 1; }
  V1=$(date +%s.%N)
  AUDIT=$($PY manage.py shell -v 0 -c 'from kindveilig.audit.models import AuditEvent; print(AuditEvent.objects.count())')
  ROWS=$(awk -F'\t' 'NF==2 {s+=$2} END {print s+0}' "$DIR/generate.txt")
  cat > "$DIR/meta.json" <<JSON
{"trajectories": $SIZE, "rows": $ROWS, "audit_records": $AUDIT,
 "generate_seconds": $(python3 -c "print(round($T1 - $T0, 1))"), "settle_seconds": $(python3 -c "print(round($T2 - $T1, 1))"), "users": $USERS, "workers": $WORKERS,
 "duration": "$DURATION", "think": "${BENCH_THINK:-2,8}", "loadavg_before": "$LOAD_BEFORE", "loadavg_after": "$LOAD_AFTER", "verify_seconds": $(python3 -c "print(round($V1 - $V0, 1))"), "run_seconds": $(( $(date +%s) - STARTED ))}
JSON
  tail -n 3 "$DIR/locust.txt" || true
done
# Audited writes per second with 1-32 parallel writers (issue 17): each in its
# own organisation (its own chain) and all in one; then the chain must verify.
$PY manage.py bench_audit_writers --seconds "${BENCH_WRITER_SECONDS:-5}" \
  --out "$OUT/audit_writers.json" > "$OUT/audit_writers.txt"
$PY manage.py verify_audit_log > "$OUT/verify-after-writers.txt" 2>&1 \
  || { cat "$OUT/verify-after-writers.txt"; exit 1; }
# The children's pages in every language: weighed once (their weight does not
# depend on the size of the data), rolled back.
$PY manage.py youth_page_weights --out "$OUT/youth_weights.json"
# make bench-spread writes its own block (BENCH_NO_REPORT): its runs have no
# capacity table and must not replace the one make bench-quick wrote.
if [ -z "${BENCH_NO_REPORT:-}" ]; then
  $PY manage.py bench_report --profile "$PROFILE" --dir "$OUT"
fi
