#!/usr/bin/env python3
"""Time commands by CPU time, interleaved, and print or save the figures.

    cputime.py [--runs N] [--warmup N] [--json FILE] \\
        -n NAME 'COMMAND' [-n NAME 'COMMAND' ...] [--prepare NAME 'SHELL COMMAND' ...]

Each round runs every command once, in turn, so that a machine that is
busier at one moment than another slows every command alike: the ratios
of the figures hold even when the figures themselves move. A command is
split as a shell would split it (no shell runs it), and may start with
VAR=value words that set its environment. A --prepare command runs, in a
shell and untimed, before every run of the command of that name.

For each command it measures, with wait4, the CPU time (user + system) of
the process and its children, and their peak resident memory, and prints
one line per command: the median CPU time, the lowest, and the median
peak memory. --json writes every run.
"""

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile


def run(argv, env):
    errf = tempfile.TemporaryFile()
    pid = os.fork()
    if pid == 0:
        try:
            fd = os.open(os.devnull, os.O_RDWR)
            os.dup2(fd, 0)
            os.dup2(fd, 1)
            os.dup2(errf.fileno(), 2)
            os.execvpe(argv[0], argv, env)
        except OSError as e:
            print(f"cputime.py: {argv[0]}: {e}", file=sys.stderr)
        os._exit(127)
    _, status, ru = os.wait4(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        errf.seek(0)
        sys.stderr.buffer.write(errf.read())
        sys.exit(f"cputime.py: {shlex.join(argv)} exited {code}")
    errf.close()
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss * 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--json")
    ap.add_argument("-n", nargs=2, action="append", metavar=("NAME", "COMMAND"), required=True)
    ap.add_argument("--prepare", nargs=2, action="append", default=[], metavar=("NAME", "COMMAND"))
    a = ap.parse_args()
    prepare = dict(a.prepare)
    cmds = []
    for name, cmd in a.n:
        words, env = shlex.split(cmd), dict(os.environ)
        while words and "=" in words[0] and not words[0].startswith("="):
            k, v = words.pop(0).split("=", 1)
            env[k] = v
        cmds.append((name, words, env))
    unknown = set(prepare) - {c[0] for c in cmds}
    if unknown:
        sys.exit(f"cputime.py: --prepare for no command: {', '.join(sorted(unknown))}")
    runs = {name: [] for name, _, _ in cmds}
    for i in range(a.warmup + a.runs):
        for name, words, env in cmds:
            if name in prepare:
                subprocess.run(prepare[name], shell=True, check=True)
            cpu, rss = run(words, env)
            if i >= a.warmup:
                runs[name].append({"cpu": cpu, "rss": rss})
    out = {}
    for name, rs in runs.items():
        cpu = [r["cpu"] for r in rs]
        rss = [r["rss"] for r in rs]
        out[name] = {"cpu_median": statistics.median(cpu), "cpu_min": min(cpu),
                     "rss_median": statistics.median(rss), "runs": rs}
        print(f"{name}: cpu median {out[name]['cpu_median'] * 1e3:.1f} ms, min {min(cpu) * 1e3:.1f} ms, "
              f"peak memory {out[name]['rss_median'] / 2**20:.0f} MiB", file=sys.stderr)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
