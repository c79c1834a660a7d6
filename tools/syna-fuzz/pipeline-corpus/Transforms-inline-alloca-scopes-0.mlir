// A parallel body that calls libm (f64 log1p, unrolled from a vector) next
// to an scf.for: the call allocates nothing in the loop body's scope, so
// the scope goes and convert-scf-to-cf may split the body into blocks (the
// canonicalizer alone keeps it, as a call has no memory effects interface).
func.func private @log1p(f64) -> f64
func.func @libm_call(%m: memref<8x16xf64>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  scf.parallel (%i) = (%c0) to (%c8) step (%c1) {
    %v = memref.load %m[%i, %c0] : memref<8x16xf64>
    %l = func.call @log1p(%v) : (f64) -> f64
    scf.for %j = %c0 to %c16 step %c1 {
      memref.store %l, %m[%i, %j] : memref<8x16xf64>
    }
    scf.reduce
  }
  return
}

// A stack allocation per iteration keeps its scope, which frees it at the
// end of each iteration.
func.func @stack_temporary(%m: memref<8xf64>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  scf.parallel (%i) = (%c0) to (%c8) step (%c1) {
    %t = memref.alloca() : memref<f64>
    %v = memref.load %m[%i] : memref<8xf64>
    memref.store %v, %t[] : memref<f64>
    %w = memref.load %t[] : memref<f64>
    memref.store %w, %m[%i] : memref<8xf64>
    scf.reduce
  }
  return
}
