#!/usr/bin/env python3
"""Attribute a `perf script` dump of one .NET process to analyzers, by the frames on each stack.

On CPU (from `perf record -g -e cpu-clock -F HZ`):
    python3 bench/perf/attribute.py cpu DUMP [HZ] [TOP]
prints, for LogSafety and for Microsoft's NetAnalyzers, the seconds of samples whose stack holds one of their frames
(split by where the sample landed: managed code, the JIT, the runtime, the kernel), then LogSafety's methods by
inclusive time (names only for JIT-compiled code: run an IL-only build of the analyzer to name them all).

Off CPU (from `perf record -g -e sched:sched_switch`, dumped with `-F tid,time,event,trace,ip,sym,dso`):
    python3 bench/perf/attribute.py sched DUMP
prints how long threads with such a frame on their stack were away from the CPU: preempted (still runnable) or
blocked, and what they blocked in.

See docs/performance.md ("Eleventh pass") for the commands that produce the dumps.
"""
import collections
import re
import sys

OWN = ('[LogSafety.Analyzers]', 'LogSafety.Analyzers.dll')
MICROSOFT = ('NetAnalyzers', 'Microsoft.NetCore.Analyzers')


def has(frames, marks):
    return any(mark in frame for frame in frames for mark in marks)


def read_cpu(path):
    samples, current = [], None
    for line in open(path, errors='replace'):
        if not line.strip():
            if current is not None:
                samples.append(current)
            current = None
        elif line[0] not in ' \t':
            current = []
        elif current is not None:
            current.append(line.strip())
    if current:
        samples.append(current)
    return samples


def where(leaf):
    if 'libclrjit' in leaf:
        return 'jit'
    if 'libcoreclr' in leaf:
        return 'runtime'
    if 'kernel' in leaf:
        return 'kernel'
    return 'managed'


def method_name(frame):
    text = re.sub(r'^\S+ ', '', frame)
    text = re.sub(r'\[(Optimized|OptimizedTier1|QuickJitted|PreJIT)[^\]]*\]', '', text)
    text = re.sub(r'\(.*', '', text).strip()
    return text.split('] ')[-1]


def cpu(path, hz, top):
    totals = collections.Counter()
    inclusive = collections.Counter()
    for stack in read_cpu(path):
        landed = where(stack[0]) if stack else 'managed'
        own = has(stack, OWN)
        for who, counted in (('LogSafety', own), ('Microsoft', has(stack, MICROSOFT))):
            if counted:
                totals[who] += 1
                totals[(who, landed)] += 1
        if own:
            for name in {method_name(f) for f in stack if OWN[0] in f}:
                inclusive[name] += 1
    for who in ('LogSafety', 'Microsoft'):
        parts = ', '.join(f'{kind} {totals[(who, kind)] / hz:.3f}' for kind in ('managed', 'jit', 'runtime', 'kernel'))
        print(f'{who}: {totals[who] / hz:.3f} s on CPU ({parts})')
    for name, count in inclusive.most_common(top):
        print(f'{count / hz:8.3f} s  {name}')


def sched(path):
    header = re.compile(r'\s*\d+\s+([\d.]+): sched:sched_switch: .*prev_pid=(\d+) .*prev_state=(\S+) ==> .*next_pid=(\d+)')
    away = {}
    totals = collections.Counter()
    counts = collections.Counter()
    reasons = collections.Counter()
    events, current = [], None
    for line in open(path, errors='replace'):
        match = header.match(line)
        if match:
            current = (float(match.group(1)), int(match.group(2)), match.group(3), int(match.group(4)), [])
            events.append(current)
        elif line.startswith('\t') and current is not None:
            current[4].append(line.strip())
    for time, previous, state, following, stack in events:
        if following in away:
            left, left_state, left_stack = away.pop(following)
            who = 'LogSafety' if has(left_stack, OWN) else 'Microsoft' if has(left_stack, MICROSOFT) else None
            if who:
                kind = 'preempted' if left_state.startswith('R') else 'blocked'
                totals[(who, kind)] += time - left
                counts[(who, kind)] += 1
                if kind == 'blocked':
                    first = next((re.sub(r'^\S+ ', '', f) for f in left_stack if 'kernel' not in f), '?')
                    reasons[(who, first)] += time - left
        away[previous] = (time, state, stack)
    for key in sorted(totals):
        print(f'{key[0]} {key[1]}: {totals[key]:.3f} s in {counts[key]} switches')
    for (who, first), seconds in reasons.most_common(10):
        print(f'  {who} blocked in {first[:100]}: {seconds:.3f} s')


if __name__ == '__main__':
    if len(sys.argv) < 3 or sys.argv[1] not in ('cpu', 'sched'):
        sys.exit(__doc__)
    if sys.argv[1] == 'cpu':
        cpu(sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 999.0, int(sys.argv[4]) if len(sys.argv) > 4 else 30)
    else:
        sched(sys.argv[2])
