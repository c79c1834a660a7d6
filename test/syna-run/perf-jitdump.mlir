// SYNA_PERF_JITDUMP=1 makes syna-run write a perf jitdump of the code it
// compiles (under $JITDUMPDIR/.debug/jit/), naming the compiled functions
// for `perf inject --jit`; without the variable there is none.
// RUN: rm -rf %t && mkdir -p %t/on %t/off
// RUN: env SYNA_PERF_JITDUMP=1 JITDUMPDIR=%t/on syna-run run %s --graph scale -i "[[1.0, 2.0]]" --quiet
// RUN: find %t/on -name 'jit-*.dump' | FileCheck %s --check-prefix=ON
// RUN: env -u SYNA_PERF_JITDUMP JITDUMPDIR=%t/off syna-run run %s --graph scale -i "[[1.0, 2.0]]" --quiet
// RUN: find %t/off -name 'jit-*.dump' | count 0
// ON: jit-{{[0-9]+}}.dump
func.func @scale(%x: tensor<?x2xf32>) -> tensor<?x2xf32> {
  %y = syna.relu %x : tensor<?x2xf32>
  return %y : tensor<?x2xf32>
}
