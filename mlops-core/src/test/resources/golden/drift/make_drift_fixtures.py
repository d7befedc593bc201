#!/usr/bin/env python3
"""Writes the golden drift fixtures (small JSON files) next to this script.

Expected values come from scipy and numpy, independently of the Java code:
  ks.json                 scipy.stats.ks_2samp (method 'exact' or 'asymp', as scipy's 'auto' picks)
  kolmogorov.json         scipy.stats.kstwo.sf and scipy.special.smirnov on a grid of (n, x) reaching every branch
  chi2.json               scipy.stats.chisquare as Evidently calls it (chisquare_stattest.py),
                          Cramer's V of the 2 x k table (scipy.stats.contingency.association),
                          scipy.special.gammaincc and gammaln on a grid
  z.json                  Evidently's two-proportion z-test (z_stattest.py) evaluated with scipy.stats.norm,
                          Cohen's h, scipy.special.erfc on a grid
  wasserstein.json        scipy.stats.wasserstein_distance / max(np.std(reference), 0.001) (Evidently's norm)
  binned.json             Evidently's get_binned_data (Sturges bins over both samples, or one bin per value)
                          re-implemented with numpy, then scipy.spatial.distance.jensenshannon and Evidently's PSI

Large samples are stored run-length encoded ({"values": sorted distinct values, "counts": ...}) to keep the
files small. Run: python3 make_drift_fixtures.py  (Python 3.11, numpy 2.x, scipy 1.17; fixed seed).
"""
import json
import math
import pathlib

import numpy as np
import scipy
from scipy import special, stats
from scipy.spatial import distance

HERE = pathlib.Path(__file__).resolve().parent
RNG = np.random.default_rng(20240611)


def rle(values):
    distinct, counts = np.unique(np.asarray(values, dtype=float), return_counts=True)
    return {"values": distinct.tolist(), "counts": counts.tolist()}


def expand(encoded):
    return np.repeat(np.asarray(encoded["values"], dtype=float), np.asarray(encoded["counts"]))


def write(name, payload):
    payload = {"generator": "make_drift_fixtures.py", "numpy": np.__version__, "scipy": scipy.__version__,
               **payload}
    # one line per top-level entry keeps the files small and still diffable
    lines = [f" {json.dumps(key)}: {json.dumps(value, separators=(',', ':'), allow_nan=False)}"
             for key, value in payload.items()]
    text = "{\n" + ",\n".join(lines) + "\n}"
    (HERE / name).write_text(text + "\n", encoding="utf-8")
    print(f"{name}: {len(text)} bytes")


# ---------------------------------------------------------------- Kolmogorov-Smirnov

def ks_case(name, reference, current):
    reference = np.asarray(reference, dtype=float)
    current = np.asarray(current, dtype=float)
    auto = stats.ks_2samp(reference, current, method="auto")
    method = "exact" if max(len(reference), len(current)) <= 10000 else "asymp"
    explicit = stats.ks_2samp(reference, current, method=method)
    assert auto.statistic == explicit.statistic and auto.pvalue == explicit.pvalue, name
    return {"name": name, "method": method, "reference": rle(reference), "current": rle(current),
            "statistic": float(auto.statistic), "pValue": float(auto.pvalue)}


