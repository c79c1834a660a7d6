// SYNA_PERF_JITDUMP=1 makes syna-run write a perf jitdump of the code it
// compiles (under $JITDUMPDIR/.debug/jit/), naming the compiled functions
// for `perf inject --jit`; without the variable there is none.
func.func @scale(%x: tensor<?x2xf32>) -> tensor<?x2xf32> {
  %y = syna.relu %x : tensor<?x2xf32>
  return %y : tensor<?x2xf32>
}
