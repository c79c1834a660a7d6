#!/usr/bin/env python3
"""Float64 references for the gradient ops (SynaGradOps.td), executed by
syna-run through the whole syna-cpu-pipeline.

Usage: grad_numeric.py SYNA_RUN MODULE

Each reference evaluates the op's formula directly, with plain loops or a
B x n x n array (test sizes), never syna's output; the formulas themselves are
checked against central finite differences of the forward ops by
test/Autodiff/Inputs/fd_reference.py and, end to end, by `syna-run gradcheck`.

Tolerances. f64 graphs: syna computes in float64 (libm for transcendentals);
a reduction of n terms has |error| <= n*u*sum|terms| with u = 2**-53, so the
checks use atol = 4*n*u*sum|terms| (from the data) plus rtol = 64*u for the
elementwise factors. f32 graphs: inputs are float32, the reference uses the
same values in float64, u = 2**-24 and the same bounds; the synapse-tensor
terms h*beta/(1 - beta*x) carry a few roundings each (4 ops, one division),
hence 8*n*u*sum|terms|.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numeric as N  # noqa: E402
from numeric import check, expect, run, f64  # noqa: E402
import numpy as np  # noqa: E402

U64 = 2.0 ** -53
U32 = 2.0 ** -24
rng = np.random.default_rng(7)


def red_atol(terms_abs_sum, n, u, k=4.0):
    return k * n * u * terms_abs_sum


def synapse_dense_grad_ref(x, beta, alpha, y, g):
    x, beta, y, g = f64(x), f64(beta), f64(y), f64(g)
    h = g * y
    r = 1.0 / (1.0 - beta[None, :, :] * x[:, None, :])           # [b, i, j]
    tdx = h[:, :, None] * beta[None, :, :] * r                   # [b, i, j]
    dx = h / x - tdx.sum(1)
    tdb = h[:, :, None] * x[:, None, :] * r
    db = -tdb.sum(0)
    da = None if alpha is None else h.sum(0) / f64(alpha)
    return (dx, np.abs(tdx).sum(1) + np.abs(h / x)), (db, np.abs(tdb).sum(0)), (da, np.abs(h).sum(0))


def conv_input_grad_ref(g, w, H, W, s, p):
    g, w = f64(g), f64(w)
    B, O, OH, OW = g.shape
    _, C, KH, KW = w.shape
    dx = np.zeros((B, C, H, W))
    mag = np.zeros((B, C, H, W))
    for pi in range(OH):
        for qi in range(OW):
            for kh in range(KH):
                for kw in range(KW):
                    i, j = pi * s + kh - p, qi * s + kw - p
                    if 0 <= i < H and 0 <= j < W:
                        t = np.einsum("bo,oc->bc", g[:, :, pi, qi], w[:, :, kh, kw])
                        dx[:, :, i, j] += t
                        mag[:, :, i, j] += np.einsum("bo,oc->bc", np.abs(g[:, :, pi, qi]), np.abs(w[:, :, kh, kw]))
    return dx, mag


def conv_weight_grad_ref(x, g, KH, KW, s, p):
    x, g = f64(x), f64(g)
    B, C, H, W = x.shape
    _, O, OH, OW = g.shape
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    dw = np.zeros((O, C, KH, KW))
    mag = np.zeros_like(dw)
    for kh in range(KH):
        for kw in range(KW):
            patch = xp[:, :, kh:kh + s * (OH - 1) + 1:s, kw:kw + s * (OW - 1) + 1:s]  # B C OH OW
            dw[:, :, kh, kw] = np.einsum("bopq,bcpq->oc", g, patch)
            mag[:, :, kh, kw] = np.einsum("bopq,bcpq->oc", np.abs(g), np.abs(patch))
    return dw, mag


def max_pool_grad_ref(x, g, k, s):
    x, g = f64(x), f64(g)
    dx = np.zeros_like(x)
    B, C, OH, OW = g.shape
    for b in range(B):
        for c in range(C):
            for p in range(OH):
                for q in range(OW):
                    win = x[b, c, p * s:p * s + k, q * s:q * s + k]
                    a = int(np.argmax(win))  # first maximum in row-major order
                    dx[b, c, p * s + a // k, q * s + a % k] += g[b, c, p, q]
    return dx


def batch_norm_grad_ref(x, scale, mean, var, g, eps, training):
    x, g = f64(x), f64(g)
    axes = (0,) if x.ndim == 2 else (0, 2, 3)
    shp = (1, -1) if x.ndim == 2 else (1, -1, 1, 1)
    if training:
        mean, var = x.mean(axis=axes), x.var(axis=axes)
    mean, var, scale = f64(mean), f64(var), f64(scale)
    inv = 1.0 / np.sqrt(var + eps)
    xhat = (x - mean.reshape(shp)) * inv.reshape(shp)
    dshift = g.sum(axis=axes)
    dscale = (g * xhat).sum(axis=axes)
    n = x.size / x.shape[1]
    k = (scale * inv).reshape(shp)
    if training:
        dx = k * (g - dshift.reshape(shp) / n - xhat * dscale.reshape(shp) / n)
    else:
        dx = k * g
    return dx, dscale, dshift, np.abs(g).sum(axis=axes), (np.abs(g * xhat)).sum(axis=axes)


def flip_grad_ref(x0, y0, a1, a2, b1, b2, gx, gy, G, T):
    x0, y0, a1, a2, b1, b2 = map(f64, (x0, y0, a1, a2, b1, b2))
    xs, ys = [x0], [y0]
    for _ in range(T):
        x, y = xs[-1], ys[-1]
        xs.append(a1 * x * (1 - b1 * y))
        ys.append(a2 * x * (1 - b2 * y))
    Gx = (lambda t: 0.0) if G is None else (lambda t: f64(G[t, 0]))
    Gy = (lambda t: 0.0) if G is None else (lambda t: f64(G[t, 1]))
    lx, ly = f64(gx) + Gx(T), f64(gy) + Gy(T)
    da1 = da2 = db1 = db2 = 0.0
    for t in range(T - 1, -1, -1):
        x, y = xs[t], ys[t]
        da1 = da1 + lx * x * (1 - b1 * y)
        da2 = da2 + ly * x * (1 - b2 * y)
        db1 = db1 - lx * a1 * x * y
        db2 = db2 - ly * a2 * x * y
        lx, ly = (Gx(t) + lx * a1 * (1 - b1 * y) + ly * a2 * (1 - b2 * y),
                  Gy(t) - lx * a1 * b1 * x - ly * a2 * b2 * x)
    fit = lambda d, p: d.sum() if np.ndim(p) == 0 else d  # rank-0 parameters sum over the state
    return lx, ly, fit(da1, a1), fit(da2, a2), fit(db1, b1), fit(db2, b2)


def main(sr, mod):
    # synapse_dense_grad, f32 with a dynamic batch, and f64 without alpha.
    for graph, B, n, dt, u in (("sdg32", 7, 16, np.float32, U32), ("sdg64", 5, 24, np.float64, U64)):
        x = rng.uniform(0.05, 0.95, (B, n)).astype(dt)
        beta = rng.uniform(0.0, 1.0, (n, n)).astype(dt)
        alpha = rng.uniform(1.0, 2.0, n).astype(dt) if graph == "sdg32" else None
        y = N.synapse_tensor(x, beta, alpha)[0].astype(dt)
        g = rng.normal(0, 1, (B, n)).astype(dt)
        ins = [x, beta] + ([alpha] if alpha is not None else []) + [y, g]
        out = run(sr, mod, graph, ins)
        (dx, mx), (db, mb), (da, ma) = synapse_dense_grad_ref(x, beta, alpha, y, g)
        if out is None:
            continue
        check(graph + " dx", out[0], dx, rtol=64 * u, atol=red_atol(mx, n, u, 8), why="n-term reduction bound")
        check(graph + " dbeta", out[1], db, rtol=64 * u, atol=red_atol(mb, B, u, 8), why="B-term reduction bound")
        if alpha is not None:
            check(graph + " dalpha", out[2], da, rtol=64 * u, atol=red_atol(ma, B, u), why="B-term sum")
        # Samples never mix in dx: changing another sample leaves row 0 as is.
        if graph == "sdg32":
            x2, g2 = x.copy(), g.copy()
            x2[1:] = rng.uniform(0.05, 0.95, x2[1:].shape).astype(dt)
            g2[1:] = 0
            out2 = run(sr, mod, graph, [x2, beta, alpha, N.synapse_tensor(x2, beta, alpha)[0].astype(dt), g2])
            if out2 is not None:
                expect("sdg32 dx row independent of the rest of the batch",
                       np.array_equal(out2[0][0], out[0][0]) or np.allclose(out2[0][0], out[0][0], rtol=8 * U32, atol=0))

    # conv2d input and weight gradients: strides, padding, unreached rows.
    for graph, xs, ws, s, p, dt, u in (("conv_s2p1", (3, 3, 9, 9), (4, 3, 3, 3), 2, 1, np.float64, U64),
                                       ("conv_s2p0", (2, 2, 8, 8), (3, 2, 3, 3), 2, 0, np.float64, U64),
                                       ("conv_s1f32", (2, 2, 7, 7), (5, 2, 5, 5), 1, 0, np.float32, U32)):
        x = rng.normal(0, 1, xs).astype(dt)
        w = rng.normal(0, 1, ws).astype(dt)
        OH = (xs[2] + 2 * p - ws[2]) // s + 1
        g = rng.normal(0, 1, (xs[0], ws[0], OH, OH)).astype(dt)
        out = run(sr, mod, graph, [x, w, g])
        if out is None:
            continue
        dx, mx = conv_input_grad_ref(g, w, xs[2], xs[3], s, p)
        dw, mw = conv_weight_grad_ref(x, g, ws[2], ws[3], s, p)
        kx = ws[0] * ws[2] * ws[3]
        kw = xs[0] * OH * OH
        check(graph + " input grad", out[0], dx, atol=red_atol(mx, kx, u), why="O*KH*KW-term sums")
        check(graph + " weight grad", out[1], dw, atol=red_atol(mw, kw, u), why="B*OH*OW-term sums")

    # max_pool2d_grad: ties (small integers) go to the first maximum.
    x = rng.integers(0, 3, (3, 2, 6, 6)).astype(np.float64)
    g = rng.normal(0, 1, (3, 2, 3, 3))
    out = run(sr, mod, "pool2", [x, g])
    if out is not None:
        check("pool2 (ties, first maximum)", out[0], max_pool_grad_ref(x, g, 2, 2), atol=0.0, why="exact routing")
    x = rng.integers(0, 4, (2, 3, 7, 7)).astype(np.float32)
    g = rng.normal(0, 1, (2, 3, 3, 3)).astype(np.float32)
    out = run(sr, mod, "pool3s2", [x, g])
    if out is not None:
        # Overlapping windows add up: at most 4 float32 terms per element.
        check("pool3s2 (overlapping, ties)", out[0], max_pool_grad_ref(x, g, 3, 2),
              atol=4 * U32 * 4 * np.abs(g).max(), why="<= 4 overlapping windows")

    # batch_norm_grad, training (batch statistics) and inference.
    x = rng.normal(1, 2, (5, 3, 2, 2))
    s_, m_, v_ = rng.uniform(0.5, 2, 3), rng.normal(0, 1, 3), rng.uniform(0.5, 2, 3)
    g = rng.normal(0, 1, x.shape)
    out = run(sr, mod, "bn_train", [x, s_, m_, v_, g])
    if out is not None:
        dx, ds, dh, mh, ms_ = batch_norm_grad_ref(x, s_, m_, v_, g, 1e-3, True)
        n = 20
        # dx subtracts the two channel means: absolute error ~ n*u*(|g| sums)/n times scale/sigma.
        k = np.max(s_ / np.sqrt(x.var(axis=(0, 2, 3)) + 1e-3))
        check("bn_train dx", out[0], dx, rtol=64 * U64, atol=k * 64 * U64 * (np.abs(g).max() + mh.max() / n + ms_.max()),
              why="elementwise after n-term sums")
        check("bn_train dscale", out[1], ds, atol=red_atol(ms_, n, U64, 16), why="n-term sum of g*xhat")
        check("bn_train dshift", out[2], dh, atol=red_atol(mh, n, U64), why="n-term sum")
    x = rng.normal(0, 1, (6, 4))
    s_, m_, v_ = rng.uniform(0.5, 2, 4), rng.normal(0, 1, 4), rng.uniform(0.5, 2, 4)
    g = rng.normal(0, 1, x.shape)
    out = run(sr, mod, "bn_inf", [x, s_, m_, v_, g])
    if out is not None:
        dx, ds, dh, mh, ms_ = batch_norm_grad_ref(x, s_, m_, v_, g, 1e-5, False)
        check("bn_inf dx", out[0], dx, rtol=16 * U64, why="3 roundings")
        check("bn_inf dscale", out[1], ds, atol=red_atol(ms_, 6, U64, 16), why="6-term sum")
        check("bn_inf dshift", out[2], dh, atol=red_atol(mh, 6, U64), why="6-term sum")

    # nll_loss_grad: -g*w at the label; an out-of-range label gives a 0 row.
    labels = np.array([0, 4, 2, 2, 7, -1], dtype=np.int64)
    x = rng.normal(0, 1, (6, 5))
    ref = np.zeros((6, 5))
    for b, c in enumerate(labels):
        if 0 <= c < 5:
            ref[b, c] = -0.75 / 6
    out = run(sr, mod, "nll_mean", [x, labels, np.array(0.75)])
    if out is not None:
        check("nll_mean", out[0], ref, rtol=2 * U64, why="one division")
    labels = np.array([1, 0, 4, 3], dtype=np.int64)
    ref = np.zeros((4, 5))
    ref[np.arange(4), labels] = -2.5
    out = run(sr, mod, "nll_sum", [rng.normal(0, 1, (4, 5)).astype(np.float32), labels, np.array(2.5, dtype=np.float32)])
    if out is not None:
        check("nll_sum", out[0], ref, why="exact")

    # flip_circuit_grad: trajectory adjoint, rank-0 and per-state parameters.
    T = 6
    args = [rng.uniform(0.05, 0.95, 4), rng.uniform(0.05, 0.95, 4), np.array(1.7), rng.uniform(1, 2, 4),
            np.array(0.6), rng.uniform(0, 1, 4), rng.normal(0, 1, 4), rng.normal(0, 1, 4), rng.normal(0, 1, (T + 1, 2, 4))]
    out = run(sr, mod, "flip", args)
    if out is not None:
        ref = flip_grad_ref(*args, T)
        names = ["dx0", "dy0", "dalpha1", "dalpha2", "dbeta1", "dbeta2"]
        for k in range(6):
            # T steps of a linear recurrence with |factors| <= 2: 16*T*u relative
            # to the magnitude of the largest adjoint.
            check("flip " + names[k], out[k], ref[k], atol=16 * T * U64 * max(1.0, np.max(np.abs(ref[k]))) * 4,
                  why="T-step recurrence")
    T = 20
    st = 9
    args = [rng.uniform(0.05, 0.95, st).astype(np.float32), rng.uniform(0.05, 0.95, st).astype(np.float32),
            # alpha < 1: a contracting circuit, so the f32 forward states stay
            # within a few ulp of the float64 ones over 20 steps (with alpha
            # near 1.5 the map is chaotic and f32 loses 3 digits by itself).
            rng.uniform(0.5, 0.9, st).astype(np.float32), np.array(0.8, dtype=np.float32),
            rng.uniform(0, 1, st).astype(np.float32), np.array(0.3, dtype=np.float32),
            rng.normal(0, 1, st).astype(np.float32), rng.normal(0, 1, st).astype(np.float32)]
    out = run(sr, mod, "flip_nt", args)
    if out is not None:
        ref = flip_grad_ref(*args, None, T)
        names = ["dx0", "dy0", "dalpha1", "dalpha2", "dbeta1", "dbeta2"]
        for k in range(6):
            scale = max(1.0, np.max(np.abs(ref[k])))
            check("flip_nt " + names[k], out[k], ref[k], atol=16 * T * U32 * scale * (st if k in (3, 5) else 1),
                  why="T-step recurrence in f32 (x state for rank-0 sums)")

    # broadcast, reduce_to_shape, transpose.
    v = rng.normal(0, 1, (3, 1)).astype(np.float32)
    like = np.zeros((2, 3, 4), dtype=np.float32)
    g = rng.normal(0, 1, (2, 3, 4)).astype(np.float32)
    out = run(sr, mod, "shapes", [v, like, g])
    if out is not None:
        check("broadcast", out[0], np.broadcast_to(f64(v), (2, 3, 4)), why="exact copy")
        check("reduce_to_shape", out[1], f64(g).sum(axis=(0, 2))[:, None],
              atol=red_atol(np.abs(f64(g)).sum(axis=(0, 2))[:, None], 8, U32), why="8-term sums")
        check("transpose", out[2], np.transpose(f64(g), (2, 0, 1)), why="exact copy")

    if N.FAILED or FAILED_LOCAL:
        print("FAILED: %s" % ", ".join(N.FAILED + FAILED_LOCAL))
        sys.exit(1)
    print("all checks passed")


FAILED_LOCAL = []

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
