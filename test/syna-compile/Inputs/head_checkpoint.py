# A checkpoint for synapse_head.syna with θ values unlike its initial ones.
import json
import struct
import sys
import numpy as np
shapes = {"w1": (12, 6), "beta": (12, 12), "alpha": (12,), "w2": (3, 12), "b2": (3,)}
rng = np.random.default_rng(11)
header, blobs, offset = {}, [], 0
for name, shape in shapes.items():
    data = rng.uniform(-1.5, 1.5, size=shape).astype("<f4").tobytes()
    header[name] = {"dtype": "F32", "shape": list(shape),
                    "data_offsets": [offset, offset + len(data)]}
    blobs.append(data)
    offset += len(data)
text = json.dumps(header).encode()
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))
