#!/usr/bin/env python3
"""Writes the seed corpora of the reader fuzz targets (README.md):

    gen_reader_seeds.py [OUT_DIR]     (default: this directory)

corpus-safetensors/, corpus-npy/, corpus-literal/ and corpus-idx/ get small
valid files of every shape the readers accept, and a few near misses. The
files are deterministic, so running this again changes nothing."""
import gzip, io, json, os, struct, sys

import numpy as np

out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))


def put(corpus, name, data):
    directory = os.path.join(out, "corpus-" + corpus)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)


def safetensors(tensors, metadata=None):
    header, blobs, offset = {}, [], 0
    for name, array in sorted(tensors.items()):
        raw = np.asarray(array, "<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(np.shape(array)),
                        "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    if metadata:
        header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":"))
    text += " " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text.encode() + b"".join(blobs)


put("safetensors", "empty", safetensors({}))
put("safetensors", "one", safetensors({"w": [1.5]}, {"epoch": "3"}))
put("safetensors", "two", safetensors({"alpha": [1, 2, 4], "beta": [[0.25, -1.5], [3, 1e-8]]},
                                      {"epoch": "1", "lr": "0.1"}))
put("safetensors", "scalar-and-empty", safetensors({"s": np.float32(2), "z": np.zeros((0, 3))}))
put("safetensors", "rank4", safetensors({"k": np.arange(24).reshape(1, 2, 3, 4)}))
put("safetensors", "optimizer", safetensors({"w": [[1, 2]], "__opt_m_w": [[0, 0]], "__opt_v_w": [[0, 0]]}))
put("safetensors", "bad-dtype", safetensors({"w": [1]}).replace(b"F32", b"F16"))

rng = np.random.default_rng(7)
for name, array in {
    "f32-2x3": rng.random((2, 3)).astype("<f4"),
    "f64-4": rng.random(4).astype("<f8"),
    "i32-scalar": np.array(7, "<i4"),
    "i64-labels": np.array([0, 3, 9, 1], "<i8"),
    "f32-0x5": np.zeros((0, 5), "<f4"),
    "f32-2x1x2x2": rng.random((2, 1, 2, 2)).astype("<f4"),
    "i64-big": np.array([2**40, -(2**40)], "<i8"),
}.items():
    buffer = io.BytesIO()
    np.save(buffer, array)
    put("npy", name, buffer.getvalue())
buffer = io.BytesIO()
np.lib.format.write_array(buffer, np.ones((2, 2), "<f4"), version=(2, 0))
put("npy", "version2", buffer.getvalue())
buffer = io.BytesIO()
np.lib.format.write_array(buffer, np.ones(3, "<f4"), version=(3, 0))
put("npy", "version3", buffer.getvalue())

for name, text in {
    "scalar": "0.5", "int": "3", "negative": "-2", "exp": "1e-3",
    "vector": "[0.1, 0.2, 0.3]", "matrix": "[[1, 2], [3, 4]]",
    "rank3": "[[[0.5], [0.25]], [[1], [0]]]", "spaces": " [ [ 1 ,2 ] ]\n",
    "nan-inf": "[nan, inf, -inf]", "ragged": "[[1], [2, 3]]",
    "mixed": "[1, [2]]", "unclosed": "[[1, 2]", "empty": "[]",
}.items():
    put("literal", name, text)


def idx(dims, payload):
    return struct.pack(">I", 0x800 | len(dims)) + struct.pack(">%dI" % len(dims), *dims) + bytes(payload)


images = idx([2, 3, 3], range(18))
labels = idx([4], [0, 9, 3, 1])
put("idx", "images", images)
put("idx", "labels", labels)
put("idx", "images.gz", gzip.compress(images, mtime=0))
put("idx", "labels.gz", gzip.compress(labels, mtime=0))
put("idx", "empty-images", idx([0, 28, 28], []))
put("idx", "truncated", images[:-1])
