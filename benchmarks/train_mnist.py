#!/usr/bin/env python3
"""Training throughput of the SynaNN PyTorch MNIST network (docs/math.md §8,
examples/mnist_seed_cnn.syna): syna's compiled train step against PyTorch
(Debian python3-torch, --threads threads), side by side in one run, on the
embedded MNIST data (build/data/mnist).

Both figures measure the same thing: images/s over every training step of
an epoch, one-time set-up excluded.

  * syna: `syna-run train examples/mnist_seed_cnn.syna --epochs E`; the
    figure is the per-epoch images/s that syna-run reports (compilation
    and evaluation excluded);
  * PyTorch: the same architecture, the per-sample synapse tensor
    (x * exp(log1p(-x[:, None, :] * sigmoid(θ)[None]).sum(-1))), NLL loss,
    the example's settings (Adam lr 1e-3, dropout 0.1, batch 100),
    model.train(); five steps of a throwaway model first (PyTorch's one-time
    kernel and allocator set-up, the counterpart of syna's compilation).

The two run alternately --repeat times; each side's best epoch counts, so
that a busy moment of the machine does not decide the ratio.

Usage: python3 benchmarks/train_mnist.py [--build build] [--threads 2]
       [--epochs 1] [--repeat 3]
Prints both figures, both test accuracies and the ratio syna/PyTorch.
"""
import argparse, gzip, importlib.util, os, re, struct, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic, n = struct.unpack(">II", raw[:8])
    return raw, magic, n


def load(data, split):
    import numpy as np
    raw, _, n = idx(os.path.join(data, f"{split}-images-idx3-ubyte.gz"))
    x = np.frombuffer(raw[16:], np.uint8).reshape(n, 1, 28, 28).astype(np.float32) / 255
    raw, _, n = idx(os.path.join(data, f"{split}-labels-idx1-ubyte.gz"))
    y = np.frombuffer(raw[8:], np.uint8).astype(np.int64)
    return x, y


def torch_run(data, threads, epochs):
    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    torch.set_num_threads(threads)
    torch.manual_seed(1)

    class Synapse(nn.Module):
        def __init__(self, n):
            super().__init__()
            self.theta = nn.Parameter(torch.empty(n, n).uniform_(-1, 1))

        def forward(self, x):
            beta = torch.sigmoid(self.theta)
            return x * torch.exp(torch.log1p(-x[:, None, :] * beta[None]).sum(-1))

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 10, 5)
            self.conv2 = nn.Conv2d(10, 20, 5)
            self.drop2 = nn.Dropout(0.1)
            self.fc1 = nn.Linear(320, 64)
            self.drop = nn.Dropout(0.1)
            self.syn = Synapse(64)
            self.bn = nn.BatchNorm1d(64)
            self.fc2 = nn.Linear(64, 10)

        def forward(self, x):
            x = F.relu(F.max_pool2d(self.conv1(x), 2))
            x = F.relu(F.max_pool2d(self.drop2(self.conv2(x)), 2))
            x = F.relu(self.fc1(x.flatten(1)))
            x = F.softmax(self.drop(x), dim=1)
            x = self.bn(self.syn(x))
            return F.log_softmax(self.fc2(x), dim=1)

    xtr, ytr = load(data, "train")
    xte, yte = load(data, "t10k")
    xtr, ytr, xte, yte = map(torch.from_numpy, (xtr, ytr, xte, yte))
    B = 100
    steps = len(ytr) // B

    def step(net, opt, idx_):
        opt.zero_grad()
        loss = F.nll_loss(net(xtr[idx_]), ytr[idx_])
        loss.backward()
        opt.step()

    warm = Net()
    warm_opt = torch.optim.Adam(warm.parameters(), lr=1e-3)
    for s in range(5):
        step(warm, warm_opt, torch.arange(s * B, (s + 1) * B))
    net = Net()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    rates = []
    for epoch in range(epochs):
        net.train()
        perm = torch.randperm(len(ytr))
        t0 = time.perf_counter()
        for s in range(steps):
            step(net, opt, perm[s * B:(s + 1) * B])
        rates.append(steps * B / (time.perf_counter() - t0))
    net.eval()
    with torch.no_grad():
        acc = (net(xte).argmax(1) == yte).float().mean().item()
    return max(rates), acc


def syna_run(build, data, threads, epochs, out):
    env = dict(os.environ, OMP_NUM_THREADS=str(threads))
    cmd = [os.path.join(build, "bin", "syna-run"), "train",
           os.path.join(ROOT, "examples", "mnist_seed_cnn.syna"), "--data", data,
           "--epochs", str(epochs), "--out", out, "--no-progress"]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    rates = [float(m) for m in re.findall(r"([0-9.]+) images/s, [0-9.]+ s", r.stdout)]
    acc = re.findall(r"test accuracy ([0-9.]+)%", r.stdout)[-1]
    return max(rates), float(acc) / 100, r.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--out", default="/tmp/syna-bench-train")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    if importlib.util.find_spec("torch") is None:
        sys.exit("this benchmark runs PyTorch beside syna: install it with "
                 "tools/setup.sh --benchmarks (Debian's python3-torch)")
    data = os.path.join(a.build, "data", "mnist")
    s_rate = t_rate = 0.0
    for _ in range(a.repeat):
        rate, s_acc, _log = syna_run(a.build, data, a.threads, a.epochs, a.out)
        s_rate = max(s_rate, rate)
        rate, t_acc = torch_run(data, a.threads, a.epochs)
        t_rate = max(t_rate, rate)
    print(f"SynaNN PyTorch CNN (§8), batch 100, {a.threads} threads, {a.epochs} epoch(s), "
          f"8,000 training images, best of {a.repeat} alternating runs")
    print(f"  syna    : {s_rate:8.0f} images/s   test accuracy {100 * s_acc:.2f}%")
    print(f"  PyTorch : {t_rate:8.0f} images/s   test accuracy {100 * t_acc:.2f}%")
    print(f"  ratio syna/PyTorch: {s_rate / t_rate:.2f}x")


if __name__ == "__main__":
    main()
