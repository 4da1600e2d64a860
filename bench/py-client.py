"""Figure 7 of bench/all.ts: a stand-in for py-pure-client's FlashArray call path.

py-pure-client (the vendor's Python SDK) sends its calls through urllib3 with a pool
manager, an `x-auth-token` session, `X-Request-ID` and JSON headers, then parses the
JSON into model objects. This stand-in does the same requests without the model layer
(which only adds time), so its rate is an upper bound on the real SDK's.

Protocol with bench/python.ts (one JSON line per answer on stdout):
  argv: URL CA_FILE API_TOKEN PATH
  prints {"ready": true} after login; then reads lines "round CALLS MS" from stdin and
  answers {"calls": N, "wallMs": T} for each; exits on EOF.
"""
import json
import sys
import uuid

import urllib3
from py_rounds import serve

url, ca_file, api_token, path = sys.argv[1:5]
http = urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs=ca_file, maxsize=1)
common = {"Accept": "application/json", "Content-Type": "application/json",
          "User-Agent": "pypureclient-standin/bench Python/" + sys.version.split()[0]}

versions = json.loads(http.request("GET", url + "/api/api_version", headers=common).data)
version = path.split("/")[2]  # /api/2.56/volumes?… -> 2.56: log in at the version called
login = http.request("POST", url + "/api/" + version + "/login", headers={**common, "api-token": api_token})
session = login.headers.get("x-auth-token")
if login.status != 200 or not session:
    sys.exit("login failed: HTTP %d" % login.status)
target = url + path


def call():
    headers = {**common, "x-auth-token": session, "X-Request-ID": str(uuid.uuid4())}
    res = http.request("GET", target, headers=headers)
    body = json.loads(res.data)
    if res.status != 200 or not body.get("items"):
        raise SystemExit("unexpected answer: HTTP %d" % res.status)


serve(call, {"ready": True, "versions": len(versions.get("version", []))})
