//===- AST.h - the syntax tree of a .syna file ------------------*- C++ -*-===//
//
// The parser builds these nodes; the semantic checks (Sema) then fill in the
// fields marked "set by Sema": types, what each name refers to, how call
// arguments bind. The importer reads only checked trees.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_FRONTEND_AST_H
#define SYNA_FRONTEND_AST_H

#include "syna/Dialect/Syna/IR/ModelSchema.h"
#include "syna/Frontend/Diagnostics.h"
#include "syna/Frontend/Builtins.h"
#include "syna/Frontend/Type.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace syna::frontend {

struct ParamDecl;
struct FunctionDecl;
struct LetStmt;
struct StateStmt;

/// A name as written, with where it was written.
struct Ident {
  std::string name;
  Loc loc;
};

//===----------------------------------------------------------------------===//
// Types as written
//===----------------------------------------------------------------------===//

struct DimSyntax {
  Loc loc;
  int64_t size = -1; // a static size, or -1 for a named dimension
  std::string name;
};

/// `f32[B, 64]`, `f32[]`, `f32` (a scalar tensor) or `i64` (a key).
struct TypeSyntax {
  Ident elem;
  bool hasShape = false;
  std::vector<DimSyntax> dims;
};

//===----------------------------------------------------------------------===//
// What a name refers to
//===----------------------------------------------------------------------===//

struct Binding {
  enum Kind { Arg, Let, State, Param } kind;
  std::string name;
  Loc loc;
  Type type;
  unsigned index = 0;               // Arg: position; Let: result; State: order
  const ParamDecl *param = nullptr; // Param
};

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

enum class ExprKind { Number, String, Bool, Name, Call, Unary, Binary, List };

struct Expr {
  Expr(ExprKind kind, Loc loc) : kind(kind), loc(loc) {}
  virtual ~Expr() = default;

  const ExprKind kind;
  Loc loc;
  /// Nesting depth of the tree below; the parser bounds it so that no
  /// recursive walk can exhaust the stack.
  uint32_t depth = 1;
  Type type;    // set by Sema: the value's type (a Number for constants)
  Type coerced; // set by Sema for constants used as values: what to build
};
using ExprPtr = std::unique_ptr<Expr>;

struct NumberExpr : Expr {
  NumberExpr(Loc loc) : Expr(ExprKind::Number, loc) {}
  double value = 0;
  int64_t intValue = 0;
  bool integral = false;
};

struct StringExpr : Expr {
  StringExpr(Loc loc) : Expr(ExprKind::String, loc) {}
  std::string value;
};

struct BoolExpr : Expr {
  BoolExpr(Loc loc) : Expr(ExprKind::Bool, loc) {}
  bool value = false;
};

struct NameExpr : Expr {
  NameExpr(Loc loc) : Expr(ExprKind::Name, loc) {}
  std::string name;
  const Binding *binding = nullptr; // set by Sema
};

struct CallArg {
  Ident keyword; // empty name for a positional argument
  ExprPtr value;
};

struct CallExpr : Expr {
  CallExpr(Loc loc) : Expr(ExprKind::Call, loc) {}
  Ident callee;
  std::vector<CallArg> args;

  // Set by Sema. A call is either of a built-in op or of a graph/circuit.
  const BuiltinSignature *op = nullptr;
  const FunctionDecl *function = nullptr;
  /// Built-ins: the argument bound to each parameter of the signature, in
  /// signature order, null where absent. Graphs: the arguments in order.
  std::vector<Expr *> bound;
  /// Built-ins: each argument as the op's rule sees it (attribute values,
  /// operand shapes), in signature order.
  std::vector<ArgValue> values;
  std::vector<Type> results;
};

struct UnaryExpr : Expr {
  UnaryExpr(Loc loc) : Expr(ExprKind::Unary, loc) {}
  ExprPtr operand; // negation is the only unary operator
};

struct BinaryExpr : Expr {
  BinaryExpr(Loc loc) : Expr(ExprKind::Binary, loc) {}
  char op = '+'; // + - * /
  ExprPtr lhs, rhs;
};

struct ListExpr : Expr {
  ListExpr(Loc loc) : Expr(ExprKind::List, loc) {}
  std::vector<ExprPtr> elements;
};

template <typename T> T *as(Expr *expr);
#define SYNA_AST_CAST(T, K)                                                    \
  template <> inline T *as<T>(Expr * expr) {                                   \
    return expr && expr->kind == ExprKind::K ? static_cast<T *>(expr)          \
                                             : nullptr;                        \
  }
