#!/usr/bin/env python3
"""The numpy / scikit-learn side of the evaluate benchmark (DESIGN.md section 4, Evaluation).

On N binary predictions with scores from a candidate and a baseline model (same rows), times:
  metrics    the full binary metric set, as MLflow's default evaluator computes it with scikit-learn (see
             mlops-core/src/test/resources/golden/evaluation/make_evaluation_fixtures.py), for each model:
             confusion matrix, accuracy, precision, recall, f1, log_loss, roc_auc, average precision
             (precision_recall_auc), brier score;
  bootstrap  a paired bootstrap of the candidate - baseline differences in roc_auc and f1_score, sort-once: each
             model's rows are sorted by score once; a resample is a vector of Poisson(1) (or multinomial) weights,
             drawn directly in the candidate's score order (the weights are i.i.d., so their order is free) and
             carried to the baseline's order by one gather; the weighted AUC of each model comes from per-group
             (tied scores) sums and a cumulative sum, in exact integer arithmetic; when the predictions are a
             score threshold (prediction = score >= t) the weighted confusion counts for f1 are suffix sums of
             the same group sums, otherwise one matrix product. Nothing is re-sorted per resample. The interval
             is the percentile interval.

Prints one JSON line with the timings, the load average, the metric values and the interval bounds.

  python3 mlops-bench/evaluate_numpy.py                       # 1,000,000 generated rows, 1,000 resamples
  python3 mlops-bench/evaluate_numpy.py --rows 100000 --resamples 200
  python3 mlops-bench/evaluate_numpy.py --write-dir bench-data/evaluate   # also write candidate.csv, baseline.csv
  python3 mlops-bench/evaluate_numpy.py --input bench-data/evaluate/candidate.csv \\
      --baseline-input bench-data/evaluate/baseline.csv      # two predictions files, paired by id
  python3 mlops-bench/evaluate_numpy.py --input preds.csv     # one file: id,label,score,baseline_score

Needs numpy, scipy and scikit-learn; --input needs pandas too.
"""
import argparse
import json
import os
import pathlib
import platform
import sys
import time

import numpy as np
import scipy
import sklearn
from sklearn import metrics as skm

# weights of at most this many (resample, row) cells at once: each temporary array is 8 bytes a cell, 16 MB;
# smaller chunks lose numpy's per-call overhead to more calls, larger ones spill out of the caches
CHUNK_CELLS = 2_000_000


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="generated rows (default 1000000)")
    parser.add_argument("--resamples", type=int, default=1000, help="bootstrap resamples (default 1000)")
    parser.add_argument("--seed", type=int, default=42, help="seed of the data and of the resamples (default 42)")
    parser.add_argument("--confidence", type=float, default=0.95, help="interval confidence (default 0.95)")
    parser.add_argument("--weights", choices=["poisson", "multinomial"], default="poisson",
                        help="bootstrap weights: Poisson(1) per row (the engine's choice) or the classic "
                             "multinomial n-out-of-n draw (default poisson)")
    parser.add_argument("--decimals", type=int, default=6,
                        help="generated scores are rounded to this many decimals, as a CSV would carry them "
                             "(default 6; this sets how many scores tie)")
    parser.add_argument("--input", help="a predictions CSV: id,label,score and either baseline_score or "
                                        "--baseline-input; a prediction column is used when present, otherwise "
                                        "prediction = score >= 0.5")
    parser.add_argument("--baseline-input", help="the baseline's predictions CSV (id,label,score), paired by id")
    parser.add_argument("--positive-label", default="1", help="positive label in --input files (default 1)")
    parser.add_argument("--write-dir", help="write the generated rows as DIR/candidate.csv and DIR/baseline.csv "
                                            "(id,label,prediction,score) for the Java side to read")
    return parser.parse_args()


# ---------------------------------------------------------------- data

def generate(rows, seed, decimals):
    """Labels and two models' scores: the baseline sees the same signal with more noise."""
    rng = np.random.default_rng(seed)
    truth = -0.6 + 1.6 * rng.normal(size=rows)
    label = (rng.random(rows) < 1.0 / (1.0 + np.exp(-truth))).astype(np.int8)
    score = np.round(1.0 / (1.0 + np.exp(-(truth + rng.normal(0, 0.7, rows)))), decimals)
    baseline = np.round(1.0 / (1.0 + np.exp(-(truth + rng.normal(0, 1.1, rows)))), decimals)
    return np.arange(1, rows + 1), label, score, baseline


def write_csv(directory, ids, label, score, baseline, decimals):
    directory = pathlib.Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for name, s in (("candidate.csv", score), ("baseline.csv", baseline)):
        table = np.column_stack([ids, label, (s >= 0.5).astype(np.int8), s])
        np.savetxt(directory / name, table, fmt=["%d", "%d", "%d", f"%.{decimals}f"], delimiter=",",
                   header="id,label,prediction,score", comments="")


