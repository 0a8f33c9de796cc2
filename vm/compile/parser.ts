// Recursive-descent parser for MicroPython's Python: tokens → AST (ast.ts).
// Reports the first error as a SyntaxErr with MicroPython's wording; never recovers.
//
// Grammar (simplified, CPython-style):
//   file_input: (NEWLINE | stmt)* ENDMARKER
//   stmt: simple_stmt | compound_stmt
//   simple_stmt: small_stmt (';' small_stmt)* [';'] NEWLINE
//   compound_stmt: if_stmt | while_stmt | for_stmt | try_stmt | with_stmt | funcdef | classdef | decorated | async_stmt
//   test: or_test ['if' or_test 'else' test] | lambdef
//   or_test: and_test ('or' and_test)*      and_test: not_test ('and' not_test)*
//   not_test: 'not' not_test | comparison    comparison: expr (comp_op expr)*
//   expr: xor_expr ('|' xor_expr)* ... shift, arith, term, factor, power, await, atom trailers

import { tokenize, decodeEscapes, type Token } from './tokenizer';
import { SyntaxErr, type Node, type Arguments, type Arg } from './ast';

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

const AUG_OPS = new Set(['+=', '-=', '*=', '/=', '//=', '%=', '**=', '>>=', '<<=', '&=', '|=', '^=', '@=']);

export function parse(src: string): Node {
  return new Parser(tokenize(src)).fileInput();
}

/** `@micropython.X` decorators that choose a code emitter, as MicroPython's compiler accepts them. */
const CODE_EMITTERS = new Set(['bytecode', 'native', 'viper']);

/** `X = const(v)`: MicroPython's parser replaces the call by `v`, so `const` works on a board
 * without being imported (it is no builtin name otherwise; `micropython.const` still needs it). */
function constArg(value: Node): Node | null {
  if (value.k !== 'Call' || value.args.length !== 1 || value.keywords.length !== 0) return null;
  const f = value.func;
  return f.k === 'Name' && f.id === 'const' && value.args[0].k !== 'Starred' ? value.args[0] : null;
}

/** What const() accepts: literals, tuples of them, module constants (math.pi), and operators
 *  on them. */
function isConstExpr(n: Node): boolean {
  switch (n.k) {
    case 'Const': return true;
    case 'Attribute': return n.value.k === 'Name';
    case 'Tuple': return n.elts.every(isConstExpr);
    case 'UnaryOp': return isConstExpr(n.operand);
    case 'BinOp': return isConstExpr(n.left) && isConstExpr(n.right);
    default: return false;
  }
}

class Parser {
  private p = 0;
  /** Names bound by `X = const(v)` so far, and their value expressions. */
  private consts = new Map<string, Node>();
  /** Names of the enclosing def/class/lambda scopes, for compile-stage error tracebacks. */
  private scopes: string[] = ['<module>'];
  private compileErr(msg: string, line: number, col: number): SyntaxErr { return new SyntaxErr(msg, line, col, 'SyntaxError', this.scopes[this.scopes.length - 1]); }
  constructor(private toks: Token[]) {}

  private get t(): Token { return this.toks[this.p]; }
  private tk(): string { return this.toks[this.p].kind; }
  private peek(o = 1): Token { return this.toks[Math.min(this.p + o, this.toks.length - 1)]; }
  private fail(t: Token = this.t, msg = 'invalid syntax'): never {
    if (t.kind === 'error') throw new SyntaxErr(t.value, t.line, t.col, t.value.includes('indent') ? 'IndentationError' : 'SyntaxError');
    throw new SyntaxErr(msg, t.line, t.col, msg.includes('indent') ? 'IndentationError' : 'SyntaxError');
  }
  private isOp(v: string): boolean { const t = this.t; return t.kind === 'op' && t.value === v; }
  private isKw(v: string): boolean { const t = this.t; return t.kind === 'name' && t.value === v; }
  private eatOp(v: string): boolean { if (this.isOp(v)) { this.p++; return true; } return false; }
  private eatKw(v: string): boolean { if (this.isKw(v)) { this.p++; return true; } return false; }
  private expectOp(v: string): Token { if (!this.isOp(v)) this.fail(); return this.toks[this.p++]; }
  private expectKw(v: string): Token { if (!this.isKw(v)) this.fail(); return this.toks[this.p++]; }
  private name(): string {
    const t = this.t;
    if (t.kind !== 'name' || KEYWORDS.has(t.value)) this.fail();
    this.p++;
    return t.value;
  }
  private node(k: string, t: Token, fields: Record<string, unknown>): Node {
    return { k, line: t.line, col: t.col, ...fields } as Node;
  }

  // file_input: (NEWLINE | stmt)* ENDMARKER
  fileInput(): Node {
    const body: Node[] = [];
    const t0 = this.t;
    while (this.t.kind !== 'eof') {
      if (this.t.kind === 'newline') { this.p++; continue; }
      if (this.t.kind === 'error') this.fail();
      if (this.t.kind === 'indent') this.fail(this.t, 'unexpected indent');
      body.push(...this.stmt());
    }
    return this.node('Module', t0, { body });
  }

