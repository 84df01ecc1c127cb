"""Summarises bench/scripts' alternating rounds: lines of
"plain|script requests/s CPU-us-per-request non-2xx", in pairs (the order
within a pair does not matter). Prints each side's median and the script's
overhead as the ratio of the two medians (the steadiest figure from run to
run on a shared machine: a few slow rounds move neither median), then the
pair by pair ratios' median and range to show the noise; a round with
non-2xx answers fails (a failing request is cheap and would flatter the
figure)."""
import statistics
import sys

rounds = [line.split() for line in open(sys.argv[1]) if line.strip()]
if any(int(float(errors)) for *_, errors in rounds):
    raise SystemExit("compare_rounds: a round had non-2xx answers")
pairs = [dict((phase, (float(rate), float(cpu))) for phase, rate, cpu, _ in rounds[i:i + 2])
         for i in range(0, len(rounds), 2)]
time_overhead = [p["plain"][0] / p["script"][0] - 1 for p in pairs]
cpu_overhead = [p["script"][1] / p["plain"][1] - 1 for p in pairs]


def side(name):
    return (statistics.median(p[name][0] for p in pairs), statistics.median(p[name][1] for p in pairs))


def percent(values):
    return (f"{statistics.median(values) * 100:+.1f}% "
            f"(pairs {min(values) * 100:+.1f}% to {max(values) * 100:+.1f}%)")


for name in ("plain", "script"):
    rate, cpu = side(name)
    print(f"  median {name:<6} {rate:>10,.0f} req/s  server CPU {cpu:6.1f} us/request")
(plain_rate, plain_cpu), (script_rate, script_cpu) = side("plain"), side("script")
print(f"  script overhead (medians): server CPU per request {(script_cpu / plain_cpu - 1) * 100:+.1f}%, "
      f"time per request {(plain_rate / script_rate - 1) * 100:+.1f}%")
print(f"  pair by pair, {len(pairs)} pairs: server CPU {percent(cpu_overhead)}, "
      f"time {percent(time_overhead)}")
