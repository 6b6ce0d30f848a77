"""PyTorch baseline: a small MLP, trained in epochs with a validation split.

    python3 evaluate.py --out results/{{candidate|text}}.json [--dataset other.csv]
    python3 evaluate.py --overfit-one-batch      # sanity check: can the model memorise one batch?

Runs from any working directory, on CUDA when available and on the CPU otherwise. Holds out
20% of the CSV (fixed seed, stratified for classification) for the final score, trains on
the rest minus a 10% validation split, logs one JSON line per epoch with the validation
metrics (results/<candidate>.epochs.jsonl) and writes the result file that ML Roadmap reads.
The model lives in model.py, the training loop in train.py, reading and metrics in tabular.py.
"""
import argparse
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import torch  # noqa: E402

import tabular  # noqa: E402
import train as training  # noqa: E402
from mlroadmap_result import EpochLog, add_standard_arguments, epochs_log_path, finish, locate_dataset, now  # noqa: E402
from model import MLP  # noqa: E402

# Baked in by `mlroadmap scaffold`; edit freely.
CANDIDATE = {{candidate}}
DATASET = {{dataset}}  # relative to this folder, or absolute
TARGET = {{target}}
TASK = {{task}}  # "classification" or "regression"
SEED = {{seed}}

VALIDATION_FRACTION = 0.1


def seed_everything(seed):
    random.seed(seed)
    torch.manual_seed(seed)


class Standardizer:
    """Scales each column to mean 0 and standard deviation 1, with statistics from training rows."""

    def __init__(self, rows):
        n = len(rows)
        columns = list(zip(*rows)) if rows else []
        self.means = [sum(c) / n for c in columns]
        stds = [(sum((v - m) ** 2 for v in c) / n) ** 0.5 for c, m in zip(columns, self.means)]
        self.stds = [s if s > 1e-8 else 1.0 for s in stds]  # constant columns are only centred

    def apply(self, rows):
        return [[(v - m) / s for v, m, s in zip(row, self.means, self.stds)] for row in rows]


def main(argv=None):
    parser = argparse.ArgumentParser(description="PyTorch baseline: a small MLP.")
    add_standard_arguments(parser, CANDIDATE, SEED, HERE)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--overfit-one-batch", action="store_true",
                        help="train on a single batch until the loss is near zero, then stop (no result file)")
    args = parser.parse_args(argv)

    started = now()
    seed_everything(args.seed)
    path, dataset = locate_dataset(args.dataset, DATASET, HERE)

    names, rows, targets = tabular.read_task_table(path, TARGET, TASK)
    train_all, test = tabular.split_indices(targets, TASK, args.seed)
    # Validation rows come out of the training part only; the test rows are never looked at.
    fit_pos, val_pos = tabular.split_indices([targets[i] for i in train_all], TASK, args.seed, VALIDATION_FRACTION)
    fit, val = [train_all[p] for p in fit_pos], [train_all[p] for p in val_pos]

    encoder = tabular.fit_encoder(names, [rows[i] for i in fit], path, TARGET)
    scaler = Standardizer(encoder.transform([rows[i] for i in fit]))
    device = torch.device(args.device)

    def features(indices):
        encoded = scaler.apply(encoder.transform([rows[i] for i in indices]))
        return torch.tensor(encoded, dtype=torch.float32, device=device)

    if TASK == "classification":
        classes = tabular.sort_labels(targets[i] for i in fit)
        index_of = {label: k for k, label in enumerate(classes)}
        y_fit = torch.tensor([index_of[targets[i]] for i in fit], device=device)
        y_val = torch.tensor([index_of.get(targets[i], -100) for i in val], device=device)

        def to_targets(predicted):
            return [classes[int(k)] for k in predicted]
    else:
        fit_values = [targets[i] for i in fit]
        mean = sum(fit_values) / len(fit_values)
        std = (sum((v - mean) ** 2 for v in fit_values) / len(fit_values)) ** 0.5 or 1.0
        y_fit = torch.tensor([(targets[i] - mean) / std for i in fit], dtype=torch.float32, device=device)
        y_val = torch.tensor([(targets[i] - mean) / std for i in val], dtype=torch.float32, device=device)
        classes = None

        def to_targets(predicted):
            return [float(v) * std + mean for v in predicted]

    x_fit, x_val = features(fit), features(val)
    net = MLP(x_fit.shape[1], len(classes) if classes else 1, args.hidden).to(device)

    if args.overfit_one_batch:
        first, last, steps = training.overfit_one_batch(net, TASK, x_fit[:args.batch_size], y_fit[:args.batch_size])
        print("overfit-one-batch: OK, loss %.4f -> %.6f in %d steps on %d rows (%s)"
              % (first, last, steps, min(args.batch_size, len(x_fit)), device))
        return 0

    with EpochLog(epochs_log_path(args.out)) as log:
        def on_epoch(epoch, loss):
            predicted, _ = training.predict(net, TASK, x_val)
            metrics, _ = tabular.score(TASK, [targets[i] for i in val], to_targets(predicted))
            record = {"epoch": epoch, "loss": round(loss, 6), "val_loss": round(training.loss_of(net, TASK, x_val, y_val), 6)}
            record.update(metrics)
            log.write(record)
            print(" ".join("%s %s" % kv for kv in record.items()), flush=True)

        training.fit(net, TASK, x_fit, y_fit, args.epochs, args.batch_size, args.lr, args.seed, on_epoch)

    predicted, _ = training.predict(net, TASK, features(test))
    metrics, per_class = tabular.score(TASK, [targets[i] for i in test], to_targets(predicted))
    return finish(args.out, args.candidate, metrics, path, len(targets), started, per_class, dataset)


if __name__ == "__main__":
    sys.exit(main())