  // stmt: simple_stmt | compound_stmt
  private stmt(): Node[] {
    const t = this.t;
    if (t.kind === 'name') {
      switch (t.value) {
        case 'if': return [this.ifStmt()];
        case 'while': return [this.whileStmt()];
        case 'for': return [this.forStmt(false)];
        case 'try': return [this.tryStmt()];
        case 'with': return [this.withStmt(false)];
        case 'def': return [this.funcDef([], false)];
        case 'class': return [this.classDef([])];
        case 'async': {
          const nx = this.peek();
          if (nx.kind === 'name' && (nx.value === 'def' || nx.value === 'for' || nx.value === 'with')) {
            this.p++;
            if (nx.value === 'def') return [this.funcDef([], true)];
            if (nx.value === 'for') return [this.forStmt(true)];
            return [this.withStmt(true)];
          }
          break;
        }
      }
    } else if (t.kind === 'op' && t.value === '@') return [this.decorated()];
    return this.simpleStmt();
  }

  // simple_stmt: small_stmt (';' small_stmt)* [';'] NEWLINE
  private simpleStmt(): Node[] {
    const out = [this.smallStmt()];
    while (this.eatOp(';')) {
      if (this.t.kind === 'newline') break;
      out.push(this.smallStmt());
    }
    if (this.t.kind !== 'newline') this.fail();
    this.p++;
    return out;
  }

  // small_stmt: expr_stmt | del_stmt | pass | flow_stmt | import_stmt | global_stmt | nonlocal_stmt | assert_stmt
  private smallStmt(): Node {
    const t = this.t;
    if (t.kind === 'name') {
      switch (t.value) {
        case 'pass': this.p++; return this.node('Pass', t, {});
        case 'break': this.p++; return this.node('Break', t, {});
        case 'continue': this.p++; return this.node('Continue', t, {});
        case 'return': {
          this.p++;
          const value = this.atStmtEnd() ? null : this.testListStarExpr();
          return this.node('Return', t, { value });
        }
        case 'raise': {
          this.p++;
          let exc = null; let cause = null;
          if (!this.atStmtEnd()) {
            exc = this.test();
            if (this.eatKw('from')) cause = this.test();
          }
          return this.node('Raise', t, { exc, cause });
        }
        case 'global': case 'nonlocal': {
          this.p++;
          const names = [this.name()];
          while (this.eatOp(',')) names.push(this.name());
          return this.node(t.value === 'global' ? 'Global' : 'Nonlocal', t, { names });
        }
        case 'del': {
          this.p++;
          const e = this.exprList();
          const targets = e.k === 'Tuple' && !e.paren ? e.elts : [e];
          for (const x of targets) this.checkDel(x);
          return this.node('Delete', t, { targets });
        }
        case 'assert': {
          this.p++;
          const test = this.test();
          const msg = this.eatOp(',') ? this.test() : null;
          return this.node('Assert', t, { test, msg });
        }
        case 'import': return this.importName();
        case 'from': return this.importFrom();
      }
    }
    return this.exprStmt();
  }

  private atStmtEnd(): boolean {
    const t = this.t;
    return t.kind === 'newline' || t.kind === 'eof' || (t.kind === 'op' && t.value === ';');
  }

  // expr_stmt: testlist_star_expr (annassign | augassign (yield_expr|testlist) | ('=' (yield_expr|testlist_star_expr))*)
  private exprStmt(): Node {
    const t = this.t;
    if (this.isKw('yield')) return this.node('Expr', t, { value: this.yieldExpr() });
    const first = this.testListStarExpr();
    if (this.t.kind === 'op' && AUG_OPS.has(this.t.value)) {
      const op = this.t.value.slice(0, -1);
      this.p++;
      if (first.k !== 'Name' && first.k !== 'Attribute' && first.k !== 'Subscript') this.fail(t, 'invalid syntax');
      const value = this.isKw('yield') ? this.yieldExpr() : this.testList();
      return this.node('AugAssign', t, { target: first, op, value });
    }
    if (this.isOp(':')) {
      this.p++;
      const ann = this.test();
      let value = null;
      if (this.eatOp('=')) value = this.isKw('yield') ? this.yieldExpr() : this.testListStarExpr();
      if (first.k !== 'Name' && first.k !== 'Attribute' && first.k !== 'Subscript') this.fail(t, 'invalid syntax');
      return this.node('AnnAssign', t, { target: first, ann, value });
    }
    if (this.isOp('=')) {
      const targets = [first];
      let value: Node = first;
      while (this.eatOp('=')) {
        value = this.isKw('yield') ? this.yieldExpr() : this.testListStarExpr();
        targets.push(value);
      }
      targets.pop();
      for (const tg of targets) this.checkAssign(tg);
      const cv = targets.length === 1 && targets[0].k === 'Name' ? constArg(value) : null;
      if (cv !== null) {
        if (!isConstExpr(cv)) throw this.compileErr('not a constant', cv.line, cv.col);
        const name = targets[0].id as string;
        this.consts.set(name, cv);
        // a const whose name starts with '_' exists only at compile time
        if (name.startsWith('_')) return this.node('Pass', t, {});
        value = cv;
      }
      return this.node('Assign', t, { targets, value });
    }
    if (first.k === 'Starred') throw this.compileErr('*x must be assignment target', t.line, t.col);
    return this.node('Expr', t, { value: first });
  }

