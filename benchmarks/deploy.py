#!/usr/bin/env python3
"""Inference of the SynaCNN (examples/mnist_synacnn.syna) deployed three
ways, side by side in one run, on the 2,000 embedded test images:

  * the C library of `syna-compile` (docs/deploy.md), called from
    deploy_bench.c: batches of 100 with --threads openmp (2 threads) and
    serial, and single images (batch 1, serial: the edge case); each with
    the default compile options and with --product-block 1;
  * `syna-run predict` (the JIT with a warm compile cache), end to end:
    process start, cache load, reading the images, classifying;
  * PyTorch (Debian python3-torch, --threads threads) in eval mode under
    no_grad, the same network and the same parameters: batches of 100 and
    single images.

The parameters are a seeded random checkpoint (θ, as syna-run train writes
them), so that the library's logits are also checked against PyTorch's in
float64 (relative to the largest logit). Every figure is the best of
--repeat runs of at least --seconds each.

Usage: python3 benchmarks/deploy.py [--build build] [--threads 2]
       [--seconds 2] [--repeat 3]
Needs python3-torch, python3-numpy and gcc (tools/setup.sh --benchmarks).
"""
import argparse, os, subprocess, sys, tempfile, time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# The embedded data as train_mnist.py reads it; checkpoints as the tests
# write them.
from train_mnist import load
sys.path.insert(0, os.path.join(ROOT, "test", "Training", "Inputs"))
from safetensors_np import save
MODEL = os.path.join(ROOT, "examples", "mnist_synacnn.syna")
SHAPES = {
    "conv1_w": (16, 1, 5, 5), "bn1_scale": (16,), "bn1_shift": (16,),
    "bn1_mean": (16,), "bn1_var": (16,),
    "conv2_w": (32, 16, 5, 5), "bn2_scale": (32,), "bn2_shift": (32,),
    "bn2_mean": (32,), "bn2_var": (32,),
    "fc1_w": (128, 512), "bn3_scale": (128,), "bn3_shift": (128,),
    "bn3_mean": (128,), "bn3_var": (128,),
    "beta": (128, 128), "bn4_scale": (128,), "bn4_shift": (128,),
    "bn4_mean": (128,), "bn4_var": (128,),
    "fc2_w": (10, 128), "fc2_b": (10,),
}


def random_theta(seed=5):
    rng = np.random.default_rng(seed)
    theta = {}
    for name, shape in SHAPES.items():
        fan_in = int(np.prod(shape[1:])) if len(shape) > 1 else 1
        if name.endswith("_var"):
            value = rng.uniform(0.5, 2.0, shape)
        elif name.endswith("_scale"):
            value = rng.uniform(0.5, 1.5, shape)
        elif name == "beta":
            value = rng.uniform(-2, 2, shape)
        else:
            value = rng.uniform(-1, 1, shape) / np.sqrt(fan_in)
        theta[name] = value.astype(np.float32)
    return theta


def torch_model(torch, theta, dtype):
    F = torch.nn.functional
    t = {k: torch.tensor(v, dtype=dtype) for k, v in theta.items()}
    beta = torch.sigmoid(t["beta"])

    def bn(x, i):
        return F.batch_norm(x, t[f"bn{i}_mean"], t[f"bn{i}_var"],
                            t[f"bn{i}_scale"], t[f"bn{i}_shift"], False, 0.1, 1e-5)

    def forward(x):
        c1 = F.max_pool2d(F.relu(bn(F.conv2d(x, t["conv1_w"]), 1)), 2)
        c2 = F.max_pool2d(F.relu(bn(F.conv2d(c1, t["conv2_w"]), 2)), 2)
        h = bn(F.linear(c2.flatten(1), t["fc1_w"]), 3)
        p = F.softmax(h, 1)
        s = p * torch.exp(torch.log1p(-p[:, None, :] * beta[None]).sum(-1))
        return F.linear(bn(s, 4), t["fc2_w"], t["fc2_b"])
    return forward


def best_of(repeat, measure):
    return max(measure() for _ in range(repeat))


def torch_throughput(torch, forward, images, batch, seconds):
    x = torch.tensor(images)
    with torch.no_grad():
        forward(x[:batch])  # one-time set-up
        done, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            for at in range(0, len(x), batch):
                forward(x[at:at + batch])
            done += len(x)
        return done / (time.perf_counter() - start)


def torch_latency_us(torch, forward, images, seconds):
    x = torch.tensor(images[:200])
    times = []
    with torch.no_grad():
        forward(x[:1])
        start = time.perf_counter()
        while time.perf_counter() - start < seconds:
            for i in range(len(x)):
                t0 = time.perf_counter()
                forward(x[i:i + 1])
                times.append(time.perf_counter() - t0)
    return 1e6 * float(np.median(times))