def read_inputs(args):
    import pandas as pd
    candidate = pd.read_csv(args.input)
    positive = candidate["label"].dtype.type(args.positive_label) if candidate["label"].dtype.kind in "iuf" \
        else args.positive_label
    if args.baseline_input:
        base = pd.read_csv(args.baseline_input).set_index("id").loc[candidate["id"]]
        if not np.array_equal(base["label"].to_numpy(), candidate["label"].to_numpy()):
            sys.exit("labels differ between --input and --baseline-input for the same id")
        base_score = base["score"].to_numpy(dtype=np.float64)
        base_pred = base["prediction"].to_numpy() == positive if "prediction" in base else base_score >= 0.5
    else:
        base_score = candidate["baseline_score"].to_numpy(dtype=np.float64)
        base_pred = candidate["baseline_prediction"].to_numpy() == positive \
            if "baseline_prediction" in candidate else base_score >= 0.5
    score = candidate["score"].to_numpy(dtype=np.float64)
    pred = candidate["prediction"].to_numpy() == positive if "prediction" in candidate else score >= 0.5
    label = (candidate["label"].to_numpy() == positive).astype(np.int8)
    return label, score, pred.astype(np.int8), base_score, base_pred.astype(np.int8)


# ---------------------------------------------------------------- metrics (scikit-learn, the MLflow way)

def metric_set(y, pred, score):
    tn, fp, fn, tp = skm.confusion_matrix(y, pred, labels=[0, 1]).ravel()
    return {
        "example_count": int(len(y)),
        "accuracy_score": skm.accuracy_score(y, pred),
        "precision_score": skm.precision_score(y, pred, average="binary", pos_label=1),
        "recall_score": skm.recall_score(y, pred, average="binary", pos_label=1),
        "f1_score": skm.f1_score(y, pred, average="binary", pos_label=1),
        "log_loss": skm.log_loss(y, np.column_stack([1.0 - score, score]), labels=[0, 1]),
        "roc_auc": skm.roc_auc_score(y, score),
        "precision_recall_auc": skm.average_precision_score(y, score, pos_label=1),
        "brier_score": skm.brier_score_loss(y, score, pos_label=1),
        "true_positives": int(tp), "false_positives": int(fp), "false_negatives": int(fn), "true_negatives": int(tn),
    }


# ---------------------------------------------------------------- bootstrap

class SortedModel:
    """One model's rows in ascending score order, with the start of each run of tied scores."""

    def __init__(self, score, y, pred, order):
        self.y = y[order].astype(np.int64)
        sorted_score = score[order]
        self.starts = np.concatenate([[0], np.flatnonzero(np.diff(sorted_score)) + 1])
        self.ties = len(self.starts) < len(order)
        # When the predictions are a score threshold (0 ... 0 1 ... 1 in score order, not splitting a tie), the
        # predicted positives are the groups from `threshold_group` on and the weighted confusion counts are
        # suffix sums of the per-group sums; otherwise they come from a matrix product.
        sorted_pred = pred[order].astype(np.int8)
        first = int(np.searchsorted(sorted_pred, 1)) if np.all(np.diff(sorted_pred) >= 0) else -1
        groups = np.searchsorted(self.starts, first) if first >= 0 else -1
        if first == len(order):
            self.threshold_group = len(self.starts)
        elif first >= 0 and groups < len(self.starts) and self.starts[groups] == first:
            self.threshold_group = int(groups)
        else:
            self.threshold_group = None
            self.indicators = np.column_stack([self.y * sorted_pred, (1 - self.y) * sorted_pred]).astype(np.float64)

    def evaluate(self, weights):
        """Per row of integer weights (rows in this model's order): weighted ROC AUC (ties count 1/2, as in
        sklearn), and weighted f1. Integer arithmetic, so exact: numerator 2 * sum_g P_g (N_below_g + N_g / 2)."""
        positive = weights * self.y
        if self.ties:  # sum the weights of tied scores
            p = np.add.reduceat(positive, self.starts, axis=1)
            n = np.add.reduceat(weights, self.starts, axis=1) - p
        else:
            p, n = positive, weights - positive
        n_cum = np.cumsum(n, axis=1)  # negative weight at or below each score
        twice = 2 * np.einsum("ij,ij->i", p, n_cum) - np.einsum("ij,ij->i", p, n)
        p_total = p.sum(axis=1)
        auc = twice / (2.0 * p_total * n_cum[:, -1])
        if self.threshold_group is not None:
            tp = p[:, self.threshold_group:].sum(axis=1)
            fp = n[:, self.threshold_group:].sum(axis=1)
        else:
            tp, fp = (weights.astype(np.float64) @ self.indicators).T
        f1 = 2.0 * tp / (p_total + tp + fp)  # 2 TP / (2 TP + FP + FN), FN = P - TP
        return auc, f1