  checkAssign(e: Node): void {
    switch (e.k) {
      case 'Name': case 'Attribute': case 'Subscript': return;
      case 'Tuple': case 'List': {
        let stars = 0;
        for (const x of e.elts) { if (x.k === 'Starred') { stars++; this.checkAssign(x.value); } else this.checkAssign(x); }
        if (stars > 1) throw this.compileErr('multiple *x in assignment', e.line, e.col);
        return;
      }
      case 'Starred': throw this.compileErr('*x must be assignment target', e.line, e.col);
      default: throw this.compileErr("can't assign to expression", e.line, e.col);
    }
  }

  checkDel(e: Node): void {
    if (e.k === 'Name' || e.k === 'Attribute' || e.k === 'Subscript') return;
    if (e.k === 'Tuple' || e.k === 'List') { for (const x of e.elts) this.checkDel(x); return; }
    throw this.compileErr("can't delete expression", e.line, e.col);
  }

  // import_name: 'import' dotted_as_names
  private importName(): Node {
    const t = this.expectKw('import');
    const names: { name: string; asname: string | null }[] = [];
    do {
      let name = this.name();
      while (this.eatOp('.')) name += '.' + this.name();
      const asname = this.eatKw('as') ? this.name() : null;
      names.push({ name, asname });
    } while (this.eatOp(','));
    return this.node('Import', t, { names });
  }

  // import_from: 'from' (('.' | '...')* dotted_name | ('.' | '...')+) 'import' ('*' | '(' import_as_names ')' | import_as_names)
  private importFrom(): Node {
    const t = this.expectKw('from');
    let level = 0;
    while (this.isOp('.') || this.isOp('...')) { level += this.t.value.length; this.p++; }
    let module = '';
    if (!this.isKw('import')) {
      module = this.name();
      while (this.eatOp('.')) module += '.' + this.name();
    }
    this.expectKw('import');
    const names: { name: string; asname: string | null }[] = [];
    if (this.eatOp('*')) names.push({ name: '*', asname: null });
    else {
      const paren = this.eatOp('(');
      do {
        if (paren && this.isOp(')')) break;
        const name = this.name();
        const asname = this.eatKw('as') ? this.name() : null;
        names.push({ name, asname });
      } while (this.eatOp(','));
      if (paren) this.expectOp(')');
    }
    return this.node('ImportFrom', t, { module, names, level });
  }

  // suite: simple_stmt | NEWLINE INDENT stmt+ DEDENT
  private suite(): Node[] {
    this.expectOp(':');
    if (this.t.kind !== 'newline') return this.simpleStmt();
    this.p++;
    const nt: Token = this.t;
    if (nt.kind !== 'indent') this.fail(nt);
    this.p++;
    const body: Node[] = [];
    while (this.tk() !== 'dedent' && this.tk() !== 'eof') {
      if (this.tk() === 'indent') this.fail(this.t, 'unexpected indent');
      if (this.tk() === 'error') this.fail();
      body.push(...this.stmt());
    }
    if (this.tk() === 'dedent') this.p++;
    return body;
  }

  // if_stmt: 'if' namedexpr_test ':' suite ('elif' namedexpr_test ':' suite)* ['else' ':' suite]
  private ifStmt(): Node {
    const t = this.t; this.p++;
    const test = this.namedExprTest();
    const body = this.suite();
    let orelse: Node[] = [];
    if (this.isKw('elif')) orelse = [this.ifStmt()];
    else if (this.eatKw('else')) orelse = this.suite();
    return this.node('If', t, { test, body, orelse });
  }

  // while_stmt: 'while' namedexpr_test ':' suite ['else' ':' suite]
  private whileStmt(): Node {
    const t = this.t; this.p++;
    const test = this.namedExprTest();
    const body = this.suite();
    const orelse = this.eatKw('else') ? this.suite() : [];
    return this.node('While', t, { test, body, orelse });
  }

  // for_stmt: 'for' exprlist 'in' testlist ':' suite ['else' ':' suite]
  private forStmt(isAsync: boolean): Node {
    const t = this.t; this.p++;
    const target = this.exprList();
    this.checkAssign(target);
    this.expectKw('in');
    const iter = this.testList();
    const body = this.suite();
    const orelse = this.eatKw('else') ? this.suite() : [];
    return this.node('For', t, { target, iter, body, orelse, isAsync });
  }

  // try_stmt: 'try' ':' suite ((except_clause ':' suite)+ ['else' ':' suite] ['finally' ':' suite] | 'finally' ':' suite)
  private tryStmt(): Node {
    const t = this.t; this.p++;
    const body = this.suite();
    const handlers: Node[] = [];
    while (this.isKw('except')) {
      const ht = this.t; this.p++;
      let type = null; let name = null;
      if (!this.isOp(':')) {
        type = this.test();
        if (this.eatKw('as')) name = this.name();
        else if (this.eatOp(',')) this.fail();
      }
      const hbody = this.suite();
      if (!type && this.isKw('except')) this.fail(ht, "default 'except' must be last");
      handlers.push(this.node('ExceptHandler', ht, { type, name, body: hbody }));
    }
    const orelse = handlers.length && this.eatKw('else') ? this.suite() : [];
    const finalbody = this.eatKw('finally') ? this.suite() : [];
    if (!handlers.length && !finalbody.length) this.fail();
    return this.node('Try', t, { body, handlers, orelse, finalbody });
  }

