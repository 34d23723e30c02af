#!/usr/bin/env python3
"""Benchmark of the bulk client-access change on a large local organisation.

Usage: scripts/bench-cas.py [N ...]        (default: 100000)

For each organisation size N it
  1. builds a fresh organisation of N extra mailboxes (exosh itself, with New-Mailbox);
  2. times `Get-CASMailbox -ResultSize Unlimited | Set-CASMailbox -MAPIEnabled $false`
     as one exosh process, with its peak memory (max RSS);
  3. times `Get-CASMailbox -ResultSize Unlimited -Filter "MAPIEnabled -eq `$false" | Measure-Object`;
  4. times one `exosh -Command 'Set-CASMailbox ...'` as a whole process (median of 10);
  5. times the same N updates done by Python's sqlite3 module in one transaction on a copy
     of the same database file (one UPDATE per mailbox, by its row id), for a ratio.
It prints a table and the pipeline/raw ratio. Nothing here is a test: figures vary by
machine; the aim is the pipeline within 3x of the raw loop and memory flat as N grows.
"""

import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXOSH = ROOT / "target" / "release" / "exosh"


def run(args, org, capture=True):
    """Runs exosh; returns (seconds, max RSS in MiB, stdout)."""
    env = dict(os.environ, EXOSH_ORG=str(org), NO_COLOR="1")
    start = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M", str(EXOSH), "-NoProfile", "-NonInteractive", *args],
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    rss_kib = int(proc.stderr.strip().splitlines()[-1]) if proc.stderr.strip() else 0
    if proc.returncode != 0:
        sys.exit(f"exosh failed ({proc.returncode}): {args}\n{proc.stderr}")
    return elapsed, rss_kib / 1024, proc.stdout


def build_org(org, n):
    script = (
        f"1..{n} | ForEach-Object {{ New-Mailbox -Name \"Bench User $_\" -Alias \"bench$_\" "
        f"-PrimarySmtpAddress \"bench$_@contoso.com\" }} | Out-Null"
    )
    return run(["-Command", script], org)[0]


def raw_updates(db, n_expected):
    """The same change as the pipeline, by sqlite3 directly: one UPDATE per mailbox."""
    conn = sqlite3.connect(db)
    rids = [r[0] for r in conn.execute("SELECT rid FROM recipients")]
    start = time.perf_counter()
    with conn:
        for rid in rids:
            conn.execute('UPDATE recipients SET "MAPIEnabled" = 0 WHERE rid = ?', (rid,))
    elapsed = time.perf_counter() - start
    conn.close()
    assert len(rids) >= n_expected, (len(rids), n_expected)
    return elapsed


def bench(n):
    with tempfile.TemporaryDirectory(prefix="exosh-bench-") as tmp:
        org = Path(tmp) / "org.db"
        setup = build_org(org, n)
        raw_copy = Path(tmp) / "raw.db"
        shutil.copy(org, raw_copy)
        pipe_s, pipe_mib, _ = run(
            ["-Command", "Get-CASMailbox -ResultSize Unlimited | Set-CASMailbox -MAPIEnabled $false"], org
        )
        filt_s, filt_mib, out = run(
            [
                "-Command",
                "(Get-CASMailbox -ResultSize Unlimited -Filter \"MAPIEnabled -eq `$false\" | Measure-Object).Count",
            ],
            org,
        )
        count = int(out.strip() or 0)
        singles = [
            run(["-Command", "Set-CASMailbox -Identity 'Ken Sanchez' -MAPIEnabled $true"], org)[0]
            for _ in range(10)
        ]
        raw_s = raw_updates(raw_copy, n)
        return {
            "n": n,
            "setup_s": setup,
            "pipeline_s": pipe_s,
            "pipeline_mib": pipe_mib,
            "filter_s": filt_s,
            "filter_mib": filt_mib,
            "filter_count": count,
            "single_s": statistics.median(singles),
            "raw_s": raw_s,
        }


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [100_000]
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=ROOT, check=True)
    rows = [bench(n) for n in sizes]
    print(
        f"{'mailboxes':>10} {'setup s':>8} {'pipeline s':>10} {'peak MiB':>8} {'filter s':>8} {'matched':>8} "
        f"{'filter MiB':>10} {'1 cmd s':>7} {'raw s':>7} {'ratio':>6}"
    )
    for r in rows:
        ratio = r["pipeline_s"] / r["raw_s"] if r["raw_s"] else float("inf")
        print(
            f"{r['n']:>10} {r['setup_s']:>8.1f} {r['pipeline_s']:>10.2f} {r['pipeline_mib']:>8.1f} {r['filter_s']:>8.2f} "
            f"{r['filter_count']:>8} {r['filter_mib']:>10.1f} {r['single_s']:>7.3f} {r['raw_s']:>7.2f} {ratio:>6.2f}"
        )
    print("setup: building the organisation, one New-Mailbox per mailbox (one process)")
    print("pipeline: Get-CASMailbox -ResultSize Unlimited | Set-CASMailbox -MAPIEnabled $false (one process)")
    print("raw: the same updates by Python's sqlite3 in one transaction; ratio = pipeline / raw")


if __name__ == "__main__":
    main()
