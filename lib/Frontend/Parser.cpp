//===- Parser.cpp - parsing .syna files -----------------------------------===//
//
// Grammar (docs/language.md has the commented version):
//
//   file      ::= decl*
//   decl      ::= param | graph | circuit | model
//   param     ::= ('param' | 'buffer') ident ':' type '=' ident
//                 ('(' exprs? ')')? ('in' ident)?
//   graph     ::= 'graph' ident '(' args? ')' '->' results '{' stmt* '}'
//   circuit   ::= 'circuit' ident '(' args? ')' 'steps' int '{' stmt* '}'
//   model     ::= 'model' ident '{' (ident '=' expr ';'?)* '}'
//   type      ::= ident ('[' (dim (',' dim)*)? ']')?     dim ::= int | ident
//   stmt      ::= 'let' ident (',' ident)* '=' expr | 'return' exprs
//               | 'state' ident (':' type)? '=' expr | ident ''' '=' expr | ';'
//   expr      ::= term (('+' | '-') term)*
//   term      ::= unary (('*' | '/') unary)*
//   unary     ::= '-' unary | primary
//   primary   ::= number | string | 'true' | 'false' | ident
//               | ident '(' (arg (',' arg)*)? ')' | '(' expr ')'
//               | '[' exprs? ']'
//   arg       ::= (ident '=')? expr
//
//===----------------------------------------------------------------------===//
#include "syna/Frontend/Parser.h"

#include <algorithm>

using namespace syna::frontend;

namespace {

bool isTopLevelKeyword(Tok kind) {
  return kind == Tok::KwParam || kind == Tok::KwBuffer ||
         kind == Tok::KwGraph || kind == Tok::KwCircuit ||
         kind == Tok::KwModel;
}

class Parser {
public:
  Parser(const std::vector<Token> &tokens, DiagnosticEngine &diags)
      : tokens_(tokens), diags_(diags) {}

  std::unique_ptr<Module> parseModule();

private:
  //===--------------------------------------------------------------------===//
  // Token helpers
  //===--------------------------------------------------------------------===//

  const Token &cur() const { return tokens_[pos_]; }
  const Token &peek(size_t ahead = 1) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  bool at(Tok kind) const { return cur().kind == kind; }
  bool atWord(std::string_view word) const {
    return at(Tok::Ident) && cur().text == word;
  }
  void advance() {
    if (!at(Tok::Eof))
      ++pos_;
  }
  bool consume(Tok kind) {
    if (!at(kind))
      return false;
    advance();
    return true;
  }

  /// "identifier 'foo'", "'('", "end of file".
  std::string found() const {
    const Token &token = cur();
    switch (token.kind) {
    case Tok::Ident:
      return concat("identifier '", token.text, "'");
    case Tok::Int:
    case Tok::Float:
      return concat("number ", token.text);
    default:
      return describe(token.kind);
    }
  }

  bool expect(Tok kind, std::string_view context) {
    if (consume(kind))
      return true;
    diags_.error(cur().loc, concat("expected ", describe(kind), " ", context,
                                   ", found ", found()));
    return false;
  }

  bool expectIdent(Ident &ident, std::string_view what) {
    if (!at(Tok::Ident)) {
      diags_.error(cur().loc, concat("expected ", what, ", found ", found()));
      return false;
    }
    ident = {std::string(cur().text), cur().loc};
    advance();
    return true;
  }

  //===--------------------------------------------------------------------===//
  // Declarations and statements
  //===--------------------------------------------------------------------===//

  DeclPtr parseParam();
  DeclPtr parseFunction();
  DeclPtr parseModel();
  bool parseType(TypeSyntax &type);
  bool parseArgs(FunctionDecl &function);
  StmtPtr parseStatement();
  void syncStatement(size_t start);
  void syncTopLevel(size_t start);

  //===--------------------------------------------------------------------===//
  // Expressions
  //===--------------------------------------------------------------------===//

