#!/usr/bin/env python3
"""Benchmark of the bulk client-access change on a large local organisation.

Usage: scripts/bench-cas.py [--runs R] [N ...]      (defaults: 3 runs, N = 20000)

For each organisation size N it builds a fresh organisation of N extra mailboxes (exosh
itself, with New-Mailbox), then measures, paired with a peer in the same run:
  1. `Get-CASMailbox -ResultSize Unlimited | Set-CASMailbox -MAPIEnabled $false` as one
     exosh process, on a fresh copy of the organisation each time, against CPython's
     sqlite3 module making the same updates (one UPDATE per mailbox, by its row id, in
     one transaction; the organisation's groups are recipients too, and left alone) on
     another fresh copy, as a whole process too;
  2. `Get-CASMailbox -ResultSize Unlimited -Filter "MAPIEnabled -eq `$false" | Measure-Object`
     after that change, against the sqlite3 CLI counting the same rows;
  3. one `exosh -Command 'Set-CASMailbox ...'` as a whole process, against the sqlite3
     CLI's UPDATE of that row.
Peak memory is each process's max RSS: give several sizes (`20000 100000`) to see that
it stays flat as the organisation grows. Aim (issue 12): the bulk change within 2x of
the CPython loop.

`--filtered-count N` runs the filtered count alone, once, on an organisation of N more
mailboxes (made as benchlib.grow_org makes them; one in ten with MAPI turned off, by the
same pipeline filtered on the name),
against the sqlite3 CLI's count, and prints its time and peak memory: for an
organisation too large to copy for each run (a million mailboxes). `--org FILE` keeps that
organisation in FILE, and uses FILE as it is when it already exists (building one of a
million mailboxes takes a while).
"""

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchlib  # noqa: E402

PIPELINE = "Get-CASMailbox -ResultSize Unlimited | Set-CASMailbox -MAPIEnabled $false"
COUNT = "(Get-CASMailbox -ResultSize Unlimited -Filter \"MAPIEnabled -eq `$false\" | Measure-Object).Count"
PEER = """\
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
rids = [r[0] for r in conn.execute(
    "SELECT rid FROM recipients WHERE RecipientTypeDetails IN ('UserMailbox', 'SharedMailbox', 'RoomMailbox')"
)]
with conn:
    for rid in rids:
        conn.execute('UPDATE recipients SET "MAPIEnabled" = 0 WHERE rid = ?', (rid,))
conn.close()
print(len(rids))
"""


def bench(binary, n, runs, tmp):
    exosh = benchlib.Exosh(binary, tmp / "org.db", tmp / "home")
    setup = benchlib.make_org(exosh, n)
    work = exosh.on(tmp / "work.db")

    def mine():
        benchlib.copy_org(exosh.org, work.org)
        return work.run("-Command", PIPELINE)

    def theirs():
        peer_db = benchlib.copy_org(exosh.org, tmp / "peer.db")
        return benchlib.measure([sys.executable, "-c", PEER, str(peer_db)])

    pipeline = benchlib.Row(f"`{PIPELINE}` on {n:,} more mailboxes", *benchlib.paired(runs, mine, theirs), "CPython sqlite3")
    total = int(pipeline.peer[0].stdout.strip())
    counted, peer_counted = benchlib.paired(
        runs,
        lambda: work.run("-Command", COUNT),
        lambda: benchlib.measure(["sqlite3", str(work.org), 'SELECT count(*) FROM recipients WHERE "MAPIEnabled" = 0']),
    )
    if {s.stdout.strip() for s in counted + peer_counted} != {str(total)}:
        sys.exit(f"the filtered count is not {total}: {counted[0].stdout} / {peer_counted[0].stdout}")
    count = benchlib.Row(f"filtered count (`-Filter \"MAPIEnabled -eq $false\" | Measure-Object`), {total:,} match", counted, peer_counted, "sqlite3 CLI")
    flips = iter(range(10**9))

    def one():
        value = "$true" if next(flips) % 2 == 0 else "$false"
        return work.run("-Command", f"Set-CASMailbox -Identity 'Ken Sanchez' -MAPIEnabled {value}")

    sql_flips = iter(range(10**9))

    def one_sql():
        value = 1 if next(sql_flips) % 2 == 0 else 0
        return benchlib.measure(["sqlite3", str(work.org), f"UPDATE recipients SET \"MAPIEnabled\" = {value} WHERE Name = 'Ken Sanchez'"])

    single = benchlib.Row("one `Set-CASMailbox -Identity 'Ken Sanchez' -MAPIEnabled ...`", *benchlib.paired(max(runs, 11), one, one_sql), "sqlite3 CLI")
    return setup, [pipeline, count, single]


def filtered_count(binary, n, org, tmp):
    """The filtered count once on an organisation of n more mailboxes, kept in `org`."""
    exosh = benchlib.Exosh(binary, org, tmp / "home")
    notes = []
    if org.exists():
        notes.append(f"the organisation is {org} as it was")
    else:
        setup = benchlib.grow_org(exosh, n)
        turn_off = "Get-CASMailbox -ResultSize Unlimited -Filter \"Name -like 'Bench User *0'\" | Set-CASMailbox -MAPIEnabled $false"
        turned = exosh.run("-Command", turn_off).wall
        notes.append(
            f"the organisation took {setup:.0f} s to build (New-Mailbox for the first {min(n, benchlib.MADE_ONE_BY_ONE):,},"
            f" copies of them past that), {turned:.0f} s to turn MAPI off for one in ten (one exosh pipeline)"
        )
    mine = exosh.run("-Command", COUNT)
    theirs = benchlib.measure(["sqlite3", str(org), 'SELECT count(*) FROM recipients WHERE "MAPIEnabled" = 0'])
    if mine.stdout.strip() != theirs.stdout.strip():
        sys.exit(f"the filtered count is {mine.stdout.strip()}, the sqlite3 CLI counts {theirs.stdout.strip()}")
    total = int(mine.stdout.strip())
    row = benchlib.Row(f"filtered count (`-Filter \"MAPIEnabled -eq $false\" | Measure-Object`), {total:,} match", [mine], [theirs], "sqlite3 CLI")
    benchlib.print_table(f"Filtered count, {n:,} more mailboxes than the sample organisation", [row], notes)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--filtered-count", type=int, metavar="N")
    parser.add_argument("--org", type=Path, metavar="FILE")
    parser.add_argument("sizes", type=int, nargs="*", default=[20_000])
    args = parser.parse_args()
    if shutil.which("sqlite3") is None:
        sys.exit("bench-cas.py needs the sqlite3 CLI (apt-get install sqlite3)")
    binary = benchlib.exosh_binary()
    if args.filtered_count:
        with tempfile.TemporaryDirectory(prefix="exosh-bench-") as tmp:
            tmp = Path(tmp)
            filtered_count(binary, args.filtered_count, (args.org or tmp / "org.db").resolve(), tmp)
        return
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix="exosh-bench-") as tmp:
            setup, rows = bench(binary, n, args.runs, Path(tmp))
        benchlib.print_table(
            f"Bulk change, {n:,} more mailboxes than the sample organisation",
            rows,
            [
                f"the organisation took {setup:.1f} s to build (New-Mailbox, one process)",
                "each bulk change runs on a fresh copy of the organisation; the peer is a whole"
                " CPython process (connect, read the row ids, UPDATE each in one transaction)",
            ],
        )


if __name__ == "__main__":
    main()
