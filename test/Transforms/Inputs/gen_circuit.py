#!/usr/bin/env python3
"""A .syna circuit with N state variables, a ring of synapses:
x_i' = synapse(x_i, x_(i+1 mod N), beta, alpha = alpha) = alpha·x_i·(1 −
beta·x_(i+1)) (docs/math.md), each state a vector of 4 units.

  gen_circuit.py N [STEPS]                  the circuit, to stdout
  gen_circuit.py N STEPS --check OUT A B    compares syna-run's printed
      results for alpha = A, beta = B with this float64 recurrence
      (relative tolerance 1e-4); exit status 1 on a mismatch.

The compile-time test (circuit-compile-time.test) compiles N = 250;
docs/cpu-backend.md reports the times for N = 60, 120, 250."""
import re
import sys


def initial(i, n):
    return round(0.1 + 0.8 * i / max(n, 1), 4)


def write(n, steps):
    print(f"circuit ring(alpha: f32, beta: f32) steps {steps} {{")
    for i in range(n):
        print(f"  state x{i} : f32[4] = {initial(i, n):.4f}")
    for i in range(n):
        print(f"  x{i}' = synapse(x{i}, x{(i + 1) % n}, beta, alpha = alpha)")
    print("}")


def check(n, steps, out, alpha, beta):
    x = [initial(i, n) for i in range(n)]
    for _ in range(steps):
        x = [alpha * x[i] * (1 - beta * x[(i + 1) % n]) for i in range(n)]
    text = open(out).read()
    results = re.findall(r"result (\d+): 4 float32\n\[([^\]]*)\]", text)
    if len(results) != n:
        sys.exit(f"expected {n} results, found {len(results)}")
    for index, values in results:
        expected = x[int(index)]
        for v in values.split(","):
            if abs(float(v) - expected) > 1e-4 * max(1.0, abs(expected)):
                sys.exit(f"result {index}: {v} but the recurrence gives {expected}")
    print(f"{n} states match")


def main():
    n = int(sys.argv[1])
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    if len(sys.argv) > 3 and sys.argv[3] == "--check":
        check(n, steps, sys.argv[4], float(sys.argv[5]), float(sys.argv[6]))
    else:
        write(n, steps)


if __name__ == "__main__":
    main()