  // with_stmt: 'with' with_item (',' with_item)* ':' suite ; with_item: test ['as' expr]
  private withStmt(isAsync: boolean): Node {
    const t = this.t; this.p++;
    const items: { expr: Node; vars: Node | null }[] = [];
    do {
      const expr = this.test();
      let vars = null;
      if (this.eatKw('as')) { vars = this.expr(); this.checkAssign(vars); }
      items.push({ expr, vars });
    } while (this.eatOp(','));
    const body = this.suite();
    return this.node('With', t, { items, body, isAsync });
  }

  // decorated: decorators (classdef | funcdef | async_funcdef)
  private decorated(): Node {
    const decorators: Node[] = [];
    while (this.eatOp('@')) {
      const at = this.t;
      const d = this.namedExprTest();
      if (this.t.kind !== 'newline') this.fail();
      this.p++;
      // The compiler knows @micropython.X whether or not `micropython` is imported; the code
      // emitters it selects (native, viper) all run here as ordinary functions.
      const emitter = d.k === 'Attribute' && d.value.k === 'Name' && d.value.id === 'micropython' ? d.attr as string : null;
      if (emitter === null) decorators.push(d);
      else if (!CODE_EMITTERS.has(emitter)) throw this.compileErr('invalid micropython decorator', at.line, at.col);
    }
    if (this.isKw('def')) return this.funcDef(decorators, false);
    if (this.isKw('class')) return this.classDef(decorators);
    if (this.isKw('async') && this.peek().value === 'def') { this.p++; return this.funcDef(decorators, true); }
    return this.fail();
  }

  // funcdef: 'def' NAME parameters ['->' test] ':' suite
  private funcDef(decorators: Node[], isAsync: boolean): Node {
    const t = this.t; this.p++;
    const name = this.name();
    this.expectOp('(');
    this.scopes.push(name);
    const args = this.paramList(')', true);
    this.expectOp(')');
    let returns = null;
    if (this.eatOp('->')) returns = this.test();
    const body = this.suite();
    this.scopes.pop();
    return this.node('FunctionDef', t, { name, args, body, decorators, isAsync, returns });
  }

  // typedargslist: tfpdef ['=' test] (',' tfpdef ['=' test])* [',' ['*' [tfpdef] (',' tfpdef ['=' test])* [',' ['**' tfpdef [',']]] | '**' tfpdef [',']]] | ...
  private paramList(close: string, annotations: boolean): Arguments {
    const a: Arguments = { posonly: [], args: [], vararg: null, kwonly: [], kwarg: null };
    let seenDefault = false; let star = false;
    const seen = new Set<string>();
    const add = (n: string, t: Token) => { if (seen.has(n)) throw this.compileErr('argument name reused', t.line, t.col); seen.add(n); };
    while (!this.isOp(close)) {
      const t = this.t;
      if (this.eatOp('**')) {
        a.kwarg = this.name(); add(a.kwarg, t);
        if (annotations && this.eatOp(':')) this.test();
        this.eatOp(',');
        if (!this.isOp(close)) this.fail();
        break;
      }
      if (this.eatOp('*')) {
        if (star) this.fail(t);
        star = true;
        if (!this.isOp(',') && !this.isOp(close)) {
          a.vararg = this.name(); add(a.vararg, t);
          if (annotations && this.eatOp(':')) this.test();
        } else if (this.isOp(close)) this.fail(t, 'invalid syntax');
      } else if (this.eatOp('/')) {
        if (star || a.posonly.length || !a.args.length) this.fail(t);
        a.posonly = a.args; a.args = [];
      } else {
        const nt = this.t;
        const name = this.name(); add(name, nt);
        if (annotations && this.eatOp(':')) this.test();
        const arg: Arg = { name, line: nt.line, col: nt.col };
        if (this.eatOp('=')) { arg.default = this.test(); if (!star) seenDefault = true; }
        else if (seenDefault && !star) throw new SyntaxErr('non-default argument follows default argument', nt.line, nt.col, 'SyntaxError', this.scopes[this.scopes.length - 2] ?? '<module>');
        (star ? a.kwonly : a.args).push(arg);
      }
      if (!this.eatOp(',')) break;
    }
    return a;
  }

  // classdef: 'class' NAME ['(' [arglist] ')'] ':' suite
  private classDef(decorators: Node[]): Node {
    const t = this.t; this.p++;
    const name = this.name();
    let bases: Node[] = []; let keywords: Node[] = [];
    if (this.eatOp('(')) {
      const r = this.argList();
      bases = r.args; keywords = r.keywords;
      this.expectOp(')');
    }
    this.scopes.push(name);
    const body = this.suite();
    this.scopes.pop();
    return this.node('ClassDef', t, { name, bases, keywords, body, decorators });
  }

  // namedexpr_test: test [':=' test]
  private namedExprTest(): Node {
    const t = this.t;
    const e = this.test();
    if (this.isOp(':=')) {
      if (e.k !== 'Name') this.fail(t, "can't assign to expression");
      this.p++;
      const value = this.test();
      return this.node('NamedExpr', t, { target: e, value });
    }
    return e;
  }

  // test: or_test ['if' or_test 'else' test] | lambdef
  test(): Node {
    const t = this.t;
    if (this.isKw('lambda')) return this.lambdef(true);
    const e = this.orTest();
    if (this.isKw('if')) {
      this.p++;
      const test = this.orTest();
      this.expectKw('else');
      const orelse = this.test();
      return this.node('IfExp', t, { test, body: e, orelse });
    }
    return e;
  }

