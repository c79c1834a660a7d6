# mnist_npy.py IDX_IMAGES.gz N OUT.npy: the first N images as float32
# [N, 1, 28, 28] in [0, 1], as syna-run's data loader scales them.
import os
import sys
import numpy as np
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "Training", "Inputs"))
from tiny_dense_ref import idx

n = int(sys.argv[2])
np.save(sys.argv[3], idx(sys.argv[1])[:n].astype(np.float32).reshape(n, 1, 28, 28))
