#!/usr/bin/env python3
"""Training and inference throughput on every model: syna against PyTorch
(Debian python3-torch, --threads threads), side by side in one run, on the
embedded MNIST split (build/data/mnist).

The models:
  * every example model (examples/*.syna with a `model` block), each with
    its PyTorch twin below (same layers, initial value ranges aside, same
    optimizer, batch, dropout and augmentation);
  * --variants generated CNN/MLP variants drawn from --seed: kernel 3/5/7
    with "valid" or "same" padding, one or two convolutions of 8-64
    channels, widths 64-512, with and without batch norm and dropout.
    Each is written as a .syna file (kept in --out) and as a PyTorch module
    from one description, so the two cannot drift apart.

Per model and side: training images/s over one epoch of the 8,000 images
(mnist_tf_seed, whose four 3x3 convolutions cost ~2 GFLOP per image,
trains on its first --heavy-limit images), one-time set-up excluded (syna:
compilation; PyTorch: five throwaway steps), and evaluation images/s over
the 2,000 test images. The two sides run alternately --repeat times; each
side's best counts. Prints the table, the ratios syna/PyTorch, their
geometric mean and the worst case.

Usage: python3 benchmarks/models.py [--build build] [--threads 2]
       [--variants 8] [--seed 1] [--repeat 2] [--only NAME] [--out DIR]
"""
import argparse, functools, importlib.util, math, os, random, re, subprocess, sys, time
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from train_mnist import load  # noqa: E402  (the IDX reader of the suite)


@dataclass
class Conv:
    channels: int
    kernel: int
    padding: int = 0
    bias: bool = False       # without batch norm a convolution has a bias


@dataclass
class Spec:
    """One network: convolutions (each → [batch norm] → ReLU → 2×2 max
    pool), then dense(width) → [batch norm | bias and ReLU] → [dropout] →
    softmax → synapse(width) → batch norm → dense(10); cross-entropy."""
    name: str
    convs: list = field(default_factory=list)
    width: int = 128
    batch_norm: bool = True
    dropout: float = 0.0
    alpha: bool = False      # the synapse's α (1 + softplus) parameter
    optimizer: str = "adam"  # or "sgd" (lr 0.01, Nesterov momentum 0.9)
    batch: int = 100
    shift: int = 0           # augmentation: random shift of up to N pixels
    file: str = ""           # an example's .syna file; else generated
    heavy: bool = False      # train on the first --heavy-limit images only
    twin: object = None      # builds the PyTorch twin when no Spec form does

    def flat_input(self):
        """Whether the network reads [B, 784] rows (an MLP), not images."""
        return not self.convs and self.twin is None

    def spatial(self):
        """(channels, height) after the convolutions and pools."""
        c, h = 1, 28
        for conv in self.convs:
            c, h = conv.channels, (h + 2 * conv.padding - conv.kernel + 1) // 2
        return c, h


def syna_source(s):
    """The .syna text of a generated Spec."""
    params, body = [], []
    x = "x"

    def bn(name, n, value):
        params.extend([f"param  {name}_scale : f32[{n}] = ones",
                       f"param  {name}_shift : f32[{n}] = zeros",
                       f"buffer {name}_mean  : f32[{n}] = zeros",
                       f"buffer {name}_var   : f32[{n}] = ones"])
        return (f"batch_norm({value}, {name}_scale, {name}_shift, "
                f"{name}_mean, {name}_var)")

    cin = 1
    for i, conv in enumerate(s.convs, 1):
        params.append(f"param conv{i}_w : f32[{conv.channels}, {cin}, "
                      f"{conv.kernel}, {conv.kernel}] = kaiming_uniform")
        call = f"conv2d({x}, conv{i}_w"
        if not s.batch_norm:
            params.append(f"param conv{i}_b : f32[{conv.channels}] = zeros")
            call += f", bias = conv{i}_b"
        call += f", padding = [{conv.padding}, {conv.padding}])" if conv.padding else ")"
        if s.batch_norm:
            body.append(f"let a{i}, _, _ = {bn(f'bnc{i}', conv.channels, call)}")
        else:
            body.append(f"let a{i} = {call}")
        body.append(f"let c{i} = max_pool2d(relu(a{i}), kernel = [2, 2])")
        x, cin = f"c{i}", conv.channels
    c, h = s.spatial()
    features = c * h * h if s.convs else 784
    flat = f"flatten({x})" if s.convs else x
    params.append(f"param fc1_w : f32[{s.width}, {features}] = kaiming_uniform")
    if s.batch_norm:
        body.append(f"let h, _, _ = {bn('bnh', s.width, f'dense({flat}, fc1_w)')}")
    else:
        params.append(f"param fc1_b : f32[{s.width}] = zeros")
        body.append(f"let h = relu(dense({flat}, fc1_w, bias = fc1_b))")
    p = f"dropout(h, {s.dropout}, key = key)" if s.dropout else "h"
    body.append(f"let p = softmax({p})")
    params.append(f"param beta : f32[{s.width}, {s.width}] = uniform(-1, 1) in unit")
    body.append("let y = synapse_dense(p, beta)")
    body.append(f"let n, _, _ = {bn('bns', s.width, 'y')}")
    params.append(f"param fc2_w : f32[10, {s.width}] = xavier_uniform")
    params.append("param fc2_b : f32[10] = zeros")
    body.append("return dense(n, fc2_w, bias = fc2_b)")
    shape = "f32[B, 1, 28, 28]" if s.convs else "f32[B, 784]"
    key = ", key: i64" if s.dropout else ""
    optimizer = ("adam(lr = 0.001)" if s.optimizer == "adam" else
                 "sgd(lr = 0.01, momentum = 0.9, nesterov = true)")
    augment = f"\n  augment   = shift(pixels = {s.shift})" if s.shift else ""
    return ("# generated by benchmarks/models.py\n" + "\n".join(params) +
            f"\n\ngraph net(x: {shape}{key}) -> f32[B, 10] {{\n  " +
            "\n  ".join(body) + "\n}\n\n" +
            f"model {s.name} {{\n  graph     = net\n  loss      = cross_entropy\n"
            f"  optimizer = {optimizer}\n  batch     = {s.batch}\n  epochs    = 1\n"
            f"  seed      = 1{augment}\n  data      = mnist\n}}\n")


