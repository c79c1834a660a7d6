"""Checks a model's output .npy against properties any correct forward pass
has: the shape, finite values, rows of log-probabilities that exponentiate
to a distribution (with --logprobs), and identical rows for identical
images (per-sample semantics: no sample sees another)."""
import sys

import numpy as np

path, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
out = np.load(path).astype(np.float64)
assert out.shape == (rows, cols), f"shape {out.shape}, expected {(rows, cols)}"
assert np.all(np.isfinite(out)), "non-finite output"
if "--logprobs" in sys.argv:
    # float32 log_softmax: |Σ e^l − 1| is a few ulp of 1 per term.
    sums = np.exp(out).sum(axis=1)
    assert np.allclose(sums, 1.0, atol=cols * 2e-7 * 4), f"row sums {sums}"
assert np.array_equal(out[0], out[1]), "identical images gave different rows"
print("outputs ok")
