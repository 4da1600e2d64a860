"""Figure 7b of bench/all.ts: the vendor's py-pure-client itself (pypureclient.flasharray).

Whole SDK call path: Client -> per-version API class -> urllib3 -> JSON -> model objects
(pydantic) -> ValidResponse. Same stdin/stdout protocol as bench/py-client.py:
  argv: URL CA_FILE API_TOKEN VERSION LIMIT
  prints {"ready": true, "sdk": VERSION_OF_PYPURECLIENT} after login; then answers each
  "round CALLS MS" line with {"calls": N, "wallMs": T}; exits on EOF.
"""
import json
import sys
import time

from pypureclient import __version__ as sdk_version
from pypureclient import flasharray

url, ca_file, api_token, version, limit = sys.argv[1:6]
host = url.split("://", 1)[-1]
client = flasharray.Client(host, api_token=api_token, ssl_cert=ca_file, version=version)


def call():
    res = client.get_volumes(limit=int(limit))
    if not isinstance(res, flasharray.ValidResponse) or not list(res.items):
        raise SystemExit("unexpected answer: %r" % (res,))


call()
print(json.dumps({"ready": True, "sdk": sdk_version}), flush=True)
for line in sys.stdin:
    parts = line.split()
    if len(parts) != 3 or parts[0] != "round":
        raise SystemExit("bad command: " + line.strip())
    calls, budget = int(parts[1]), float(parts[2]) / 1000
    t0 = time.perf_counter()
    done = 0
    while done < calls and time.perf_counter() - t0 < budget:
        call()
        done += 1
    print(json.dumps({"calls": done, "wallMs": (time.perf_counter() - t0) * 1000}), flush=True)