def synapse_module(torch, n, alpha):
    """The per-sample synapse tensor y = [α] x ∏_j (1 − β_ij x_j), β = σ(θ),
    α = 1 + softplus(θ_α), in PyTorch (docs/math.md)."""
    nn, F = torch.nn, torch.nn.functional

    class Synapse(nn.Module):
        def __init__(self):
            super().__init__()
            self.theta = nn.Parameter(torch.empty(n, n).uniform_(-1, 1))
            self.alpha = nn.Parameter(torch.full((n,), -4.0)) if alpha else None

        def forward(self, x):
            beta = torch.sigmoid(self.theta)
            y = x * torch.exp(torch.log1p(-x[:, None, :] * beta[None]).sum(-1))
            return y * (1 + F.softplus(self.alpha)) if self.alpha is not None else y

    return Synapse()


def torch_model(s, torch):
    """The PyTorch twin of a Spec (generated or an example's)."""
    nn = torch.nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            layers, cin = [], 1
            for conv in s.convs:
                layers.append(nn.Conv2d(cin, conv.channels, conv.kernel,
                                        padding=conv.padding,
                                        bias=conv.bias or not s.batch_norm))
                if s.batch_norm:
                    layers.append(nn.BatchNorm2d(conv.channels))
                layers += [nn.ReLU(), nn.MaxPool2d(2)]
                cin = conv.channels
            c, h = s.spatial()
            layers += [nn.Flatten(),
                       nn.Linear(c * h * h if s.convs else 784, s.width,
                                 bias=not s.batch_norm)]
            layers.append(nn.BatchNorm1d(s.width) if s.batch_norm else nn.ReLU())
            if s.dropout:
                layers.append(nn.Dropout(s.dropout))
            layers += [nn.Softmax(dim=1), synapse_module(torch, s.width, s.alpha),
                       nn.BatchNorm1d(s.width), nn.Linear(s.width, 10)]
            self.layers = nn.Sequential(*layers)

        def forward(self, x):
            return self.layers(x)

    return Net()


def tf_seed_twin(torch):
    """PyTorch twin of examples/mnist_tf_seed.syna (no Spec form: four
    convolutions without pools, a global max pool, dropout on both sides of
    the synapse)."""
    nn, F = torch.nn, torch.nn.functional

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.convs = nn.ModuleList(
                [nn.Conv2d(a, b, 3) for a, b in
                 ((1, 28), (28, 56), (56, 112), (112, 784))])
            self.syn = synapse_module(torch, 784, alpha=True)
            self.fc = nn.Linear(784, 10)

        def forward(self, x):
            for conv in self.convs:
                x = F.relu(conv(x))
            g = F.dropout(torch.amax(x, dim=(2, 3)), 0.25, self.training)
            s = self.syn(torch.softmax(g, dim=1))
            return self.fc(F.dropout(s, 0.25, self.training))

    return Net()


