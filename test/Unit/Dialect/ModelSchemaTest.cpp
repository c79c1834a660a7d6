//===- ModelSchemaTest.cpp - the schema of a model's training setup -------===//
#include "syna/Dialect/Syna/IR/ModelSchema.h"

#include "gtest/gtest.h"

#include <cmath>

using namespace syna;

namespace {

ModelSpec validSpec() {
  ModelSpec spec = defaultModelSpec();
  spec.name = "m";
  spec.graph = "net";
  spec.optimizer.lr = 0.1;
  spec.batch = 10;
  spec.epochs = 1;
  return spec;
}

// The tables map kinds to enumerators by position and fields to members by
// accessor; both must agree with the declared types.
TEST(ModelSchemaTest, TablesAgreeWithTheTypedSpec) {
  const SettingRule &optimizer = settingRule(ModelSetting::Optimizer);
  unsigned index = 0;
  ASSERT_NE(findKind(optimizer, "adam", &index), nullptr);
  EXPECT_EQ(index, static_cast<unsigned>(OptimizerKind::Adam));
  ASSERT_NE(findKind(settingRule(ModelSetting::Data), "fashion_mnist", &index),
            nullptr);
  EXPECT_EQ(index, static_cast<unsigned>(DataKind::FashionMnist));
  for (const SettingRule &rule : modelSchema()) {
    EXPECT_EQ(&settingRule(rule.setting), &rule);
    std::vector<FieldRule> fields;
    if (rule.shape == SettingRule::Integer)
      fields.push_back(rule.value);
    for (const KindRule &kind : rule.kinds)
      fields.insert(fields.end(), kind.fields.begin(), kind.fields.end());
    for (const FieldRule &field : fields) {
      ModelSpec spec;
      FieldSlot slot = field.slot(spec);
      size_t expected = field.type == FieldType::Int     ? 0
                        : field.type == FieldType::Float ? 1
                        : field.type == FieldType::Bool  ? 2
                                                         : 3;
      EXPECT_EQ(slot.index(), expected) << rule.name << "." << field.name;
    }
  }
}

TEST(ModelSchemaTest, DefaultsComeFromTheTables) {
  ModelSpec spec = defaultModelSpec();
  EXPECT_EQ(spec.schedule.kind, ScheduleKind::Constant);
  EXPECT_EQ(spec.augment.kind, AugmentKind::None);
  EXPECT_EQ(spec.seed, 0);
  selectKind(spec, ModelSetting::Optimizer,
             static_cast<unsigned>(OptimizerKind::Adam));
  EXPECT_EQ(spec.optimizer.lr, 1e-3);
  EXPECT_EQ(spec.optimizer.beta1, 0.9);
  EXPECT_EQ(spec.optimizer.beta2, 0.999);
  EXPECT_EQ(spec.optimizer.eps, 1e-8);
  selectKind(spec, ModelSetting::Schedule,
             static_cast<unsigned>(ScheduleKind::Step));
  EXPECT_EQ(spec.schedule.gamma, 0.1);
  // Choosing another kind clears the fields of the previous one.
  selectKind(spec, ModelSetting::Optimizer,
             static_cast<unsigned>(OptimizerKind::Sgd));
  EXPECT_EQ(spec.optimizer.beta1, 0);
}

TEST(ModelSchemaTest, ValuesAreCheckedAgainstTypeAndRange) {
  const KindRule &sgd = settingRule(ModelSetting::Optimizer).kinds[0];
  const FieldRule &momentum = *findField(sgd, "momentum");
  FieldValue one;
  one.kind = FieldValue::Integer;
  one.number = 1;
  EXPECT_EQ(checkValue(momentum, one), "must lie in [0, 1), got 1");
  FieldValue half;
  half.kind = FieldValue::Number;
  half.number = 0.5;
  EXPECT_EQ(checkValue(momentum, half), std::nullopt);
  EXPECT_EQ(checkValue(settingRule(ModelSetting::Batch).value, half),
            "must be an integer");
  EXPECT_EQ(checkValue(*findField(sgd, "nesterov"), half),
            "must be true or false");
}

TEST(ModelSchemaTest, CheckSpecFindsWhatTheTypesAllow) {
  ModelSpec spec = validSpec();
  EXPECT_EQ(checkSpec(spec), std::nullopt);
  spec.optimizer.nesterov = true;
  EXPECT_EQ(checkSpec(spec), "Nesterov momentum needs momentum > 0");
  spec = validSpec();
  spec.optimizer.beta1 = 0.9; // an adam field on sgd
  EXPECT_EQ(checkSpec(spec), "'sgd' has no setting 'beta1'; it takes lr, "
                             "momentum, nesterov, weight_decay");
  spec = validSpec();
  spec.epochs = 0;
  EXPECT_EQ(checkSpec(spec), "'epochs' must lie in [1, 1e+05], got 0");
}

TEST(ModelSchemaTest, NumbersPrintAsLiterals) {
  EXPECT_EQ(formatFieldNumber(0.001), "0.001");
  EXPECT_EQ(formatFieldNumber(1e-8), "1e-08");
  EXPECT_EQ(formatFieldNumber(1e-8, /*literal=*/true), "1.0e-08");
  EXPECT_EQ(formatFieldNumber(2, /*literal=*/true), "2.0");
  EXPECT_EQ(formatFieldNumber(0.012, /*literal=*/true), "0.012");
}

TEST(ModelSchemaTest, RunLogWritesEveryField) {
  ModelSpec spec = validSpec();
  spec.augment.kind = AugmentKind::Shift;
  spec.augment.pixels = 2;
  EXPECT_EQ(formatSpec(spec),
            "model=m graph=@net loss=nll optimizer=sgd(lr=0.1,momentum=0,"
            "nesterov=false,weight_decay=0) schedule=constant batch=10 "
            "epochs=1 seed=0 data=mnist augment=shift(pixels=2)");
}

TEST(ModelSchemaTest, SchedulesFollowPyTorchPerEpoch) {
  ScheduleSpec step{ScheduleKind::Step, 3, 0.5, 0, 0};
  EXPECT_DOUBLE_EQ(scheduledLr(step, 1.0, 2), 1.0);
  EXPECT_DOUBLE_EQ(scheduledLr(step, 1.0, 3), 0.5);
  EXPECT_DOUBLE_EQ(scheduledLr(step, 1.0, 7), 0.25);
  ScheduleSpec exponential{ScheduleKind::Exponential, 0, 0.9, 0, 0};
  EXPECT_DOUBLE_EQ(scheduledLr(exponential, 1.0, 2), 0.81);
  ScheduleSpec cosine{ScheduleKind::Cosine, 0, 0, 10, 0.1};
  EXPECT_DOUBLE_EQ(scheduledLr(cosine, 1.0, 0), 1.0);
  EXPECT_DOUBLE_EQ(scheduledLr(cosine, 1.0, 5), 0.55);
  EXPECT_DOUBLE_EQ(scheduledLr(cosine, 1.0, 10), 0.1);
  EXPECT_DOUBLE_EQ(scheduledLr(cosine, 1.0, 20), 0.1);
  EXPECT_DOUBLE_EQ(scheduledLr(ScheduleSpec{}, 0.3, 4), 0.3);
}

GraphValue tensor(DType elem, std::vector<Dim> dims, std::string spelling) {
  GraphValue value;
  value.kind = GraphValue::Tensor;
  value.type = {elem, std::move(dims)};
  value.spelling = std::move(spelling);
  return value;
}

TEST(ModelSchemaTest, GraphContract) {
  ModelSpec spec = validSpec();
  GraphValue images =
      tensor(DType::F32, {Dim::unknown(), Dim::fixed(1), Dim::fixed(28),
                          Dim::fixed(28)},
             "tensor<?x1x28x28xf32>");
  GraphValue key;
  key.kind = GraphValue::Scalar;
  key.type.elem = DType::I64;
  key.spelling = "i64";
  GraphValue scores = tensor(DType::F32, {Dim::unknown(), Dim::fixed(10)},
                             "tensor<?x10xf32>");
  EXPECT_EQ(checkGraphContract(spec, {images, key}, {scores}), std::nullopt);
  EXPECT_NE(checkGraphContract(spec, {images, key, key}, {scores}),
            std::nullopt);
  GraphValue batch8 = tensor(DType::F32, {Dim::fixed(8), Dim::fixed(784)},
                             "tensor<8x784xf32>");
  EXPECT_NE(checkGraphContract(spec, {batch8}, {scores}), std::nullopt);
  GraphValue named =
      tensor(DType::F64, {Dim::named("B"), Dim::fixed(784)}, "f64[B, 784]");
  GraphValue otherBatch = tensor(DType::F64, {Dim::named("N"), Dim::fixed(10)},
                                 "f64[N, 10]");
  EXPECT_EQ(checkGraphContract(spec, {named}, {otherBatch}),
            "the nll loss needs one result of 10 class scores per sample, "
            "f64[B, 10], from graph 'net', got f64[N, 10]");
}

} // namespace
