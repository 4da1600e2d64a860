"""The round protocol bench/python.ts speaks with its Python clients (one JSON line per answer).

After `hello` is printed, each stdin line "round CALLS MS" runs `call()` until CALLS calls or
MS milliseconds, whichever comes first, and answers {"calls": N, "wallMs": T}; EOF ends it.
"""
import json
import sys
import time


def serve(call, hello):
    print(json.dumps(hello), flush=True)
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