def ks_fixture():
    r = lambda x, d: np.round(x, d)
    cases = [
        ks_case("equal sizes, exact (square method)",
                r(RNG.normal(0, 1, 40), 3), r(RNG.normal(0.6, 1, 40), 3)),
        ks_case("unequal sizes, exact (inside method)",
                r(RNG.normal(0, 1, 60), 3), r(RNG.normal(0.3, 1.2, 45), 3)),
        ks_case("ties on integers, exact",
                RNG.integers(0, 12, 150), RNG.integers(1, 12, 130)),
        ks_case("same distribution, exact",
                r(RNG.normal(0, 1, 300), 1), r(RNG.normal(0, 1, 280), 1)),
        ks_case("sizes 1 and 3, exact",
                [0.5], [0.1, 0.7, 0.9]),
        ks_case("large, one-decimal values, shift 0.05 (asymp)",
                r(RNG.normal(0, 1, 12000), 1), r(RNG.normal(0.05, 1, 9000), 1)),
        ks_case("large, same distribution (asymp)",
                r(RNG.normal(0, 1, 15000), 1), r(RNG.normal(0, 1, 11000), 1)),
        ks_case("large, clear shift, tiny p (asymp)",
                r(RNG.normal(0, 1, 20000), 1), r(RNG.normal(0.1, 1, 20000), 1)),
        ks_case("10001 against 30, small effective n (asymp)",
                r(RNG.normal(0, 1, 10001), 1), r(RNG.normal(0.4, 1, 30), 1)),
        ks_case("10001 against 120 (asymp)",
                r(RNG.normal(0, 1, 10001), 1), r(RNG.normal(0.1, 1, 120), 1)),
    ]
    # kstwo.sf on a grid chosen to reach every branch of scipy's _kolmogn(n, x, cdf=False)
    grid = []
    for n in [1, 2, 5, 10, 37, 140, 141, 1000, 20000, 100000, 100001, 1000000, 2000000]:
        xs = {0.3 / n, 0.7 / n, 1.0 / n, (n - 0.5) / n, 0.55, 0.75}
        for nx2 in [0.05, 0.3, 0.75, 1.0, 1.84, 2.3, 3.9, 5.0, 30.0, 369.0, 400.0]:
            xs.add(math.sqrt(nx2 / n))
        for x in sorted(xs):
            if 0 < x < 1:
                grid.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})
    smirnov = []
    for n in [1, 2, 5, 10, 50, 200, 1000, 5000, 100000, 1000000, 1000001]:
        for x in [0.5 / n, 1.0 / n, 2.5 / n, 0.01, 0.05, 0.1, 0.3, 0.5, 0.9, (n - 0.5) / n, math.sqrt(2.5 / n),
                  math.sqrt(20.0 / n)]:
            if 0 < x < 1:
                smirnov.append({"n": n, "x": x, "sf": float(special.smirnov(n, x))})
    write("ks.json", {"cases": cases})
    write("kolmogorov.json", {"kstwoSf": grid, "smirnovSf": smirnov})


# ---------------------------------------------------------------- chi-square

def chi2_case(name, reference, current):
    # Evidently chisquare_stattest.py: f_exp = reference counts * (n_current / n_reference) over the union of values
    keys = sorted(set(reference) | set(current))
    ref = np.array([reference.get(k, 0) for k in keys], dtype=float)
    cur = np.array([current.get(k, 0) for k in keys], dtype=float)
    f_exp = ref * (cur.sum() / ref.sum())
    result = stats.chisquare(cur, f_exp)
    table = np.vstack([ref, cur]).astype(np.int64)
    cramers_v = stats.contingency.association(table, method="cramer", correction=False)
    assert math.isfinite(result.statistic), name
    return {"name": name, "reference": reference, "current": current, "statistic": float(result.statistic),
            "pValue": float(result.pvalue), "cramersV": float(cramers_v)}


def chi2_fixture():
    big = {f"c{i:03d}": int(c) for i, c in enumerate(RNG.integers(50, 500, 200))}
    big_cur = {k: int(v + RNG.integers(-20, 40)) for k, v in big.items()}
    cases = [
        chi2_case("three categories, moderate shift", {"a": 50, "b": 30, "c": 20}, {"a": 40, "b": 30, "c": 35}),
        chi2_case("category missing from current", {"x": 120, "y": 80, "z": 5, "w": 40}, {"x": 100, "y": 90, "w": 30}),
        chi2_case("200 categories", big, big_cur),
        chi2_case("huge counts, tiny shift", {"a": 4_000_000, "b": 3_000_000, "c": 3_000_000},
                  {"a": 4_030_000, "b": 2_990_000, "c": 2_980_000}),
        chi2_case("no shift", {"a": 10, "b": 20, "c": 30}, {"a": 20, "b": 40, "c": 60}),
    ]
    grid = []
    for a in [0.5, 1.0, 1.5, 2.0, 4.5, 10.0, 30.5, 100.0, 499.5, 5000.0]:
        for f in [0.001, 0.2, 0.5, 0.9, 1.0, 1.1, 1.5, 2.0, 5.0]:
            x = a * f
            grid.append({"a": a, "x": x, "q": float(special.gammaincc(a, x)), "p": float(special.gammainc(a, x))})
        grid.append({"a": a, "x": a + 1.0, "q": float(special.gammaincc(a, a + 1.0)),
                     "p": float(special.gammainc(a, a + 1.0))})
    lgamma = [{"x": x, "value": float(special.gammaln(x))}
              for x in [0.5, 1.0, 1.5, 2.0, 2.5, 7.5, 10.0, 33.0, 100.5, 1000.0, 12345.5]]
    write("chi2.json", {"cases": cases, "gammainccGrid": grid, "gammalnGrid": lgamma})


