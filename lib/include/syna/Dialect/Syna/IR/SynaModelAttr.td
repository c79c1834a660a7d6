//===- SynaModelAttr.td - the training setup of a model ---*- tablegen -*-===//
//
// Included from SynaAttrs.td. The schema and the typed setup are C++
// (ModelSchema.h); the attribute stores the typed setup.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_MODEL_ATTR_TD
#define SYNA_MODEL_ATTR_TD

include "syna/Dialect/Syna/IR/SynaDialect.td"

def Syna_ModelAttr : Syna_Attr<"Model", "model"> {
  let summary = "the training setup of a model: its graph, loss, optimizer, "
                "schedule, batch, epochs, seed, data set and augmentation";
  let description = [{
    The `model` block of a .syna file, as the module attribute `syna.model`.
    The settings read like the block:

    ```mlir
    module attributes {syna.model = #syna.model<"mnist", graph = @net,
        loss = nll, optimizer = adam<lr = 0.002>,
        schedule = cosine<t_max = 12>, batch = 100, epochs = 12, seed = 1,
        data = mnist, augment = shift<pixels = 2>>} { ... }
    ```

    The model's name comes first, then `setting = value` separated by
    commas, in any order: `graph` a symbol, `batch`, `epochs` and `seed`
    integers, and the kind-valued `loss`, `optimizer`, `schedule`, `data`
    and `augment` a kind, optionally followed by `<field = value, ...>`
    (integers, floats, `true`/`false`, strings, as the field says). The
    settings, kinds, fields, ranges and defaults are those of the .syna
    `model` block (docs/language.md, "Models"): both are decoded against one
    schema (`ModelSchema.h`), which also defines the typed setup that
    `getSpec()` returns.

    The printer writes required settings and fields always, others only
    where they differ from their defaults; the parser fills the defaults
    in. Two attributes are equal exactly when the setups are.

    On a builtin.module (the only place the dialect accepts it), the graph
    must be a `func.func` of the module that fits the training loop: its
    first argument a float tensor `[?, ...]` of 784 values per sample, at
    most one more argument, an `i64` dropout key, and one result `[?, 10]`.
  }];
  let parameters = (ins
    StringRefParameter<"the model's name">:$name,
    "::mlir::FlatSymbolRefAttr":$graph,
    AttrParameter<"::syna::LossKind", "the loss">:$loss,
    AttrParameter<"::syna::OptimizerSpec", "optimizer and its settings">:$optimizer,
    AttrParameter<"::syna::ScheduleSpec", "learning-rate schedule">:$schedule,
    AttrParameter<"int64_t", "samples per step">:$batch,
    AttrParameter<"int64_t", "passes over the training set">:$epochs,
    AttrParameter<"int64_t", "seed of initialisation, shuffles, dropout, augmentation">:$seed,
    AttrParameter<"::syna::DataSpec", "data set">:$data,
    AttrParameter<"::syna::AugmentSpec", "augmentation of training images">:$augment);
  let builders = [
    AttrBuilder<(ins "const ::syna::ModelSpec &":$spec), [{
      return $_get($_ctxt, spec.name,
                   ::mlir::FlatSymbolRefAttr::get($_ctxt, spec.graph),
                   spec.loss, spec.optimizer, spec.schedule, spec.batch,
                   spec.epochs, spec.seed, spec.data, spec.augment);
    }]>
  ];
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The whole setup, name and graph included.
    ::syna::ModelSpec getSpec() const;
  }];
}

#endif // SYNA_MODEL_ATTR_TD
