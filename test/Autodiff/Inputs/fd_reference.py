#!/usr/bin/env python3
"""Central finite differences in float64 of the forward definitions
(synapse-math §1-§7), written independently of the C++ rules. It prints the
expected adjoints that test/Autodiff/gradient-values.mlir checks.

  python3 test/Autodiff/Inputs/fd_reference.py
"""
import math

H = 1e-6


def fd(f, args, i):
    """∂f/∂args[i] by central differences (args are floats)."""
    up = list(args); up[i] += H
    dn = list(args); dn[i] -= H
    return (f(*up) - f(*dn)) / (2 * H)


def G(u):  # inhibitory conjugate
    return -math.log(1 - math.exp(-u))


def nbe(u):
    return 1 / math.expm1(u)


def show(name, value):
    print(f"{name:40s} {value:.12e}")


# Elementwise unary ops, derivative at one point.
show("surprisal'(0.2)", fd(lambda p: -math.log(p), [0.2], 0))
show("prob'(0.7)", fd(lambda s: math.exp(-s), [0.7], 0))
show("conjugate'(0.9)", fd(G, [0.9], 0))
show("bose_einstein'(0.9)", fd(nbe, [0.9], 0))
show("odds'(0.3)", fd(lambda p: p / (1 - p), [0.3], 0))
show("sigmoid'(0.4)", fd(lambda x: 1 / (1 + math.exp(-x)), [0.4], 0))

# Surprisal synapse S̄ = ᾱ + x̄ + G(ȳ + β̄) (synapse-math §2, §3).
sbar = lambda a, x, y, b: a + x + G(y + b)
pt = [0.1, 0.3, 0.4, 0.5]
for i, n in enumerate("alpha x y beta".split()):
    show(f"surprisal synapse d/d{n}", fd(sbar, pt, i))

# Swap ratio x(1 − βy)/(y(1 − βx)) at x = 0.3, y = 0.6, β = 0.8.
swap = lambda x, y, b: x * (1 - b * y) / (y * (1 - b * x))
for i, n in enumerate("x y beta".split()):
    show(f"swap_ratio d/d{n}", fd(swap, [0.3, 0.6, 0.8], i))

# Log swap ratio in surprisal space at x̄ = 0.5, ȳ = 1.2, β̄ = 0.3.
lsr = lambda x, y, b: (y + G(x + b)) - (x + G(y + b))
for i, n in enumerate("x y beta".split()):
    show(f"log_swap_ratio d/d{n}", fd(lsr, [0.5, 1.2, 0.3], i))

# Synapse tensor, B = 2, n = 3, every element of x = 0.4, β = 0.3, α = 1.5,
# seed g = 1 everywhere: perturb one element of x, of β, of α and sum
# Σ_{b,i} y[b, i] (the seed is all ones).
B, N = 2, 3


def synapse_dense_sum(xs, betas, alphas):
    total = 0.0
    for b in range(B):
        for i in range(N):
            prod = 1.0
            for j in range(N):
                prod *= 1 - betas[i][j] * xs[b][j]
            total += alphas[i] * xs[b][i] * prod
    return total


def perturbed(which, h):
    xs = [[0.4] * N for _ in range(B)]
    betas = [[0.3] * N for _ in range(N)]
    alphas = [1.5] * N
    if which == "x":
        xs[0][1] += h
    elif which == "beta":
        betas[1][2] += h
    else:
        alphas[2] += h
    return synapse_dense_sum(xs, betas, alphas)


for which in ["x", "beta", "alpha"]:
    d = (perturbed(which, H) - perturbed(which, -H)) / (2 * H)
    show(f"synapse_dense d/d{which}", d)
show("synapse_dense y", 1.5 * 0.4 * (1 - 0.3 * 0.4) ** 3)

# Fan-out: f(x) = x·x/(x + 1) at x = 0.5, f'(x) = (x² + 2x)/(x + 1)².
show("fanout d/dx", fd(lambda x: x * x / (x + 1), [0.5], 0))

# Parameter domain maps: d/dθ of the mapped value at θ = 0.3.
sp = lambda t: math.log1p(math.exp(t))
show("unit dθ", fd(lambda t: 1 / (1 + math.exp(-t)), [0.3], 0))
show("positive dθ", fd(sp, [0.3], 0))
show("at_least_one dθ", fd(lambda t: 1 + sp(t), [0.3], 0))
show("unit v(0.3)", 1 / (1 + math.exp(-0.3)))
show("positive v(0.3)", sp(0.3))
