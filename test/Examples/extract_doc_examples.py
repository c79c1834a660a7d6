#!/usr/bin/env python3
"""Writes every ```syna block of a Markdown file to OUTDIR/NN.syna.

A block that declares only a model continues the block before it (the
tutorial shows the model of a graph separately), so it is appended to that
block's file. Used by docs.test to compile the examples in docs/.
"""
import pathlib
import re
import sys

text = pathlib.Path(sys.argv[1]).read_text()
out = pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
blocks = re.findall(r"```syna\n(.*?)```", text, re.S)
files = []
for block in blocks:
    code = [l for l in block.splitlines() if l.strip() and not l.lstrip().startswith("#")]
    if files and code and code[0].startswith("model "):
        files[-1] += "\n" + block
    else:
        files.append(block)
for i, code in enumerate(files):
    (out / f"{i:02d}.syna").write_text(code)
print(f"{len(files)} examples")
