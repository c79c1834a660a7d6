#!/usr/bin/env python3
"""Writes the seed corpus of syna-fuzz-pipeline: every `// -----` case of the
.mlir files under test/ that parses on its own (no expected-error: those
exist to fail), without RUN and CHECK lines, one file per case, named by
its source and index. Usage: make_pipeline_corpus.py TEST_DIR OUT_DIR
[MAX_BYTES]."""
import hashlib
import pathlib
import re
import sys


def cases(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    for index, case in enumerate(re.split(r"^// -----\s*$", text, flags=re.M)):
        if "expected-error" in case:
            continue
        lines = [l for l in case.splitlines()
                 if not re.match(r"\s*//\s*(RUN|CHECK|[A-Z0-9_-]+:)", l)]
        body = "\n".join(lines).strip() + "\n"
        if "func.func" in body or "syna." in body:
            yield index, body


def main():
    test_dir, out_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    max_bytes = int(sys.argv[3]) if len(sys.argv) > 3 else 6000
    out_dir.mkdir(parents=True, exist_ok=True)
    seen = set()
    for path in sorted(test_dir.rglob("*.mlir")):
        for index, body in cases(path):
            digest = hashlib.sha1(body.encode()).hexdigest()
            if len(body) > max_bytes or digest in seen:
                continue
            seen.add(digest)
            name = f"{path.parent.name}-{path.stem}-{index}.mlir"
            (out_dir / name).write_text(body, encoding="utf-8")
    print(f"{len(seen)} cases in {out_dir}")


if __name__ == "__main__":
    main()