  // test_nocond: or_test | lambdef_nocond
  private testNoCond(): Node {
    if (this.isKw('lambda')) return this.lambdef(false);
    return this.orTest();
  }

  // lambdef: 'lambda' [varargslist] ':' test
  private lambdef(cond: boolean): Node {
    const t = this.t; this.p++;
    this.scopes.push('<lambda>');
    const args = this.paramList(':', false);
    this.expectOp(':');
    const body = cond ? this.test() : this.testNoCond();
    this.scopes.pop();
    return this.node('Lambda', t, { args, body });
  }

  // or_test: and_test ('or' and_test)*
  private orTest(): Node {
    const t = this.t;
    let e = this.andTest();
    if (this.isKw('or')) {
      const values = [e];
      while (this.eatKw('or')) values.push(this.andTest());
      e = this.node('BoolOp', t, { op: 'or', values });
    }
    return e;
  }

  // and_test: not_test ('and' not_test)*
  private andTest(): Node {
    const t = this.t;
    let e = this.notTest();
    if (this.isKw('and')) {
      const values = [e];
      while (this.eatKw('and')) values.push(this.notTest());
      e = this.node('BoolOp', t, { op: 'and', values });
    }
    return e;
  }

  // not_test: 'not' not_test | comparison
  private notTest(): Node {
    const t = this.t;
    if (this.eatKw('not')) return this.node('UnaryOp', t, { op: 'not', operand: this.notTest() });
    return this.comparison();
  }

  // comparison: expr (comp_op expr)* ; comp_op: '<'|'>'|'=='|'>='|'<='|'!='|'in'|'not' 'in'|'is'|'is' 'not'
  private comparison(): Node {
    const t = this.t;
    const left = this.expr();
    const ops: string[] = []; const comparators: Node[] = [];
    for (;;) {
      const c = this.t;
      let op = '';
      if (c.kind === 'op' && ['<', '>', '==', '>=', '<=', '!='].includes(c.value)) { op = c.value; this.p++; }
      else if (c.kind === 'name' && c.value === 'in') { op = 'in'; this.p++; }
      else if (c.kind === 'name' && c.value === 'not' && this.peek().kind === 'name' && this.peek().value === 'in') { op = 'not in'; this.p += 2; }
      else if (c.kind === 'name' && c.value === 'is') {
        this.p++;
        op = this.eatKw('not') ? 'is not' : 'is';
      } else break;
      ops.push(op); comparators.push(this.expr());
    }
    if (!ops.length) return left;
    return this.node('Compare', t, { left, ops, comparators });
  }

  // star_expr: '*' expr
  private starExpr(): Node {
    const t = this.t;
    this.expectOp('*');
    return this.node('Starred', t, { value: this.expr() });
  }

  // expr: xor_expr ('|' xor_expr)*  (and the binary levels below it)
  expr(): Node { return this.binLevel(0); }

  private static LEVELS: string[][] = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']];

  private binLevel(level: number): Node {
    if (level >= Parser.LEVELS.length) return this.factor();
    const ops = Parser.LEVELS[level];
    let left = this.binLevel(level + 1);
    for (;;) {
      const t = this.t;
      if (t.kind === 'op' && ops.includes(t.value)) {
        this.p++;
        const right = this.binLevel(level + 1);
        left = { k: 'BinOp', line: left.line, col: left.col, left, op: t.value, right, opLine: t.line };
      } else return left;
    }
  }

  // factor: ('+'|'-'|'~') factor | power
  // power: await_expr ['**' factor] ; await_expr: ['await'] atom trailer*
  // Parsed with a loop, not a recursion, so `- - - x` and `a ** b ** c` chains of any length
  // fit in the stack: each operand with its prefix operators, then folded right to left.
  private factor(): Node {
    const items: { prefix: Token[]; base: Node }[] = [];
    for (;;) {
      const prefix: Token[] = [];
      for (let t = this.t; t.kind === 'op' && (t.value === '-' || t.value === '+' || t.value === '~'); t = this.t) { prefix.push(t); this.p++; }
      items.push({ prefix, base: this.awaitExpr() });
      if (!this.eatOp('**')) break;
    }
    let e: Node | null = null;
    for (let i = items.length - 1; i >= 0; i--) {
      const { prefix, base } = items[i];
      e = e === null ? base : { k: 'BinOp', line: base.line, col: base.col, left: base, op: '**', right: e };
      for (let j = prefix.length - 1; j >= 0; j--) e = this.node('UnaryOp', prefix[j], { op: prefix[j].value, operand: e });
    }
    return e as Node;
  }

  // await_expr: ['await'] atom trailer*
  private awaitExpr(): Node {
    const t = this.t;
    if (this.isKw('await')) { this.p++; return this.node('Await', t, { value: this.atomTrailers() }); }
    return this.atomTrailers();
  }

