#!/usr/bin/env python3
"""Benchmark of `exosh serve` on loopback (not a test: it prints figures).

  scripts/bench-serve.py [N]     (N extra mailboxes, default 2000)

1. Set-CASMailbox round trip for one client (keep-alive HTTP/1.1): p50 and p99.
2. Throughput: 8 client threads, each with its own connection, changes per second.
3. The bulk pipeline `Get-CASMailbox -ResultSize Unlimited | Set-CASMailbox -MAPIEnabled
   $false` through Connect-ExchangeOnline, against the same pipeline run locally.
Aims: p50 <= 2 ms, >= 2,000 changes/s with 8 clients.
"""
import http.client, json, os, shutil, statistics, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
TENANT = "contoso.onmicrosoft.com"
PATH = f"/adminapi/beta/{TENANT}/InvokeCommand"

subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
EXOSH = os.path.join(ROOT, "target", "release", "exosh")
work = tempfile.mkdtemp(prefix="exosh-bench-serve-")


def env(org):
    e = dict(os.environ, EXOSH_ORG=org, NO_COLOR="1", HOME=work)
    e.pop("EXOSH_REHEARSE", None)
    return e


def make_org(name):
    org = os.path.join(work, name, "org.db")
    script = f"1..{N} | ForEach-Object {{ New-Mailbox -Name ('Bench {{0:D6}}' -f $_) }} | Out-Null"
    started = time.time()
    subprocess.run([EXOSH, "-NoProfile", "-Command", script], env=env(org), check=True)
    print(f"organisation of {N} extra mailboxes built in {time.time() - started:.1f} s")
    return org


def body(cmdlet, params):
    return json.dumps({"CmdletInput": {"CmdletName": cmdlet, "Parameters": params}})


org = make_org("served")
token = subprocess.run([EXOSH, "token", "admin@contoso.onmicrosoft.com"], env=env(org),
                       check=True, capture_output=True, text=True).stdout.strip()
server = subprocess.Popen([EXOSH, "serve", "--http", "--listen", "127.0.0.1:0"], env=env(org),
                          stdout=subprocess.PIPE, text=True)
first = server.stdout.readline()
base = next(w for w in first.split() if w.startswith("http://")).rstrip("/")
port = int(base.rsplit(":", 1)[1])
# The request log goes on; read it away so the server never blocks on it.
threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def set_cas(conn, i, flag):
    conn.request("POST", PATH, body("Set-CASMailbox", {"Identity": "Bench %06d" % i, "PopEnabled": flag}), headers)
    reply = conn.getresponse()
    reply.read()
    assert reply.status == 200, reply.status


try:
    conn = http.client.HTTPConnection("127.0.0.1", port)
    for i in range(1, 51):
        set_cas(conn, i, False)
    times = []
    for i in range(1, min(N, 2000) + 1):
        t = time.perf_counter()
        set_cas(conn, i, i % 2 == 0)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p50 = statistics.median(times)
    p99 = times[int(len(times) * 0.99) - 1]
    print(f"Set-CASMailbox round trip, 1 client: p50 {p50:.2f} ms, p99 {p99:.2f} ms ({len(times)} requests)")

    per_client = max(N // 8, 100)
    def client(c):
        conn = http.client.HTTPConnection("127.0.0.1", port)
        for k in range(per_client):
            set_cas(conn, (c * per_client + k) % N + 1, k % 2 == 1)
    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(c,)) for c in range(8)]
    for t in threads: t.start()
    for t in threads: t.join()
    elapsed = time.perf_counter() - started
    print(f"8 concurrent clients: {8 * per_client / elapsed:.0f} changes/s ({8 * per_client} changes in {elapsed:.2f} s)")

    pipeline = "Get-CASMailbox -ResultSize Unlimited | Set-CASMailbox -MAPIEnabled $false"
    connect = f"Connect-ExchangeOnline -ConnectionUri {base} -AccessToken {token} -ShowBanner:$false; "
    client_org = os.path.join(work, "client", "org.db")
    started = time.time()
    subprocess.run([EXOSH, "-NoProfile", "-Command", connect + pipeline], env=env(client_org), check=True)
    wire = time.time() - started
    local_org = make_org("local")
    started = time.time()
    subprocess.run([EXOSH, "-NoProfile", "-Command", pipeline], env=env(local_org), check=True)
    local = time.time() - started
    total = N + 32
    print(f"bulk pipeline over {total} mailboxes: over the wire {wire:.2f} s ({total / wire:.0f}/s), "
          f"locally {local:.2f} s ({total / local:.0f}/s), ratio {wire / local:.1f}x")
finally:
    server.terminate()
    server.wait()
    shutil.rmtree(work, ignore_errors=True)
