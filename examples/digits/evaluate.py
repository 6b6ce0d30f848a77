"""Evaluate one candidate of the digit recognizer, end to end.

    python3 evaluate.py --candidate logreg --dataset data/digits.csv --out results/logreg.json

Trains the candidate on a fixed-seed stratified split of the CSV (80% train,
20% held out), evaluates it on the held-out part and writes the result file
that ML Roadmap reads (format "mlroadmap-result/1"). Candidates that train in
epochs also write one JSON line per epoch to <out-stem>.epochs.jsonl.

Candidates:
  majority  always predicts the most frequent training label (standard library only)
  logreg    scaled pixels + logistic regression (scikit-learn)
  knn       k-nearest neighbours on scaled pixels (scikit-learn)
  mlp       one hidden layer of 64 units, trained epoch by epoch (scikit-learn)
  cnn       small convolutional net on the 8x8 images (PyTorch, CPU or CUDA)

Any error (unknown candidate, missing file, missing column) ends with a Python
traceback and a non-zero exit code, so the pipeline can never mistake a failure
for a result.
"""
import argparse
import csv
import datetime
import hashlib
import json
import os
import random
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FORMAT = "mlroadmap-result/1"
LABEL = "label"
TEST_FRACTION = 0.2


# ---------------------------------------------------------------- data