  /// Counts parser recursion through nested expressions.
  struct NestingGuard {
    NestingGuard(Parser &parser) : parser(parser) { ++parser.nesting_; }
    ~NestingGuard() { --parser.nesting_; }
    Parser &parser;
  };
  bool tooDeep();
  ExprPtr parseExpr();
  ExprPtr parseAdditive();
  ExprPtr parseMultiplicative();
  ExprPtr parseUnary();
  ExprPtr parsePrimary();
  ExprPtr parseCall();
  ExprPtr parseList();
  /// Records the depth of a composite node; reports trees that are too deep.
  bool setDepth(Expr &expr, uint32_t childDepth);

  const std::vector<Token> &tokens_;
  DiagnosticEngine &diags_;
  size_t pos_ = 0;
  uint32_t nesting_ = 0;
};

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

std::unique_ptr<Module> Parser::parseModule() {
  auto module = std::make_unique<Module>();
  while (!at(Tok::Eof) && !diags_.shouldStop()) {
    size_t start = pos_;
    DeclPtr decl;
    switch (cur().kind) {
    case Tok::KwParam:
    case Tok::KwBuffer:
      decl = parseParam();
      break;
    case Tok::KwGraph:
    case Tok::KwCircuit:
      decl = parseFunction();
      break;
    case Tok::KwModel:
      decl = parseModel();
      break;
    case Tok::Semi:
      advance();
      continue;
    default:
      diags_.error(cur().loc,
                   concat("expected a declaration ('param', 'buffer', "
                          "'graph', 'circuit' or 'model'), found ",
                          found()));
      break;
    }
    if (decl)
      module->decls.push_back(std::move(decl));
    else
      syncTopLevel(start);
  }
  return module;
}

/// Skips to the next declaration keyword, consuming at least one token.
void Parser::syncTopLevel(size_t start) {
  if (pos_ == start)
    advance();
  while (!at(Tok::Eof) && !isTopLevelKeyword(cur().kind))
    advance();
}

DeclPtr Parser::parseParam() {
  auto param = std::make_unique<ParamDecl>(cur().loc);
  param->isBuffer = at(Tok::KwBuffer);
  const char *what = param->isBuffer ? "buffer" : "parameter";
  advance();
  if (!expectIdent(param->name, concat("the ", what, " name")) ||
      !expect(Tok::Colon, concat("and the ", what, "'s type")) ||
      !parseType(param->type) ||
      !expect(Tok::Equal, "and an initializer (zeros, uniform(-1, 1), ...)") ||
      !expectIdent(param->init,
                   "an initializer (zeros, ones, constant, uniform, normal, "
                   "kaiming_uniform, kaiming_normal, xavier_uniform)"))
    return nullptr;
  if (consume(Tok::LParen)) {
    while (!at(Tok::RParen)) {
      ExprPtr arg = parseExpr();
      if (!arg)
        return nullptr;
      param->initArgs.push_back(std::move(arg));
      if (!consume(Tok::Comma))
        break;
    }
    if (!expect(Tok::RParen, "after the initializer's arguments"))
      return nullptr;
  }
  if (atWord("in")) {
    advance();
    param->hasDomain = true;
    if (!expectIdent(param->domain,
                     "a domain (real, unit, positive or at_least_one)"))
      return nullptr;
  }
  return param;
}

bool Parser::parseType(TypeSyntax &type) {
  if (!expectIdent(type.elem, "a type such as f32[B, 64]"))
    return false;
  if (!consume(Tok::LBracket))
    return true;
  type.hasShape = true;
  while (!at(Tok::RBracket)) {
    DimSyntax dim;
    dim.loc = cur().loc;
    if (at(Tok::Int)) {
      dim.size = cur().intValue;
    } else if (at(Tok::Ident)) {
      dim.name = std::string(cur().text);
    } else {
      diags_.error(cur().loc, concat("expected a size or a dimension name, found ",
                                     found()));
      return false;
    }
    advance();
    type.dims.push_back(std::move(dim));
    if (!consume(Tok::Comma))
      break;
  }
  return expect(Tok::RBracket, "to close the shape");
}

bool Parser::parseArgs(FunctionDecl &function) {
  if (!expect(Tok::LParen, "to open the argument list"))
    return false;
  while (!at(Tok::RParen)) {
    ArgDecl arg;
    if (!expectIdent(arg.name, "an argument name") ||
        !expect(Tok::Colon, "and the argument's type") ||
        !parseType(arg.type))
      return false;
    function.args.push_back(std::move(arg));
    if (!consume(Tok::Comma))
      break;
  }
  return expect(Tok::RParen, "to close the argument list");
}

DeclPtr Parser::parseFunction() {
  auto function = std::make_unique<FunctionDecl>(cur().loc);
  function->isCircuit = at(Tok::KwCircuit);
  const char *what = function->isCircuit ? "circuit" : "graph";
  advance();
  if (!expectIdent(function->name, concat("the ", what, " name")) ||
      !parseArgs(*function))
    return nullptr;

  if (function->isCircuit) {
    if (!atWord("steps")) {
      diags_.error(cur().loc,
                   concat("expected 'steps N' after the circuit's arguments, "
                          "found ",
                          found()));
      return nullptr;
    }
    advance();
    function->stepsLoc = cur().loc;
    if (!at(Tok::Int)) {
      diags_.error(cur().loc,
                   concat("expected the number of steps (an integer), found ",
                          found()));
      return nullptr;
    }
    function->steps = cur().intValue;
    advance();
  } else {
    if (!expect(Tok::Arrow, "and the result type"))
      return nullptr;
    if (consume(Tok::LParen)) {
      while (!at(Tok::RParen)) {
        TypeSyntax type;
        if (!parseType(type))
          return nullptr;
        function->results.push_back(std::move(type));
        if (!consume(Tok::Comma))
          break;
      }
      if (!expect(Tok::RParen, "to close the result types"))
        return nullptr;
      if (function->results.empty()) {
        diags_.error(function->name.loc,
                     concat("graph '", function->name.name,
                            "' must return at least one value"));
        return nullptr;
      }
    } else {
      TypeSyntax type;
      if (!parseType(type))
        return nullptr;
      function->results.push_back(std::move(type));
    }
  }

  if (!expect(Tok::LBrace, concat("to open the ", what, "'s body")))
    return nullptr;
  bool ok = true;
  while (!at(Tok::RBrace) && !at(Tok::Eof) && !isTopLevelKeyword(cur().kind) &&
         !diags_.shouldStop()) {
    if (consume(Tok::Semi))
      continue;
    size_t start = pos_;
    StmtPtr stmt = parseStatement();
    if (stmt) {
      function->body.push_back(std::move(stmt));
    } else {
      ok = false;
      syncStatement(start);
    }
  }
  function->closeLoc = cur().loc;
  if (!consume(Tok::RBrace)) {
    if (ok)
      diags_.error(cur().loc, concat("expected '}' to end ", what, " '",
                                     function->name.name, "', found ",
                                     found()));
    return nullptr;
  }
  return ok ? std::move(function) : nullptr;
}

/// Skips to the next statement, consuming at least one token.
void Parser::syncStatement(size_t start) {
  if (pos_ == start)
    advance();
  while (!at(Tok::Eof) && !at(Tok::RBrace) && !at(Tok::KwLet) &&
         !at(Tok::KwReturn) && !at(Tok::KwState) &&
         !isTopLevelKeyword(cur().kind) &&
         !(at(Tok::Ident) && peek().kind == Tok::Prime))
    advance();
}

StmtPtr Parser::parseStatement() {
  Loc loc = cur().loc;
  switch (cur().kind) {
  case Tok::KwLet: {
    auto let = std::make_unique<LetStmt>(loc);
    advance();
    do {
      Ident name;
      if (!expectIdent(name, "a name to bind"))
        return nullptr;
      let->names.push_back(std::move(name));
    } while (consume(Tok::Comma));
    if (!expect(Tok::Equal, "after the bound names"))
      return nullptr;
    if (!(let->value = parseExpr()))
      return nullptr;
    return let;
  }
  case Tok::KwReturn: {
    auto ret = std::make_unique<ReturnStmt>(loc);
    advance();
    do {
      ExprPtr value = parseExpr();
      if (!value)
        return nullptr;
      ret->values.push_back(std::move(value));
    } while (consume(Tok::Comma));
    return ret;
  }
  case Tok::KwState: {
    auto state = std::make_unique<StateStmt>(loc);
    advance();
    if (!expectIdent(state->name, "the state variable's name"))
      return nullptr;
    if (consume(Tok::Colon)) {
      state->hasType = true;
      if (!parseType(state->type))
        return nullptr;
    }
    if (!expect(Tok::Equal, "and the initial value"))
      return nullptr;
    if (!(state->init = parseExpr()))
      return nullptr;
    return state;
  }
  case Tok::Ident:
    if (peek().kind == Tok::Prime) {
      auto update = std::make_unique<UpdateStmt>(loc);
      update->name = {std::string(cur().text), loc};
      advance();
      advance();
      if (!expect(Tok::Equal, concat("in the step equation of '",
                                     update->name.name, "'")))
        return nullptr;
      if (!(update->value = parseExpr()))
        return nullptr;
      return update;
    }
    [[fallthrough]];
  default:
    diags_.error(loc, concat("expected a statement ('let', 'return', 'state' "
                             "or a step equation x' = ...), found ",
                             found()));
    return nullptr;
  }
}

DeclPtr Parser::parseModel() {
  auto model = std::make_unique<ModelDecl>(cur().loc);
  advance();
  if (!expectIdent(model->name, "the model name") ||
      !expect(Tok::LBrace, "to open the model"))
    return nullptr;
  bool ok = true;
  // `graph` is a reserved word but also the setting naming the model's graph.
  auto atGraphSetting = [&] {
    return at(Tok::KwGraph) && peek().kind == Tok::Equal;
  };
  auto atNextDecl = [&] {
    return isTopLevelKeyword(cur().kind) && !atGraphSetting();
  };
  while (!at(Tok::RBrace) && !at(Tok::Eof) && !atNextDecl() &&
         !diags_.shouldStop()) {
    if (consume(Tok::Semi))
      continue;
    size_t start = pos_;
    ModelEntry entry;
    if (atGraphSetting()) {
      entry.key = {"graph", cur().loc};
      advance();
      advance();
      if ((entry.value = parseExpr())) {
        model->entries.push_back(std::move(entry));
        continue;
      }
    } else if (expectIdent(entry.key, "a setting such as 'loss = nll'") &&
        expect(Tok::Equal, concat("after '", entry.key.name, "'")) &&
        (entry.value = parseExpr())) {
      model->entries.push_back(std::move(entry));
      continue;
    }
    ok = false;
    if (pos_ == start)
      advance();
    while (!at(Tok::Eof) && !at(Tok::RBrace) && !at(Tok::Semi) &&
           !atNextDecl())
      advance();
  }
  if (!consume(Tok::RBrace)) {
    if (ok)
      diags_.error(cur().loc, concat("expected '}' to end model '",
                                     model->name.name, "', found ", found()));
    return nullptr;
  }
  return ok ? std::move(model) : nullptr;
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

bool Parser::tooDeep() {
  if (nesting_ <= kMaxExprDepth)
    return false;
  diags_.error(cur().loc, concat("expression nested too deeply (the limit is ",
                                 kMaxExprDepth, " levels)"));
  return true;
}

bool Parser::setDepth(Expr &expr, uint32_t childDepth) {
  expr.depth = childDepth + 1;
  if (expr.depth <= kMaxExprDepth)
    return true;
  diags_.error(expr.loc, concat("expression nested too deeply (the limit is ",
                                kMaxExprDepth, " levels)"));
  return false;
}

ExprPtr Parser::parseExpr() {
  NestingGuard guard(*this);
  if (tooDeep())
    return nullptr;
  return parseAdditive();
}

ExprPtr Parser::parseAdditive() {
  ExprPtr lhs = parseMultiplicative();
  while (lhs && (at(Tok::Plus) || at(Tok::Minus))) {
    auto binary = std::make_unique<BinaryExpr>(cur().loc);
    binary->op = at(Tok::Plus) ? '+' : '-';
    advance();
    binary->lhs = std::move(lhs);
    binary->rhs = parseMultiplicative();
    if (!binary->rhs ||
        !setDepth(*binary, std::max(binary->lhs->depth, binary->rhs->depth)))
      return nullptr;
    lhs = std::move(binary);
  }
  return lhs;
}

ExprPtr Parser::parseMultiplicative() {
  ExprPtr lhs = parseUnary();
  while (lhs && (at(Tok::Star) || at(Tok::Slash))) {
    auto binary = std::make_unique<BinaryExpr>(cur().loc);
    binary->op = at(Tok::Star) ? '*' : '/';
    advance();
    binary->lhs = std::move(lhs);
    binary->rhs = parseUnary();
    if (!binary->rhs ||
        !setDepth(*binary, std::max(binary->lhs->depth, binary->rhs->depth)))
      return nullptr;
    lhs = std::move(binary);
  }
  return lhs;
}

ExprPtr Parser::parseUnary() {
  if (!at(Tok::Minus))
    return parsePrimary();
  NestingGuard guard(*this);
  if (tooDeep())
    return nullptr;
  auto unary = std::make_unique<UnaryExpr>(cur().loc);
  advance();
  unary->operand = parseUnary();
  if (!unary->operand || !setDepth(*unary, unary->operand->depth))
    return nullptr;
  return unary;
}

ExprPtr Parser::parsePrimary() {
  const Token &token = cur();
  switch (token.kind) {
  case Tok::Int:
  case Tok::Float: {
    auto number = std::make_unique<NumberExpr>(token.loc);
    number->integral = token.kind == Tok::Int;
    number->intValue = token.intValue;
    number->value = token.floatValue;
    advance();
    return number;
  }
  case Tok::String: {
    auto string = std::make_unique<StringExpr>(token.loc);
    string->value = token.stringValue;
    advance();
    return string;
  }
  case Tok::KwTrue:
  case Tok::KwFalse: {
    auto boolean = std::make_unique<BoolExpr>(token.loc);
    boolean->value = token.kind == Tok::KwTrue;
    advance();
    return boolean;
  }
  case Tok::LParen: {
    advance();
    ExprPtr inner = parseExpr();
    if (!inner || !expect(Tok::RParen, "to close the parenthesis"))
      return nullptr;
    return inner;
  }
  case Tok::LBracket:
    return parseList();
  case Tok::Ident: {
    if (peek().kind == Tok::LParen)
      return parseCall();
    if (peek().kind == Tok::Prime) {
      diags_.error(peek().loc,
                   concat("'", token.text, "'' names the next value of a state "
                          "variable; it may only start a step equation"));
      advance(); // so that recovery does not restart at x'
      advance();
      return nullptr;
    }
    auto name = std::make_unique<NameExpr>(token.loc);
    name->name = std::string(token.text);
    advance();
    return name;
  }
  default:
    diags_.error(token.loc, concat("expected an expression, found ", found()));
    return nullptr;
  }
}

ExprPtr Parser::parseCall() {
  auto call = std::make_unique<CallExpr>(cur().loc);
  call->callee = {std::string(cur().text), cur().loc};
  advance();
  advance(); // '('
  uint32_t depth = 0;
  while (!at(Tok::RParen)) {
    CallArg arg;
    if (at(Tok::Ident) && peek().kind == Tok::Equal) {
      arg.keyword = {std::string(cur().text), cur().loc};
      advance();
      advance();
    }
    if (!(arg.value = parseExpr()))
      return nullptr;
    depth = std::max(depth, arg.value->depth);
    call->args.push_back(std::move(arg));
    if (!consume(Tok::Comma))
      break;
  }
  if (!expect(Tok::RParen, concat("to close the call of '", call->callee.name,
                                  "'")) ||
      !setDepth(*call, depth))
    return nullptr;
  return call;
}

ExprPtr Parser::parseList() {
  auto list = std::make_unique<ListExpr>(cur().loc);
  advance();
  uint32_t depth = 0;
  while (!at(Tok::RBracket)) {
    ExprPtr element = parseExpr();
    if (!element)
      return nullptr;
    depth = std::max(depth, element->depth);
    list->elements.push_back(std::move(element));
    if (!consume(Tok::Comma))
      break;
  }
  if (!expect(Tok::RBracket, "to close the list") || !setDepth(*list, depth))
    return nullptr;
  return list;
}

} // namespace

std::unique_ptr<Module> syna::frontend::parse(const SourceFile &file,
                                              DiagnosticEngine &diags) {
  std::vector<Token> tokens = lex(file, diags);
  return Parser(tokens, diags).parseModule();
}
