"""What the benchmark scripts share: the release build, organisations of a chosen size,
whole-process measurements, paired runs and the table they print.

A benchmark here compares exosh with a peer doing the same work (the sqlite3 CLI, CPython)
in the same run: each repetition runs exosh and the peer back to back, alternating which
goes first, and the ratio reported is the median of the per-pair ratios. A machine shared
with other work slows both sides of a pair alike, so the ratio moves much less than either
time; the spread (lowest and highest pair ratio) is printed so a reader sees how noisy the
run was. Times are whole processes (start-up included) measured by wall clock; the CPU
time (user + system) of each process is measured too, and its ratio printed beside.

Nothing here is a test: figures vary by machine.

Environment: EXOSH_BENCH_BIN runs that exosh program instead of building this checkout's
release build (to measure an older build with today's scripts).
"""

import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME = "/usr/bin/time"


def exosh_binary():
    """The exosh program measured: EXOSH_BENCH_BIN, or this checkout's release build."""
    chosen = os.environ.get("EXOSH_BENCH_BIN")
    if chosen:
        return Path(chosen).resolve()
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=ROOT, check=True)
    return ROOT / "target" / "release" / "exosh"


@dataclass
class Sample:
    wall: float
    cpu: float
    max_rss_mib: float
    stdout: str


