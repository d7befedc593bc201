#!/usr/bin/env python3
"""Writes the example datasets of the mlops demo (standard library only, fixed seed).

  reference.csv  3,000 customers the churn model was trained on
  current.csv    1,000 new customers from the same population (validation passes)
  drifted.csv    1,000 new customers after a marketing shift: older, richer, more DE/IN, higher spend
  predictions-candidate.csv   the new churn model's predictions on current.csv (customer_id, churned, its
                              predicted label and churn probability, plan and country for slices and fairness)
  predictions-production.csv  the production model's predictions on the same customers, in another order:
                              a weaker model (its scores carry more noise)

Run:  python3 examples/generate_data.py   (rewrites examples/data/*.csv identically)
"""
import csv
import datetime
import os
import random

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
    """The candidate's and the production model's churn probabilities for the customers of a file."""
    rng = random.Random(seed)
    with open(os.path.join(HERE, customers_file), newline="") as source:
        customers = list(csv.DictReader(source))
    candidate, production = [], []
    for c in customers:
        churned = 1 if c["churned"] == "true" else 0
        # both models see the same signal (tenure, plan); the production model's view of it is noisier
        signal = 0.6 - 0.012 * int(c["tenure_months"]) + (0.4 if c["plan"] == "basic" else 0.0)
        for model, noise in ((candidate, 1.0), (production, 1.3)):
            logit = 0.8 * signal + rng.gauss(0, noise) + (0.7 if churned else -0.7)
            score = round(1 / (1 + 2.718281828459045 ** -logit), 4)
            model.append({"customer_id": c["customer_id"], "churned": churned, "predicted": int(score >= 0.5),
                          "probability": score, "plan": c["plan"], "country": c["country"]})
    rng.shuffle(production)
    for name, rows in (("predictions-candidate.csv", candidate), ("predictions-production.csv", production)):
        path = os.path.join(HERE, name)
        with open(path, "w", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        print("wrote", path)


if __name__ == "__main__":
    os.makedirs(HERE, exist_ok=True)
    write("reference.csv", 3000, 100000, False, 42)
    write("current.csv", 1000, 200000, False, 7)
    write("drifted.csv", 1000, 300000, True, 11)
    predictions("current.csv", 13)
