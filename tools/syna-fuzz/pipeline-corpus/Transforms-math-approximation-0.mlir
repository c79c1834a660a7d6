// f32 log1p/exp/expm1 on vectors become polynomials on vectors: no math op
// and no libm call per element remain.
func.func @vector_f32(%x: vector<16xf32>) -> vector<16xf32> {
  %a = math.log1p %x : vector<16xf32>
  %b = math.exp %a : vector<16xf32>
  %c = math.expm1 %b : vector<16xf32>
  return %c : vector<16xf32>
}

// f64 log1p/expm1 have no exact LLVM intrinsic: they call libm (never the
// imprecise log(1 + x)).
func.func @scalar_f64(%x: f64) -> f64 {
  %a = math.log1p %x : f64
  %b = math.expm1 %a : f64
  return %b : f64
}