# ---------------------------------------------------------------- z-test

def z_case(name, reference, current):
    # Evidently z_stattest.py: the smallest value (sorted) counts as 0, every other as 1
    ref_values = set(reference)
    cur_values = set(current)
    n1, n2 = sum(reference.values()), sum(current.values())
    if len(ref_values) == 1 and len(cur_values) == 1 and ref_values == cur_values:
        z, p, p1, p2 = 0.0, 1.0, 0.0, 0.0
    else:
        first = sorted(ref_values | cur_values)[0]
        p1 = (n1 - reference.get(first, 0)) / n1
        p2 = (n2 - current.get(first, 0)) / n2
        pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
        z = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2))
        p = 2 * (1 - stats.norm.cdf(np.abs(z)))
    h = abs(2 * math.asin(math.sqrt(p1)) - 2 * math.asin(math.sqrt(p2)))
    return {"name": name, "reference": reference, "current": current, "statistic": float(z), "pValue": float(p),
            "cohensH": h}


def z_fixture():
    cases = [
        z_case("strings, shift", {"no": 600, "yes": 400}, {"no": 520, "yes": 480}),
        z_case("strings, no shift", {"no": 300, "yes": 200}, {"no": 310, "yes": 190}),
        z_case("numeric 0/1 as text keys", {"0.0": 90, "1.0": 10}, {"0.0": 70, "1.0": 30}),
        z_case("current has one value only", {"a": 40, "b": 60}, {"b": 25}),
        z_case("one and the same value", {"a": 40}, {"a": 25}),
    ]
    erfc = [{"x": x, "erfc": float(special.erfc(x)), "normSf": float(stats.norm.sf(x))}
            for x in [0.0, 0.01, 0.1, 0.5, 0.9, 1.0, 1.5, 1.96, 2.0, 3.0, 4.5, 6.0, 8.0, 10.0, 20.0, 26.0]]
    write("z.json", {"cases": cases, "erfcGrid": erfc})


# ---------------------------------------------------------------- Wasserstein

def wasserstein_case(name, reference, current):
    reference = np.asarray(reference, dtype=float)
    current = np.asarray(current, dtype=float)
    # Evidently wasserstein_distance_norm.py: distance / max(std of reference (ddof 0), 0.001)
    norm = max(np.std(reference), 0.001)
    return {"name": name, "reference": rle(reference), "current": rle(current),
            "distance": float(stats.wasserstein_distance(reference, current)),
            "statistic": float(stats.wasserstein_distance(reference, current) / norm)}


def wasserstein_fixture():
    cases = [
        wasserstein_case("shift of half a sigma", np.round(RNG.normal(10, 2, 200), 2),
                         np.round(RNG.normal(11, 2, 180), 2)),
        wasserstein_case("same distribution", np.round(RNG.normal(0, 1, 250), 2), np.round(RNG.normal(0, 1, 250), 2)),
        wasserstein_case("ties", RNG.integers(0, 30, 300), RNG.integers(2, 33, 200)),
        wasserstein_case("constant reference uses the 0.001 floor", [5.0] * 50, np.round(RNG.normal(5, 0.01, 40), 4)),
    ]
    write("wasserstein.json", {"cases": cases})


