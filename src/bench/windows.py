"""The lines bench_window (src/bench/bridge.sh) prints, read back by the scripts that alternate windows
(stack-floor.sh, tail-latency.sh, compare-builds.sh): "<op> <round> <label> key=value ..."."""
import collections
import re
import statistics


def read(path):
    """{round: {(label, op): {figure: value}}}, after a warning for each window with non-2xx answers."""
    rounds = collections.defaultdict(dict)
    for line in open(path):
        op, rnd, label, rest = line.split(' ', 3)
        figures = {k: float(v) for k, v in re.findall(r'(\w+)=([\d.]+)', rest)}
        if figures['non2xx']:
            print(f"  warning: {label} {op} round {rnd} had {figures['non2xx']:.0f} non-2xx answers")
        rounds[rnd][(label, op)] = figures
    return rounds


def span(values, digits=3):
    """The median and the range of values, as "median (min-max)"."""
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"
