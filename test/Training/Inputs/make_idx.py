#!/usr/bin/env python3
"""Writes a tiny, learnable IDX data set (MNIST layout) for the tests.

    make_idx.py OUT_DIR [--train N] [--test N] [--gzip]

Class k (0..9) is a bright 5x5 square at a position of its own on a noisy
28x28 background; images and labels use a fixed NumPy seed."""
import argparse, gzip, os, struct
import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--train", type=int, default=200)
ap.add_argument("--test", type=int, default=100)
ap.add_argument("--gzip", action="store_true")
a = ap.parse_args()
rng = np.random.default_rng(1234)

def make(n):
    labels = rng.integers(0, 10, size=n).astype(np.uint8)
    imgs = (rng.random((n, 28, 28)) * 60).astype(np.uint8)
    for i, k in enumerate(labels):
        r, c = 2 + 5 * (k // 5) * 2, 2 + 5 * (k % 5)
        imgs[i, r:r + 5, c:c + 5] = 200 + rng.integers(0, 55)
    return imgs, labels

def write(path, data):
    if a.gzip:
        with gzip.open(path + ".gz", "wb") as f:
            f.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)

os.makedirs(a.out, exist_ok=True)
for split, n in (("train", a.train), ("t10k", a.test)):
    imgs, labels = make(n)
    write(os.path.join(a.out, f"{split}-images-idx3-ubyte"),
          struct.pack(">IIII", 0x803, n, 28, 28) + imgs.tobytes())
    write(os.path.join(a.out, f"{split}-labels-idx1-ubyte"),
          struct.pack(">II", 0x801, n) + labels.tobytes())
