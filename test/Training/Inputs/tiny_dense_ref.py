#!/usr/bin/env python3
"""NumPy reference for tiny_dense.syna (log_softmax(x·Wᵀ + b), NLL loss).

    tiny_dense_ref.py init CKPT            random θ → CKPT (NumPy-written)
    tiny_dense_ref.py eval CKPT DATA_DIR   test accuracy and loss of CKPT
    tiny_dense_ref.py step A B DATA_DIR LR MOMENTUM WD [PIXELS]
        checks that B is one SGD step (Nesterov, weight decay) from A on the
        whole training set of DATA_DIR as one batch; with PIXELS, on the
        images shifted as docs/training.md ("Augmentation") specifies for
        the epoch after A's, with A's seed."""
import gzip, os, struct, sys
import numpy as np
sys.path.insert(0, os.path.dirname(__file__))
from safetensors_np import load, save

def idx(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rb") as f:
        raw = f.read()
    magic, n = struct.unpack(">II", raw[:8])
    if magic == 0x803:
        return np.frombuffer(raw[16:], np.uint8).reshape(n, 784).astype(np.float64) / 255
    return np.frombuffer(raw[8:], np.uint8).astype(np.int64)

def data(d, split):
    f = lambda k: next(os.path.join(d, x) for x in os.listdir(d) if x.startswith(f"{split}-{k}"))
    return idx(f("images")), idx(f("labels"))

M = (1 << 64) - 1

def splitmix64(v):
    v = (v + 0x9E3779B97F4A7C15) & M
    v = ((v ^ (v >> 30)) * 0xBF58476D1CE4E5B9) & M
    v = ((v ^ (v >> 27)) * 0x94D049BB133111EB) & M
    return v ^ (v >> 31)

def logp(W, b, x):
    z = x @ W.T + b
    z = z - z.max(1, keepdims=True)
    return z - np.log(np.exp(z).sum(1, keepdims=True))

cmd = sys.argv[1] if __name__ == "__main__" else None  # importable for data()
if cmd == "init":
    rng = np.random.default_rng(5)
    save(sys.argv[2], {"w": rng.normal(0, 0.05, (10, 784)), "b": rng.normal(0, 0.1, 10)})
elif cmd == "eval":
    t, _ = load(sys.argv[2])
    x, y = data(sys.argv[3], "t10k")
    lp = logp(t["w"].astype(np.float64), t["b"].astype(np.float64), x)
    acc = (lp.argmax(1) == y).mean()
    print(f"reference accuracy {100 * acc:.2f}% ({int((lp.argmax(1) == y).sum())}/{len(y)}) loss {-lp[np.arange(len(y)), y].mean():.4f}")
elif cmd == "predict":
    t, _ = load(sys.argv[2])
    x, _ = data(sys.argv[3], "t10k")
    np.save(sys.argv[4], x[:6].astype(np.float32))
    lp = logp(t["w"].astype(np.float64), t["b"].astype(np.float64), x[:6])
    for i, k in enumerate(lp.argmax(1)):
        print(f"[{i}]: class {k}")
elif cmd == "step":
    A, meta = load(sys.argv[2]); B, _ = load(sys.argv[3])
    x, y = data(sys.argv[4], "train")
    lr, mu, wd = map(float, sys.argv[5:8])
    if len(sys.argv) > 8:
        P, seed, epoch = int(sys.argv[8]), int(meta["seed"]), int(meta["epoch"])
        moved = 0
        for i in range(len(y)):
            h = splitmix64(splitmix64(seed) ^ (((epoch << 32) + i) & M))
            dx, dy = h % (2 * P + 1) - P, (h >> 32) % (2 * P + 1) - P
            img, out = x[i].reshape(28, 28), np.zeros((28, 28))
            for r in range(28):
                for c in range(28):
                    if 0 <= r - dy < 28 and 0 <= c - dx < 28:
                        out[r, c] = img[r - dy, c - dx]
            x[i] = out.reshape(784)
            moved += (dx, dy) != (0, 0)
        print(f"{moved} of {len(y)} images shifted")
    W, b = A["w"].astype(np.float64), A["b"].astype(np.float64)
    p = np.exp(logp(W, b, x))
    p[np.arange(len(y)), y] -= 1
    p /= len(y)                                   # d(mean NLL)/dz
    grads = {"w": p.T @ x, "b": p.sum(0)}
    worst = 0.0
    for name, th in (("w", W), ("b", b)):
        g = grads[name] + wd * th
        m = mu * A["__opt_m_" + name].astype(np.float64) + g
        new = th - lr * (g + mu * m)
        for ref, got in ((new, B[name]), (m, B["__opt_m_" + name])):
            err = np.abs(ref - got) / (1e-3 + np.abs(ref))
            worst = max(worst, float(err.max()))
    print(f"worst relative error {worst:.2e}")
    print("step OK" if worst < 1e-3 else "step MISMATCH")
