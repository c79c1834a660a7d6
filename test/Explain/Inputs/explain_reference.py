# explain_reference.py write CKPT | check CKPT IMAGES.gz LABELS.gz N DIR
#
# write: a checkpoint of tiny_synapse.syna with seeded random θ
# (write-dense: of Training/Inputs/tiny_dense.syna).
# check: syna-run explain's files in DIR against float64 NumPy: β = σ(θ),
# and, over the first N test images, the per-class means of the synapse
# tensor's input p = softmax(x·wᵀ) and output y_i = p_i·Π_j(1 − β_ij·p_j);
# the PNGs' sizes and the SVGs' cells.
import os, struct, sys, zlib
import numpy as np
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "Training", "Inputs"))
from safetensors_np import load, save
from tiny_dense_ref import idx

SHAPES = {"w": (8, 784), "beta": (8, 8), "w2": (10, 8)}
# Training/Inputs/tiny_dense.syna, which has no synapse tensor.
DENSE_SHAPES = {"w": (10, 784), "b": (10,)}


def write(path, shapes=SHAPES):
    rng = np.random.default_rng(4)
    save(path, {name: rng.uniform(-2, 2, shape) for name, shape in shapes.items()})


def png_size(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and zlib.crc32(data[12:16 + length]) == struct.unpack(">I", data[16 + length:20 + length])[0]
    return struct.unpack(">II", data[16:24])


def check(ckpt, images, labels, n, out):
    theta = {k: v.astype(np.float64) for k, v in load(ckpt)[0].items()}
    x = idx(images)[:n]
    label = idx(labels)[:n]
    beta = 1 / (1 + np.exp(-theta["beta"]))
    z = x @ theta["w"].T
    p = np.exp(z - z.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    y = p * np.prod(1 - beta[None] * p[:, None, :], axis=2)
    errors = {}
    got = np.loadtxt(f"{out}/beta.inhibition.csv", delimiter=",")
    errors["beta"] = np.abs(got - beta).max()
    for name, value in (("class-input", p), ("class-output", y)):
        means = np.stack([value[label == c].mean(0) for c in range(10)])
        got = np.loadtxt(f"{out}/beta.{name}.csv", delimiter=",")
        errors[name] = np.abs(got - means).max() / np.abs(means).max()
    for name, error in errors.items():
        print(f"{name}: {error:.2e}")
    assert errors["beta"] < 1e-7 and errors["class-input"] < 1e-5 and errors["class-output"] < 1e-5, errors
    assert png_size(f"{out}/beta.inhibition.png") == (512, 512)
    assert png_size(f"{out}/beta.class-input.png") == (8 * 51, 10 * 51)
    svg = open(f"{out}/beta.inhibition.svg").read()
    assert svg.count("<rect") == 64 + 64, svg.count("<rect")  # cells + scale
    print("pictures ok")


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2])
    elif sys.argv[1] == "write-dense":
        write(sys.argv[2], DENSE_SHAPES)
    else:
        check(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6])
