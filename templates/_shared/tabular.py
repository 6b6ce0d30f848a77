"""Reading a CSV, splitting it and scoring predictions, with the Python standard library only.

The same file ships with every ML Roadmap baseline template, so that for one seed every
template holds out the same rows and computes the metrics the same way: their scores compare.

Feature columns are encoded simply (see `FeatureEncoder`):
  - numeric columns (every non-missing value parses as a number) are kept; missing values
    take the training mean;
  - text columns with at most MAX_CATEGORIES distinct values are one-hot encoded
    (a value not seen in training encodes as all zeros);
  - other text columns (identifiers, free text) are dropped.
"""
import csv
import math
import random

MISSING = {"", "na", "n/a", "nan", "null", "none", "?"}
MAX_CATEGORIES = 20
TEST_FRACTION = 0.2


def is_missing(value):
    return value.strip().lower() in MISSING


def to_number(value):
    """The value as a float, or None when it is missing or not a number."""
    if is_missing(value):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def read_table(path, target):
    """Return (feature column names, feature rows as lists of strings, target values as strings).

    Rows whose target is missing are left out. Raises KeyError when the target column is absent.
    """
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        try:
            header = [name.strip() for name in next(reader)]  # some writers pad names with spaces
        except StopIteration:
            raise ValueError("%s is empty: expected a header row" % path)
        if target not in header:
            raise KeyError("column %r not in %s (columns: %s)" % (target, path, ", ".join(header)))
        target_at = header.index(target)
        names = [name for i, name in enumerate(header) if i != target_at]
        rows, targets = [], []
        for line_number, row in enumerate(reader, start=2):
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise ValueError("%s line %d: %d fields, the header has %d" % (path, line_number, len(row), len(header)))
            if is_missing(row[target_at]):
                continue
            targets.append(row[target_at].strip())
            rows.append([cell for i, cell in enumerate(row) if i != target_at])
    if len(targets) < 2:
        raise ValueError("%s: need at least 2 rows with a target value, found %d" % (path, len(targets)))
    return names, rows, targets


def regression_targets(targets):
    values = [to_number(t) for t in targets]
    bad = [t for t, v in zip(targets, values) if v is None]
    if bad:
        raise ValueError("regression target must be numeric; found %r" % bad[0])
    return values


def read_task_table(path, target, task):
    """`read_table`, with the targets as numbers for a regression."""
    names, rows, targets = read_table(path, target)
    if task == "regression":
        targets = regression_targets(targets)
    return names, rows, targets


def sort_labels(labels):
    """Class labels in a stable order: numerically when they are all numbers, else as text."""
    labels = set(labels)
    if all(to_number(label) is not None for label in labels):
        return sorted(labels, key=lambda label: (to_number(label), label))
    return sorted(labels)


def split_indices(targets, task, seed, test_fraction=TEST_FRACTION):
    """Indices (train, test). Classification: stratified, `test_fraction` of every class held
    out (classes with one row stay in training). Regression: a plain shuffled split."""
    rng = random.Random(seed)
    if task == "classification":
        by_class = {}
        for i, label in enumerate(targets):
            by_class.setdefault(label, []).append(i)
        train, test = [], []
        for label in sort_labels(by_class):
            indices = by_class[label]
            rng.shuffle(indices)
            n_test = max(1, int(round(len(indices) * test_fraction))) if len(indices) > 1 else 0
            test.extend(indices[:n_test])
            train.extend(indices[n_test:])
    else:
        indices = list(range(len(targets)))
        rng.shuffle(indices)
        n_test = max(1, int(round(len(indices) * test_fraction)))
        test, train = indices[:n_test], indices[n_test:]
    if not train or not test:
        raise ValueError("not enough rows to hold out a test split")
    return sorted(train), sorted(test)


class FeatureEncoder:
    """Turns rows of strings into rows of floats; fitted on the training rows only."""

    def __init__(self, names):
        self.names = names
        self.columns = []  # (index, "numeric", mean) or (index, "categories", [values])

    def fit(self, rows):
        for i, name in enumerate(self.names):
            values = [row[i] for row in rows]
            present = [v for v in values if not is_missing(v)]
            numbers = [to_number(v) for v in present]
            if all(n is not None for n in numbers):
                mean = sum(numbers) / len(numbers) if numbers else 0.0
                self.columns.append((i, "numeric", mean))
                continue
            categories = sorted(set(v.strip() for v in present))
            if len(categories) <= MAX_CATEGORIES:
                self.columns.append((i, "categories", categories))
        return self

    def output_names(self):
        names = []
        for i, kind, info in self.columns:
            if kind == "numeric":
                names.append(self.names[i])
            else:
                names.extend("%s=%s" % (self.names[i], c) for c in info)
        return names

    def transform(self, rows):
        encoded = []
        for row in rows:
            out = []
            for i, kind, info in self.columns:
                if kind == "numeric":
                    number = to_number(row[i])
                    out.append(info if number is None else number)
                else:
                    value = row[i].strip()
                    out.extend(1.0 if value == c else 0.0 for c in info)
            encoded.append(out)
        return encoded


def fit_encoder(names, rows, path, target):
    """A FeatureEncoder fitted on `rows`; ValueError when no column of the CSV at `path` is usable."""
    encoder = FeatureEncoder(names).fit(rows)
    if not encoder.columns:
        raise ValueError("no usable feature column in %s besides %r" % (path, target))
    return encoder


def score(task, y_true, y_pred):
    """(metrics, per_class) for the task; per_class is None for a regression."""
    if task == "classification":
        return classification_metrics(y_true, y_pred)
    return regression_metrics(y_true, y_pred), None


def classification_metrics(y_true, y_pred):
    """Return ({"accuracy", "macro_f1"}, per-class {"precision", "recall", "f1", "support"})."""
    per_class = {}
    for label in sort_labels(set(y_true) | set(y_pred)):
        tp = sum(1 for t, p in zip(y_true, y_pred) if t == label and p == label)
        fp = sum(1 for t, p in zip(y_true, y_pred) if t != label and p == label)
        fn = sum(1 for t, p in zip(y_true, y_pred) if t == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[str(label)] = {
            "precision": round(precision, 6),
            "recall": round(recall, 6),
            "f1": round(f1, 6),
            "support": tp + fn,
        }
    accuracy = sum(1 for t, p in zip(y_true, y_pred) if t == p) / len(y_true)
    macro_f1 = sum(c["f1"] for c in per_class.values()) / len(per_class)
    return {"accuracy": round(accuracy, 6), "macro_f1": round(macro_f1, 6)}, per_class


def regression_metrics(y_true, y_pred):
    """Return {"rmse", "mae"}."""
    errors = [p - t for t, p in zip(y_true, y_pred)]
    rmse = math.sqrt(sum(e * e for e in errors) / len(errors))
    mae = sum(abs(e) for e in errors) / len(errors)
    return {"rmse": round(rmse, 6), "mae": round(mae, 6)}
