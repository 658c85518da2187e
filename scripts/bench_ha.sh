#!/usr/bin/env bash
# Two nodes, one killed (issue 17; `make bench-ha`). Needs DATABASE_URL (make
# bench-ha runs it inside PG_PROFILE=production scripts/with_postgres.sh) and
# haproxy. Grows a small population, logs in virtual professionals, serves the
# app from two gunicorn nodes on two loopback ports (same settings and secrets,
# as two app servers share them) behind HAProxy on a third, drives reads and
# writes through HAProxy, kills node1 (its whole process group) with SIGKILL at
# a third of the run, then checks every write against the database, verifies the
# audit chain and writes the section "Two nodes, one killed" of
# docs/performance.md. Exits non-zero when a write answered 2xx is missing, a
# session was lost or the audit chain does not verify.
set -euo pipefail
TRAJECTORIES="${BENCH_HA_TRAJECTORIES:-2000}"
USERS="${BENCH_HA_USERS:-20}"
WORKERS="${BENCH_HA_WORKERS:-2}"
DURATION="${BENCH_HA_DURATION:-60}"
THINK="${BENCH_HA_THINK:-0.3,1.5}"
WRITE_SHARE="${BENCH_HA_WRITE_SHARE:-0.25}"
PY=.venv/bin/python
BENCH_PY=var/bench-venv/bin/python
OUT=var/bench/ha
rm -rf "$OUT"; mkdir -p "$OUT"
STARTED=$(date +%s.%N)

export DJANGO_SETTINGS_MODULE=kindveilig.settings.bench
export DEBUG=false ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false \
  SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false SECURE_HSTS_SECONDS=0 \
  STATIC_ROOT="$PWD/var/bench/static" LOG_LEVEL=WARNING \
  KINDVEILIG_TRUSTED_PROXY_COUNT=1
# One set of secrets for both nodes, as every app server of a deployment has.
export SECRET_KEY="$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')"
export KINDVEILIG_ENCRYPTION_KEYS="$($PY -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')"
export KINDVEILIG_BLIND_INDEX_KEY=bench-only
export KINDVEILIG_AUDIT_SEAL_KEY=bench-only KINDVEILIG_AUDIT_SINK="$PWD/$OUT/audit-sink.jsonl"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
PORT1=$(free_port); PORT2=$(free_port); PROXY_PORT=$(free_port)
NODE1=""; NODE2=""; PROXY=""
# Stop what this script started, by its process id (a node's group: gunicorn's
# master and workers); node1 is already gone after the kill.
cleanup() {
  for pid in $PROXY $NODE2 $NODE1; do
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in $PROXY $NODE2 $NODE1; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

$PY manage.py migrate --verbosity 0
$PY manage.py createcachetable
$PY manage.py collectstatic --noinput --verbosity 0
echo "== bench-ha: $TRAJECTORIES trajectories"
$PY manage.py generate_population --trajectories "$TRAJECTORIES" \
  --children $((TRAJECTORIES * 10 / 3)) --seed 17 > "$OUT/generate.txt"
$PY manage.py shell -v 0 -c "from django.db import connection; c = connection.cursor(); c.execute('VACUUM (ANALYZE)'); c.execute('CHECKPOINT')"
$PY manage.py bench_sessions --users "$USERS" --out "$OUT/users.json" >/dev/null
$PY manage.py bench_failover_keys --count 5000 --out "$OUT/keys.json"

ACCESS_LOG_FORMAT="$($PY -c 'import sys; sys.path.insert(0, "src"); from kindveilig.scale.serverlog import ACCESS_LOG_FORMAT; print(ACCESS_LOG_FORMAT)')"
# Each node in a process group of its own (setsid), so that killing it kills
# its master and every worker, as a crashed machine would.
start_node() {  # NAME PORT
  setsid .venv/bin/gunicorn kindveilig.wsgi --pythonpath src --bind "127.0.0.1:$2" \
    --workers "$WORKERS" --preload --graceful-timeout 30 \
    --access-logfile "$OUT/$1-access.log" --access-logformat "$ACCESS_LOG_FORMAT" \
    --error-logfile "$OUT/$1-gunicorn.log" &
}
start_node node1 "$PORT1"; NODE1=$!
start_node node2 "$PORT2"; NODE2=$!
$PY scripts/bench/warm.py "$PORT1" "$OUT/users.json" "$WORKERS"
$PY scripts/bench/warm.py "$PORT2" "$OUT/users.json" "$WORKERS"

# HAProxy: health checks on /healthz every 500 ms (down after 2 failures),
# a short connect timeout, and a retry on another node only when the connection
# could not be made (retry-on conn-failure: no byte of the request was sent).
# No layer-7 retry for anything but GET and HEAD: a POST is never sent twice.
# X-Bench-Node tells the load generator which node answered.
cat > "$OUT/haproxy.cfg" <<CFG
global
  maxconn 2000
  log stdout format raw local0 info

defaults
  mode http
  log global
  log-format "bench-ha %HM %rc %ST %s %Tt %tsc %[capture.req.hdr(0)]"
  option redispatch 1
  retries 2
  retry-on conn-failure
  timeout connect 500ms
  timeout client 60s
  timeout server 60s
  timeout check 2s

frontend kindveilig
  bind 127.0.0.1:$PROXY_PORT
  option forwardfor
  capture request header X-Bench-Attempt len 12
  http-request disable-l7-retry if !METH_GET !METH_HEAD
  default_backend nodes

backend nodes
  balance roundrobin
  option httpchk
  http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host 127.0.0.1
  http-check expect status 200
  default-server inter 500ms fall 2 rise 2
  http-response set-header X-Bench-Node %s
  server node1 127.0.0.1:$PORT1 check
  server node2 127.0.0.1:$PORT2 check
CFG
haproxy -c -q -f "$OUT/haproxy.cfg"
haproxy -db -f "$OUT/haproxy.cfg" > "$OUT/haproxy.log" 2> "$OUT/haproxy-errors.log" &
PROXY=$!
sleep 2  # both nodes pass their health checks (rise 2 × 500 ms)
: > "$OUT/node1-access.log"; : > "$OUT/node2-access.log"

echo "== bench-ha: $USERS professionals for ${DURATION}s through HAProxy on 127.0.0.1:$PROXY_PORT; node1 dies at a third"
$BENCH_PY scripts/bench/failover.py --base "http://127.0.0.1:$PROXY_PORT" \
  --users "$OUT/users.json" --keys "$OUT/keys.json" --kill-pid "$NODE1" --kill-node node1 \
  --duration "$DURATION" --think "$THINK" --write-share "$WRITE_SHARE" --out "$OUT/run.json"
# node1 is dead (a zombie until waited for); should the kill have failed, stop it
# now: the check then fails ("no node was killed").
kill -TERM "$NODE1" 2>/dev/null || true; wait "$NODE1" 2>/dev/null || true; NODE1=""
# Stop node2 gracefully (its requests in flight finish and commit) before
# anything is counted, then the proxy.
kill -TERM "$NODE2"; wait "$NODE2" 2>/dev/null || true; NODE2=""
kill -TERM "$PROXY"; wait "$PROXY" 2>/dev/null || true; PROXY=""

HAPROXY_VERSION="$(haproxy -v | head -n 1 | awk '{print $3}')"
$PY manage.py bench_failover_check --run "$OUT/run.json" --keys "$OUT/keys.json" \
  --proxy-log "$OUT/haproxy.log" --out "$OUT/result.json" --doc docs/performance.md \
  --trajectories "$TRAJECTORIES" --workers "$WORKERS" --haproxy "$HAPROXY_VERSION" \
  --started "$STARTED"
