"""Figure 7b of bench/all.ts: the vendor's py-pure-client itself (pypureclient.flasharray).

Whole SDK call path: Client -> per-version API class -> urllib3 -> JSON -> model objects
(pydantic) -> ValidResponse. Same stdin/stdout protocol as bench/py-client.py:
  argv: URL CA_FILE API_TOKEN VERSION LIMIT
  prints {"ready": true, "sdk": VERSION_OF_PYPURECLIENT} after login; then answers each
  "round CALLS MS" line with {"calls": N, "wallMs": T}; exits on EOF.
"""
import sys

from py_rounds import serve
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
serve(call, {"ready": True, "sdk": sdk_version})
