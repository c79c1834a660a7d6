# mnist_npy.py IDX_IMAGES.gz N OUT.npy: the first N images as float32
# [N, 1, 28, 28] in [0, 1], as syna-run's data loader scales them.
import gzip
import sys
import numpy as np
raw = gzip.open(sys.argv[1]).read()
n = int(sys.argv[2])
images = np.frombuffer(raw, np.uint8, offset=16)[: n * 784]
np.save(sys.argv[3], (images.astype(np.float32) / 255.0).reshape(n, 1, 28, 28))
