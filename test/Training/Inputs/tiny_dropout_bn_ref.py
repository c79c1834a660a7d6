#!/usr/bin/env python3
"""NumPy reference (float64) of one training step of tiny_dropout_bn.syna.

    tiny_dropout_bn_ref.py A B DATA_DIR [KEY_OFFSET]

B must be one plain SGD step (lr 0.1) from checkpoint A on the training set
of DATA_DIR, which is exactly one batch. Everything the host loop and the
compiled step do is recomputed from their documented definitions
(docs/training.md, the syna.dropout op): the step's key
splitmix64(seed·0x100000001B3 + step) >> 1, the epoch's Fisher–Yates
shuffle, the dropout mask of key + KEY_OFFSET (1, as the graph says; another
offset must fail), batch statistics in the forward pass, the running
statistics (momentum 0.1, unbiased variance) and the gradient."""
import os, sys
import numpy as np
sys.path.insert(0, os.path.dirname(__file__))
from safetensors_np import load
from tiny_dense_ref import M, data, splitmix64

def keep(key, n, rate):
    """syna.dropout: splitmix64's finaliser of (index·φ) XOR key; the top 24
    bits as u ∈ [0, 1); kept when u ≥ rate."""
    out = np.empty(n, bool)
    for i in range(n):
        h = ((i * 0x9E3779B97F4A7C15) & M) ^ key
        h = ((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9) & M
        h = ((h ^ (h >> 27)) * 0x94D049BB133111EB) & M
        h ^= h >> 31
        out[i] = (h >> 40) / 16777216.0 >= rate
    return out

A, meta = load(sys.argv[1]); Bk, _ = load(sys.argv[2])
x, y = data(sys.argv[3], "train")
offset = int(sys.argv[4]) if len(sys.argv) > 4 else 1
seed, epoch, step = int(meta["seed"]), int(meta["epoch"]), int(meta["step"]) + 1
order = list(range(len(y)))
state = splitmix64(seed ^ splitmix64(epoch + 1))
for i in range(len(order) - 1, 0, -1):
    state = splitmix64(state)
    j = state % (i + 1)
    order[i], order[j] = order[j], order[i]
x, y = x[order], y[order]
key = splitmix64((seed * 0x100000001B3 + step) & M) >> 1
T = {k: v.astype(np.float64) for k, v in A.items()}
Bn, rate, eps = len(y), 0.5, 1e-5

z1 = x @ T["w1"].T + T["b1"]
m = keep((key + offset) & M, z1.size, rate).reshape(z1.shape) / (1 - rate)
h = z1 * m
mu, var = h.mean(0), h.var(0)
inv = 1 / np.sqrt(var + eps)
xhat = (h - mu) * inv
n = xhat * T["bn_scale"] + T["bn_shift"]
z2 = n @ T["w2"].T + T["b2"]
p = np.exp(z2 - z2.max(1, keepdims=True)); p /= p.sum(1, keepdims=True)
dz2 = p.copy(); dz2[np.arange(Bn), y] -= 1; dz2 /= Bn
dn = dz2 @ T["w2"]
dxhat = dn * T["bn_scale"]
dh = inv / Bn * (Bn * dxhat - dxhat.sum(0) - xhat * (dxhat * xhat).sum(0))
dz1 = dh * m
grads = {"w2": dz2.T @ n, "b2": dz2.sum(0), "bn_scale": (dn * xhat).sum(0),
         "bn_shift": dn.sum(0), "w1": dz1.T @ x, "b1": dz1.sum(0)}
want = {k: T[k] - 0.1 * g for k, g in grads.items()}
want["bn_mean"] = 0.9 * T["bn_mean"] + 0.1 * mu
want["bn_var"] = 0.9 * T["bn_var"] + 0.1 * h.var(0, ddof=1)
worst = 0.0
for k, ref in want.items():
    err = np.abs(ref - Bk[k]) / (1e-3 + np.abs(ref))
    worst = max(worst, float(err.max()))
print(f"kept {int((m > 0).sum())} of {m.size}; worst relative error {worst:.2e}")
print("step OK" if worst < 1e-3 else "step MISMATCH")
