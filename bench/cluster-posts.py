#!/usr/bin/env python3
"""Action posts for bench/cluster.sh, with the outcome of every one written down.

Usage: cluster-posts.py BASE_URL WORK_DIR SECONDS OUT_FILE [THREADS]
WORK_DIR holds what bench/action-post.sh prepared: the supporter's cookies (cookies.txt), the call page
(call.html, for its CSRF token and fields) and the signed form tokens (form-tokens.txt). Each post uses a
token of its own, which is also the action's idempotency key. OUT_FILE gets one line per post:
"TOKEN STATUS" (STATUS 0 when no HTTP answer came back). Prints: posts, successes (302), failures.
"""
import http.client
import re
import sys
import threading
import time
import urllib.parse

base, work, seconds, out_path = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
threads = int(sys.argv[5]) if len(sys.argv) > 5 else 8
url = urllib.parse.urlsplit(base)
call = open(f"{work}/call.html", encoding="utf-8").read()


def field(name):
    match = re.search(r'name="%s"[^>]*value="([^"]*)"' % name, call)
    if not match:
        sys.exit(f"no {name} field on the call page")
    return match.group(1)


csrf, bioguide, step = field("_csrf"), field("bioguideId"), field("step")
session = next(line.split("\t")[6].strip() for line in open(f"{work}/cookies.txt")
               if "\tSESSION\t" in line)
tokens = [line.strip() for line in open(f"{work}/form-tokens.txt") if line.strip()]
results = [[] for _ in range(threads)]
deadline = time.monotonic() + seconds


def post(n):
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    for token in tokens[n::threads]:
        if time.monotonic() > deadline:
            break
        body = urllib.parse.urlencode({"_csrf": csrf, "formToken": token, "zip": "05401", "district": "VT-0",
                                       "step": step, "bioguideId": bioguide, "outcome": "VOICEMAIL", "website": ""})
        try:
            connection.request("POST", "/campaigns/tsra/call", body, {
                "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"SESSION={session}"})
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            status = 0
            connection.close()
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        results[n].append((token, status))
    connection.close()


workers = [threading.Thread(target=post, args=(n,)) for n in range(threads)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
all_results = [r for part in results for r in part]
with open(out_path, "w") as out:
    for token, status in all_results:
        out.write(f"{token} {status}\n")
ok = sum(1 for _, status in all_results if status == 302)
print(len(all_results), ok, len(all_results) - ok)
