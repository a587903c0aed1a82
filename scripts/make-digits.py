#!/usr/bin/env python3
"""Regenerates data/digits/digits-binarised.bin, the binarised 8 x 8 digits the categorical VAE
trains on, from the copy of the UCI optical-recognition digits inside scikit-learn's wheel.

Usage:
    scripts/make-digits.py [WHEEL] [OUTPUT]

WHEEL is a scikit-learn wheel (any platform; only sklearn/datasets/data/digits.csv.gz is read).
Without it (or given as "") the script runs `pip download --no-deps scikit-learn` into a temporary directory.
OUTPUT defaults to data/digits/digits-binarised.bin next to this script's repository root.
Standard library only (no NumPy needed).

File format (all integers little-endian), 8 + 9 * count bytes:
    bytes 0..4    magic b"DGT1"
    bytes 4..6    u16 count: number of images (1,797)
    bytes 6..8    u16 train: the first `train` images are the training rows (1,500), the rest test
    then count * 8 bytes of pixels: image i takes bytes 8i .. 8i + 8, byte r holds pixel row r
        (top first) and its most significant bit is column 0 (left); a set bit is a pixel whose
        grey level (0..16) is at least 8
    then count bytes of labels: the digit 0..9 of each image, in the same order
Rows keep the order of digits.csv.gz.
"""

import csv
import gzip
import io
import pathlib
import struct
import subprocess
import sys
import tempfile
import zipfile

MEMBER = "sklearn/datasets/data/digits.csv.gz"
THRESHOLD = 8
TRAIN_ROWS = 1500
EXPECTED_ROWS = 1797
EXPECTED_ON_FRACTION = 0.323


def download_wheel(directory):
    """Fetches a scikit-learn wheel with pip and returns its path."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
         "scikit-learn", "-d", directory],
        check=True,
    )
    wheels = sorted(pathlib.Path(directory).glob("scikit_learn-*.whl"))
    if not wheels:
        sys.exit("pip did not produce a scikit-learn wheel")
    return wheels[0]


def read_rows(wheel):
    """The (pixels, label) rows of digits.csv.gz: 64 grey levels and the digit."""
    with zipfile.ZipFile(wheel) as archive:
        text = gzip.decompress(archive.read(MEMBER)).decode("ascii")
    rows = []
    for record in csv.reader(io.StringIO(text)):
        if not record:
            continue
        values = [int(float(v)) for v in record]
        if len(values) != 65:
            sys.exit(f"unexpected row of {len(values)} columns in {MEMBER}")
        rows.append((values[:64], values[64]))
    return rows


def pack(rows):
    """The file's bytes for these rows (see the module docstring)."""
    header = b"DGT1" + struct.pack("<HH", len(rows), TRAIN_ROWS)
    pixels = bytearray()
    for grey, _ in rows:
        for r in range(8):
            byte = 0
            for c in range(8):
                if grey[8 * r + c] >= THRESHOLD:
                    byte |= 0x80 >> c
            pixels.append(byte)
    labels = bytes(label for _, label in rows)
    return header + bytes(pixels) + labels


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    output = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else (
        root / "data" / "digits" / "digits-binarised.bin")
    with tempfile.TemporaryDirectory() as tmp:
        given = sys.argv[1] if len(sys.argv) > 1 else ""
        wheel = pathlib.Path(given) if given else download_wheel(tmp)
        rows = read_rows(wheel)
    if len(rows) != EXPECTED_ROWS:
        sys.exit(f"expected {EXPECTED_ROWS} images, found {len(rows)}")
    on = sum(v >= THRESHOLD for grey, _ in rows for v in grey) / (64 * len(rows))
    if abs(on - EXPECTED_ON_FRACTION) > 5e-4:
        sys.exit(f"{on:.4f} of pixels on after binarising, expected {EXPECTED_ON_FRACTION}")
    data = pack(rows)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    print(f"{output}: {len(rows)} images ({TRAIN_ROWS} train), {on:.1%} of pixels on, "
          f"{len(data)} bytes")


if __name__ == "__main__":
    main()