def measure(argv, env=None):
    """Runs one process to its end; its wall time, CPU time, peak memory and output.

    The peak memory comes from /usr/bin/time when it is there: a process started
    straight from Python would count Python's own memory as its peak (Linux keeps the
    peak across fork and exec)."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        peak_file = tmp / "peak"
        timed = argv
        if Path(TIME).exists():
            timed = [TIME, "-f", "%M", "-o", str(peak_file), *argv]
        with open(tmp / "out", "w+b") as out, open(tmp / "err", "w+b") as err:
            start = time.perf_counter()
            proc = subprocess.Popen(timed, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            text, errors = out.read().decode(), err.read().decode()
        peak_kib = usage.ru_maxrss
        if peak_file.exists():
            peak_kib = int(peak_file.read_text().split()[-1])
    if proc.returncode != 0 or errors.strip():
        sys.exit(f"failed ({proc.returncode}): {argv}\n{errors}{text[-2000:]}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, peak_kib / 1024, text)


class Exosh:
    """Runs exosh on one organisation file, as an admin would: no profile, no prompts."""

    def __init__(self, binary, org, home):
        self.binary = binary
        self.org = Path(org)
        home = Path(home)
        self.env = dict(
            os.environ,
            EXOSH_ORG=str(self.org),
            NO_COLOR="1",
            HOME=str(home),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
        )

    def on(self, org):
        """The same program on another organisation file."""
        return Exosh(self.binary, org, self.env["HOME"])

    def argv(self, *args):
        return [str(self.binary), "-NoProfile", "-NonInteractive", *args]

    def run(self, *args):
        return measure(self.argv(*args), self.env)


def make_org(exosh, extra_mailboxes):
    """Creates exosh's organisation file (the sample organisation) with `extra_mailboxes`
    more mailboxes, made by New-Mailbox as an admin would; returns the seconds it took."""
    script = "Get-CASMailbox -ResultSize 1 | Out-Null"
    if extra_mailboxes:
        script = (
            f"1..{extra_mailboxes} | ForEach-Object {{ New-Mailbox -Name \"Bench User $_\" "
            f"-Alias \"bench$_\" -PrimarySmtpAddress \"bench$_@contoso.com\" }} | Out-Null"
        )
    return exosh.run("-Command", script).wall


# Past this many, `grow_org` copies mailboxes instead of making each with New-Mailbox.
MADE_ONE_BY_ONE = 10_000

# What differs from one bench mailbox to the next: its number in names and addresses, and
# its own identifiers (SQL over the copied row `r`, its new number `?1`).
_IDENTITY = {
    "Name": "'Bench User ' || ?1",
    "DisplayName": "'Bench User ' || ?1",
    "Alias": "'bench' || ?1",
    "PrimarySmtpAddress": "'bench' || ?1 || '@contoso.com'",
    "UserPrincipalName": "'bench' || ?1 || '@contoso.com'",
    "WindowsEmailAddress": "'bench' || ?1 || '@contoso.com'",
    "Guid": "{guid}",
    "ExchangeGuid": "{guid}",
    "ExternalDirectoryObjectId": "{guid}",
    "SamAccountName": "'$' || upper(hex(randomblob(3))) || '-' || upper(hex(randomblob(7)))",
    "LegacyExchangeDN": "replace(r.\"LegacyExchangeDN\", substr(r.\"LegacyExchangeDN\", instr(r.\"LegacyExchangeDN\", '/cn=Recipients/cn=') + 18), lower(hex(randomblob(16))) || '-bench' || ?1)",
}
_GUID = "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"


def grow_org(exosh, extra_mailboxes):
    """An organisation of `extra_mailboxes` more mailboxes for sizes New-Mailbox one by one
    would take hours over: the first MADE_ONE_BY_ONE made by New-Mailbox (make_org), the
    rest copies of those rows (every setting as New-Mailbox left it), each with its own
    number in its names and addresses and its own GUIDs, written with SQL in one
    transaction. Returns the seconds it took."""
    made = min(extra_mailboxes, MADE_ONE_BY_ONE)
    took = make_org(exosh, made)
    if extra_mailboxes == made:
        return took
    start = time.perf_counter()
    conn = sqlite3.connect(exosh.org)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(recipients)") if row[1] != "rid"]
    values = [_IDENTITY.get(c, f'r."{c}"').format(guid=_GUID) for c in columns]
    copy = (
        f"INSERT INTO recipients ({', '.join(f'{chr(34)}{c}{chr(34)}' for c in columns)}) "
        f"SELECT {', '.join(values)} FROM recipients r WHERE r.\"Name\" = 'Bench User ' || ?2"
    )
    addresses = (
        "INSERT INTO addresses (rid, pos, prefix, address) VALUES "
        "(?1, 0, 'SMTP', 'bench' || ?2 || '@contoso.com'), "
        "(?1, 1, 'smtp', 'bench' || ?2 || '@contoso.onmicrosoft.com')"
    )
    with conn:
        for number in range(made + 1, extra_mailboxes + 1):
            rid = conn.execute(copy, (number, (number - 1) % made + 1)).lastrowid
            conn.execute(addresses, (rid, number))
    conn.close()
    return took + time.perf_counter() - start


def copy_org(org, to):
    shutil.copy(org, to)
    return Path(to)


@dataclass
class Row:
    what: str
    exosh: list
    peer: list | None = None
    peer_name: str = ""

    def median(self, side, field):
        return statistics.median(getattr(s, field) for s in side)

    def ratios(self, field):
        return sorted(getattr(e, field) / getattr(p, field) for e, p in zip(self.exosh, self.peer))


def paired(runs, run_exosh, run_peer):
    """`runs` pairs, alternating which side goes first; returns (exosh samples, peer samples)."""
    mine, theirs = [], []
    for i in range(runs):
        if i % 2 == 0:
            mine.append(run_exosh())
            theirs.append(run_peer())
        else:
            theirs.append(run_peer())
            mine.append(run_exosh())
    return mine, theirs


def seconds(s):
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def print_table(title, rows, notes=()):
    """The issue's table: what | exosh | peer | ratio, with CPU ratio, spread and memory."""
    print(f"\n{title}\n")
    print("| what | exosh | peer | ratio | CPU ratio | pair ratios (min–max) | peak memory exosh / peer |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        what = r.what.replace("|", "\\|")
        mine = seconds(r.median(r.exosh, "wall"))
        mem = f"{r.median(r.exosh, 'max_rss_mib'):.1f} MiB"
        if r.peer is None:
            print(f"| {what} | {mine} | — | — | — | — | {mem} |")
            continue
        walls, cpus = r.ratios("wall"), r.ratios("cpu")
        theirs = f"{r.peer_name}: {seconds(r.median(r.peer, 'wall'))}"
        mem += f" / {r.median(r.peer, 'max_rss_mib'):.1f} MiB"
        print(
            f"| {what} | {mine} | {theirs} | {statistics.median(walls):.2f}× "
            f"| {statistics.median(cpus):.2f}× | {walls[0]:.2f}–{walls[-1]:.2f}× | {mem} |"
        )
    runs = max(len(r.exosh) for r in rows)
    print(f"\nmedians of {runs} runs; ratio = median of the per-pair ratios (wall clock)")
    for note in notes:
        print(note)
    if not Path(TIME).exists():
        print(f"peak memory includes the Python running this benchmark ({TIME} not found)")
