#!/usr/bin/env python3
"""Checks that every diagnostic of the .syna front end has a lit test.

For each call that reports a diagnostic in lib/Frontend and in the op rules
the front end shares with the dialect (dialect/Syna/IR/TypeInference.cpp):
error, note, fail, the longest string literal in its arguments must appear
in some FileCheck directive or `expected-error {{...}}` of a test under
test/. Run by diagnostic-coverage.test.
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
sources = sorted((root / "lib" / "Frontend").glob("*.cpp"))
sources += [root / "dialect" / "Syna" / "IR" / "TypeInference.cpp"]
calls = re.compile(r"\b(?:diags_?\.(?:error|warning|note)|fail)\(")
literal = re.compile(r'"((?:[^"\\]|\\.)*)"')


def call_arguments(text, start):
    """The text from `start` (just after '(') to the matching ')'."""
    depth, i, in_string = 1, start, False
    while i < len(text) and depth:
        c = text[i]
        if in_string:
            if c == "\\":
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        i += 1
    return text[start:i - 1]


messages = []
for source in sources:
    text = source.read_text()
    for match in calls.finditer(text):
        args = call_arguments(text, match.end())
        pieces = [bytes(p, "utf-8").decode("unicode_escape")
                  for p in literal.findall(args)]
        pieces = [p.strip(" '();,:") for p in pieces]
        pieces = [p for p in pieces if len(p) >= 6]
        # An internal error is a bug of ours, which no input can trigger.
        if not pieces or any(p.startswith("internal error") for p in pieces):
            continue
        line = text.count("\n", 0, match.start()) + 1
        messages.append((f"{source.name}:{line}", max(pieces, key=len)))

directive = re.compile(r"\b[A-Z][A-Z0-9_]*(?:-(?:NEXT|SAME|DAG|COUNT-\d+))?:(.*)"
                       r"|expected-(?:error|warning|note)[^{]*\{\{(.*)\}\}")
checks = []
for test in sorted((root / "test").rglob("*")):
    if test.suffix not in (".syna", ".test", ".mlir") or not test.is_file():
        continue
    for line in test.read_text(errors="replace").splitlines():
        match = directive.search(line)
        if match:
            checks.append(match.group(1) or match.group(2) or "")
checked = "\n".join(checks)

missing = [(where, key) for where, key in messages if key not in checked]
for where, key in missing:
    print(f"{where}: no test checks the diagnostic containing: {key}")
print(f"{len(messages) - len(missing)} of {len(messages)} diagnostics are tested")
sys.exit(1 if missing else 0)