# ---------------------------------------------------------------- Jensen-Shannon and PSI on Evidently's bins

def evidently_binned(reference, current, numeric, feel_zeroes):
    """Evidently utils.get_binned_data, re-implemented: Sturges bins over both samples when the reference has
    more than 20 distinct values, else one bin per value of either sample; zeros smoothed for PSI."""
    if numeric and len(np.unique(reference)) > 20:
        bins = np.histogram_bin_edges(np.concatenate([reference, current]), bins="sturges")
        ref = np.histogram(reference, bins)[0] / len(reference)
        cur = np.histogram(current, bins)[0] / len(current)
    else:
        keys = sorted(set(reference.tolist()) | set(current.tolist()), key=str)
        ref_values, ref_counts = np.unique(reference, return_counts=True)
        cur_values, cur_counts = np.unique(current, return_counts=True)
        ref_map = dict(zip(ref_values.tolist(), ref_counts.tolist()))
        cur_map = dict(zip(cur_values.tolist(), cur_counts.tolist()))
        ref = np.array([ref_map.get(k, 0) / len(reference) for k in keys])
        cur = np.array([cur_map.get(k, 0) / len(current) for k in keys])
    if feel_zeroes:
        for percents in (ref, cur):
            smallest = min(percents[percents != 0])
            np.place(percents, percents == 0, smallest / 10**6 if smallest <= 0.0001 else 0.0001)
    return ref, cur


def binned_case(name, reference, current, numeric):
    if numeric:
        reference = np.asarray(reference, dtype=float)
        current = np.asarray(current, dtype=float)
        encode = rle
    else:
        reference = np.asarray(reference, dtype=object)
        current = np.asarray(current, dtype=object)
        encode = lambda values: dict(zip(*[a.tolist() for a in np.unique(values.astype(str), return_counts=True)]))
    js_ref, js_cur = evidently_binned(reference, current, numeric, feel_zeroes=False)
    psi_ref, psi_cur = evidently_binned(reference, current, numeric, feel_zeroes=True)
    js = distance.jensenshannon(js_ref, js_cur)
    psi = np.sum((psi_ref - psi_cur) * np.log(psi_ref / psi_cur))
    bins = None
    if numeric and len(np.unique(reference)) > 20:
        bins = np.histogram_bin_edges(np.concatenate([reference, current]), bins="sturges").tolist()
    return {"name": name, "numeric": numeric, "reference": encode(reference), "current": encode(current),
            "binEdges": bins, "jensenShannon": float(js), "psi": float(psi)}


def binned_fixture():
    cases = [
        binned_case("numeric, Sturges bins, shift", np.round(RNG.normal(0, 1, 300), 2),
                    np.round(RNG.normal(0.4, 1.1, 250), 2), True),
        binned_case("numeric, combined size a power of two", np.round(RNG.normal(0, 10, 512), 0),
                    np.round(RNG.normal(2, 10, 512), 0), True),
        binned_case("numeric, few values, new value in current", RNG.integers(1, 9, 400),
                    RNG.integers(2, 10, 350), True),
        binned_case("numeric, 10 reference values, many current values", RNG.integers(0, 10, 300),
                    np.round(RNG.uniform(0, 10, 100), 1), True),
        binned_case("categorical, new and vanished categories",
                    ["red"] * 50 + ["green"] * 30 + ["blue"] * 20 + ["black"] * 3,
                    ["red"] * 40 + ["green"] * 35 + ["blue"] * 15 + ["white"] * 10, False),
        binned_case("categorical, rare reference category (tiny smoothing)",
                    ["a"] * 12000 + ["b"] * 7999 + ["c"] * 1,
                    ["a"] * 1100 + ["b"] * 900 + ["d"] * 3, False),
    ]
    write("binned.json", {"cases": cases})


if __name__ == "__main__":
    ks_fixture()
    chi2_fixture()
    z_fixture()
    wasserstein_fixture()
    binned_fixture()