def run(cmd, env=None):
    return subprocess.run(cmd, check=True, capture_output=True, text=True,
                          env=env).stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=2.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    try:
        import torch
    except ImportError:
        sys.exit("deploy.py needs PyTorch: tools/setup.sh --benchmarks")
    torch.set_num_threads(args.threads)
    bin_dir = os.path.join(args.build, "bin")
    images, _ = load(os.path.join(args.build, "data", "mnist"), "t10k")
    theta = random_theta()
    tmp = tempfile.mkdtemp(prefix="syna-deploy-")
    checkpoint = os.path.join(tmp, "theta.safetensors")
    save(checkpoint, theta)
    images.tofile(os.path.join(tmp, "images.f32"))
    np.save(os.path.join(tmp, "images.npy"), images)

    # The default compile options, and --product-block 1 (one polynomial
    # log1p per synapse term instead of the exact mantissa·2^exponent
    # product), which is faster for this model's inference.
    variants = {"openmp": ["--threads", "openmp"], "serial": [],
                "openmp-pb1": ["--threads", "openmp", "--product-block", "1"],
                "serial-pb1": ["--product-block", "1"]}
    benches, sizes = {}, {}
    for variant, options in variants.items():
        out = os.path.join(tmp, variant)
        run([os.path.join(bin_dir, "syna-compile"), MODEL, "--graph", "synacnn",
             "--checkpoint", checkpoint, "-o", out] + options)
        sizes[variant] = os.path.getsize(os.path.join(out, "libsynacnn.a"))
        exe = os.path.join(out, "bench")
        libs = ["-L/usr/lib/llvm-22/lib", "-lomp",
                "-Wl,-rpath,/usr/lib/llvm-22/lib"] if "openmp" in variant else []
        run(["gcc", "-O2", "-std=c99", "-I" + out,
             os.path.join(HERE, "deploy_bench.c"),
             os.path.join(out, "libsynacnn.a")] + libs + ["-lm", "-o", exe])
        benches[variant] = exe
    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads))

    def c_bench(variant, batch, field, logits=None):
        cmd = [benches[variant], os.path.join(tmp, "images.f32"),
               str(len(images) if batch > 1 else 200), str(batch),
               str(args.seconds)] + ([logits] if logits else [])
        for line in run(cmd, env).splitlines():
            key, value = line.split()
            if key == field:
                return float(value)

    logits_path = os.path.join(tmp, "logits.f32")
    c_bench("serial", 100, "images_per_s", logits_path)
    forward = torch_model(torch, theta, torch.float32)
    with torch.no_grad():
        reference = torch_model(torch, theta, torch.float64)(
            torch.tensor(images, dtype=torch.float64)).numpy()
    c_logits = np.fromfile(logits_path, np.float32).reshape(reference.shape)
    error = np.abs(c_logits - reference).max() / np.abs(reference).max()

    predict = [os.path.join(bin_dir, "syna-run"), "predict", MODEL,
               "--checkpoint", checkpoint, "-i", os.path.join(tmp, "images.npy")]
    run(predict, env)  # fills the compile cache

    def syna_run_predict():
        start = time.perf_counter()
        run(predict, env)
        return len(images) / (time.perf_counter() - start)

    torch_rate = best_of(args.repeat, lambda: torch_throughput(
        torch, forward, images, 100, args.seconds))
    rows = [(f"C library, batch 100, {v}",
             best_of(args.repeat, lambda v=v: c_bench(v, 100, "images_per_s")))
            for v in variants]
    rows.append(("syna-run predict (warm cache, end to end)",
                 best_of(args.repeat, syna_run_predict)))
    torch_latency = min(torch_latency_us(torch, forward, images, args.seconds)
                        for _ in range(args.repeat))
    print(f"SynaCNN inference, {len(images)} test images; logits of the C "
          f"library vs PyTorch: {error:.2e} of the largest")
    for name, value in rows:
        print(f"  {name:45s} {value:10.0f} images/s  ({value / torch_rate:.2f}x PyTorch)")
    print(f"  {'PyTorch, batch 100, %d threads' % args.threads:45s} {torch_rate:10.0f} images/s")
    for variant in ("serial", "serial-pb1"):
        latency = min(c_bench(variant, 1, "median_call_us") for _ in range(args.repeat))
        print(f"  batch 1 latency, C library {variant:10s} {latency:8.1f} us "
              f"({torch_latency / latency:.1f}x PyTorch's {torch_latency:.1f} us)")
    print("  library size: " + ", ".join(f"{v} {s} bytes" for v, s in sizes.items()))


if __name__ == "__main__":
    main()
