// RUN: syna-opt %s --syna-return-through-memory --split-input-file | FileCheck %s

// A public function stores each field of its result through a new first
// argument; a call inside the module passes a stack slot and loads the
// fields it reads.
// CHECK-LABEL: llvm.func @pair(
// CHECK-SAME: %[[OUT:.*]]: !llvm.ptr, %[[A:.*]]: !llvm.ptr, %[[N:.*]]: i64) {
// CHECK: %[[P0:.*]] = llvm.getelementptr %[[OUT]][0, 0] : (!llvm.ptr) -> !llvm.ptr, !llvm.struct<(ptr, struct<(i64, array<2 x i64>)>)>
// CHECK: llvm.store %[[A]], %[[P0]] : !llvm.ptr, !llvm.ptr
// CHECK: %[[P1:.*]] = llvm.getelementptr %[[OUT]][0, 1, 0]
// CHECK: llvm.store %[[N]], %[[P1]] : i64, !llvm.ptr
// CHECK: llvm.getelementptr %[[OUT]][0, 1, 1, 0]
// CHECK: llvm.getelementptr %[[OUT]][0, 1, 1, 1]
// CHECK: llvm.return{{$}}
llvm.func @pair(%a: !llvm.ptr, %n: i64) -> !llvm.struct<(ptr, struct<(i64, array<2 x i64>)>)> {
  %0 = llvm.mlir.undef : !llvm.struct<(ptr, struct<(i64, array<2 x i64>)>)>
  %1 = llvm.insertvalue %a, %0[0] : !llvm.struct<(ptr, struct<(i64, array<2 x i64>)>)>
  %2 = llvm.insertvalue %n, %1[1, 0] : !llvm.struct<(ptr, struct<(i64, array<2 x i64>)>)>
  %3 = llvm.insertvalue %n, %2[1, 1, 0] : !llvm.struct<(ptr, struct<(i64, array<2 x i64>)>)>
  %4 = llvm.insertvalue %n, %3[1, 1, 1] : !llvm.struct<(ptr, struct<(i64, array<2 x i64>)>)>
  llvm.return %4 : !llvm.struct<(ptr, struct<(i64, array<2 x i64>)>)>
}

// CHECK-LABEL: llvm.func @caller(
// CHECK-SAME: -> i64
// CHECK: %[[SLOT:.*]] = llvm.alloca %{{.*}} x !llvm.struct<(ptr, struct<(i64, array<2 x i64>)>)>
// CHECK: llvm.call @pair(%[[SLOT]], %{{.*}}, %{{.*}}) : (!llvm.ptr, !llvm.ptr, i64) -> ()
// CHECK: %[[F:.*]] = llvm.getelementptr %[[SLOT]][0, 1, 0]
// CHECK: %[[V:.*]] = llvm.load %[[F]] : !llvm.ptr -> i64
// CHECK: llvm.return %[[V]] : i64
llvm.func @caller(%a: !llvm.ptr, %n: i64) -> i64 attributes {sym_visibility = "private"} {
  %r = llvm.call @pair(%a, %n) : (!llvm.ptr, i64) -> !llvm.struct<(ptr, struct<(i64, array<2 x i64>)>)>
  %v = llvm.extractvalue %r[1, 0] : !llvm.struct<(ptr, struct<(i64, array<2 x i64>)>)>
  llvm.return %v : i64
}

// -----

// Private and internal functions, declarations, functions without a result
// and those whose address is taken keep their type.
// CHECK: llvm.func @private(%{{.*}}: i64) -> i64
// CHECK: llvm.func internal @internal(%{{.*}}: i64) -> i64
// CHECK: llvm.func @declared(i64) -> i64
// CHECK: llvm.func @nothing(%{{.*}}: i64) {
// CHECK: llvm.func @pointed(%{{.*}}: i64) -> i64
llvm.func @private(%n: i64) -> i64 attributes {sym_visibility = "private"} {
  llvm.return %n : i64
}
llvm.func internal @internal(%n: i64) -> i64 {
  llvm.return %n : i64
}
llvm.func @declared(i64) -> i64
llvm.func @nothing(%n: i64) {
  llvm.return
}
llvm.func @pointed(%n: i64) -> i64 {
  llvm.return %n : i64
}
llvm.func internal @take() -> !llvm.ptr {
  %p = llvm.mlir.addressof @pointed : !llvm.ptr
  llvm.return %p : !llvm.ptr
}