def examples():
    """The example models with a Spec that describes their PyTorch twin
    (mnist_seed_cnn's twin leaves out its dropout after the second
    convolution, which costs PyTorch a little time, not syna)."""
    ex = lambda f: os.path.join(ROOT, "examples", f)
    seed = Spec("mnist_seed_cnn", [Conv(10, 5, bias=True), Conv(20, 5, bias=True)],
                width=64, batch_norm=False, dropout=0.1, file=ex("mnist_seed_cnn.syna"))
    synacnn = Spec("mnist_synacnn", [Conv(16, 5), Conv(32, 5)], width=128,
                   shift=2, file=ex("mnist_synacnn.syna"))
    synamlp = Spec("mnist_synamlp", [], width=250, alpha=True, optimizer="sgd",
                   shift=1, file=ex("mnist_synamlp.syna"))
    tf_seed = Spec("mnist_tf_seed", batch=64, heavy=True, twin=tf_seed_twin,
                   file=ex("mnist_tf_seed.syna"))
    return [seed, synacnn, synamlp, tf_seed]


def variants(count, seed):
    """`count` generated Specs, the same for the same seed."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        bn, drop = rng.random() < 0.5, rng.choice([0.0, 0.1, 0.25])
        width = rng.choice([64, 128, 256, 512])
        if i % 4 == 3:  # every fourth an MLP
            out.append(Spec(f"mlp{i}_w{width}{'_bn' if bn else ''}", [], width,
                            bn, drop, optimizer=rng.choice(["adam", "sgd"])))
            continue
        k = rng.choice([3, 5, 7])
        same = rng.random() < 0.5
        convs = [Conv(rng.choice([8, 16, 24, 32]), k, k // 2 if same else 0)]
        if rng.random() < 0.7:
            convs.append(Conv(rng.choice([16, 32, 48, 64]), k, k // 2 if same else 0))
        tag = "x".join(str(c.channels) for c in convs)
        out.append(Spec(f"cnn{i}_k{k}{'s' if same else 'v'}_{tag}_w{width}"
                        f"{'_bn' if bn else ''}{'_do' if drop else ''}",
                        convs, width, bn, drop, shift=rng.choice([0, 2])))
    return out


def shift_batch(torch, x, pixels, gen):
    """Each image moved by a random offset of up to `pixels` (zeros fill),
    as syna's `augment = shift(...)`: one gather for the batch."""
    b = x.shape[0]
    dy = torch.randint(-pixels, pixels + 1, (b, 1, 1), generator=gen)
    dx = torch.randint(-pixels, pixels + 1, (b, 1, 1), generator=gen)
    padded = torch.nn.functional.pad(x.view(b, 28, 28), (pixels,) * 4)
    r = torch.arange(28).view(1, 28, 1) + pixels - dy
    c = torch.arange(28).view(1, 1, 28) + pixels - dx
    return padded[torch.arange(b).view(b, 1, 1), r, c].view(x.shape)


@functools.lru_cache(maxsize=None)
def mnist(data):
    """The training and test images and labels, read once per run."""
    return (*load(data, "train"), *load(data, "t10k"))


def torch_run(spec, data, threads, limit):
    """(train images/s, eval images/s, test accuracy) of the PyTorch twin."""
    import torch
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    gen = torch.Generator().manual_seed(1)
    xtr, ytr, xte, yte = map(torch.from_numpy, mnist(data))
    if spec.flat_input():
        xtr, xte = xtr.flatten(1), xte.flatten(1)
    if limit:
        xtr, ytr = xtr[:limit], ytr[:limit]
    make = (lambda: spec.twin(torch)) if spec.twin else (lambda: torch_model(spec, torch))
    B = spec.batch
    steps = len(ytr) // B

    def optimizer(net):
        if spec.optimizer == "sgd":
            return torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9, nesterov=True)
        return torch.optim.Adam(net.parameters(), lr=1e-3)

    def step(net, opt, idx):
        x = xtr[idx]
        if spec.shift:
            x = shift_batch(torch, x, spec.shift, gen)
        opt.zero_grad()
        torch.nn.functional.cross_entropy(net(x), ytr[idx]).backward()
        opt.step()

    warm = make()
    warm_opt = optimizer(warm)
    for s in range(min(5, steps)):
        step(warm, warm_opt, torch.arange(s * B, (s + 1) * B))
    net = make()
    opt = optimizer(net)
    net.train()
    perm = torch.randperm(len(ytr), generator=gen)
    t0 = time.perf_counter()
    for s in range(steps):
        step(net, opt, perm[s * B:(s + 1) * B])
    train_rate = steps * B / (time.perf_counter() - t0)
    net.eval()
    correct = 0
    with torch.no_grad():
        t0 = time.perf_counter()
        for s in range(0, len(yte), B):
            correct += (net(xte[s:s + B]).argmax(1) == yte[s:s + B]).sum().item()
        eval_rate = len(yte) / (time.perf_counter() - t0)
    return train_rate, eval_rate, correct / len(yte)


