//===- SemaImpl.h - the semantic checker's internals ------------*- C++ -*-===//
//
// Shared by Sema.cpp (declarations, graphs, circuits), SemaExpr.cpp (names,
// values, arithmetic, calls),
// SemaOps.cpp (the built-in ops' argument and shape rules) and
// SemaModel.cpp (the training setup).
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_LIB_FRONTEND_SEMAIMPL_H
#define SYNA_LIB_FRONTEND_SEMAIMPL_H

#include "syna/Frontend/Sema.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace syna::frontend {

class Sema {
public:
  Sema(Module &module, DiagnosticEngine &diags)
      : module_(module), diags_(diags) {}

  bool run();

private:
  friend class OpChecker;
  friend class SpecDecoder;

  //===--------------------------------------------------------------------===//
  // Declarations (Sema.cpp)
  //===--------------------------------------------------------------------===//

  void collectGlobals();
  void checkParam(ParamDecl &param);
  void checkSignature(FunctionDecl &function);
  void checkBody(FunctionDecl &function);
  void checkGraphStmt(FunctionDecl &function, Stmt &stmt, bool &returned,
                      bool &reportedAfterReturn);
  void checkCircuitStmt(FunctionDecl &function, Stmt &stmt, bool &pastStates,
                        std::map<const Binding *, const UpdateStmt *> &updates);
  void checkLet(LetStmt &let);
  void checkCallCycles();
  /// Resolves a written type. `dims` lists the dimension names in scope; a
  /// null `dims` collects new names into `introduced` instead.
  Type resolveType(const TypeSyntax &syntax, const std::set<std::string> *dims,
                   std::set<std::string> *introduced, const char *what);
  const Binding *declare(const Ident &name, Binding::Kind kind, Type type,
                         unsigned index);

  //===--------------------------------------------------------------------===//
  // Expressions (SemaExpr.cpp)
  //===--------------------------------------------------------------------===//

  /// The type of an expression used as one value.
  Type checkExpr(Expr &expr);
  /// The result types of a call (built-in, graph or circuit).
  std::vector<Type> checkCall(CallExpr &call);
  std::vector<Type> checkFunctionCall(CallExpr &call,
                                      const FunctionDecl &callee);
  Type checkName(NameExpr &name);
  Type checkUnary(UnaryExpr &unary);
  Type checkBinary(BinaryExpr &binary);
  /// Binds positional and keyword arguments to `names`; fills call.bound.
  bool bindArguments(CallExpr &call, const std::vector<std::string_view> &names,
                     const std::vector<bool> &required,
                     const std::string &signature);
  /// A constant used as a value of type `target`: records what the importer
  /// must build. Returns false (after reporting) when it cannot.
  bool coerce(Expr &expr, const Type &target, std::string_view context);
  /// Checks that `actual` can stand where `expected` is written; `context`
  /// starts the message ("return value 1 of graph 'g'").
  bool checkAssignable(Loc loc, const Type &actual, const Type &expected,
                       const std::string &context);
  void reportUndefined(Loc loc, const std::string &name, bool callee);

  //===--------------------------------------------------------------------===//
  // Built-ins (SemaOps.cpp)
  //===--------------------------------------------------------------------===//

  std::vector<Type> checkOpCall(CallExpr &call, const BuiltinSignature &op);

  //===--------------------------------------------------------------------===//
  // Training setup (SemaModel.cpp)
  //===--------------------------------------------------------------------===//

  void checkModel(ModelDecl &model);

  Module &module_;
  DiagnosticEngine &diags_;
  std::map<std::string, Decl *> globals_;
  ModelDecl *model_ = nullptr;

  /// The function whose body is being checked, its locals and dimensions.
  struct Scope {
    FunctionDecl *function = nullptr;
    std::map<std::string, const Binding *> locals;
    std::set<std::string> dims;
    /// Initial values of states are computed before the first step, so
    /// they cannot read state variables.
    bool inStateInit = false;
  };
  Scope *scope_ = nullptr;
};

/// The name among `candidates` closest to `name`, if one is close enough
/// to be a likely typo.
std::optional<std::string> closestName(const std::string &name,
                                       const std::vector<std::string> &candidates);

/// a + b with overflow detection; nullopt on overflow.
std::optional<int64_t> checkedMul(int64_t a, int64_t b);

} // namespace syna::frontend

#endif // SYNA_LIB_FRONTEND_SEMAIMPL_H
