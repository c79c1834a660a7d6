#!/usr/bin/env python3
"""Central finite differences in float64 of the forward definitions
(docs/math.md §1-§7), written independently of the C++ rules. It prints the
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

# Surprisal synapse S̄ = ᾱ + x̄ + G(ȳ + β̄) (docs/math.md §2, §3).
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


# --- The formulas of the gradient ops (SynaGradOps.td), evaluated directly
# and compared with finite differences of the forward ops. These ops have no
# folder; the lowering must implement exactly these formulas.
import random

random.seed(7)


def check(name, analytic, numeric):
    err = max(abs(a - n) for a, n in zip(analytic, numeric))
    print(f"{name:40s} max |formula − fd| = {err:.2e}")
    assert err < 1e-6, name


def fd_vec(f, xs):
    out = []
    for i in range(len(xs)):
        up = list(xs); up[i] += H
        dn = list(xs); dn[i] -= H
        out.append((f(up) - f(dn)) / (2 * H))
    return out


# flip_circuit_grad: T steps, scalar state, loss gx·x_T + gy·y_T + Σ G·traj.
T = 4
gx, gy = 0.7, -0.3
Gt = [[random.uniform(-1, 1) for _ in range(2)] for _ in range(T + 1)]


def flip_loss(p):
    x, y, a1, a2, b1, b2 = p
    total = Gt[0][0] * x + Gt[0][1] * y
    for t in range(T):
        x, y = a1 * x * (1 - b1 * y), a2 * x * (1 - b2 * y)
        total += Gt[t + 1][0] * x + Gt[t + 1][1] * y
    return total + gx * x + gy * y


p = [0.3, 0.6, 2.5, 2.2, 0.7, 0.4]
x0, y0, a1, a2, b1, b2 = p
xs, ys = [x0], [y0]
for t in range(T):
    xs.append(a1 * xs[-1] * (1 - b1 * ys[-1]))
    ys.append(a2 * xs[-2] * (1 - b2 * ys[-1]))
lx, ly = gx + Gt[T][0], gy + Gt[T][1]
da1 = da2 = db1 = db2 = 0.0
for t in range(T - 1, -1, -1):
    x, y = xs[t], ys[t]
    da1 += lx * x * (1 - b1 * y)
    da2 += ly * x * (1 - b2 * y)
    db1 += -lx * a1 * x * y
    db2 += -ly * a2 * x * y
    lx, ly = (Gt[t][0] + lx * a1 * (1 - b1 * y) + ly * a2 * (1 - b2 * y),
              Gt[t][1] - lx * a1 * b1 * x - ly * a2 * b2 * x)
check("flip_circuit_grad", [lx, ly, da1, da2, db1, db2], fd_vec(flip_loss, p))

# batch_norm_grad, training, one channel, N = 5, loss Σ g·y.
N, eps, gamma = 5, 1e-5, 1.3
g = [random.uniform(-1, 1) for _ in range(N)]
xb = [random.uniform(0, 1) for _ in range(N)]


def bn_loss(x):
    mu = sum(x) / N
    var = sum((v - mu) ** 2 for v in x) / N
    return sum(gi * (gamma * (v - mu) / math.sqrt(var + eps) + 0.1)
               for gi, v in zip(g, x))


mu = sum(xb) / N
var = sum((v - mu) ** 2 for v in xb) / N
xhat = [(v - mu) / math.sqrt(var + eps) for v in xb]
dshift = sum(g)
dscale = sum(gi * h for gi, h in zip(g, xhat))
dx = [gamma / math.sqrt(var + eps) * (gi - dshift / N - h * dscale / N)
      for gi, h in zip(g, xhat)]
check("batch_norm_grad (training) dx", dx, fd_vec(bn_loss, xb))

# conv2d_input_grad / conv2d_weight_grad: B = 1, C = 1, O = 1, H = W = 5,
# K = 3, stride 2, padding 1 (OH = OW = 3), loss Σ g·conv(x, w).
Hs, K, S, P = 5, 3, 2, 1
OH = (Hs + 2 * P - K) // S + 1
gc = [[random.uniform(-1, 1) for _ in range(OH)] for _ in range(OH)]
xc = [random.uniform(-1, 1) for _ in range(Hs * Hs)]
wc = [random.uniform(-1, 1) for _ in range(K * K)]


def conv_loss(x, w):
    total = 0.0
    for p_ in range(OH):
        for q in range(OH):
            for kh in range(K):
                for kw in range(K):
                    i, j = p_ * S + kh - P, q * S + kw - P
                    if 0 <= i < Hs and 0 <= j < Hs:
                        total += gc[p_][q] * x[i * Hs + j] * w[kh * K + kw]
    return total


dxc = []
for i in range(Hs):
    for j in range(Hs):
        acc = 0.0
        for kh in range(K):
            for kw in range(K):
                for p_ in range(OH):
                    for q in range(OH):
                        if p_ * S + kh == i + P and q * S + kw == j + P:
                            acc += gc[p_][q] * wc[kh * K + kw]
        dxc.append(acc)
check("conv2d_input_grad", dxc, fd_vec(lambda x: conv_loss(x, wc), xc))
dwc = []
for kh in range(K):
    for kw in range(K):
        acc = 0.0
        for p_ in range(OH):
            for q in range(OH):
                i, j = p_ * S + kh - P, q * S + kw - P
                if 0 <= i < Hs and 0 <= j < Hs:
                    acc += gc[p_][q] * xc[i * Hs + j]
        dwc.append(acc)
check("conv2d_weight_grad", dwc, fd_vec(lambda w: conv_loss(xc, w), wc))

# max_pool2d_grad: 4×4 input, kernel 2, stride 1 (overlapping windows).
xm = [random.uniform(-1, 1) for _ in range(16)]
gm = [[random.uniform(-1, 1) for _ in range(3)] for _ in range(3)]


def pool_loss(x):
    return sum(gm[p_][q] * max(x[(p_ + a) * 4 + q + b] for a in range(2) for b in range(2))
               for p_ in range(3) for q in range(3))


dxm = [0.0] * 16
for p_ in range(3):
    for q in range(3):
        window = [(p_ + a) * 4 + q + b for a in range(2) for b in range(2)]
        first_max = max(window, key=lambda idx: (xm[idx], -window.index(idx)))
        dxm[first_max] += gm[p_][q]
check("max_pool2d_grad", dxm, fd_vec(pool_loss, xm))
