#!/usr/bin/env python3
"""One synapse layer, forward, batch 100, widths 64/128/256/784, in one run:

  * syna: the compiled code of `syna.synapse_dense` (syna-run --benchmark,
    syna-cpu-pipeline: batch tiles over OpenMP threads, the host's vectors), in
    two forms: the default (product-block=4), which carries the exact product
    as mantissa·2^exponent, 4 factors per step and no logarithm, and
    product-block=1, one polynomial log1p per term like the C loop;
  * PyTorch (2 threads): the same per-sample math with broadcasting,
    x * exp(log1p(-x[:, None, :] * beta[None]).sum(-1)), under no_grad;
  * a plain C loop (synapse_c.c) built with -O3 -march=native -ffast-math
    -fopenmp, which vectorises log1pf through glibc's libmvec: the practical
    limit.

Usage: python3 benchmarks/synapse_layer.py [--build build] [--threads 2]
Needs python3-numpy, python3-torch and gcc (tools/setup.sh --benchmarks).
Prints images/s and the ratios syna/PyTorch and syna/C. Every measurement is the best of --repeats
runs of at least --min-seconds each, interleaved, on the same inputs.
"""
import argparse
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
BATCH = 100


def graph(n):
    return (f"func.func @layer(%x: tensor<{BATCH}x{n}xf32>, %b: tensor<{n}x{n}xf32>) -> tensor<{BATCH}x{n}xf32> {{\n"
            f"  %y = syna.synapse_dense %x beta %b : (tensor<{BATCH}x{n}xf32>, tensor<{n}x{n}xf32>) -> tensor<{BATCH}x{n}xf32>\n"
            f"  return %y : tensor<{BATCH}x{n}xf32>\n}}\n")


def calls_for(seconds_per_call, min_seconds):
    return max(3, int(min_seconds / max(seconds_per_call, 1e-7)))


def bench_syna(syna_run, tmp, n, x, beta, min_seconds, env, product_block):
    mod = os.path.join(tmp, f"layer{n}.mlir")
    with open(mod, "w") as f:
        f.write(graph(n))
    xp, bp = os.path.join(tmp, f"x{n}.npy"), os.path.join(tmp, f"b{n}.npy")
    np.save(xp, x)
    np.save(bp, beta)
    base = [syna_run, "run", mod, "--graph", "layer", "-i", xp, "-i", bp, "--quiet",
            "--product-block", str(product_block)]

    def once(calls):
        r = subprocess.run(base + ["--benchmark", str(calls)], capture_output=True, text=True, env=env)
        if r.returncode:
            sys.exit("syna-run failed:\n" + r.stderr)
        ms = float(re.search(r"([0-9.]+) ms per call", r.stdout).group(1))
        return ms * 1e-3

    per_call = once(5)
    return BATCH / once(calls_for(per_call, min_seconds))


def check_syna(syna_run, tmp, n, x, beta, env, product_block):
    out = os.path.join(tmp, "out")
    subprocess.run([syna_run, "run", os.path.join(tmp, f"layer{n}.mlir"), "--graph", "layer",
                    "-i", os.path.join(tmp, f"x{n}.npy"), "-i", os.path.join(tmp, f"b{n}.npy"),
                    "--quiet", "--output-dir", out, "--product-block", str(product_block)], check=True, env=env)
    y = np.load(os.path.join(out, "layer.0.npy")).astype(np.float64)
    x64, b64 = x.astype(np.float64), beta.astype(np.float64)
    acc = np.stack([np.log1p(-b64 * x64[i][None, :]).sum(-1) for i in range(BATCH)])
    ref = x64 * np.exp(acc)
    return np.max(np.abs(y - ref) / np.abs(ref))


def bench_torch(torch, n, x, beta, min_seconds):
    xt, bt = torch.from_numpy(x), torch.from_numpy(beta)

    def f():
        with torch.no_grad():
            return xt * torch.exp(torch.log1p(-xt[:, None, :] * bt[None]).sum(-1))

    f()
    t0 = time.perf_counter()
    f()
    per_call = time.perf_counter() - t0
    calls = calls_for(per_call, min_seconds)
    t0 = time.perf_counter()
    for _ in range(calls):
        f()
    return BATCH * calls / (time.perf_counter() - t0)


def bench_c(exe, n, min_seconds, env):
    def once(iters):
        r = subprocess.run([exe, str(n), str(BATCH), str(iters)], capture_output=True, text=True, env=env, check=True)
        return float(r.stdout.split()[0])
    rate = once(5)
    return once(calls_for(BATCH / rate, min_seconds))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(HERE, "..", "build"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--widths", default="64,128,256,784")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--min-seconds", type=float, default=1.0)
    args = ap.parse_args()
    if importlib.util.find_spec("torch") is None:
        sys.exit("this benchmark runs PyTorch beside syna: install it with "
                 "tools/setup.sh --benchmarks (Debian's python3-torch)")
    import torch
    torch.set_num_threads(args.threads)
    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads))
    syna_run = os.path.join(args.build, "bin", "syna-run")
    tmp = tempfile.mkdtemp(prefix="syna-bench-")
    cexe = os.path.join(tmp, "synapse_c")
    subprocess.run(["gcc", "-O3", "-march=native", "-ffast-math", "-fopenmp",
                    os.path.join(HERE, "synapse_c.c"), "-o", cexe, "-lm"], check=True)
    rng = np.random.default_rng(1)
    load = os.getloadavg()[0]
    print(f"one synapse layer, forward, batch {BATCH}, {args.threads} thread(s), best of {args.repeats}, "
          f"load average {load:.2f} on {os.cpu_count()} cores (images/s, higher is better)")
    print("x: per-sample softmax of N(0,1) logits (as after the softmax in the SynaNN nets), beta ~ U(0, 0.98)")
    print(f"{'width':>6} {'syna':>10} {'syna pb=1':>10} {'PyTorch':>10} {'C loop':>10} "
          f"{'syna/PyTorch':>13} {'syna/C':>7} {'pb=1/PyTorch':>13} {'pb=1/C':>7} {'max rel err':>12}")
    for n in [int(w) for w in args.widths.split(",")]:
        logits = rng.normal(0, 1, (BATCH, n))
        x = (np.exp(logits) / np.exp(logits).sum(1, keepdims=True)).astype(np.float32)
        beta = rng.uniform(0.0, 0.98, (n, n)).astype(np.float32)
        best = {"syna": 0.0, "syna1": 0.0, "torch": 0.0, "c": 0.0}
        for _ in range(args.repeats):
            best["syna"] = max(best["syna"], bench_syna(syna_run, tmp, n, x, beta, args.min_seconds, env, 4))
            best["syna1"] = max(best["syna1"], bench_syna(syna_run, tmp, n, x, beta, args.min_seconds, env, 1))
            best["torch"] = max(best["torch"], bench_torch(torch, n, x, beta, args.min_seconds))
            best["c"] = max(best["c"], bench_c(cexe, n, args.min_seconds, env))
        err = max(check_syna(syna_run, tmp, n, x, beta, env, 4), check_syna(syna_run, tmp, n, x, beta, env, 1))
        print(f"{n:>6} {best['syna']:>10.0f} {best['syna1']:>10.0f} {best['torch']:>10.0f} {best['c']:>10.0f} "
              f"{best['syna'] / best['torch']:>12.1f}x {best['syna'] / best['c']:>6.2f}x "
              f"{best['syna1'] / best['torch']:>12.1f}x {best['syna1'] / best['c']:>6.2f}x {err:>12.2e}")
        sys.stdout.flush()

if __name__ == "__main__":
    main()
