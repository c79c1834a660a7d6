// A model module may hold functions besides its graph: a declaration, a
// helper the graph calls. The steps are built and the whole module lowers
// (syna-run's path), with and without parallel tiling.
// RUN: syna-opt %s --syna-build-train-step --syna-build-eval-step --syna-expose-params --syna-cpu-pipeline=tile-sizes=3 | FileCheck %s
// RUN: syna-opt %s --syna-build-eval-step --syna-expose-params "--syna-cpu-pipeline=vectorize=0" | FileCheck %s --check-prefix=EVAL

// CHECK-DAG: llvm.func @ext(
// CHECK-DAG: llvm.func @__syna_train_step(
// CHECK-DAG: llvm.func @__syna_eval_step(
// EVAL-DAG: llvm.func @ext(
// EVAL-DAG: llvm.func @__syna_predict(
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = mnist>} {
  syna.param @w : tensor<10x784xf32> init <zeros>
  func.func private @ext(tensor<4xf32>) -> tensor<4xf32>
  func.func @unused() {
    return
  }
  func.func @g(%x: tensor<?x784xf32>) -> tensor<?x10xf32> {
    %w = syna.param_ref @w : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    %p = syna.log_softmax %d : tensor<?x10xf32>
    return %p : tensor<?x10xf32>
  }
}