def load_csv(path):
    """Return (pixel rows as lists of floats, labels as ints)."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        if LABEL not in header:
            raise KeyError("column %r not in %s (columns: %s)" % (LABEL, path, ", ".join(header)))
        label_at = header.index(LABEL)
        features, labels = [], []
        for row in reader:
            if not row:
                continue
            labels.append(int(row[label_at]))
            features.append([float(v) for i, v in enumerate(row) if i != label_at])
    if not labels:
        raise ValueError("%s has no data rows" % path)
    return features, labels


def stratified_split(labels, seed):
    """Indices (train, test): TEST_FRACTION of every class held out, reproducibly."""
    rng = random.Random(seed)
    by_class = {}
    for i, y in enumerate(labels):
        by_class.setdefault(y, []).append(i)
    train, test = [], []
    for y in sorted(by_class):
        idx = by_class[y]
        rng.shuffle(idx)
        n_test = max(1, round(len(idx) * TEST_FRACTION)) if len(idx) > 1 else 0
        test.extend(idx[:n_test])
        train.extend(idx[n_test:])
    return sorted(train), sorted(test)


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


# ---------------------------------------------------------------- metrics


def classification_metrics(y_true, y_pred):
    """Accuracy, macro-F1 and per-class precision/recall/F1, standard library only."""
    classes = sorted(set(y_true) | set(y_pred))
    per_class = {}
    for c in classes:
        tp = sum(1 for t, p in zip(y_true, y_pred) if t == c and p == c)
        fp = sum(1 for t, p in zip(y_true, y_pred) if t != c and p == c)
        fn = sum(1 for t, p in zip(y_true, y_pred) if t == c and p != c)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[str(c)] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": tp + fn,
        }
    accuracy = sum(1 for t, p in zip(y_true, y_pred) if t == p) / len(y_true)
    macro_f1 = sum(m["f1"] for m in per_class.values()) / len(per_class)
    return {"accuracy": round(accuracy, 4), "macro_f1": round(macro_f1, 4)}, per_class


# ---------------------------------------------------------------- candidates


def train_majority(x_train, y_train, x_test, seed, log):
    counts = {}
    for y in y_train:
        counts[y] = counts.get(y, 0) + 1
    most_frequent = max(sorted(counts), key=lambda y: counts[y])
    return [most_frequent] * len(x_test)


def train_logreg(x_train, y_train, x_test, seed, log):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, random_state=seed))
    model.fit(x_train, y_train)
    return [int(p) for p in model.predict(x_test)]


def train_knn(x_train, y_train, x_test, seed, log):
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=3))
    model.fit(x_train, y_train)
    return [int(p) for p in model.predict(x_test)]


def train_mlp(x_train, y_train, x_test, seed, log, y_test=None, epochs=30):
    import numpy as np
    from sklearn.neural_network import MLPClassifier
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x_train)
    xs_train, xs_test = scaler.transform(x_train), scaler.transform(x_test)
    model = MLPClassifier(hidden_layer_sizes=(64,), learning_rate_init=0.01, random_state=seed)
    classes = np.unique(y_train)
    for epoch in range(1, epochs + 1):
        model.partial_fit(xs_train, y_train, classes=classes)
        predictions = [int(p) for p in model.predict(xs_test)]
        metrics, _ = classification_metrics(y_test, predictions)
        log({"epoch": epoch, "loss": round(float(model.loss_), 6), **metrics})
    return [int(p) for p in model.predict(xs_test)]


def train_cnn(x_train, y_train, x_test, seed, log, y_test=None, epochs=15):
    import torch
    from torch import nn

    torch.manual_seed(seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    def images(rows):  # pixels are 0..16, row by row
        return torch.tensor(rows, dtype=torch.float32).view(-1, 1, 8, 8) / 16.0

    xt, yt = images(x_train).to(device), torch.tensor(y_train).to(device)
    xv = images(x_test).to(device)
    net = nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 4 * 4, 64), nn.ReLU(), nn.Linear(64, 10),
    ).to(device)
    optimizer = torch.optim.Adam(net.parameters(), lr=3e-3)
    loss_fn = nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(seed)

    def predict():
        net.eval()
        with torch.no_grad():
            return [int(p) for p in net(xv).argmax(dim=1).cpu()]

    for epoch in range(1, epochs + 1):
        net.train()
        order = torch.randperm(len(yt), generator=generator).to(device)
        total = 0.0
        for start in range(0, len(order), 64):
            batch = order[start:start + 64]
            optimizer.zero_grad()
            loss = loss_fn(net(xt[batch]), yt[batch])
            loss.backward()
            optimizer.step()
            total += float(loss) * len(batch)
        metrics, _ = classification_metrics(y_test, predict())
        log({"epoch": epoch, "loss": round(total / len(yt), 6), **metrics})
    return predict()


CANDIDATES = {
    "majority": train_majority,
    "logreg": train_logreg,
    "knn": train_knn,
    "mlp": train_mlp,
    "cnn": train_cnn,
}
TRAINS_IN_EPOCHS = {"mlp", "cnn"}


# ---------------------------------------------------------------- run


def git_state():
    """The commit and whether the work tree has changes; commit None outside a git repository."""
    def git(*args):
        return subprocess.run(["git", *args], cwd=HERE, capture_output=True, text=True, check=True).stdout.strip()

    try:
        return {"commit": git("rev-parse", "HEAD"), "dirty": bool(git("status", "--porcelain"))}
    except (OSError, subprocess.CalledProcessError):
        return {"commit": None, "dirty": False}


def now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_json_atomically(path, data):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)
        f.write("\n")
    os.replace(tmp, path)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--candidate", required=True, help="one of: " + ", ".join(CANDIDATES))
    parser.add_argument("--dataset", default=os.path.join(HERE, "data", "digits.csv"))
    parser.add_argument("--out", required=True, help="result JSON to write")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    if args.candidate not in CANDIDATES:
        raise ValueError("unknown candidate %r (known: %s)" % (args.candidate, ", ".join(CANDIDATES)))
    started = now()
    random.seed(args.seed)

    features, labels = load_csv(args.dataset)
    train_idx, test_idx = stratified_split(labels, args.seed)
    x_train = [features[i] for i in train_idx]
    y_train = [labels[i] for i in train_idx]
    x_test = [features[i] for i in test_idx]
    y_test = [labels[i] for i in test_idx]

    out_dir = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(out_dir, exist_ok=True)
    stem = os.path.splitext(os.path.abspath(args.out))[0]
    train = CANDIDATES[args.candidate]
    if args.candidate in TRAINS_IN_EPOCHS:
        with open(stem + ".epochs.jsonl", "w", encoding="utf-8") as epochs_file:
            def log(record):
                epochs_file.write(json.dumps(record) + "\n")
                epochs_file.flush()
                print("epoch %(epoch)d loss %(loss).4f accuracy %(accuracy).4f" % record, flush=True)

            predictions = train(x_train, y_train, x_test, args.seed, log, y_test=y_test)
    else:
        predictions = train(x_train, y_train, x_test, args.seed, None)

    metrics, per_class = classification_metrics(y_test, predictions)
    result = {
        "format": FORMAT,
        "candidate": args.candidate,
        "metrics": metrics,
        "per_class": per_class,
        "dataset": {"path": args.dataset, "sha256": sha256_of(args.dataset), "rows": len(labels)},
        "command": shlex.join([os.path.basename(sys.executable)] + sys.argv),
        "git": git_state(),
        "started": started,
        "finished": now(),
    }
    write_json_atomically(args.out, result)
    print("%s: accuracy %.4f macro_f1 %.4f -> %s" % (args.candidate, metrics["accuracy"], metrics["macro_f1"], args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
