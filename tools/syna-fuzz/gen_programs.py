#!/usr/bin/env python3
"""Grammar-based fuzzing of the .syna front end through syna-opt.

Byte-level fuzzing rarely produces programs that pass the semantic checks,
so it seldom exercises the importer. This script writes random programs
that are well typed by construction (graphs over every built-in op,
circuits, parameters, models), damages some of them at random, and runs each
through syna-opt. A program is a failure when syna-opt crashes, hangs,
reports an internal error (imported IR that does not verify), or fails
without printing an error. Failures are written to --out.

    gen_programs.py path/to/syna-opt [--seconds N] [--seed S] [--out DIR]
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile
import time

UNARY = ["surprisal", "prob", "conjugate", "bose_einstein", "odds", "relu",
         "sigmoid"]
NAMES = ["B", "N"]


def shape_text(shape):
    return "[" + ", ".join(str(d) for d in shape) + "]"


def product(dims):
    result = 1
    for d in dims:
        result *= d
    return result


class Program:
    def __init__(self, rng):
        self.rng = rng
        self.decls = []
        self.counter = 0
        self.graphs = []  # (name, [arg shapes], result shape)

    def fresh(self, prefix):
        self.counter += 1
        return f"{prefix}{self.counter}"

    def param(self, shape, domain=None, buffer=False):
        rng = self.rng
        name = self.fresh("p")
        inits = ["zeros", "ones", "constant(0.5)", "uniform(-1, 1)",
                 "normal(0, 0.1)"]
        if len(shape) >= 2:
            inits += ["kaiming_uniform", "kaiming_normal", "xavier_uniform"]
        kind = "buffer" if buffer else "param"
        text = f"{kind} {name} : f32{shape_text(shape)} = {rng.choice(inits)}"
        if domain:
            text += f" in {domain}"
        self.decls.append(text)
        return name

    def number(self, low, high):
        value = self.rng.uniform(low, high)
        return repr(round(value, 3))

    # A value is (expression text, shape); shapes hold ints and names.
    def expression(self, pool, labels):
        rng = self.rng
        x, shape = rng.choice(pool)
        rank = len(shape)
        same = [v for v, s in pool if s == shape]
        choice = rng.randrange(17)
        if choice == 0:
            return f"{rng.choice(UNARY)}({x})", shape
        if choice == 1:
            other = rng.choice(same + [self.number(0.1, 2), "1"])
            return f"({x} {rng.choice('+-*/')} {other})", shape
        if choice == 2:
            y = rng.choice(same)
            # A β parameter broadcasts from the trailing static dimensions.
            suffix = []
            for d in reversed(shape):
                if not isinstance(d, int):
                    break
                suffix.insert(0, d)
            suffix = suffix[rng.randrange(len(suffix) + 1):]
            beta = (self.param(suffix, "unit") if suffix and rng.random() < 0.5
                    else self.number(0, 1))
            call = f"synapse({x}, {y}, {beta}"
            if rng.random() < 0.5:
                call += f", alpha = {self.number(0.5, 3)}"
            return call + ")", shape
        if choice == 3 and rank == 2 and isinstance(shape[1], int):
            n = shape[1]
            beta = self.param([n, n], "unit")
            alpha = f", alpha = {self.param([n], 'at_least_one')}" \
                if rng.random() < 0.5 else ""
            return f"synapse_dense({x}, {beta}{alpha})", shape
        if choice == 4 and rank == 2 and isinstance(shape[1], int):
            m = rng.choice([1, 3, 8])
            w = self.param([m, shape[1]])
            bias = f", bias = {self.param([m])}" if rng.random() < 0.5 else ""
            return f"dense({x}, {w}{bias})", [shape[0], m]
        if choice == 5 and rank == 4 and all(isinstance(d, int) for d in shape[1:]):
            c, h, w = shape[1:]
            pad = rng.choice([0, 0, 1])
            kh = rng.randint(1, h + 2 * pad)
            kw = rng.randint(1, w + 2 * pad)
            stride = rng.choice([1, 1, 2])
            o = rng.choice([1, 2, 4])
            weight = self.param([o, c, kh, kw])
            out = [shape[0], o, (h + 2 * pad - kh) // stride + 1,
                   (w + 2 * pad - kw) // stride + 1]
            return (f"conv2d({x}, {weight}, strides = [{stride}, {stride}], "
                    f"padding = [{pad}, {pad}])"), out
        if choice == 6 and rank == 4 and all(isinstance(d, int) for d in shape[2:]):
            h, w = shape[2:]
            kh, kw = rng.randint(1, h), rng.randint(1, w)
            return (f"max_pool2d({x}, kernel = [{kh}, {kw}])",
                    [shape[0], shape[1], (h - kh) // kh + 1, (w - kw) // kw + 1])
        if choice == 7 and rank >= 1:
            op = rng.choice(["softmax", "log_softmax"])
            return f"{op}({x}, axis = {rng.randrange(-rank, rank)})", shape
        if choice == 8 and rank in (2, 4) and isinstance(shape[1], int):
            c = shape[1]
            args = [self.param([c]), self.param([c]), self.param([c], buffer=True),
                    self.param([c], buffer=True)]
            name = self.fresh("bn")
            return ("batch_norm", name, f"batch_norm({x}, {', '.join(args)})"), shape
        if choice == 9:
            key = ", key = k" if rng.random() < 0.5 else ""
            return f"dropout({x}, {self.number(0, 0.9)}{key})", shape
        if choice == 10 and rank >= 2 and 2 <= rank <= 5:
            rest = shape[1:]
            flat = product(rest) if all(isinstance(d, int) for d in rest) else None
            if flat is not None:
                return f"flatten({x})", [shape[0], flat]
        if choice == 11 and rank >= 1:
            named = [d for d in shape if not isinstance(d, int)]
            if len(named) <= 1:
                total = product([d for d in shape if isinstance(d, int)])
                dims = []
                while total > 1 and rng.random() < 0.7:
                    factor = rng.choice([f for f in (2, 3, 4, 5) if total % f == 0]
                                        or [total])
                    dims.append(factor)
                    total //= factor
                if total > 1:
                    dims.append(total)
                dims = named + dims
                rng.shuffle(dims)
                if dims:
                    return f"reshape({x}, {shape_text(dims)})", dims
        if choice == 12:
            name = self.fresh("fc")
            alpha = self.number(0.5, 3.9)
            return ("flip", name,
                    f"flip_circuit({x}, {x}, {alpha}, {alpha}, 1, "
                    f"{self.number(0, 1)}, steps = {rng.randint(0, 5)})"), shape
        if choice == 13:
            y = rng.choice(same)
            op = rng.choice(["swap_ratio", "log_swap_ratio"])
            return f"{op}({x}, {y}, {self.number(0, 1)})", shape
        if choice == 14 and rank == 2 and shape[0] == "B" and labels:
            op = rng.choice(["nll_loss", "cross_entropy"])
            red = rng.choice(["", ", reduction = sum", ", reduction = mean"])
            return f"{op}({x}, labels{red})", []
        if choice == 15:
            callees = [g for g in self.graphs if g[1] == [shape]]
            if callees:
                name, _, result = rng.choice(callees)
                return f"{name}({x}, k)", result
        if choice == 16:
            return f"-{x}", shape
        return f"relu({x})", shape

    def graph(self):
        rng = self.rng
        name = self.fresh("g")
        shapes = []
        for _ in range(rng.randint(1, 3)):
            rank = rng.choice([0, 1, 2, 2, 4])
            shape = [rng.choice([1, 2, 3, 4, 6]) for _ in range(rank)]
            if rank and rng.random() < 0.6:
                shape[0] = rng.choice(NAMES)
            shapes.append(shape)
        labels = any(s and s[0] == "B" for s in shapes) and rng.random() < 0.5
        args = [f"a{i}: f32{shape_text(s)}" for i, s in enumerate(shapes)]
        if labels:
            args.append("labels: i64[B]")
        args.append("k: i64")
        pool = [(f"a{i}", s) for i, s in enumerate(shapes)]
        body = []
        for _ in range(rng.randint(1, 6)):
            expr, shape = self.expression(pool, labels)
            if isinstance(expr, tuple):
                kind, var, call = expr
                if kind == "batch_norm":
                    body.append(f"  let {var}, _, _ = {call}")
                else:
                    body.append(f"  let {var}, {var}_y = {call}")
                pool.append((var, shape))
                continue
            var = self.fresh("v")
            body.append(f"  let {var} = {expr}")
            pool.append((var, shape))
        results = rng.sample(pool, min(len(pool), rng.randint(1, 2)))
        result_types = ", ".join(f"f32{shape_text(s)}" for _, s in results)
        if len(results) > 1:
            result_types = f"({result_types})"
        body.append("  return " + ", ".join(v for v, _ in results))
        self.decls.append(f"graph {name}({', '.join(args)}) -> {result_types} {{\n"
                          + "\n".join(body) + "\n}")
        if len(shapes) == 1 and not labels and len(results) == 1:
            # Later graphs with a value of this shape may call this one.
            self.graphs.append((name, [shapes[0]], results[0][1]))

    def circuit(self):
        rng = self.rng
        name = self.fresh("c")
        shape = [rng.choice([1, 2, 4]) for _ in range(rng.choice([0, 1, 2]))]
        text = f"f32{shape_text(shape)}"
        alpha, beta = self.number(0.5, 3.9), self.number(0, 1)
        lines = [f"  state x : {text} = {self.number(0.1, 0.9)}",
                 f"  state y : {text} = {self.number(0.1, 0.9)}"]
        if rng.random() < 0.5:  # exactly the flip circuit
            lines += [f"  x' = synapse(x, y, {beta}, alpha = {alpha})",
                      f"  y' = synapse(x, y, {beta}, alpha = r)"]
        else:
            lines += ["  let t = y * 0.5",
                      f"  x' = {rng.choice(UNARY)}(x) * r",
                      "  y' = synapse(x, t, 0.5) + (1 - y)"]
        self.decls.append(f"circuit {name}(r: f32) steps {rng.randint(0, 20)} {{\n"
                          + "\n".join(lines) + "\n}")

    def model(self):
        w = self.param([10, 784])
        name = self.fresh("net")
        self.decls.append(f"graph {name}(x: f32[B, 1, 28, 28], k: i64) -> f32[B, 10] {{\n"
                          f"  return log_softmax(dense(flatten(x), {w}))\n}}")
        optimizer = self.rng.choice(["sgd(lr = 0.1, momentum = 0.9)",
                                     "adam(lr = 1e-3)", "sgd(lr = 1)"])
        self.decls.append(f"model m {{ graph = {name}; loss = nll; optimizer = "
                          f"{optimizer}; batch = 32; epochs = 1; data = mnist }}")

    def text(self):
        rng = self.rng
        for _ in range(rng.randint(1, 3)):
            self.graph()
        if rng.random() < 0.5:
            self.circuit()
        if rng.random() < 0.3:
            self.model()
        return "\n".join(self.decls) + "\n"


def damage(text, rng):
    """Random small edits, to reach the error paths too."""
    for _ in range(rng.randint(1, 3)):
        if not text:
            break
        i = rng.randrange(len(text))
        edit = rng.randrange(5)
        if edit == 0:
            text = text[:i] + text[i + 1:]
        elif edit == 1:
            text = text[:i] + rng.choice("()[]{},:=;'-+*/\"#0123456789xB") + text[i:]
        elif edit == 2:
            j = rng.randrange(len(text))
            text = text[:i] + text[j:j + rng.randint(1, 20)] + text[i:]
        elif edit == 3:
            text = text[:i] + rng.choice(["99999999999", "0", "-1", "1e400",
                                          "1e-50", "f64", "i64", "_"]) + text[i:]
        else:
            lines = text.split("\n")
            k = rng.randrange(len(lines))
            lines.insert(k, lines[rng.randrange(len(lines))])
            text = "\n".join(lines)
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("syna_opt")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default="gen-failures")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    deadline = time.time() + args.seconds
    counts = {"accepted": 0, "rejected": 0, "failed": 0}
    with tempfile.TemporaryDirectory() as scratch:
        path = os.path.join(scratch, "program.syna")
        while time.time() < deadline:
            text = Program(rng).text()
            if rng.random() < 0.3:
                text = damage(text, rng)
            with open(path, "w") as f:
                f.write(text)
            command = [args.syna_opt, path]
            if rng.random() < 0.25:
                command.append("--canonicalize")
            try:
                run = subprocess.run(command, capture_output=True, text=True,
                                     errors="replace", timeout=20)
                status, stderr = run.returncode, run.stderr
            except subprocess.TimeoutExpired:
                status, stderr = "timeout", ""
            if status == 0:
                counts["accepted"] += 1
                continue
            if status == 1 and "error:" in stderr and "internal error" not in stderr:
                counts["rejected"] += 1
                continue
            counts["failed"] += 1
            os.makedirs(args.out, exist_ok=True)
            name = os.path.join(args.out, f"failure-{counts['failed']}.syna")
            with open(name, "w") as f:
                f.write(text)
            print(f"FAILED ({status}) {' '.join(command[1:-1] + [name])}\n{stderr[-2000:]}")
    print(f"{sum(counts.values())} programs: {counts['accepted']} accepted, "
          f"{counts['rejected']} rejected with errors, {counts['failed']} failed")
    return 1 if counts["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
