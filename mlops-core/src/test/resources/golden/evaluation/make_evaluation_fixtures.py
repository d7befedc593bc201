#!/usr/bin/env python3
"""Writes the golden model-evaluation fixtures (small CSV files and expected.json) next to this script.

Every expected value is computed from the CSV files as written (each file is read back and its numbers parsed
with float(), as Double.parseDouble does), with the scikit-learn call MLflow's default evaluator makes:

MLflow (checked against mlflow 3.17.2 sources; names are paths in the mlflow/mlflow repository)
  mlflow/models/evaluation/evaluators/classifier.py
    ClassifierEvaluator._validate_label_list: label_list = np.unique(concat(y_true, y_pred)), sorted; binary when it
      has 2 entries; pos_label defaults to label_list[-1] (the largest label: 1 for 0/1, "yes" for no/yes); the
      probability column of the positive class is its index in the sorted list.
    _get_binary_classifier_metrics (average="binary", pos_label=pos_label):
      true_negatives, false_positives, false_negatives, true_positives
                                  sklearn.metrics.confusion_matrix(y_true, y_pred, labels=[negative, positive]).ravel()
      example_count               len(y_true)
      accuracy_score              sklearn.metrics.accuracy_score(y_true, y_pred)
      precision_score / recall_score / f1_score
                                  sklearn.metrics.{precision,recall,f1}_score(y_true, y_pred, average="binary",
                                  pos_label=pos_label); zero_division is left at sklearn's default "warn": an
                                  undefined ratio (0/0) is 0.0 with an UndefinedMetricWarning
      log_loss                    sklearn.metrics.log_loss(y_true, y_proba, labels=label_list) where y_proba is the
                                  model's predict_proba (columns in sorted label order). With one score column
                                  (probability of the positive class) that is the 2-column [1 - score, score] (or
                                  [score, 1 - score] when the positive label sorts first); sklearn 1.9 clips each
                                  column to [eps, 1 - eps], eps = np.finfo(float64).eps = 2.220446049250313e-16,
                                  and does NOT renormalise rows after clipping (older releases did)
    ClassifierEvaluator._compute_roc_and_pr_curve -> _gen_classifier_curve(is_binomial=True, ...):
      roc_auc                     sklearn.metrics.roc_auc_score(y_true == pos_label, score) (trapezoidal, ties = 1/2)
      precision_recall_auc        sklearn.metrics.average_precision_score(y_true, score, pos_label=pos_label): the
                                  step-wise AP sum((R_n - R_{n-1}) P_n) over distinct thresholds, NOT
                                  sklearn.metrics.auc(recall, precision)
    _get_multiclass_classifier_metrics (evaluator_config "average", default "weighted"; pos_label=None):
      accuracy_score, precision_score, recall_score, f1_score with average="weighted"; log_loss as above with the
      n-column probabilities in sorted label order; roc_auc = sklearn.metrics.roc_auc_score(y_true, y_proba,
      average="weighted", multi_class="ovr"). No true_positives etc. for multiclass.
    _get_classifier_per_class_metrics_collection_df: one-vs-rest binary metrics per class (logged as the
      per_class_metrics artifact); this file's perClass table is sklearn.metrics.precision_recall_fscore_support(
      average=None, labels=label_list) plus the one-vs-rest confusion counts.
  mlflow/models/evaluation/evaluators/regressor.py _get_regressor_metrics (no sample weights):
      example_count len(y); mean_absolute_error, mean_squared_error, r2_score, max_error,
      mean_absolute_percentage_error: sklearn.metrics functions of the same names (MAPE divides by
      max(|y|, np.finfo(float64).eps), so a label of exactly 0 gives ~4.5e15 x |error|; r2_score of constant labels
      is 1.0 for perfect predictions and 0.0 otherwise, force_finite=True); root_mean_squared_error:
      mlflow/metrics/metric_definitions.py _root_mean_squared_error -> sklearn.metrics.root_mean_squared_error;
      sum_on_target = Python's built-in sum(y) (left-to-right, not numpy's pairwise sum);
      mean_on_target = sum_on_target / len(y).
  Note: mlflow.evaluate on a static dataset (model=None, predictions=column) has no predict_proba, so it logs no
  log_loss, roc_auc or precision_recall_auc; the values here are those it logs for a model whose predict_proba
  returns the file's scores.
  When mlflow is importable, the script also calls those MLflow functions and asserts they give the same values.

Extensions (not MLflow metrics)
  brier_score                 sklearn.metrics.brier_score_loss(y_true, score, pos_label=pos_label) = mean((y - p)^2)
  *_macro                     the same sklearn calls with average="macro" (roc_auc_macro: roc_auc_score(..., "ovr"))
  fairness (gender)           fairlearn.metrics.demographic_parity_difference / demographic_parity_ratio /
                              equalized_odds_difference (method="between_groups", agg="worst_case"), checked
                              against a direct computation: selection rate = share predicted positive per group,
                              difference = max - min, ratio = min / max, equalized odds = max(TPR range, FPR range);
                              disparate impact = the ratio, fourFifthsRule passes when it is >= 0.8
  DeLong                      fast DeLong (Sun & Xu 2014, midranks) for the paired roc_auc difference: z =
                              (auc_c - auc_b) / sqrt(var), var = S[0,0] + S[1,1] - 2 S[0,1], S = S10/m + S01/n with
                              np.cov (ddof=1) of the placement values, p = 2 * scipy.stats.norm.sf(|z|); checked
                              against placement values computed pairwise, O(m n) (delongPlacementCheck)
  McNemar                     b = candidate right & baseline wrong, c = candidate wrong & baseline right;
                              statsmodels.stats.contingency_tables.mcnemar(table, exact=False, correction=True)
                              (chi2 = (|b - c| - 1)^2 / (b + c), p = chi2.sf(., 1)) and exact=True (p = min(1,
                              2 * binom.cdf(min(b, c), b + c, 0.5)))

Run: python3 make_evaluation_fixtures.py  (pip install numpy scipy scikit-learn statsmodels fairlearn; optional
mlflow-skinny + matplotlib for the cross-check; versions are recorded in expected.json; fixed seed).
In expected.json, null as a metric value means sklearn returned NaN.
"""
import csv
import io
import json
import math
import pathlib
import platform
import warnings