def syna_run(spec, build, data, threads, limit, out):
    """(train images/s, eval images/s, test accuracy) of syna-run."""
    env = dict(os.environ, OMP_NUM_THREADS=str(threads))
    exe = os.path.join(build, "bin", "syna-run")
    run_dir = os.path.join(out, spec.name)
    cmd = [exe, "train", spec.file, "--data", data, "--epochs", "1", "--out",
           run_dir, "--no-progress"]
    if limit:
        cmd += ["--limit-train", str(limit)]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if r.returncode:
        sys.exit(f"{' '.join(cmd)} failed:\n{r.stdout}{r.stderr}")
    train_rate = float(re.findall(r"([0-9.]+) images/s, [0-9.]+ s", r.stdout)[-1])
    cmd = [exe, "eval", spec.file, "--data", data, "--checkpoint",
           os.path.join(run_dir, "checkpoint.safetensors")]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if r.returncode:
        sys.exit(f"{' '.join(cmd)} failed:\n{r.stdout}{r.stderr}")
    m = re.search(r"test accuracy ([0-9.]+)%.*, ([0-9.]+) images/s", r.stdout)
    return train_rate, float(m.group(2)), float(m.group(1)) / 100


def geomean(xs):
    return math.exp(sum(map(math.log, xs)) / len(xs))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--variants", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--heavy-limit", type=int, default=320)
    ap.add_argument("--only", help="run only the models whose name contains this")
    ap.add_argument("--out", default="/tmp/syna-bench-models")
    a = ap.parse_args()
    if importlib.util.find_spec("torch") is None:
        sys.exit("this benchmark runs PyTorch beside syna: install it with "
                 "tools/setup.sh --benchmarks (Debian's python3-torch)")
    data = os.path.join(a.build, "data", "mnist")
    os.makedirs(a.out, exist_ok=True)
    specs = examples() + variants(a.variants, a.seed)
    if a.only:
        specs = [s for s in specs if a.only in s.name]
    rows = []
    for spec in specs:
        if not spec.file:
            spec.file = os.path.join(a.out, spec.name + ".syna")
            with open(spec.file, "w") as f:
                f.write(syna_source(spec))
        limit = a.heavy_limit if spec.heavy else 0
        best = {"syna": [0, 0, 0], "torch": [0, 0, 0]}
        for _ in range(a.repeat):
            for side, run in (("syna", lambda: syna_run(spec, a.build, data, a.threads, limit, a.out)),
                              ("torch", lambda: torch_run(spec, data, a.threads, limit))):
                tr, ev, acc = run()
                b = best[side]
                best[side] = [max(b[0], tr), max(b[1], ev), acc]
        s, t = best["syna"], best["torch"]
        rows.append((spec.name, s, t))
        print(f"{spec.name:34s} train {s[0]:7.0f} / {t[0]:7.0f} = {s[0] / t[0]:5.2f}x   "
              f"eval {s[1]:7.0f} / {t[1]:7.0f} = {s[1] / t[1]:5.2f}x   "
              f"accuracy {100 * s[2]:5.2f}% / {100 * t[2]:5.2f}%", flush=True)
    print(f"\nimages/s syna / PyTorch, {a.threads} threads, 1 epoch, best of "
          f"{a.repeat} alternating runs")
    print(f"| model | syna train | PyTorch train | ratio | syna eval | PyTorch eval "
          f"| ratio | accuracy syna / PyTorch |\n|---|---|---|---|---|---|---|---|")
    for name, s, t in rows:
        print(f"| {name} | {s[0]:.0f} | {t[0]:.0f} | {s[0] / t[0]:.2f}x | {s[1]:.0f} "
              f"| {t[1]:.0f} | {s[1] / t[1]:.2f}x | {100 * s[2]:.2f}% / {100 * t[2]:.2f}% |")
    for what, k in (("train", 0), ("eval", 1)):
        ratios = [s[k] / t[k] for _, s, t in rows]
        worst = min(range(len(rows)), key=lambda i: ratios[i])
        print(f"{what}: geometric mean {geomean(ratios):.2f}x, worst "
              f"{ratios[worst]:.2f}x ({rows[worst][0]})")


if __name__ == "__main__":
    main()
