#!/usr/bin/env python3
"""An independent safetensors reader in NumPy (no syna code): parses the
8-byte header length, the JSON header and the raw little-endian data."""
import json, struct, sys
import numpy as np

DTYPES = {"F32": "<f4", "F64": "<f8", "I32": "<i4", "I64": "<i8"}

def load(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    base = 8 + n
    out = {}
    for name, info in header.items():
        b, e = info["data_offsets"]
        arr = np.frombuffer(raw[base + b:base + e], dtype=DTYPES[info["dtype"]])
        out[name] = arr.reshape(info["shape"])
    return out, meta

def save(path, tensors, meta=None):
    header, blobs, at = {}, [], 0
    for name in sorted(tensors):
        t = np.ascontiguousarray(tensors[name], dtype="<f4")
        header[name] = {"dtype": "F32", "shape": list(t.shape),
                        "data_offsets": [at, at + t.nbytes]}
        blobs.append(t.tobytes())
        at += t.nbytes
    if meta:
        header["__metadata__"] = meta
    h = json.dumps(header).encode("utf-8")
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))

if __name__ == "__main__":
    tensors, meta = load(sys.argv[1])
    for name in sorted(tensors):
        t = tensors[name]
        print(f"{name} {list(t.shape)} {t.dtype} finite={bool(np.isfinite(t).all())}")
    for k in sorted(meta):
        if k != "config":
            print(f"meta {k}={meta[k]}")