import fairlearn
import numpy as np
import scipy
import sklearn
import statsmodels
from fairlearn import metrics as fm
from scipy import stats
from sklearn import metrics as skm
from statsmodels.stats.contingency_tables import mcnemar

HERE = pathlib.Path(__file__).resolve().parent
RNG = np.random.default_rng(20240917)
EPS = float(np.finfo(np.float64).eps)

try:  # optional cross-check against MLflow's own code
    import mlflow
    from mlflow.models.evaluation.evaluators.classifier import (
        _gen_classifier_curve, _get_binary_classifier_metrics, _get_classifier_per_class_metrics_collection_df,
        _get_multiclass_classifier_metrics)
    from mlflow.models.evaluation.evaluators.regressor import _get_regressor_metrics
    MLFLOW = mlflow.__version__
except ImportError:
    MLFLOW = None

# undefined metrics (one-class labels, 0/0 ratios) are part of the fixtures; their warnings are expected
warnings.simplefilter("ignore")


# ---------------------------------------------------------------- files

def write_csv(name, header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    (HERE / name).write_text(buffer.getvalue(), encoding="utf-8")
    print(f"{name}: {len(rows)} rows, {len(buffer.getvalue())} bytes")


def read_csv(name):
    """The file as written: a dict column -> list of strings."""
    with open(HERE / name, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    return {column: [row[i] for row in rows[1:]] for i, column in enumerate(rows[0])}


def floats(values):
    return np.array([float(v) for v in values])


def labels_of(values, numeric):
    return np.array([int(v) for v in values]) if numeric else np.array(values, dtype=object)


def num(value):
    """A JSON number with every digit (json writes repr), null for NaN, int for counts."""
    if isinstance(value, (int, np.integer)):
        return int(value)
    value = float(value)
    return None if math.isnan(value) else value


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


# ---------------------------------------------------------------- metrics

def binary_metrics(y, pred, score, pos):
    """MLflow's binary metric set plus brier_score, with the sklearn calls MLflow makes."""
    label_list = sorted(set(y.tolist()) | set(pred.tolist()))
    neg = [v for v in label_list if v != pos]
    ordered = neg + [pos]  # MLflow moves pos_label to the end of label_list
    tn, fp, fn, tp = skm.confusion_matrix(y, pred, labels=ordered).ravel()
    result = {
        "example_count": len(y),
        "accuracy_score": skm.accuracy_score(y, pred),
        "precision_score": skm.precision_score(y, pred, average="binary", pos_label=pos),
        "recall_score": skm.recall_score(y, pred, average="binary", pos_label=pos),
        "f1_score": skm.f1_score(y, pred, average="binary", pos_label=pos),
        "true_positives": tp, "false_positives": fp, "false_negatives": fn, "true_negatives": tn,
    }
    if score is not None:
        proba = two_columns(score, label_list, pos)
        result["log_loss"] = skm.log_loss(y, proba, labels=ordered)
        result["roc_auc"] = skm.roc_auc_score(y == pos, score)
        result["precision_recall_auc"] = skm.average_precision_score(y, score, pos_label=pos)
        result["brier_score"] = skm.brier_score_loss(y, score, pos_label=pos)
    if MLFLOW:
        mlflow_binary_check(y, pred, score, pos, result)
    return {k: num(v) for k, v in result.items()}


def two_columns(score, label_list, pos):
    """predict_proba of a model that returns the file's score: columns in sorted label order."""
    if len(label_list) < 2:
        return np.column_stack([1.0 - score, score])
    return np.column_stack([score, 1.0 - score]) if label_list.index(pos) == 0 else np.column_stack(
        [1.0 - score, score])


def mlflow_binary_check(y, pred, score, pos, expected):
    label_list = np.unique(np.concatenate([y, pred]))
    if len(label_list) < 2:
        return  # MLflow raises "must contain at least two unique labels"
    pos_index = int(np.where(label_list == pos)[0][0])
    ordered = np.append(np.delete(label_list, pos_index), pos)
    proba = None if score is None else two_columns(score, label_list.tolist(), pos)
    got = _get_binary_classifier_metrics(y_true=y, y_pred=pred, y_proba=proba, labels=ordered, pos_label=pos)
    if score is not None:
        for key, curve in (("roc_auc", "roc"), ("precision_recall_auc", "pr")):
            got[key] = _gen_classifier_curve(is_binomial=True, y=y, y_probs=proba[:, pos_index], labels=ordered,
                                             pos_label=pos, curve_type=curve, sample_weights=None).auc
    for key, value in got.items():
        same(expected[key], value, f"mlflow {key}")


def same(a, b, what, tol=0.0):
    a, b = float(a), float(b)
    assert (math.isnan(a) and math.isnan(b)) or abs(a - b) <= tol, f"{what}: {a!r} != {b!r}"


def multiclass_metrics(y, pred, proba, classes):
    """classes sorted; proba columns in that order."""
    result = {
        "example_count": len(y),
        "accuracy_score": skm.accuracy_score(y, pred),
        "precision_score": skm.precision_score(y, pred, average="weighted"),
        "recall_score": skm.recall_score(y, pred, average="weighted"),
        "f1_score": skm.f1_score(y, pred, average="weighted"),
        "log_loss": skm.log_loss(y, proba, labels=classes),
        "roc_auc": skm.roc_auc_score(y, proba, average="weighted", multi_class="ovr"),
        "precision_score_macro": skm.precision_score(y, pred, average="macro"),
        "recall_score_macro": skm.recall_score(y, pred, average="macro"),
        "f1_score_macro": skm.f1_score(y, pred, average="macro"),
        "roc_auc_macro": skm.roc_auc_score(y, proba, average="macro", multi_class="ovr"),
    }
    if MLFLOW:
        got = _get_multiclass_classifier_metrics(y_true=y, y_pred=pred, y_proba=proba, labels=np.array(classes))
        for key, value in got.items():
            same(result[key], value, f"mlflow {key}")
    precision, recall, f1, support = skm.precision_recall_fscore_support(y, pred, labels=classes, average=None)
    per_class = {}
    for i, c in enumerate(classes):
        tn, fp, fn, tp = skm.confusion_matrix(y == c, pred == c, labels=[False, True]).ravel()
        per_class[c] = {"precision": num(precision[i]), "recall": num(recall[i]), "f1": num(f1[i]),
                        "support": num(support[i]), "true_positives": num(tp), "false_positives": num(fp),
                        "false_negatives": num(fn), "true_negatives": num(tn)}
    if MLFLOW:
        table = _get_classifier_per_class_metrics_collection_df(y, pred, np.array(classes), None)
        for _, row in table.iterrows():
            c = row["positive_class"]
            for ours, theirs in (("precision", "precision_score"), ("recall", "recall_score"), ("f1", "f1_score"),
                                 ("true_positives", "true_positives")):
                same(per_class[c][ours], row[theirs], f"mlflow per-class {c} {theirs}")
    return {k: num(v) for k, v in result.items()}, per_class


def regression_metrics(y, pred):
    total = sum(y.tolist())  # MLflow: built-in sum, left to right
    result = {
        "example_count": len(y),
        "mean_absolute_error": skm.mean_absolute_error(y, pred),
        "mean_squared_error": skm.mean_squared_error(y, pred),
        "root_mean_squared_error": skm.root_mean_squared_error(y, pred),
        "r2_score": skm.r2_score(y, pred),
        "max_error": skm.max_error(y, pred),
        "mean_absolute_percentage_error": skm.mean_absolute_percentage_error(y, pred),
        "sum_on_target": total,
        "mean_on_target": total / len(y),
    }
    if MLFLOW:
        for key, value in _get_regressor_metrics(y, pred, None).items():
            same(result[key], value, f"mlflow {key}")
    return {k: num(v) for k, v in result.items()}


# ---------------------------------------------------------------- fairness

def fairness(y, pred, groups, pos):
    yb, pb = (y == pos).astype(int), (pred == pos).astype(int)
    per_group = {}
    for g in sorted(set(groups.tolist())):
        mask = groups == g
        per_group[g] = {"rows": int(mask.sum()), "selectionRate": float(pb[mask].mean()),
                        "truePositiveRate": float(pb[mask & (yb == 1)].mean()),
                        "falsePositiveRate": float(pb[mask & (yb == 0)].mean())}
    rates = [v["selectionRate"] for v in per_group.values()]
    tprs = [v["truePositiveRate"] for v in per_group.values()]
    fprs = [v["falsePositiveRate"] for v in per_group.values()]
    dpd = fm.demographic_parity_difference(yb, pb, sensitive_features=groups)
    dpr = fm.demographic_parity_ratio(yb, pb, sensitive_features=groups)
    eod = fm.equalized_odds_difference(yb, pb, sensitive_features=groups)
    same(dpd, max(rates) - min(rates), "demographic parity difference", 1e-15)
    same(dpr, min(rates) / max(rates), "demographic parity ratio", 1e-15)
    same(eod, max(max(tprs) - min(tprs), max(fprs) - min(fprs)), "equalized odds difference", 1e-15)
    return {"groups": per_group, "demographic_parity_difference": float(dpd), "demographic_parity_ratio": float(dpr),
            "equalized_odds_difference": float(eod),
            "true_positive_rate_difference": max(tprs) - min(tprs),
            "false_positive_rate_difference": max(fprs) - min(fprs),
            "disparate_impact": float(dpr), "fourFifthsRulePasses": bool(dpr >= 0.8)}


# ---------------------------------------------------------------- DeLong

def midrank(x):
    """1-based ranks, ties get the mean of their ranks."""
    order = np.argsort(x, kind="mergesort")
    z = x[order]
    ranks = np.empty(len(x))
    i = 0
    while i < len(z):
        j = i
        while j < len(z) and z[j] == z[i]:
            j += 1
        ranks[i:j] = 0.5 * (i + j - 1) + 1
        i = j
    out = np.empty(len(x))
    out[order] = ranks
    return out


def fast_delong(scores, positive):
    """Sun & Xu (2014). scores: k x N (one row per model); positive: boolean mask. Returns aucs, covariance."""
    pos, neg = scores[:, positive], scores[:, ~positive]
    m, n = pos.shape[1], neg.shape[1]
    tx = np.array([midrank(r) for r in pos])
    ty = np.array([midrank(r) for r in neg])
    tz = np.array([midrank(r) for r in np.hstack([pos, neg])])
    aucs = tz[:, :m].sum(axis=1) / m / n - (m + 1.0) / 2.0 / n
    v10 = (tz[:, :m] - tx) / n  # per positive: share of negatives below it (ties 1/2)
    v01 = 1.0 - (tz[:, m:] - ty) / m  # per negative: share of positives above it (ties 1/2)
    cov = np.cov(v10) / m + np.cov(v01) / n
    return aucs, cov, v10, v01


def placement_delong(scores, positive):
    """The same by definition: psi(X, Y) = 1 if X > Y, 1/2 if equal, summed over all (positive, negative) pairs."""
    pos, neg = scores[:, positive], scores[:, ~positive]
    m, n = pos.shape[1], neg.shape[1]
    v10, v01 = np.empty((2, m)), np.empty((2, n))
    for k in range(2):
        psi = (pos[k][:, None] > neg[k][None, :]) + 0.5 * (pos[k][:, None] == neg[k][None, :])
        v10[k] = psi.mean(axis=1)
        v01[k] = psi.mean(axis=0)
    aucs = v10.mean(axis=1)
    cov = np.cov(v10) / m + np.cov(v01) / n
    return aucs, cov


def delong_result(aucs, cov):
    var = cov[0, 0] + cov[1, 1] - 2 * cov[0, 1]
    z = (aucs[0] - aucs[1]) / math.sqrt(var)
    return {"aucCandidate": float(aucs[0]), "aucBaseline": float(aucs[1]), "difference": float(aucs[0] - aucs[1]),
            "varianceCandidate": float(cov[0, 0]), "varianceBaseline": float(cov[1, 1]),
            "covariance": float(cov[0, 1]), "varianceOfDifference": float(var), "z": float(z),
            "pValue": float(2 * stats.norm.sf(abs(z)))}


def mcnemar_result(y, cand, base):
    right_c, right_b = cand == y, base == y
    table = [[int(np.sum(right_c & right_b)), int(np.sum(right_c & ~right_b))],
             [int(np.sum(~right_c & right_b)), int(np.sum(~right_c & ~right_b))]]
    b, c = table[0][1], table[1][0]
    corrected = mcnemar(table, exact=False, correction=True)
    uncorrected = mcnemar(table, exact=False, correction=False)
    exact = mcnemar(table, exact=True)
    same(corrected.statistic, (abs(b - c) - 1) ** 2 / (b + c), "mcnemar chi2", 1e-12)
    return {"table": table, "b": b, "c": c, "chi2Corrected": float(corrected.statistic),
            "pValueCorrected": float(corrected.pvalue), "chi2Uncorrected": float(uncorrected.statistic),
            "pValueUncorrected": float(uncorrected.pvalue), "exactStatistic": float(exact.statistic),
            "pValueExact": float(exact.pvalue)}


# ---------------------------------------------------------------- data

def make_binary():
    n = 2000
    segment = RNG.choice(["north", "south", "islands"], size=n, p=[0.56, 0.42, 0.02])
    gender = RNG.choice(["F", "M", "X"], size=n, p=[0.47, 0.47, 0.06])
    x = RNG.normal(size=n)
    shift = np.select([segment == "north", segment == "south"], [0.0, -0.4], 0.3)
    truth = -0.6 + 1.6 * x + shift
    label = (RNG.random(n) < sigmoid(truth)).astype(int)
    bias = np.select([gender == "M"], [0.25], 0.0)  # the candidate favours M a little: a parity gap to measure
    cand = np.round(sigmoid(truth + bias + RNG.normal(0, 0.7, n)), 3)  # 3 decimals: many ties
    base = np.round(sigmoid(truth + RNG.normal(0, 1.1, n)), 3)
    cand[:6] = [0.5, 0.5, 0.5, 0.0, 1.0, 0.5]  # threshold ties, and scores 0 and 1 for log_loss's clipping
    label[3], label[4] = 0, 1  # ...on rows they predict correctly
    ids = RNG.permutation(np.arange(100001, 100001 + n))
    fmt = lambda s: f"{s:.3f}"
    write_csv("binary.csv", ["id", "label", "prediction", "score", "segment", "gender"],
              [[ids[i], label[i], int(cand[i] >= 0.5), fmt(cand[i]), segment[i], gender[i]] for i in range(n)])
    order = RNG.permutation(n)  # a different row order: rows pair by id only
    write_csv("binary_baseline.csv", ["id", "label", "prediction", "score"],
              [[ids[i], label[i], int(base[i] >= 0.5), fmt(base[i])] for i in order])


def make_binary_strings():
    n = 600
    x = RNG.normal(size=n)
    label = RNG.random(n) < sigmoid(0.3 + 1.3 * x)
    score = np.round(sigmoid(0.3 + 1.3 * x + RNG.normal(0, 0.9, n)), 2)
    word = lambda b: "yes" if b else "no"
    write_csv("binary_strings.csv", ["id", "label", "prediction", "score"],
              [[f"s{i:04d}", word(label[i]), word(score[i] >= 0.5), f"{score[i]:.2f}"] for i in range(n)])


MULTI_FILE_ORDER = ["cat", "dog", "bird"]


def make_multiclass():
    n = 1500
    label = RNG.choice(MULTI_FILE_ORDER, size=n, p=[0.55, 0.40, 0.05])  # bird is rare
    logits = RNG.normal(0, 1.0, (n, 3)) + np.array([0.4, 0.1, -1.2])
    for k, c in enumerate(MULTI_FILE_ORDER):
        logits[label == c, k] += 1.4
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    # probabilities in units of 1e-4 that sum to exactly 10000, written with 4 decimals
    units = np.floor(p * 10000).astype(int)
    units[:, 0] += 10000 - units.sum(axis=1)
    pred = [MULTI_FILE_ORDER[int(np.argmax(u))] for u in units]
    write_csv("multiclass.csv", ["id", "label", "prediction", "score_cat", "score_dog", "score_bird"],
              [[i + 1, label[i], pred[i], *[f"{u / 10000:.4f}" for u in units[i]]] for i in range(n)])


def make_regression():
    n = 1500
    y = RNG.gamma(2.0, 15.0, n) + 0.5
    near_zero = RNG.choice(n, 6, replace=False)
    y[near_zero] = [0.004, -0.012, 0.02, 0.0007, -0.3, 0.05]  # a few labels near 0, none exactly 0
    pred = y * (1 + RNG.normal(0, 0.08, n)) + RNG.normal(0, 1.5, n)
    write_csv("regression.csv", ["id", "label", "prediction"],
              [[i + 1, f"{y[i]:.4f}", f"{pred[i]:.4f}"] for i in range(n)])


# ---------------------------------------------------------------- expected values

def binary_expected():
    f = read_csv("binary.csv")
    y, pred, score = labels_of(f["label"], True), labels_of(f["prediction"], True), floats(f["score"])
    segment, gender = np.array(f["segment"]), np.array(f["gender"])
    slices = {}
    for s in sorted(set(f["segment"])):
        mask = segment == s
        slices[s] = {"rows": int(mask.sum()), "metrics": binary_metrics(y[mask], pred[mask], score[mask], 1)}
    candidate = {"file": "binary.csv", "positiveLabel": 1, "metrics": binary_metrics(y, pred, score, 1),
                 "slices": {"segment": slices}, "fairness": {"gender": fairness(y, pred, gender, 1)}}

    g = read_csv("binary_baseline.csv")
    base_metrics = binary_metrics(labels_of(g["label"], True), labels_of(g["prediction"], True), floats(g["score"]), 1)
    baseline = {"file": "binary_baseline.csv", "positiveLabel": 1, "metrics": base_metrics}

    # pair by id
    row_of = {row_id: i for i, row_id in enumerate(g["id"])}
    idx = np.array([row_of[row_id] for row_id in f["id"]])
    assert all(g["label"][j] == f["label"][i] for i, j in enumerate(idx)), "labels differ between the two files"
    base_pred, base_score = labels_of(g["prediction"], True)[idx], floats(g["score"])[idx]
    deltas = {k: num(candidate["metrics"][k] - base_metrics[k]) for k in candidate["metrics"]}
    positive = y == 1
    both = np.vstack([score, base_score])
    aucs, cov, _, _ = fast_delong(both, positive)
    slow_aucs, slow_cov = placement_delong(both, positive)
    fast, slow = delong_result(aucs, cov), delong_result(slow_aucs, slow_cov)
    for key in fast:
        same(fast[key], slow[key], f"delong {key}", 1e-12 * max(1.0, abs(fast[key])))
    same(fast["aucCandidate"], candidate["metrics"]["roc_auc"], "delong auc vs sklearn", 1e-14)
    same(fast["aucBaseline"], base_metrics["roc_auc"], "delong baseline auc vs sklearn", 1e-14)
    comparison = {"candidate": "binary.csv", "baseline": "binary_baseline.csv", "pairedBy": "id",
                  "pairs": len(y), "deltas": deltas, "delong": fast, "delongPlacementCheck": slow,
                  "mcnemar": mcnemar_result(y, pred, base_pred)}
    return candidate, baseline, comparison


def strings_expected():
    f = read_csv("binary_strings.csv")
    y, pred, score = labels_of(f["label"], False), labels_of(f["prediction"], False), floats(f["score"])
    return {"file": "binary_strings.csv", "positiveLabel": "yes", "metrics": binary_metrics(y, pred, score, "yes")}


def multiclass_expected():
    f = read_csv("multiclass.csv")
    classes = sorted(MULTI_FILE_ORDER)  # sklearn and MLflow order probability columns by sorted label
    y, pred = labels_of(f["label"], False), labels_of(f["prediction"], False)
    proba = np.column_stack([floats(f[f"score_{c}"]) for c in classes])
    metrics, per_class = multiclass_metrics(y, pred, proba, classes)
    return {"file": "multiclass.csv", "classes": classes, "metrics": metrics, "perClass": per_class}


def regression_expected():
    f = read_csv("regression.csv")
    return {"file": "regression.csv", "metrics": regression_metrics(floats(f["label"]), floats(f["prediction"]))}


def edge_cases():
    """Small inline cases for sklearn's behaviour at the edges."""
    cases = []

    def binary_case(name, y, pred, score, pos=1, note=None):
        y, pred = np.array(y, dtype=object if isinstance(pos, str) else int), np.array(
            pred, dtype=object if isinstance(pos, str) else int)
        case = {"name": name, "task": "binary", "positiveLabel": pos, "label": y.tolist(),
                "prediction": pred.tolist(), "score": score,
                "metrics": binary_metrics(y, pred, np.array(score, dtype=float), pos)}
        if note:
            case["note"] = note
        cases.append(case)

    binary_case("all labels positive", [1, 1, 1, 1, 1], [1, 0, 1, 1, 0], [0.9, 0.3, 0.7, 0.55, 0.2],
                note="roc_auc: sklearn 1.9 returns NaN with UndefinedMetricWarning (older releases raised "
                     "ValueError); average precision is 1.0; log_loss works because MLflow passes "
                     "labels=label_list, which the predictions complete to [0, 1]")
    binary_case("all labels negative", [0, 0, 0, 0], [0, 1, 0, 0], [0.1, 0.6, 0.4, 0.2],
                note="roc_auc NaN; average precision 0.0 (sklearn warns 'No positive class found in y_true'); "
                     "recall 0/0 -> 0.0 and precision 0/1 -> 0.0 (zero_division='warn' acts as 0)")
    cases.append({"name": "labels and predictions all positive", "task": "binary", "positiveLabel": 1,
                  "label": [1, 1, 1], "prediction": [1, 1, 1], "score": [0.8, 0.9, 0.7], "metrics": None,
                  "note": "MLflow raises MlflowException 'Evaluation dataset for classification must contain at "
                          "least two unique labels' (ClassifierEvaluator._validate_label_list looks at labels and "
                          "predictions together); sklearn's confusion_matrix is then 1 x 1"})
    binary_case("perfect predictions, scores exactly 0 and 1", [0, 1, 0, 1], [0, 1, 0, 1], [0.0, 1.0, 0.0, 1.0],
                note="log_loss is -log(1 - eps) = 2.220446049250313e-16 per row, not 0 (clipped to [eps, 1-eps])")
    binary_case("confidently wrong, scores exactly 0 and 1", [1, 0, 1, 0], [0, 1, 1, 0], [0.0, 1.0, 0.9, 0.1],
                note="each confidently wrong row costs -log(eps) = 36.04365338911715")
    binary_case("no predicted positives", [0, 1, 1, 0, 0], [0, 0, 0, 0, 0], [0.1, 0.4, 0.3, 0.2, 0.45],
                note="precision 0/0 -> 0.0, f1 -> 0.0 (zero_division='warn' acts as 0)")
    binary_case("positive label sorts first", ["bad", "good", "bad", "good", "bad", "good"],
                ["bad", "good", "good", "good", "bad", "bad"], [0.8, 0.3, 0.45, 0.1, 0.6, 0.5], pos="bad",
                note="score is P(bad); predict_proba's columns in sorted label order are [score, 1 - score]")

    def regression_case(name, y, pred, note):
        cases.append({"name": name, "task": "regression", "label": y, "prediction": pred,
                      "metrics": regression_metrics(np.array(y, dtype=float), np.array(pred, dtype=float)),
                      "note": note})

    regression_case("a label of exactly 0", [0.0, 2.0, 4.0], [0.5, 2.0, 3.0],
                    "mean_absolute_percentage_error divides by max(|y|, eps): 0.5 / eps dominates")
    regression_case("constant labels, imperfect", [3.0, 3.0, 3.0], [2.0, 3.0, 4.5],
                    "r2_score is 0.0 (force_finite=True), not -inf")
    regression_case("constant labels, perfect", [3.0, 3.0, 3.0], [3.0, 3.0, 3.0], "r2_score is 1.0")
    return cases


def main():
    make_binary()
    make_binary_strings()
    make_multiclass()
    make_regression()
    candidate, baseline, comparison = binary_expected()
    payload = {
        "generator": "make_evaluation_fixtures.py", "python": platform.python_version(), "numpy": np.__version__,
        "scipy": scipy.__version__, "scikit-learn": sklearn.__version__, "statsmodels": statsmodels.__version__,
        "fairlearn": fairlearn.__version__, "mlflowCrossCheck": MLFLOW, "logLossEps": EPS,
        "binary": candidate, "binary_baseline": baseline, "comparison": comparison,
        "binary_strings": strings_expected(), "multiclass": multiclass_expected(),
        "regression": regression_expected(), "edgeCases": edge_cases(),
    }
    text = json.dumps(payload, indent=1, allow_nan=False)
    (HERE / "expected.json").write_text(text + "\n", encoding="utf-8")
    print(f"expected.json: {len(text)} bytes")


if __name__ == "__main__":
    main()
