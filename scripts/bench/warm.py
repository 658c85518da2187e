"""Wait until gunicorn answers, then warm every worker before locust measures.

Usage: warm.py PORT SESSION_KEY WORKERS (standard library only, no curl needed).
"""

import sys
import time
import urllib.error
import urllib.request

port, session, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
base = f"http://127.0.0.1:{port}"
for _ in range(60):
    try:
        with urllib.request.urlopen(f"{base}/healthz", timeout=2):  # noqa: S310  # loopback only
            break
    except (urllib.error.URLError, OSError):
        time.sleep(0.5)
pages = [
    "/",
    "/trajecten/",
    "/personen/",
    "/bench/floor/",
    "/praat/",
    "/api/v1/trajectories/",
]
for _ in range(workers * 3):
    for page in pages:
        request = urllib.request.Request(  # noqa: S310  # loopback only
            base + page, headers={"Cookie": f"sessionid={session}"}
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                response.read()
        except urllib.error.URLError:
            pass
