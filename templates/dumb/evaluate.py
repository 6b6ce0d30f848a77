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
from mlroadmap_result import add_standard_arguments, finish, locate_dataset, now  # noqa: E402

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
    add_standard_arguments(parser, CANDIDATE, SEED, HERE)
    args = parser.parse_args(argv)

    started = now()
    path, dataset = locate_dataset(args.dataset, DATASET, HERE)

    _, _, targets = tabular.read_task_table(path, TARGET, TASK)
    train, test = tabular.split_indices(targets, TASK, args.seed)
    predictions = fit_predict([targets[i] for i in train], len(test), TASK)

    metrics, per_class = tabular.score(TASK, [targets[i] for i in test], predictions)
    return finish(args.out, args.candidate, metrics, path, len(targets), started, per_class, dataset)

if __name__ == "__main__":
    sys.exit(main())
