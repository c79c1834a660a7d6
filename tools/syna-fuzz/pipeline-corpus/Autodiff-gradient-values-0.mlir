// Gradient values at a point, by folding: syna-autodiff builds @f_grad, the
// inliner puts it into a caller with splat constants, and the folders
// evaluate it. Expected numbers are central finite differences in float64 of
// the forward definitions, printed by Inputs/fd_reference.py (independent of
// the C++ rules); comments give the closed form as well.

// Elementwise ops, seed 1: each argument's adjoint is the derivative.
func.func @unary(%p: tensor<f64>, %s: tensor<f64>, %u: tensor<f64>, %n: tensor<f64>,
                 %q: tensor<f64>, %x: tensor<f64>)
    -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
    attributes {syna.differentiate} {
  %0 = syna.surprisal %p : tensor<f64>
  %1 = syna.prob %s : tensor<f64>
  %2 = syna.conjugate %u : tensor<f64>
  %3 = syna.bose_einstein %n : tensor<f64>
  %4 = syna.odds %q : tensor<f64>
  %5 = syna.sigmoid %x : tensor<f64>
  return %0, %1, %2, %3, %4, %5 : tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>
}
func.func private @unary_grad(tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>,
                              tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
    -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>,
        tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)

func.func @check_unary() -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) {
  %p = arith.constant dense<0.2> : tensor<f64>
  %s = arith.constant dense<0.7> : tensor<f64>
  %u = arith.constant dense<0.9> : tensor<f64>
  %q = arith.constant dense<0.3> : tensor<f64>
  %x = arith.constant dense<0.4> : tensor<f64>
  %one = arith.constant dense<1.0> : tensor<f64>
  %r:12 = func.call @unary_grad(%p, %s, %u, %u, %q, %x, %one, %one, %one, %one, %one, %one)
      : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>,
         tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
      -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>,
          tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
  // −1/p at 0.2
  // −e^{−s} at 0.7: −0.4965853038
  // G′(u) = −n_BE(u) at 0.9: −0.6851177504
  // n_BE′(u) = −n(1 + n) at 0.9: −1.154504082
  // 1/(1 − p)² at 0.3 = 2.0408163265
  // σ(1 − σ) at 0.4 = 0.2402607457
  return %r#6, %r#7, %r#8, %r#9, %r#10, %r#11 : tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>
}