def paired_bootstrap(y, score, pred, base_score, base_pred, resamples, seed, kind):
    """Candidate - baseline differences of roc_auc and f1_score over `resamples` weight vectors."""
    rows = len(y)
    order_c = np.argsort(score, kind="stable")
    order_b = np.argsort(base_score, kind="stable")
    cand, base = SortedModel(score, y, pred, order_c), SortedModel(base_score, y, base_pred, order_b)
    # position in the candidate's order of each row of the baseline's order: the one gather per resample
    rank_c = np.empty(rows, dtype=np.int64)
    rank_c[order_c] = np.arange(rows)
    to_base = rank_c[order_b]

    rng = np.random.default_rng(seed + 1)
    auc_diff, f1_diff = np.empty(resamples), np.empty(resamples)
    chunk = max(1, min(resamples, CHUNK_CELLS // rows))
    first_weights = None
    for start in range(0, resamples, chunk):
        b = min(chunk, resamples - start)
        if kind == "poisson":
            weights = rng.poisson(1.0, (b, rows))
        else:  # n draws with replacement = a multinomial count per row
            weights = np.stack([np.bincount(rng.integers(0, rows, rows), minlength=rows) for _ in range(b)])
        if first_weights is None:
            first_weights = weights[0].copy()
        auc_c, f1_c = cand.evaluate(weights)
        auc_b, f1_b = base.evaluate(weights[:, to_base])
        auc_diff[start:start + b] = auc_c - auc_b
        f1_diff[start:start + b] = f1_c - f1_b
    first_in_row_order = np.empty(rows)
    first_in_row_order[order_c] = first_weights
    return auc_diff, f1_diff, first_in_row_order


def check_first_resample(w, y, score, pred, base_score, base_pred, auc_diff, f1_diff):
    """The first resample again with sklearn's sample_weight: the sort-once arithmetic must agree."""
    ref_auc = skm.roc_auc_score(y, score, sample_weight=w) - skm.roc_auc_score(y, base_score, sample_weight=w)
    ref_f1 = skm.f1_score(y, pred, sample_weight=w) - skm.f1_score(y, base_pred, sample_weight=w)
    assert abs(ref_auc - auc_diff) < 1e-9 and abs(ref_f1 - f1_diff) < 1e-9, (ref_auc, auc_diff, ref_f1, f1_diff)
    return {"rocAucDifference": {"sortOnce": float(auc_diff), "sklearnSampleWeight": float(ref_auc)},
            "f1Difference": {"sortOnce": float(f1_diff), "sklearnSampleWeight": float(ref_f1)}}


def interval(point, diffs, confidence):
    alpha = (1.0 - confidence) / 2.0
    low, high = np.quantile(diffs, [alpha, 1.0 - alpha])
    return {"difference": point, "ci": [float(low), float(high)], "bootstrapMean": float(diffs.mean()),
            "bootstrapStd": float(diffs.std(ddof=1))}


# ---------------------------------------------------------------- main

def main():
    args = parse_args()
    load_start = os.getloadavg()
    timings = {}
    t0 = time.perf_counter()
    if args.input:
        y, score, pred, base_score, base_pred = read_inputs(args)
        timings["read_s"] = time.perf_counter() - t0
        source = {"input": args.input, "baselineInput": args.baseline_input}
    else:
        ids, y, score, base_score = generate(args.rows, args.seed, args.decimals)
        pred, base_pred = (score >= 0.5).astype(np.int8), (base_score >= 0.5).astype(np.int8)
        timings["generate_s"] = time.perf_counter() - t0
        source = {"generated": True, "decimals": args.decimals}
        if args.write_dir:
            write_csv(args.write_dir, ids, y, score, base_score, args.decimals)
            source["writeDir"] = args.write_dir

    t0 = time.perf_counter()
    candidate = metric_set(y, pred, score)
    timings["metrics_candidate_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    baseline = metric_set(y, base_pred, base_score)
    timings["metrics_baseline_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    auc_diff, f1_diff, first_weights = paired_bootstrap(y, score, pred, base_score, base_pred, args.resamples,
                                                        args.seed, args.weights)
    timings["bootstrap_s"] = time.perf_counter() - t0
    # outside the timing: the first resample again with sklearn's sample_weight
    check = check_first_resample(first_weights, y, score, pred, base_score, base_pred, auc_diff[0], f1_diff[0])

    result = {
        "benchmark": "evaluate-numpy", "rows": int(len(y)), "resamples": args.resamples, "seed": args.seed,
        "weights": args.weights, "confidence": args.confidence, "source": source,
        "loadAverage": {"start": [round(v, 2) for v in load_start],
                        "end": [round(v, 2) for v in os.getloadavg()], "cpus": os.cpu_count()},
        "timings": {k: round(v, 4) for k, v in timings.items()},
        "candidate": candidate, "baseline": baseline,
        "bootstrap": {
            "roc_auc": interval(candidate["roc_auc"] - baseline["roc_auc"], auc_diff, args.confidence),
            "f1_score": interval(candidate["f1_score"] - baseline["f1_score"], f1_diff, args.confidence),
        },
        "firstResampleCheck": check,
        "versions": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
                     "scikit-learn": sklearn.__version__},
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
