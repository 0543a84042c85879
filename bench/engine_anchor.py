"""The numpy anchor of bench/engine.ts: the same cohort-component arithmetic as
server/demography/ccmp.ts (`project`, even migration timing, survivorship given), vectorised over
the townships instead of looped, on the same synthetic inputs. Issue 15 measures the TypeScript
engine against it.

Usage: engine_anchor.py <survival.bin> <townships> <steps> <ages> <repeats>
survival.bin: float64, male rows then female rows (steps × ages each), as bench/engine.ts made them.
Prints JSON: the median and every run in ms, and the total population after the last step (the
TypeScript engine must give the same total, which bench/engine.ts checks).
"""
import json
import sys
import time

import numpy as np


def inputs(K, A):
    x = np.arange(A, dtype=np.float64)
    k = np.arange(K, dtype=np.float64)[:, None]
    pop = {s: (200 + 5 * i + k) * np.exp(-x / 60) for i, s in enumerate(("male", "female"))}
    asfr = np.where((x >= 18) & (x < 45), 0.045, 0.0)
    mig = np.where((x >= 18) & (x < 35), -1.0, 0.1)
    return pop, asfr, mig


def survive(start, s, half_mig, out, adj):
    """Survive one sex over one step into `out` (group 0 left at 0 for the births), both halves of
    migrants, in place (`adj` is scratch); returns deaths and migrants applied per township."""
    np.add(start, half_mig, out=adj)
    np.maximum(adj, 0.0, out=adj)
    adj_total = adj.sum(axis=1)
    applied = adj_total - start.sum(axis=1)
    np.multiply(adj[:, :-2], s[1:-1], out=out[:, 1:-1])
    out[:, -1] = (adj[:, -2] + adj[:, -1]) * s[-1]
    out[:, 0] = 0.0
    survivors = out.sum(axis=1)
    deaths = adj_total - survivors
    np.add(out[:, 1:], half_mig[1:], out=out[:, 1:])
    np.maximum(out[:, 1:], 0.0, out=out[:, 1:])
    applied += out.sum(axis=1) - survivors
    return deaths, applied


def add_births(births, s0, half_mig0, out):
    e = births * s0
    last = np.maximum(e + half_mig0, 0.0)
    out[:, 0] = last
    return births - e, last - e


def project(pop0, surv, asfr, mig, T, srb=1.11):
    K, A = pop0["male"].shape
    half_mig = 0.5 * mig
    pop = {s: np.empty((T + 1, K, A)) for s in ("male", "female")}
    births = {s: np.empty((T, K)) for s in pop}
    deaths = {s: np.empty((T, K)) for s in pop}
    migrants = {s: np.empty((T, K)) for s in pop}
    adj = {s: np.empty((K, A)) for s in pop}
    for s in pop:
        pop[s][0] = pop0[s]
    for t in range(T):
        d, m = {}, {}
        for s in pop:
            d[s], m[s] = survive(pop[s][t], surv[s][t], half_mig, pop[s][t + 1], adj[s])
        # asfr[0] is 0 and the end's group 0 is still 0, so whole rows give the same sum as groups ≥ 1.
        b = (adj["female"] @ asfr + pop["female"][t + 1] @ asfr) / 2
        bf = b / (1 + srb)
        for s, bs in (("male", b - bf), ("female", bf)):
            d0, m0 = add_births(bs, surv[s][t][0], half_mig[0], pop[s][t + 1])
            births[s][t] = bs
            deaths[s][t] = d[s] + d0
            migrants[s][t] = m[s] + m0
    return pop, births, deaths, migrants


def main():
    path, K, T, A, repeats = sys.argv[1], *map(int, sys.argv[2:6])
    data = np.fromfile(path, dtype=np.float64).reshape(2, T, A)
    surv = {"male": data[0], "female": data[1]}
    pop0, asfr, mig = inputs(K, A)
    project(pop0, surv, asfr, mig, T)  # warm up, as the TypeScript side does
    runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        pop, *_ = project(pop0, surv, asfr, mig, T)
        runs.append((time.perf_counter() - t0) * 1000)
    total = float(pop["male"][T].sum() + pop["female"][T].sum())
    print(json.dumps({"medianMs": float(np.median(runs)), "runsMs": runs, "finalTotal": total, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
