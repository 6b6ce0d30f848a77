"""scikit-learn baseline: scaling + logistic regression (classification) or ridge (regression).

    python3 evaluate.py --out results/{{candidate|text}}.json [--dataset other.csv]

Runs from any working directory. Trains on a fixed-seed stratified split of the CSV (80%),
scores the held-out rows (20%) and writes the result file that ML Roadmap reads.
The model lives in train.py; reading, encoding, splitting and metrics in tabular.py.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import tabular  # noqa: E402
import train as model  # noqa: E402
from mlroadmap_result import add_standard_arguments, finish, locate_dataset, now  # noqa: E402

# Baked in by `mlroadmap scaffold`; edit freely.
CANDIDATE = {{candidate}}
DATASET = {{dataset}}  # relative to this folder, or absolute
TARGET = {{target}}
TASK = {{task}}  # "classification" or "regression"
SEED = {{seed}}


def main(argv=None):
    parser = argparse.ArgumentParser(description="scikit-learn baseline: scaled linear model.")
    add_standard_arguments(parser, CANDIDATE, SEED, HERE)
    args = parser.parse_args(argv)

    started = now()
    path, dataset = locate_dataset(args.dataset, DATASET, HERE)

    names, rows, targets = tabular.read_task_table(path, TARGET, TASK)
    train, test = tabular.split_indices(targets, TASK, args.seed)
    encoder = tabular.fit_encoder(names, [rows[i] for i in train], path, TARGET)
    x_train = encoder.transform([rows[i] for i in train])
    x_test = encoder.transform([rows[i] for i in test])
    y_train = [targets[i] for i in train]

    _, predictions = model.fit_predict(TASK, args.seed, x_train, y_train, x_test)
    # NumPy scalars back to the plain values the targets are: labels as text, values as floats.
    predictions = [str(p) if TASK == "classification" else float(p) for p in predictions]

    metrics, per_class = tabular.score(TASK, [targets[i] for i in test], predictions)
    return finish(args.out, args.candidate, metrics, path, len(targets), started, per_class, dataset)

if __name__ == "__main__":
    sys.exit(main())
