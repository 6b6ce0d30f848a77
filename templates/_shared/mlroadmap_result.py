"""Writing the result file that ML Roadmap reads (format "mlroadmap-result/1") and the
per-epoch JSON Lines log beside it. Python standard library only.

The same file ships with every ML Roadmap baseline template.
"""
import datetime
import hashlib
import json
import os
import shlex
import subprocess
import sys

FORMAT = "mlroadmap-result/1"
HERE = os.path.dirname(os.path.abspath(__file__))


def now():
    """The current time, ISO 8601 in UTC."""
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def git_state():
    """The commit checked out here and whether the work tree has changes; commit None outside git."""
    def git(*args):
        completed = subprocess.run(
            ["git"] + list(args), cwd=HERE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            universal_newlines=True, check=True,
        )
        return completed.stdout.strip()

    try:
        return {"commit": git("rev-parse", "HEAD"), "dirty": bool(git("status", "--porcelain"))}
    except (OSError, subprocess.CalledProcessError):
        return {"commit": None, "dirty": False}


def command_line():
    return " ".join(shlex.quote(a) for a in [os.path.basename(sys.executable)] + sys.argv)


def write_result(out, candidate, metrics, dataset_file, rows, started, per_class=None, dataset_path=None):
    """Write the result JSON to `out` (atomically: readers never see half a file).

    `dataset_file` is the CSV that was read (hashed); `dataset_path` is how to name it in the
    result (default: `dataset_file`)."""
    result = {
        "format": FORMAT,
        "candidate": candidate,
        "metrics": metrics,
    }
    if per_class is not None:
        result["per_class"] = per_class
    result.update({
        "dataset": {"path": dataset_path or dataset_file, "sha256": sha256_of(dataset_file), "rows": rows},
        "command": command_line(),
        "git": git_state(),
        "started": started,
        "finished": now(),
    })
    folder = os.path.dirname(os.path.abspath(out))
    os.makedirs(folder, exist_ok=True)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2, ensure_ascii=False)
        f.write("\n")
    os.replace(tmp, out)
    return result


def add_standard_arguments(parser, candidate, seed, folder):
    """The options every baseline's evaluate.py takes: --dataset, --out, --candidate, --seed.

    `candidate` and `seed` are the baked-in defaults; `folder` is the baseline's folder, where the
    result goes by default (results/<candidate>.json)."""
    parser.add_argument("--dataset", help="CSV with a header row (default: DATASET in evaluate.py)")
    parser.add_argument("--out", default=os.path.join(folder, "results", candidate + ".json"),
                        help="result JSON to write (default: results/<candidate>.json in the baseline's folder)")
    parser.add_argument("--candidate", default=candidate, help="candidate id written in the result")
    parser.add_argument("--seed", type=int, default=seed)


def locate_dataset(given, baked_in, folder):
    """(the CSV to read, how the result names it): `--dataset` as given, relative to the working
    directory; else the baked-in path, relative to the baseline's `folder` unless absolute."""
    dataset = given or baked_in
    path = dataset if os.path.isabs(dataset) or given else os.path.join(folder, dataset)
    return path, dataset


def finish(out, candidate, metrics, dataset_file, rows, started, per_class=None, dataset_path=None):
    """Write the result (see write_result), print a one-line summary; returns the exit code 0."""
    write_result(out, candidate, metrics, dataset_file, rows, started, per_class, dataset_path)
    print("%s: %s -> %s" % (candidate, ", ".join("%s %.4f" % kv for kv in metrics.items()), out))
    return 0


def epochs_log_path(out):
    """`results/x.json` -> `results/x.epochs.jsonl`."""
    return os.path.splitext(out)[0] + ".epochs.jsonl"


class EpochLog:
    """One JSON object per line, flushed at once so a watcher sees training progress live."""

    def __init__(self, path):
        self.path = path
        folder = os.path.dirname(os.path.abspath(path))
        os.makedirs(folder, exist_ok=True)
        self.file = open(path, "w", encoding="utf-8")

    def write(self, record):
        self.file.write(json.dumps(record) + "\n")
        self.file.flush()

    def close(self):
        self.file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
