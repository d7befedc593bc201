#!/usr/bin/env python3
"""Writes the example datasets of the mlops demo (standard library only, fixed seed).

  reference.csv  3,000 customers the churn model was trained on
  current.csv    1,000 new customers from the same population (validation passes)
  drifted.csv    1,000 new customers after a marketing shift: older, richer, more DE/IN, higher spend
  predictions-candidate.csv   the new churn model's predictions on current.csv (customer_id, churned, its
                              predicted label and churn probability, plan and country for slices and fairness):
                              train/Train.java on reference.csv with every feature
  predictions-production.csv  the production model's predictions on the same customers, in another order:
                              the same trainer on tenure_months alone, a weaker model

Run:  python3 examples/generate_data.py   (rewrites examples/data/*.csv identically; needs a JDK 17 `java` for
      the two trainings)
"""
import csv
import datetime
import os
import random
import subprocess
import tempfile

COUNTRIES = ["US", "DE", "FR", "IN", "BR"]
PLANS = ["basic", "pro", "enterprise"]
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def customer(rng, cid, drifted):
    age = int(min(90, max(18, rng.gauss(44 if drifted else 38, 11))))
    income = round(rng.lognormvariate(10.9 if drifted else 10.6, 0.45), 2)
    if rng.random() < 0.03:
        income = ""
    weights = [0.25, 0.3, 0.1, 0.3, 0.05] if drifted else [0.4, 0.2, 0.15, 0.15, 0.1]
    country = rng.choices(COUNTRIES, weights)[0]
    plan = rng.choices(PLANS, [0.6, 0.3, 0.1])[0]
    tenure = rng.randint(0, 72)
    spend = round(max(0.0, rng.gauss(95 if drifted else 70, 25)), 2)
    signup = datetime.datetime(2021, 1, 1) + datetime.timedelta(minutes=rng.randint(0, 4 * 365 * 24 * 60))
    churn_score = 0.3 - 0.004 * tenure + (0.1 if plan == "basic" else 0) + rng.gauss(0, 0.1)
    return {
        "customer_id": cid,
        "age": age,
        "income": income,
        "country": country,
        "plan": plan,
        "tenure_months": tenure,
        "monthly_spend": spend,
        "signup": signup.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "email": "user%d@example.com" % cid,
        "churned": "true" if churn_score > 0.25 else "false",
    }


def write(name, rows, first_id, drifted, seed):
    rng = random.Random(seed)
    path = os.path.join(HERE, name)
    with open(path, "w", newline="") as out:
        writer = None
        for i in range(rows):
            row = customer(rng, first_id + i, drifted)
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
                writer.writeheader()
            writer.writerow(row)
    print("wrote", path)


def predictions(customers_file, seed):
    """The candidate's and the production model's predictions for the customers of a file, both really trained."""
    trainer = os.path.join(os.path.dirname(HERE), "train", "Train.java")
    models = (("predictions-candidate.csv", []), ("predictions-production.csv", ["--features", "tenure_months"]))
    for name, features in models:
        with tempfile.TemporaryDirectory() as out:
            subprocess.run(["java", trainer, "--train", os.path.join(HERE, "reference.csv"),
                            "--score", os.path.join(HERE, customers_file), "--out", out] + features,
                           check=True, stdout=subprocess.DEVNULL)
            with open(os.path.join(out, "predictions.csv"), newline="") as source:
                lines = source.read().splitlines(keepends=True)
        if name == "predictions-production.csv":
            # another order than the customers file: evaluateModel pairs the two models' rows by customer_id
            body = lines[1:]
            random.Random(seed).shuffle(body)
            lines = lines[:1] + body
        path = os.path.join(HERE, name)
        with open(path, "w", newline="") as target:
            target.writelines(lines)
        print("wrote", path)


if __name__ == "__main__":
    os.makedirs(HERE, exist_ok=True)
    write("reference.csv", 3000, 100000, False, 42)
    write("current.csv", 1000, 200000, False, 7)
    write("drifted.csv", 1000, 300000, True, 11)
    predictions("current.csv", 13)
