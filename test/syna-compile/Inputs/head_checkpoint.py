# A checkpoint for synapse_head.syna with θ values unlike its initial ones.
import os
import sys
import numpy as np
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "Training", "Inputs"))
from safetensors_np import save

shapes = {"w1": (12, 6), "beta": (12, 12), "alpha": (12,), "w2": (3, 12), "b2": (3,)}
rng = np.random.default_rng(11)
save(sys.argv[1], {name: rng.uniform(-1.5, 1.5, size=shape) for name, shape in shapes.items()})
