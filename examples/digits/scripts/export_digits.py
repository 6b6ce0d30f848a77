"""Export scikit-learn's bundled digits dataset to data/digits.csv, once.

The CSV is committed, so the demo needs no download and no scikit-learn to read
its data. Run again only to regenerate it:

    python3 scripts/export_digits.py

Columns: p0..p63 (8x8 pixel intensities, 0-16, row by row) and label (0-9).
"""
import csv
import os

from sklearn.datasets import load_digits

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "digits.csv")


def main():
    digits = load_digits()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["p%d" % i for i in range(64)] + ["label"])
        for pixels, label in zip(digits.data, digits.target):
            writer.writerow([int(v) for v in pixels] + [int(label)])
    print("wrote %d rows to %s" % (len(digits.target), os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