SYNA_AST_CAST(NumberExpr, Number)
SYNA_AST_CAST(StringExpr, String)
SYNA_AST_CAST(BoolExpr, Bool)
SYNA_AST_CAST(NameExpr, Name)
SYNA_AST_CAST(CallExpr, Call)
SYNA_AST_CAST(UnaryExpr, Unary)
SYNA_AST_CAST(BinaryExpr, Binary)
SYNA_AST_CAST(ListExpr, List)
#undef SYNA_AST_CAST

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

enum class StmtKind { Let, Return, State, Update };

struct Stmt {
  Stmt(StmtKind kind, Loc loc) : kind(kind), loc(loc) {}
  virtual ~Stmt() = default;
  const StmtKind kind;
  Loc loc;
};
using StmtPtr = std::unique_ptr<Stmt>;

/// `let a, b = expr`; `_` discards a result.
struct LetStmt : Stmt {
  LetStmt(Loc loc) : Stmt(StmtKind::Let, loc) {}
  std::vector<Ident> names;
  ExprPtr value;
  std::vector<const Binding *> bindings; // set by Sema; null for `_`
};

/// `return a, b` (graphs only).
struct ReturnStmt : Stmt {
  ReturnStmt(Loc loc) : Stmt(StmtKind::Return, loc) {}
  std::vector<ExprPtr> values;
};

/// `state x : f32[16] = 0.3` (circuits only).
struct StateStmt : Stmt {
  StateStmt(Loc loc) : Stmt(StmtKind::State, loc) {}
  Ident name;
  bool hasType = false;
  TypeSyntax type;
  ExprPtr init;
  size_t index = 0;                 // set by Sema: position among the states
  const Binding *binding = nullptr; // set by Sema
};

/// `x' = expr`: the value of state x at the next step (circuits only).
struct UpdateStmt : Stmt {
  UpdateStmt(Loc loc) : Stmt(StmtKind::Update, loc) {}
  Ident name;
  ExprPtr value;
  const Binding *state = nullptr; // set by Sema
};

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

enum class DeclKind { Param, Function, Model };

struct Decl {
  Decl(DeclKind kind, Loc loc) : kind(kind), loc(loc) {}
  virtual ~Decl() = default;
  const DeclKind kind;
  Loc loc;
  Ident name;
};
using DeclPtr = std::unique_ptr<Decl>;

/// `param beta : f32[64, 64] = uniform(-1, 1) in unit`, or `buffer` for
/// state that training updates but does not learn (running statistics).
struct ParamDecl : Decl {
  ParamDecl(Loc loc) : Decl(DeclKind::Param, loc) {}
  bool isBuffer = false;
  TypeSyntax type;
  Ident init;
  std::vector<ExprPtr> initArgs;
  bool hasDomain = false;
  Ident domain;

  // Set by Sema.
  Type resolved;
  std::vector<double> initValues;
  std::string domainName = "real";
  std::unique_ptr<Binding> binding;
};

struct ArgDecl {
  Ident name;
  TypeSyntax type;
};

/// A graph, or a circuit (a graph whose body is a recurrence over state
/// variables, run for a fixed number of steps).
struct FunctionDecl : Decl {
  FunctionDecl(Loc loc) : Decl(DeclKind::Function, loc) {}
  bool isCircuit = false;
  std::vector<ArgDecl> args;
  std::vector<TypeSyntax> results; // graphs
  int64_t steps = 0;               // circuits
  Loc stepsLoc;
  std::vector<StmtPtr> body;
  Loc closeLoc; // the closing brace

  // Set by Sema.
  std::vector<Type> argTypes;
  std::vector<Type> resultTypes; // circuits: the state types
  std::vector<std::unique_ptr<Binding>> bindings;
  std::vector<const StateStmt *> states;
  bool signatureValid = false;
};

struct ModelEntry {
  Ident key;
  ExprPtr value;
};

/// `model mnist { graph = net; loss = nll; ... }`.
struct ModelDecl : Decl {
  ModelDecl(Loc loc) : Decl(DeclKind::Model, loc) {}
  std::vector<ModelEntry> entries;
  ModelSpec spec; // set by Sema: every field, defaults filled in
};

struct Module {
  std::vector<DeclPtr> decls;
};

} // namespace syna::frontend

#endif // SYNA_FRONTEND_AST_H
