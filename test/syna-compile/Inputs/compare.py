# compare.py REFERENCE.npy VALUES (text, one per line, or raw .f32):
# the largest difference, relative to the largest reference magnitude, must
# be at most 1e-6 (docs/deploy.md, "How close to syna-run").
import sys
import numpy as np
ref = np.load(sys.argv[1]).astype(np.float64).ravel()
path = sys.argv[2]
got = (np.fromfile(path, np.float32) if path.endswith(".f32")
       else np.loadtxt(path, dtype=np.float64)).astype(np.float64).ravel()
if got.shape != ref.shape:
    sys.exit("shapes differ: %s vs %s" % (got.shape, ref.shape))
error = np.abs(got - ref).max() / np.abs(ref).max()
print("relative error %.3g" % error)
sys.exit(0 if error <= 1e-6 else 1)