  // atom trailer*: trailer: '(' [arglist] ')' | '[' subscriptlist ']' | '.' NAME
  private atomTrailers(): Node {
    let e = this.atom();
    for (;;) {
      const t = this.t;
      if (t.kind !== 'op') return e;
      if (t.value === '(') {
        this.p++;
        const { args, keywords } = this.argList();
        this.expectOp(')');
        e = { k: 'Call', line: e.line, col: e.col, func: e, args, keywords, trailerLine: t.line };
      } else if (t.value === '[') {
        this.p++;
        const slice = this.subscriptList();
        this.expectOp(']');
        e = { k: 'Subscript', line: e.line, col: e.col, value: e, slice, trailerLine: t.line };
      } else if (t.value === '.') {
        this.p++;
        const attr = this.name();
        e = { k: 'Attribute', line: e.line, col: e.col, value: e, attr, trailerLine: t.line };
      } else return e;
    }
  }

  // subscriptlist: subscript (',' subscript)* [','] ; subscript: test | [test] ':' [test] [':' [test]]
  private subscriptList(): Node {
    const t = this.t;
    const first = this.subscript();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp(']')) break;
      elts.push(this.subscript());
    }
    return this.node('Tuple', t, { elts });
  }

  private subscript(): Node {
    const t = this.t;
    let lower = null; let upper = null; let step = null;
    if (!this.isOp(':')) {
      lower = this.namedExprTest();
      if (!this.isOp(':')) return lower;
    }
    this.expectOp(':');
    if (!this.isOp(']') && !this.isOp(':') && !this.isOp(',')) upper = this.test();
    if (this.eatOp(':')) {
      if (!this.isOp(']') && !this.isOp(',')) step = this.test();
    }
    return this.node('Slice', t, { lower, upper, step });
  }

  // arglist: argument (',' argument)* [','] ; argument: test [comp_for] | test ':=' test | test '=' test | '**' test | '*' test
  private argList(): { args: Node[]; keywords: Node[] } {
    const args: Node[] = []; const keywords: Node[] = [];
    let seenKw = false; let seenDStar = false;
    while (!this.isOp(')')) {
      const t = this.t;
      if (this.eatOp('*')) {
        if (seenDStar) this.fail(t);
        args.push(this.node('Starred', t, { value: this.test() }));
      } else if (this.eatOp('**')) {
        keywords.push(this.node('keyword', t, { arg: null, value: this.test() }));
        seenDStar = true;
      } else {
        const e = this.test();
        if (this.isOp('=')) {
          this.p++;
          if (e.k !== 'Name') this.fail(t, "LHS of keyword arg must be an id");
          keywords.push(this.node('keyword', t, { arg: e.id, value: this.test() }));
          seenKw = true;
        } else if (this.isOp(':=')) {
          if (e.k !== 'Name') this.fail(t);
          this.p++;
          args.push(this.node('NamedExpr', t, { target: e, value: this.test() }));
        } else if (this.isKw('for') || this.isKw('async')) {
          args.push(this.comprehension('GeneratorExp', t, e, null));
          if (args.length > 1 || keywords.length || this.isOp(',')) {
            if (this.isOp(',') && this.peek().kind === 'op' && this.peek().value === ')' && args.length === 1) { /* ok */ }
            else this.fail(t);
          }
        } else {
          if (seenKw || seenDStar) throw this.compileErr('positional arg after keyword arg', t.line, t.col);
          args.push(e);
        }
      }
      if (!this.eatOp(',')) break;
    }
    return { args, keywords };
  }

  // comp_for: ['async'] 'for' exprlist 'in' or_test [comp_iter] ; comp_if: 'if' test_nocond [comp_iter]
  private comprehension(k: string, t: Token, elt: Node, value: Node | null): Node {
    const generators: Node[] = [];
    while (this.isKw('for') || (this.isKw('async') && this.peek().value === 'for')) {
      const gt = this.t;
      const isAsync = this.eatKw('async');
      this.p++;
      const target = this.exprList();
      this.checkAssign(target);
      this.expectKw('in');
      const iter = this.orTest();
      const ifs: Node[] = [];
      while (this.isKw('if')) { this.p++; ifs.push(this.testNoCond()); }
      generators.push(this.node('comprehension', gt, { target, iter, ifs, isAsync }));
    }
    if (k === 'DictComp') return this.node(k, t, { key: elt, value, generators });
    return this.node(k, t, { elt, generators });
  }

  // exprlist: (expr|star_expr) (',' (expr|star_expr))* [',']
  private exprList(): Node {
    const t = this.t;
    const first = this.isOp('*') ? this.starExpr() : this.expr();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isKw('in') || this.isOp('=') || this.atStmtEnd() || this.isOp(':')) break;
      elts.push(this.isOp('*') ? this.starExpr() : this.expr());
    }
    return this.node('Tuple', t, { elts });
  }

  // testlist: test (',' test)* [',']
  private testList(): Node {
    const t = this.t;
    const first = this.test();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.atStmtEnd() || this.isOp(':') || this.isOp('=') || this.isOp(')')) break;
      elts.push(this.test());
    }
    return this.node('Tuple', t, { elts });
  }

  // testlist_star_expr: (test|star_expr) (',' (test|star_expr))* [',']
  private testListStarExpr(): Node {
    const t = this.t;
    const first = this.isOp('*') ? this.starExpr() : this.namedOrTest();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.atStmtEnd() || this.isOp('=') || (this.t.kind === 'op' && (AUG_OPS.has(this.t.value) || this.t.value === ')'))) break;
      elts.push(this.isOp('*') ? this.starExpr() : this.test());
    }
    return this.node('Tuple', t, { elts });
  }

  private namedOrTest(): Node {
    return this.test();
  }

  // yield_expr: 'yield' [yield_arg] ; yield_arg: 'from' test | testlist_star_expr
  private yieldExpr(): Node {
    const t = this.expectKw('yield');
    if (this.eatKw('from')) return this.node('YieldFrom', t, { value: this.test() });
    if (this.atStmtEnd() || this.isOp(')') || this.isOp(']') || this.isOp('}') || this.isOp('=')) return this.node('Yield', t, { value: null });
    return this.node('Yield', t, { value: this.testListStarExpr() });
  }

  // atom: '(' [yield_expr|testlist_comp] ')' | '[' [testlist_comp] ']' | '{' [dictorsetmaker] '}' | NAME | NUMBER | STRING+ | '...' | 'None' | 'True' | 'False'
  private atom(): Node {
    const t = this.t;
    switch (t.kind) {
      case 'name': {
        if (t.value === 'None' || t.value === 'True' || t.value === 'False') { this.p++; return this.node('Const', t, { value: { t: t.value } }); }
        if (t.value === 'yield') this.fail(t, 'invalid syntax');
        // a name defined by const() earlier in the source is replaced by its value, in any scope
        const c = this.consts.get(t.value);
        if (c !== undefined) { this.p++; return { ...c, line: t.line, col: t.col }; }
        // __debug__ is the compiler's constant (True at the default optimisation level)
        if (t.value === '__debug__') { this.p++; return this.node('Const', t, { value: { t: 'True' } }); }
        return this.node('Name', t, { id: this.name() });
      }
      case 'number': this.p++; return this.node('Const', t, { value: numberValue(t.value) });
      case 'string': return this.strings();
      case 'op': break;
      default: this.fail();
    }
    if (t.value === '...') { this.p++; return this.node('Const', t, { value: { t: 'Ellipsis' } }); }
    if (t.value === '(') {
      this.p++;
      if (this.eatOp(')')) return this.node('Tuple', t, { elts: [], paren: true });
      if (this.isKw('yield')) { const y = this.yieldExpr(); this.expectOp(')'); return y; }
      const first = this.isOp('*') ? this.starExpr() : this.namedExprTest();
      if (this.isKw('for') || this.isKw('async')) {
        const g = this.comprehension('GeneratorExp', t, first, null);
        this.expectOp(')');
        return g;
      }
      if (this.eatOp(')')) { if (first.k === 'Starred') this.fail(t); if (first.k === 'Tuple') first.paren = true; return { ...first, parenthesized: true }; }
      const elts = [first];
      while (this.eatOp(',')) {
        if (this.isOp(')')) break;
        elts.push(this.isOp('*') ? this.starExpr() : this.namedExprTest());
      }
      this.expectOp(')');
      return this.node('Tuple', t, { elts, paren: true });
    }
    if (t.value === '[') {
      this.p++;
      if (this.eatOp(']')) return this.node('List', t, { elts: [] });
      const first = this.isOp('*') ? this.starExpr() : this.namedExprTest();
      if (this.isKw('for') || this.isKw('async')) {
        const g = this.comprehension('ListComp', t, first, null);
        this.expectOp(']');
        return g;
      }
      const elts = [first];
      while (this.eatOp(',')) {
        if (this.isOp(']')) break;
        elts.push(this.isOp('*') ? this.starExpr() : this.namedExprTest());
      }
      this.expectOp(']');
      return this.node('List', t, { elts });
    }
    if (t.value === '{') {
      this.p++;
      if (this.eatOp('}')) return this.node('Dict', t, { keys: [], values: [] });
      if (this.isOp('**')) this.fail(); // MicroPython: no {**d} displays
      const first = this.isOp('*') ? this.starExpr() : this.test();
      if (this.eatOp(':')) {
        const v = this.test();
        if (this.isKw('for') || this.isKw('async')) {
          const g = this.comprehension('DictComp', t, first, v);
          this.expectOp('}');
          return g;
        }
        return this.dictRest(t, [first], [v]);
      }
      if (this.isKw('for') || this.isKw('async')) {
        const g = this.comprehension('SetComp', t, first, null);
        this.expectOp('}');
        return g;
      }
      const elts = [first];
      while (this.eatOp(',')) {
        if (this.isOp('}')) break;
        elts.push(this.isOp('*') ? this.starExpr() : this.test());
      }
      this.expectOp('}');
      return this.node('Set', t, { elts });
    }
    return this.fail();
  }

  private dictRest(t: Token, keys: (Node | null)[], values: Node[]): Node {
    while (this.eatOp(',')) {
      if (this.isOp('}')) break;
      if (this.isOp('**')) this.fail();
      keys.push(this.test());
      this.expectOp(':');
      values.push(this.test());
    }
    this.expectOp('}');
    return this.node('Dict', t, { keys, values });
  }

  // STRING+ : adjacent literals concatenate; f-strings become JoinedStr
  private strings(): Node {
    const t0 = this.t;
    const parts: Node[] = [];
    let isBytes: boolean | null = null;
    let hasF = false;
    while (this.t.kind === 'string') {
      const t = this.t; this.p++;
      const b = !!t.bytes;
      if (isBytes !== null && isBytes !== b) this.fail(t, 'cannot mix bytes and nonbytes literals');
      isBytes = b;
      if (t.fstring) { hasF = true; parts.push(...this.fstringParts(t)); }
      else parts.push(this.node('Const', t, { value: { t: 'str', v: t.value } }));
    }
    if (isBytes) return this.node('Const', t0, { value: { t: 'bytes', v: parts.map((p) => p.value.v).join('') } });
    if (!hasF) return this.node('Const', t0, { value: { t: 'str', v: parts.map((p) => p.value.v).join('') } });
    // merge adjacent constants
    const merged: Node[] = [];
    for (const p of parts) {
      const last = merged[merged.length - 1];
      if (p.k === 'Const' && last && last.k === 'Const') last.value = { t: 'str', v: last.value.v + p.value.v };
      else merged.push(p.k === 'Const' ? { ...p, value: { ...p.value } } : p);
    }
    return this.node('JoinedStr', t0, { values: merged });
  }

  private fstringParts(t: Token): Node[] {
    const raw = t.raw ?? '';
    const isRaw = (t.prefix ?? '').includes('r');
    const out: Node[] = [];
    let lit = '';
    const flushLit = () => {
      if (!lit) return;
      const err: { msg?: string } = {};
      const v = isRaw ? lit : decodeEscapes(lit, false, err);
      if (err.msg) throw new SyntaxErr(err.msg, t.line, t.col);
      out.push(this.node('Const', t, { value: { t: 'str', v } }));
      lit = '';
    };
    let i = 0;
    while (i < raw.length) {
      const c = raw[i];
      if (c === '{') {
        if (raw[i + 1] === '{') { lit += '{'; i += 2; continue; }
        flushLit();
        const r = this.fstringField(raw, i + 1, t);
        out.push(...r.nodes);
        i = r.end;
        continue;
      }
      if (c === '}') {
        if (raw[i + 1] === '}') { lit += '}'; i += 2; continue; }
        throw new SyntaxErr("f-string: single '}' is not allowed", t.line, t.col);
      }
      if (c === '\\' && !isRaw) { lit += c + (raw[i + 1] ?? ''); i += 2; continue; }
      lit += c; i++;
    }
    flushLit();
    return out;
  }

  /** Parses one `{expr[=][!conv][:spec]}` starting after '{'; returns nodes and index after '}'. */
  private fstringField(raw: string, start: number, t: Token): { nodes: Node[]; end: number } {
    let depth = 0; let i = start; let quote = '';
    for (; i < raw.length; i++) {
      const c = raw[i];
      if (quote) { if (c === quote) quote = ''; continue; }
      if (c === "'" || c === '"') { quote = c; continue; }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') { if (depth === 0) break; depth--; }
      else if (depth === 0 && (c === '!' && raw[i + 1] !== '=' || c === ':')) break;
    }
    let exprText = raw.slice(start, i);
    const nodes: Node[] = [];
    let selfDoc = false;
    const m = /=\s*$/.exec(exprText);
    if (m && !/[=!<>]=\s*$/.test(exprText)) { selfDoc = true; nodes.push(this.node('Const', t, { value: { t: 'str', v: exprText } })); exprText = exprText.slice(0, m.index); }
    if (!exprText.trim()) throw new SyntaxErr('f-string: empty expression not allowed', t.line, t.col);
    let conv: string | null = null;
    if (raw[i] === '!') { conv = raw[i + 1]; i += 2; if (!'rsa'.includes(conv ?? 'x')) throw new SyntaxErr('f-string: invalid conversion character', t.line, t.col); }
    let spec: Node | null = null;
    if (raw[i] === ':') {
      // format spec may itself contain nested {fields}
      let j = i + 1; let d = 0;
      for (; j < raw.length; j++) { if (raw[j] === '{') d++; else if (raw[j] === '}') { if (d === 0) break; d--; } }
      const specText = raw.slice(i + 1, j);
      const sub: Token = { ...t, raw: specText, prefix: 'f' };
      const parts = this.fstringParts(sub);
      spec = this.node('JoinedStr', t, { values: parts });
      i = j;
    }
    if (raw[i] !== '}') throw new SyntaxErr("f-string: expecting '}'", t.line, t.col);
    let value: Node;
    try {
      const sub = new Parser(tokenize('(' + exprText.replace(/\n/g, ' ') + ')'));
      value = sub.test();
      if (sub.t.kind !== 'newline' && sub.t.kind !== 'eof') throw new SyntaxErr('invalid syntax', t.line, t.col);
    } catch (e) {
      if (e instanceof SyntaxErr) throw new SyntaxErr(e.message, t.line, t.col);
      throw e;
    }
    fixLines(value, t.line);
    if (selfDoc && !conv && !spec) conv = 'r';
    nodes.push(this.node('FormattedValue', t, { value, conv, spec }));
    return { nodes, end: i + 1 };
  }
}

function fixLines(n: Node, line: number): void {
  if (!n || typeof n !== 'object') return;
  if (Array.isArray(n)) { for (const x of n) fixLines(x, line); return; }
  if (typeof n.k === 'string') { n.line = line; }
  for (const key in n) { const v = n[key]; if (v && typeof v === 'object') fixLines(v, line); }
}

function numberValue(text: string): { t: string; v: string } {
  const low = text.toLowerCase();
  if (low.endsWith('j')) return { t: 'complex', v: text.slice(0, -1) };
  if (/^0[xob]/.test(low)) return { t: 'int', v: low };
  if (/[.e]/.test(low)) return { t: 'float', v: low };
  return { t: 'int', v: low };
}
