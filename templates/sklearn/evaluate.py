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
from mlroadmap_result import now, write_result  # noqa: E402

# Baked in by `mlroadmap scaffold`; edit freely.
CANDIDATE = {{candidate}}
DATASET = {{dataset}}  # relative to this folder, or absolute
TARGET = {{target}}
TASK = {{task}}  # "classification" or "regression"
SEED = {{seed}}


def main(argv=None):
    parser = argparse.ArgumentParser(description="scikit-learn baseline: scaled linear model.")
    parser.add_argument("--dataset", help="CSV with a header row (default: DATASET above)")
    parser.add_argument("--out", default=os.path.join(HERE, "results", CANDIDATE + ".json"),
                        help="result JSON to write (default: results/<candidate>.json here)")
    parser.add_argument("--candidate", default=CANDIDATE, help="candidate id written in the result")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)

    started = now()
    dataset = args.dataset or DATASET
    path = dataset if os.path.isabs(dataset) or args.dataset else os.path.join(HERE, dataset)

    names, rows, targets = tabular.read_table(path, TARGET)
    if TASK == "regression":
        targets = tabular.regression_targets(targets)
    train, test = tabular.split_indices(targets, TASK, args.seed)
    encoder = tabular.FeatureEncoder(names).fit([rows[i] for i in train])
    if not encoder.columns:
        raise ValueError("no usable feature column in %s besides %r" % (path, TARGET))
    x_train = encoder.transform([rows[i] for i in train])
    x_test = encoder.transform([rows[i] for i in test])
    y_train = [targets[i] for i in train]
    truth = [targets[i] for i in test]

    _, predictions = model.fit_predict(TASK, args.seed, x_train, y_train, x_test)

    if TASK == "classification":
        predictions = [str(p) for p in predictions]
        metrics, per_class = tabular.classification_metrics(truth, predictions)
    else:
        predictions = [float(p) for p in predictions]
        metrics, per_class = tabular.regression_metrics(truth, predictions), None
    write_result(args.out, args.candidate, metrics, path, len(targets), started, per_class, dataset)
    print("%s: %s -> %s" % (args.candidate, ", ".join("%s %.4f" % kv for kv in metrics.items()), args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
