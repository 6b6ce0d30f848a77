"""Dumb baseline: predicts the most frequent class (classification) or the mean (regression).

    python3 evaluate.py --out results/{{candidate|text}}.json [--dataset other.csv]

Runs from any working directory with the Python standard library only (python3 >= 3.8).
It "trains" on a fixed-seed split of the CSV, scores the held-out rows and writes the
result file that ML Roadmap reads. Every real model must beat this score.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import tabular  # noqa: E402
from mlroadmap_result import now, write_result  # noqa: E402

# Baked in by `mlroadmap scaffold`; edit freely.
CANDIDATE = {{candidate}}
DATASET = {{dataset}}  # relative to this folder, or absolute
TARGET = {{target}}
TASK = {{task}}  # "classification" or "regression"
SEED = {{seed}}


def fit_predict(train_targets, n_test, task):
    """The constant prediction learnt from the training targets, repeated for the test rows."""
    if task == "classification":
        counts = {}
        for label in train_targets:
            counts[label] = counts.get(label, 0) + 1
        # Ties go to the first label in sorted order, so the result is reproducible.
        prediction = max(tabular.sort_labels(counts), key=lambda label: counts[label])
    else:
        prediction = sum(train_targets) / len(train_targets)
    return [prediction] * n_test


def main(argv=None):
    parser = argparse.ArgumentParser(description="Dumb baseline: majority class or mean.")
    parser.add_argument("--dataset", help="CSV with a header row (default: DATASET above)")
    parser.add_argument("--out", default=os.path.join(HERE, "results", CANDIDATE + ".json"),
                        help="result JSON to write (default: results/<candidate>.json here)")
    parser.add_argument("--candidate", default=CANDIDATE, help="candidate id written in the result")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)

    started = now()
    dataset = args.dataset or DATASET
    path = dataset if os.path.isabs(dataset) or args.dataset else os.path.join(HERE, dataset)

    _, _, targets = tabular.read_table(path, TARGET)
    if TASK == "regression":
        targets = tabular.regression_targets(targets)
    train, test = tabular.split_indices(targets, TASK, args.seed)
    predictions = fit_predict([targets[i] for i in train], len(test), TASK)
    truth = [targets[i] for i in test]

    if TASK == "classification":
        metrics, per_class = tabular.classification_metrics(truth, predictions)
    else:
        metrics, per_class = tabular.regression_metrics(truth, predictions), None
    write_result(args.out, args.candidate, metrics, path, len(targets), started, per_class, dataset)
    print("%s: %s -> %s" % (args.candidate, ", ".join("%s %.4f" % kv for kv in metrics.items()), args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
