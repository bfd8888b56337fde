#!/usr/bin/env python3
"""Start-up of one or more programs on a one-line input, interleaved: RUNS runs of each, in turn.
Prints "NAME MEDIAN_WALL_MS MEDIAN_CPU_MS RUNS" per program; CPU is the child's user + system time
from its resource usage (os.wait4), wall from fork to reaped.
usage: startup.py RUNS INPUT NAME PROGRAM [NAME PROGRAM ...]"""
import os
import statistics
import sys
import time

runs, inp = int(sys.argv[1]), sys.argv[2]
progs = list(zip(sys.argv[3::2], sys.argv[4::2]))
wall = {n: [] for n, _ in progs}
cpu = {n: [] for n, _ in progs}
devnull = os.open(os.devnull, os.O_WRONLY)
for _ in range(runs):
    for name, prog in progs:
        t0 = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.execv(prog, [prog, "extract", inp])
        _, status, ru = os.wait4(pid, 0)
        t1 = time.perf_counter()
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"startup.py: {prog} failed")
        wall[name].append((t1 - t0) * 1000)
        cpu[name].append((ru.ru_utime + ru.ru_stime) * 1000)
for name, _ in progs:
    print(f"{name} {statistics.median(wall[name]):.1f} {statistics.median(cpu[name]):.1f} {runs}")
