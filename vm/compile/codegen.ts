// Code generator: AST + symbol table → JavaScript source for one module (or one REPL input).
// The output runs inside `new Function('$R', 'G', 'B', '$K', code)`; `$R` is the runtime
// (operations as plain functions), `G` the module globals, `B` the builtins, `$K` constants.
// Python locals become JS `let`s (so closures are JS closures), each statement updates the
// frame's `$ln`, loops and calls decrement the interrupt tick counter.

import { SyntaxErr, type Node, type Arguments } from './ast';
import { buildSymtable, type Scope } from './symtable';
import { LONG_CHAIN, chainLength, flatBinOp, flatPower, flatUnaryOp, flatBoolOp, flatCompare, type ChainGen } from './flat-chains';

/** A constant the runtime must materialise before running the code. */
export type ConstDesc =
  | { t: 'int'; v: string }
  | { t: 'float'; v: string }
  | { t: 'complex'; v: string }
  | { t: 'bytes'; v: string }
  | { t: 'code'; v: CodeInfo }
  | { t: 'func'; v: FuncSpec };

export interface CodeInfo { name: string; file: string }

export interface FuncSpec {
  name: string;
  qualname: string;
  file: string;
  argnames: string[];
  posonly: number;
  vararg: boolean;
  kwonly: string[];
  varkw: boolean;
  isGen: boolean;
  isAsync: boolean;
  /** Number of fixed positional parameters when the function has no *args/kwonly/**kwargs, else -1. */
  nargs: number;
}

export interface CompiledModule { code: string; consts: ConstDesc[] }

/** Runtime ops imported as local consts at the top of every module. */
const OPS = [
  'truthy', 'add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'lshift', 'rshift', 'and', 'or', 'xor', 'matmul',
  'iadd', 'isub', 'imul', 'itruediv', 'ifloordiv', 'imod', 'ipow', 'ilshift', 'irshift', 'iand', 'ior', 'ixor', 'imatmul',
  'neg', 'pos', 'invert', 'lt', 'le', 'gt', 'ge', 'eq', 'ne', 'contains',
  'ga', 'sa', 'da', 'gi', 'si', 'di', 'call0', 'call1', 'call2', 'call3', 'callN', 'callKw', 'callEx',
  'cm0', 'cm1', 'cm2', 'cmN', 'iter', 'unpack', 'unpackEx', 'list', 'tuple', 'dict', 'dictEx', 'set', 'slice',
  'fv', 'mkfunc', 'mkclass', 'gn', 'unb', 'mkraise', 'reraise', 'caught', 'match', 'tb', 'starArgs', 'starKw',
  'super0', 'yf', 'await', 'assertFail', 'withEnter', 'withExit', 'importName', 'importFrom', 'importStar',
  'delg', 'replPrint', 'tbCatch', 'tbUnmatched', 'tbReraise', 'RangeIter', 'mkgen', 'mkgenexp', 'aiter', 'anext', 'None', 'Ellipsis', 'listPush', 'setAdd', 'dictSet',
];

const BINOPS: Record<string, string> = {
  '+': 'add', '-': 'sub', '*': 'mul', '/': 'truediv', '//': 'floordiv', '%': 'mod', '**': 'pow',
  '<<': 'lshift', '>>': 'rshift', '&': 'and', '|': 'or', '^': 'xor', '@': 'matmul',
};
const CMPOPS: Record<string, string> = { '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge', '==': 'eq', '!=': 'ne' };

const JS_ID = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Every AST node under x, visited with a worklist rather than a recursion (10,000 chained
 * operators are a spine 10,000 deep); `visit` returning false stops the walk.
 */
function everyNode(x: unknown, visit: (n: Node) => boolean): void {
  const todo: unknown[] = [x];
  while (todo.length) {
    const y = todo.pop();
    if (!y || typeof y !== 'object') continue;
    if (Array.isArray(y)) { for (const z of y) todo.push(z); continue; }
    const n = y as Node;
    if (!visit(n)) return;
    for (const key in n) if (key !== 'k') todo.push(n[key]);
  }
}

/** True when statements contain no loops, definitions, lambdas, comprehensions or yields. */
function isSimpleBody(stmts: Node[]): boolean {
  let ok = true;
  everyNode(stmts, (n) => {
    switch (n.k) {
      case 'For': case 'While': case 'FunctionDef': case 'ClassDef': case 'Lambda': case 'ListComp': case 'SetComp':
      case 'DictComp': case 'GeneratorExp': case 'Yield': case 'YieldFrom': case 'Await': case 'With': case 'Try':
        ok = false;
    }
    return ok;
  });
  return ok;
}

/** Names passed as the function of start_new_thread(f, args) anywhere in a module. */
function threadTargets(mod: Node): Set<string> {
  const out = new Set<string>();
  everyNode(mod, (n) => {
    if (n.k === 'Call' && n.args.length > 0 && n.args[0].k === 'Name') {
      const f = n.func;
      if ((f.k === 'Name' && f.id === 'start_new_thread') || (f.k === 'Attribute' && f.attr === 'start_new_thread')) out.add(n.args[0].id);
    }
    return true;
  });
  return out;
}

function prop(name: string): string { return JS_ID.test(name) ? '.' + name : '[' + JSON.stringify(name) + ']'; }
function local(name: string): string { return 'l_' + name; }

interface LoopCtx { label: string; breakLabel: string }

class FnCtx {
  temps = 0;
  tempDecl: string[] = [];
  loops: LoopCtx[] = [];
  handlers: string[] = [];
  co = '';
  /** A _thread body's resumable twin: back-edges and statement calls may yield to the thread scheduler. */
  thread = false;
  /** try-finally nesting inside the current loop doesn't matter for JS; kept for clarity. */
  constructor(readonly scope: Scope, readonly parent: FnCtx | null, readonly classVar: string | null, readonly selfName: string | null) {}
  temp(): string { const t = '$t' + this.temps++; this.tempDecl.push(t); return t; }
}

export function generate(mod: Node, filename: string, mode: 'exec' | 'single' | 'eval'): CompiledModule {
  return new Codegen(mod, filename, mode).run();
}

class Codegen {
  private consts: ConstDesc[] = [];
  private scopes: Map<Node, Scope>;
  private uid = 0;
  private fn!: FnCtx;

  /** Names of functions the module passes to _thread.start_new_thread (they get a resumable twin). */
  private readonly threadFns: Set<string>;

  constructor(private mod: Node, private file: string, private mode: 'exec' | 'single' | 'eval') {
    this.scopes = buildSymtable(mod);
    this.threadFns = threadTargets(mod);
  }

  /** A compile-stage SyntaxError: MicroPython's traceback names the scope being compiled. */
  private err(msg: string, n: Node): SyntaxErr {
    const s = this.fn.scope;
    return new SyntaxErr(msg, n.line, n.col, 'SyntaxError', s.kind === 'module' ? '<module>' : s.name);
  }

  private k(c: ConstDesc): string { this.consts.push(c); return '$K[' + (this.consts.length - 1) + ']'; }

  run(): CompiledModule {
    const scope = this.scopes.get(this.mod) as Scope;
    this.fn = new FnCtx(scope, null, null, null);
    const co = this.k({ t: 'code', v: { name: '<module>', file: this.file } });
    this.fn.co = co;
    let body: string;
    if (this.mode === 'eval') body = 'return ' + this.expr(this.mod.body[0].value) + ';';
    else body = this.block(this.mod.body);
    const temps = this.fn.tempDecl.length ? 'let ' + this.fn.tempDecl.join(',') + ';' : '';
    const header = 'const {' + OPS.map((o) => o + ':$' + o).join(',') + '} = $R.ops;\n';
    const code = '"use strict";\n' + header +
      `return function $module() { let $ln = 1; ${temps}\ntry {\n${body}\n} catch ($e) { throw $tb($e, ${co}, $ln); } };`;
    return { code, consts: this.consts };
  }

  // #region statements

  private block(stmts: Node[]): string {
    let out = '';
    for (const s of stmts) out += this.stmt(s) + '\n';
    return out;
  }

  /** Line of the statement being compiled (expressions on later lines update $ln themselves). */
  private stmtLine = 0;

  /** MicroPython records the line of each call/subscript/attribute trailer; only needed off the statement's line. */
  private lineMark(n: Node, code: string): string {
    const l = n.trailerLine;
    if (l === undefined || l === this.stmtLine) return code;
    return `($ln = ${l}, ${code})`;
  }

  private stmt(n: Node): string {
    const ln = `$ln=${n.line};`;
    this.stmtLine = n.line;
    switch (n.k) {
      case 'Expr': {
        if (this.mode === 'single' && this.fn.scope.kind === 'module') return ln + `$replPrint(${this.expr(n.value)});`;
        // in a thread body, a sleep or lock.acquire() called as a statement waits by yielding
        if (this.fn.thread && n.value.k === 'Call') return ln + `$R.tdefer = $R.depth; ${this.expr(n.value)}; $R.tdefer = -1; if ($R.twait) yield 0;`;
        return ln + this.expr(n.value) + ';';
      }
      case 'Assign': {
        if (n.targets.length === 1) return ln + this.assign(n.targets[0], n.value);
        const t = this.fn.temp();
        return ln + `${t} = ${this.expr(n.value)};` + n.targets.map((tg: Node) => this.store(tg, t)).join('');
      }
      case 'AnnAssign': return n.value ? ln + this.assign(n.target, n.value) : ln;
      case 'AugAssign': return ln + this.augAssign(n);
      case 'Pass': return ln;
      case 'Break': {
        const l = this.fn.loops[this.fn.loops.length - 1];
        if (!l) throw this.err("'break'/'continue' outside loop", n);
        return `break ${l.breakLabel};`;
      }
      case 'Continue': {
        const l = this.fn.loops[this.fn.loops.length - 1];
        if (!l) throw this.err("'break'/'continue' outside loop", n);
        return `continue ${l.label};`;
      }
      case 'Return': {
        if (this.fn.scope.kind !== 'function') throw this.err("'return' outside function", n);
        return ln + `return ${n.value ? this.expr(n.value) : '$None'};`;
      }
      case 'If': {
        let s = ln + `if (${this.cond(n.test)}) {\n${this.block(n.body)}}`;
        if (n.orelse.length) s += ` else {\n${this.block(n.orelse)}}`;
        return s;
      }
      case 'While': return this.whileStmt(n);
      case 'For': return this.forStmt(n);
      case 'Try': return this.tryStmt(n);
      case 'With': return this.withStmt(n, 0);
      case 'Raise': {
        if (!n.exc) {
          const h = this.fn.handlers[this.fn.handlers.length - 1];
          return ln + (h ? `throw $tbReraise(${h});` : 'throw $reraise();');
        }
        return ln + `throw $mkraise(${this.expr(n.exc)}${n.cause ? ', ' + this.expr(n.cause) : ''});`;
      }
      case 'Global': case 'Nonlocal': return '';
      case 'Delete': return ln + n.targets.map((t: Node) => this.del(t)).join('');
      case 'Assert':
        return ln + `if (!${this.cond(n.test)}) throw $assertFail(${n.msg ? this.expr(n.msg) : 'undefined'});`;
      case 'FunctionDef': {
        let f = this.funcExpr(n, n.name, n.args, n.body, false);
        for (let i = n.decorators.length - 1; i >= 0; i--) f = `$call1(${this.expr(n.decorators[i])}, ${f})`;
        return ln + this.storeName(n.name, f) + ';';
      }
      case 'ClassDef': return ln + this.classDef(n);
      case 'Import': {
        let s = ln;
        for (const a of n.names) {
          if (a.asname) s += this.storeName(a.asname, `$importName(${JSON.stringify(a.name)}, true, G)`) + ';';
          else s += this.storeName(a.name.split('.')[0], `$importName(${JSON.stringify(a.name)}, false, G)`) + ';';
        }
        return s;
      }
      case 'ImportFrom': {
        const t = this.fn.temp();
        let s = ln + `${t} = $importFrom(${JSON.stringify(n.module)}, ${n.level}, G);`;
        for (const a of n.names) {
          if (a.name === '*') {
            if (this.fn.scope.kind !== 'module') throw new SyntaxErr('import * not at module level', n.line, n.col);
            s += `$importStar(${t}, G);`;
          } else s += this.storeName(a.asname ?? a.name, `$R.fromItem(${t}, ${JSON.stringify(a.name)})`) + ';';
        }
        return s;
      }
      default: throw new Error('codegen: unknown statement ' + n.k);
    }
  }

  private tick(): string {
    // a thread body yields at back-edges once its time slice is used up
    return this.fn.thread ? 'if (--$R.ticks < 0) $R.tick(); if ($R.tsw) { $R.tsw = false; yield 0; }' : 'if (--$R.ticks < 0) $R.tick();';
  }

  private whileStmt(n: Node): string {
    const id = this.uid++;
    const label = 'L' + id;
    const hasElse = n.orelse.length > 0;
    const ctx = { label, breakLabel: hasElse ? label + 'e' : label };
    this.fn.loops.push(ctx);
    const body = this.block(n.body);
    this.fn.loops.pop();
    const test = n.test.k === 'Const' && n.test.value.t === 'True' ? 'true' : this.cond(n.test);
    const loop = `${label}: while (${test}) { ${this.tick()}\n${body}}`;
    return `$ln=${n.line};` + (hasElse ? `${label}e: { ${loop}\n${this.block(n.orelse)}}` : loop);
  }

  private forStmt(n: Node): string {
    if (n.isAsync) return this.asyncFor(n);
    const id = this.uid++;
    const label = 'L' + id;
    const hasElse = n.orelse.length > 0;
    const ctx = { label, breakLabel: hasElse ? label + 'e' : label };
    const it = '$i' + id; const v = '$v' + id;
    this.fn.loops.push(ctx);
    const body = this.block(n.body);
    // innermost loops over a range run on a plain counter (the body is compiled twice, so
    // only small bodies without nested loops or functions qualify)
    const fast = isSimpleBody(n.body) && body.length < 4000 ? this.block(n.body) : null;
    this.fn.loops.pop();
    const generic = `${label}: for (;;) { $ln=${n.line}; const ${v} = ${it}.next(); if (${v} === undefined) break; ${this.tick()} ${this.store(n.target, v)}\n${body}}`;
    let loop: string;
    if (fast !== null) {
      const c = '$c' + id; const s = '$s' + id; const st = '$st' + id;
      const counted = `const ${s} = ${it}.stop, ${st} = ${it}.step; ${label}: for (let ${c} = ${it}.cur; ${st} > 0 ? ${c} < ${s} : ${c} > ${s}; ${c} += ${st}) { $ln=${n.line}; ${this.tick()} ${this.store(n.target, c)}\n${fast}}`;
      loop = `const ${it} = $iter(${this.expr(n.iter)});\nif (${it} instanceof $RangeIter) { ${counted} } else { ${generic} }`;
    } else loop = `const ${it} = $iter(${this.expr(n.iter)});\n${generic}`;
    return `$ln=${n.line};` + (hasElse ? `${label}e: { ${loop}\n${this.block(n.orelse)}}` : `{${loop}}`);
  }

  private asyncFor(n: Node): string {
    const id = this.uid++;
    const label = 'L' + id;
    const hasElse = n.orelse.length > 0;
    const ctx = { label, breakLabel: hasElse ? label + 'e' : label };
    const it = '$i' + id; const v = '$v' + id;
    this.fn.loops.push(ctx);
    const body = this.block(n.body);
    this.fn.loops.pop();
    const loop = `const ${it} = $aiter(${this.expr(n.iter)});\n${label}: for (;;) { const ${v} = yield* $anext(${it}); if (${v} === undefined) break; ${this.store(n.target, v)}\n${body}}`;
    return `$ln=${n.line};` + (hasElse ? `${label}e: { ${loop}\n${this.block(n.orelse)}}` : `{${loop}}`);
  }

  private tryStmt(n: Node): string {
    const id = this.uid++;
    let s = '';
    if (n.handlers.length) {
      const e = '$e' + id; const x = '$x' + id; const ok = '$ok' + id;
      const hasElse = n.orelse.length > 0;
      let h = '';
      this.fn.handlers.push(e);
      for (const hd of n.handlers) {
        let body = this.block(hd.body);
        if (hd.name) body = this.storeName(hd.name, x) + `; try {\n${body}} finally { ${this.unbindName(hd.name)} }`;
        const test = hd.type ? `$match(${x}, ${this.expr(hd.type)})` : 'true';
        h += `${h ? 'else ' : ''}if (${test}) { $ln=${hd.line};\n${body}}\n`;
      }
      this.fn.handlers.pop();
      h += `else throw $tbUnmatched(${e});`;
      s = (hasElse ? `let ${ok} = false;` : '') +
        `try {\n${this.block(n.body)}${hasElse ? ok + ' = true;' : ''}} catch (${e}) { ${e} = $tbCatch(${e}, ${this.fn.co}, $ln); const ${x} = ${e}.exc;\n${h}}`;
      if (hasElse) s += `\nif (${ok}) {\n${this.block(n.orelse)}}`;
      if (n.finalbody.length) s = `try {\n${s}\n} finally {\n${this.block(n.finalbody)}}`;
    } else {
      s = `try {\n${this.block(n.body)}} finally {\n${this.block(n.finalbody)}}`;
    }
    return `$ln=${n.line};` + s;
  }

  private withStmt(n: Node, i: number): string {
    if (i >= n.items.length) return this.block(n.body);
    const item = n.items[i];
    const id = this.uid++;
    const m = '$m' + id; const f = '$f' + id; const e = '$e' + id;
    const enter = n.isAsync ? `(yield* $await($withEnter(${m}, true)))` : `$withEnter(${m}, false)`;
    const exitExc = n.isAsync ? `(yield* $await($withExit(${m}, ${e}.exc, true)))` : `$withExit(${m}, ${e}.exc, false)`;
    const exitNone = n.isAsync ? `(yield* $await($withExit(${m}, $None, true)))` : `$withExit(${m}, $None, false)`;
    const bind = item.vars ? this.store(item.vars, enter) : enter + ';';
    return `$ln=${n.line}; { const ${m} = ${this.expr(item.expr)}; ${bind} let ${f} = false;\ntry {\n${this.withStmt(n, i + 1)}} catch (${e}) { ${f} = true; ${e} = $caught(${e}); if (!$truthy(${exitExc})) throw ${e}; } finally { if (!${f}) ${exitNone}; } }`;
  }

  private classDef(n: Node): string {
    const scope = this.scopes.get(n) as Scope;
    const cv = '$c' + this.uid++;
    this.fn.tempDecl.push(cv);
    const saved = this.fn;
    this.fn = new FnCtx(scope, saved, cv, null);
    const co = this.k({ t: 'code', v: { name: n.name, file: this.file } });
    this.fn.co = co;
    const body = this.block(n.body);
    const temps = this.fn.tempDecl.length ? 'let ' + this.fn.tempDecl.join(',') + ';' : '';
    this.fn = saved;
    const bodyFn = `function ($ns) { let $ln = ${n.line}; ${temps}\ntry {\n${body}} catch ($e) { throw $tb($e, ${co}, $ln); } }`;
    const bases = this.argsArray(n.bases);
    const kws = n.keywords.filter((k: Node) => k.arg).map((k: Node) => `[${JSON.stringify(k.arg)}, ${this.expr(k.value)}]`);
    let c = `(${cv} = $mkclass(${bodyFn}, ${JSON.stringify(n.name)}, ${bases}, [${kws.join(',')}], ${JSON.stringify(this.qualname(n.name))}))`;
    for (let i = n.decorators.length - 1; i >= 0; i--) c = `$call1(${this.expr(n.decorators[i])}, ${c})`;
    return this.storeName(n.name, c) + ';';
  }

  private qualname(name: string): string {
    const parts = [name];
    for (let f: FnCtx | null = this.fn; f; f = f.parent) {
      if (f.scope.kind === 'module') break;
      parts.unshift(f.scope.kind === 'function' ? f.scope.name + '.<locals>' : f.scope.name);
    }
    return parts.join('.');
  }

  // #endregion

  // #region functions

  private funcExpr(n: Node, name: string, args: Arguments, body: Node[] | Node, isLambda: boolean): string {
    const scope = this.scopes.get(n) as Scope;
    const saved = this.fn;
    // methods see the class variable of the nearest enclosing class (for super())
    let classVar: string | null = null;
    if (saved.scope.kind === 'class') classVar = saved.classVar;
    else classVar = saved.classVar;
    const params = [...args.posonly, ...args.args].map((a) => a.name);
    const selfName = params[0] ?? args.vararg ?? null;
    this.fn = new FnCtx(scope, saved, classVar, saved.scope.kind === 'class' ? selfName : saved.selfName && saved.scope.kind === 'comp' ? saved.selfName : selfName);
    const isGen = scope.isGenerator || (scope.isAsync);
    const co = this.k({ t: 'code', v: { name, file: this.file } });
    this.fn.co = co;
    const twin = !isGen && !isLambda && this.threadFns.has(name) ? this.threadTwin(n, scope, saved, classVar, selfName, body as Node[], co) : null;
    const jsParams: string[] = params.map(local);
    if (args.vararg) jsParams.push(local(args.vararg));
    for (const a of args.kwonly) jsParams.push(local(a.name));
    if (args.kwarg) jsParams.push(local(args.kwarg));
    let code: string;
    if (isLambda) code = `return ${this.expr(body as Node)};`;
    else code = this.block(body as Node[]) + 'return $None;';
    const locals = [...scope.locals].filter((l) => !scope.params.includes(l) && !scope.globals.has(l) && !scope.nonlocals.has(l)).map(local);
    const decl = [...locals, ...this.fn.tempDecl];
    const declStr = decl.length ? 'let ' + decl.join(',') + ';' : '';
    this.fn = saved;
    const spec: FuncSpec = {
      name, qualname: this.qualname(name), file: this.file,
      argnames: params, posonly: args.posonly.length, vararg: !!args.vararg, kwonly: args.kwonly.map((a) => a.name), varkw: !!args.kwarg,
      isGen, isAsync: scope.isAsync,
      nargs: args.vararg || args.kwonly.length || args.kwarg ? -1 : params.length,
    };
    const sk = this.k({ t: 'func', v: spec });
    const defaults = [...args.posonly, ...args.args].filter((a) => a.default).map((a) => this.expr(a.default as Node));
    const kwd = args.kwonly.filter((a) => a.default).map((a) => `[${JSON.stringify(a.name)}, ${this.expr(a.default as Node)}]`);
    let fn: string;
    if (isGen) {
      fn = `function (${jsParams.join(',')}) { return $mkgen(function* () { let $ln = ${n.line}; ${declStr}\ntry {\n${code}} catch ($e) { throw $tb($e, ${co}, $ln); } }, ${sk}); }`;
    } else {
      fn = `function (${jsParams.join(',')}) { if (++$R.depth > $R.maxDepth) $R.recursion(); let $ln = ${n.line}; ${declStr}\ntry { if (--$R.ticks < 0) $R.tick();\n${code}} catch ($e) { throw $tb($e, ${co}, $ln); } finally { $R.depth--; } }`;
    }
    const made = `$mkfunc(${fn}, ${sk}, ${defaults.length ? '[' + defaults.join(',') + ']' : 'null'}, ${kwd.length ? '[' + kwd.join(',') + ']' : 'null'})`;
    if (!twin) return made;
    return `(($f) => { $f.$thread = function (${jsParams.join(',')}) { return $mkgen(function* () { ${twin} }, ${sk}); }; return $f; })(${made})`;
  }

  /** The body of a function compiled again as a generator for _thread (see vm/modules/thread.ts). */
  private threadTwin(n: Node, scope: Scope, saved: FnCtx, classVar: string | null, selfName: string | null, body: Node[], co: string): string {
    const outer = this.fn;
    this.fn = new FnCtx(scope, saved, classVar, selfName);
    this.fn.co = co;
    this.fn.thread = true;
    const code = this.block(body) + 'return $None;';
    const locals = [...scope.locals].filter((l) => !scope.params.includes(l) && !scope.globals.has(l) && !scope.nonlocals.has(l)).map(local);
    const decl = [...locals, ...this.fn.tempDecl];
    this.fn = outer;
    return `let $ln = ${n.line}; ${decl.length ? 'let ' + decl.join(',') + ';' : ''}\ntry {\n${code}} catch ($e) { throw $tb($e, ${co}, $ln); }`;
  }

  // #endregion

  // #region stores

  private storeName(name: string, value: string): string {
    const s = this.fn.scope;
    switch (s.resolve(name)) {
      case 'local': case 'free': return `${local(name)} = ${value}`;
      case 'classns': return `$ns${prop(name)} = ${value}`;
      default: return `G${prop(name)} = ${value}`;
    }
  }

  private unbindName(name: string): string {
    const s = this.fn.scope;
    switch (s.resolve(name)) {
      case 'local': case 'free': return `${local(name)} = undefined;`;
      case 'classns': return `delete $ns${prop(name)};`;
      default: return `delete G${prop(name)};`;
    }
  }

  private assign(target: Node, value: Node): string {
    // a, b = x, y: evaluate all right-hand values first, no tuple built
    if ((target.k === 'Tuple' || target.k === 'List') && value.k === 'Tuple' && value.elts.length === target.elts.length &&
      !target.elts.some((e: Node) => e.k === 'Starred') && !value.elts.some((e: Node) => e.k === 'Starred')) {
      const temps = value.elts.map(() => this.fn.temp());
      return value.elts.map((e: Node, i: number) => `${temps[i]} = ${this.expr(e)};`).join('') +
        target.elts.map((t: Node, i: number) => this.store(t, temps[i])).join('');
    }
    return this.store(target, this.expr(value));
  }

  /** Stores a JS expression into a target; returns statement(s). */
  private store(t: Node, v: string): string {
    switch (t.k) {
      case 'Name': return this.storeName(t.id, v) + ';';
      case 'Attribute': return `$sa(${this.expr(t.value)}, ${JSON.stringify(t.attr)}, ${v});`;
      case 'Subscript': {
        const tmp = this.fn.temp();
        return `${tmp} = ${v}; $si(${this.expr(t.value)}, ${this.subscriptKey(t.slice)}, ${tmp});`;
      }
      case 'Tuple': case 'List': {
        const u = this.fn.temp();
        const star = t.elts.findIndex((e: Node) => e.k === 'Starred');
        let s: string;
        if (star < 0) s = `${u} = $unpack(${v}, ${t.elts.length});`;
        else s = `${u} = $unpackEx(${v}, ${star}, ${t.elts.length - star - 1});`;
        t.elts.forEach((e: Node, i: number) => { s += this.store(e.k === 'Starred' ? e.value : e, `${u}[${i}]`); });
        return s;
      }
      case 'Starred': throw new SyntaxErr('star can only be used as an assignment target', t.line, t.col);
      default: throw new SyntaxErr("can't assign to expression", t.line, t.col);
    }
  }

  private augAssign(n: Node): string {
    const op = '$i' + BINOPS[n.op];
    const t = n.target;
    if (t.k === 'Name') return this.storeName(t.id, `${op}(${this.loadName(t.id)}, ${this.expr(n.value)})`) + ';';
    if (t.k === 'Attribute') {
      const o = this.fn.temp();
      return `${o} = ${this.expr(t.value)}; $sa(${o}, ${JSON.stringify(t.attr)}, ${op}($ga(${o}, ${JSON.stringify(t.attr)}), ${this.expr(n.value)}));`;
    }
    const o = this.fn.temp(); const k = this.fn.temp();
    return `${o} = ${this.expr(t.value)}; ${k} = ${this.subscriptKey(t.slice)}; $si(${o}, ${k}, ${op}($gi(${o}, ${k}), ${this.expr(n.value)}));`;
  }

  private del(t: Node): string {
    switch (t.k) {
      case 'Name': {
        const r = this.fn.scope.resolve(t.id);
        if (r === 'local' || r === 'free') return `if (${local(t.id)} === undefined) $unb(${JSON.stringify(t.id)}); ${local(t.id)} = undefined;`;
        if (r === 'classns') return `$delg($ns, ${JSON.stringify(t.id)});`;
        return `$delg(G, ${JSON.stringify(t.id)});`;
      }
      case 'Attribute': return `$da(${this.expr(t.value)}, ${JSON.stringify(t.attr)});`;
      case 'Subscript': return `$di(${this.expr(t.value)}, ${this.subscriptKey(t.slice)});`;
      case 'Tuple': case 'List': return t.elts.map((e: Node) => this.del(e)).join('');
      default: throw new SyntaxErr("can't delete expression", t.line, t.col);
    }
  }

  // #endregion

  // #region expressions

  private loadName(name: string): string {
    const s = this.fn.scope;
    const q = JSON.stringify(name);
    switch (s.resolve(name)) {
      case 'local':
        if (s.params.includes(name)) return local(name);
        return `(${local(name)} ?? $unb(${q}))`;
      case 'free': return `(${local(name)} ?? $unb(${q}, true))`;
      case 'classns': return `($ns${prop(name)} ?? G${prop(name)} ?? $gn(${q}))`;
      default: return `(G${prop(name)} ?? $gn(${q}))`;
    }
  }

  /** The code generator as the flat-chain helpers see it. */
  private get chains(): ChainGen { return { expr: (x) => this.expr(x), temp: () => this.fn.temp() }; }

  private cond(n: Node): string {
    switch (n.k) {
      case 'BoolOp': if (n.values.length >= LONG_CHAIN) break; return '(' + n.values.map((v: Node) => this.cond(v)).join(n.op === 'and' ? ' && ' : ' || ') + ')';
      case 'UnaryOp': if (n.op === 'not' && chainLength(n, 'UnaryOp', 'operand') < LONG_CHAIN) return '!' + this.cond(n.operand); break;
      case 'Compare':
        if (n.ops.length === 1 && ['is', 'is not', 'in', 'not in'].includes(n.ops[0])) return this.expr(n);
        break;
      case 'Const':
        if (n.value.t === 'True') return 'true';
        if (n.value.t === 'False' || n.value.t === 'None') return 'false';
        break;
    }
    return `$truthy(${this.expr(n)})`;
  }

  private argsArray(args: Node[]): string {
    if (args.some((a) => a.k === 'Starred')) {
      return '$starArgs([' + args.map((a) => (a.k === 'Starred' ? `[${this.expr(a.value)}]` : this.expr(a))).join(',') + '])';
    }
    return '[' + args.map((a) => this.expr(a)).join(',') + ']';
  }

  private subscriptKey(s: Node): string {
    if (s.k === 'Slice') {
      return `$slice(${s.lower ? this.expr(s.lower) : '$None'}, ${s.upper ? this.expr(s.upper) : '$None'}, ${s.step ? this.expr(s.step) : '$None'})`;
    }
    return this.expr(s);
  }

  private constExpr(v: { t: string; v?: string }): string {
    switch (v.t) {
      case 'None': return '$None';
      case 'True': return 'true';
      case 'False': return 'false';
      case 'Ellipsis': return '$Ellipsis';
      case 'str': return JSON.stringify(v.v);
      case 'int': {
        const s = v.v as string;
        let big: bigint;
        if (s.startsWith('0x') || s.startsWith('0o') || s.startsWith('0b')) big = BigInt(s);
        else big = BigInt(s);
        if (big <= BigInt(Number.MAX_SAFE_INTEGER)) return String(big);
        return this.k({ t: 'int', v: big.toString() });
      }
      case 'float': return this.k({ t: 'float', v: v.v as string });
      case 'complex': return this.k({ t: 'complex', v: v.v as string });
      case 'bytes': return this.k({ t: 'bytes', v: v.v as string });
      default: throw new Error('codegen: bad const ' + v.t);
    }
  }

  expr(n: Node): string {
    switch (n.k) {
      case 'Name': return this.loadName(n.id);
      case 'Const': return this.constExpr(n.value);
      case 'JoinedStr':
        return '(' + (n.values.length ? n.values.map((p: Node) => (p.k === 'Const' ? JSON.stringify(p.value.v) : `$fv(${this.expr(p.value)}, ${JSON.stringify(p.conv)}, ${p.spec ? this.expr(p.spec) : 'null'})`)).join(' + ') : '""') + (n.values.length === 1 && n.values[0].k === 'Const' ? '' : ' + ""') + ')';
      case 'BinOp':
        if (chainLength(n, 'BinOp', 'left') === LONG_CHAIN) return flatBinOp(this.chains, n, (op) => '$' + BINOPS[op]);
        if (n.op === '**' && chainLength(n, 'BinOp', 'right') === LONG_CHAIN) return flatPower(this.chains, n, '$' + BINOPS['**']);
        return `$${BINOPS[n.op]}(${this.expr(n.left)}, ${this.expr(n.right)})`;
      case 'UnaryOp': {
        if (chainLength(n, 'UnaryOp', 'operand') === LONG_CHAIN) return flatUnaryOp(this.chains, n, (op) => (op === '-' ? '$neg' : op === '+' ? '$pos' : '$invert'));
        if (n.op === 'not') return `!${this.cond(n.operand)}`;
        if (n.op === '-' && n.operand.k === 'Const' && n.operand.value.t === 'int') {
          const c = this.constExpr(n.operand.value);
          if (/^\d+$/.test(c)) return c === '0' ? '0' : `(-${c})`;
        }
        return `$${n.op === '-' ? 'neg' : n.op === '+' ? 'pos' : 'invert'}(${this.expr(n.operand)})`;
      }
      case 'BoolOp': {
        if (n.values.length >= LONG_CHAIN) return flatBoolOp(this.chains, n);
        const t = this.fn.temp();
        const vals = n.values.map((v: Node) => this.expr(v));
        let s = vals[vals.length - 1];
        for (let i = vals.length - 2; i >= 0; i--) {
          s = n.op === 'and' ? `($truthy(${t} = ${vals[i]}) ? ${s} : ${t})` : `($truthy(${t} = ${vals[i]}) ? ${t} : ${s})`;
        }
        return s;
      }
      case 'Compare': return this.compare(n);
      case 'Call': return this.lineMark(n, this.call(n));
      case 'Attribute': return this.lineMark(n, `$ga(${this.expr(n.value)}, ${JSON.stringify(n.attr)})`);
      case 'Subscript': return this.lineMark(n, `$gi(${this.expr(n.value)}, ${this.subscriptKey(n.slice)})`);
      case 'Slice': return this.subscriptKey(n);
      case 'Tuple': case 'List': case 'Set': {
        // MicroPython has no unpacking in displays ([*a]): it is a compile error there
        const st = n.elts.find((e: Node) => e.k === 'Starred');
        if (st) throw this.err('*x must be assignment target', st);
        return `$${n.k.toLowerCase()}(${this.argsArray(n.elts)})`;
      }
      case 'Dict': {
        if (n.keys.some((k: Node | null) => k === null)) {
          return '$dictEx([' + n.keys.map((k: Node | null, i: number) => (k === null ? `[${this.expr(n.values[i])}]` : `${this.expr(k)}, ${this.expr(n.values[i])}`)).join(',') + '])';
        }
        return '$dict([' + n.keys.map((k: Node, i: number) => `${this.expr(k)}, ${this.expr(n.values[i])}`).join(',') + '])';
      }
      case 'IfExp': return `(${this.cond(n.test)} ? ${this.expr(n.body)} : ${this.expr(n.orelse)})`;
      case 'NamedExpr': {
        const s = this.fn.scope;
        let target = s;
        while (target.kind === 'comp' && target.parent) target = target.parent;
        const r = s.resolve(n.target.id);
        const v = this.expr(n.value);
        if (r === 'global') return `(G${prop(n.target.id)} = ${v})`;
        return `(${local(n.target.id)} = ${v})`;
      }
      case 'Lambda': return this.funcExpr(n, '<lambda>', n.args, n.body, true);
      case 'ListComp': case 'SetComp': case 'DictComp': case 'GeneratorExp': return this.comprehension(n);
      case 'Yield': {
        if (this.fn.scope.isAsync && this.fn.scope.kind === 'function') return `(yield* $R.asyncYield(${n.value ? this.expr(n.value) : '$None'}))`;
        return `(yield ${n.value ? this.expr(n.value) : '$None'})`;
      }
      case 'YieldFrom': return `(yield* $yf(${this.expr(n.value)}))`;
      case 'Await': return `(yield* $await(${this.expr(n.value)}))`;
      case 'Starred': throw new SyntaxErr('*x must be assignment target', n.line, n.col);
      default: throw new Error('codegen: unknown expression ' + n.k);
    }
  }

  private compare(n: Node): string {
    const one = (op: string, a: string, b: string): string => {
      switch (op) {
        case 'is': return `(${a} === ${b})`;
        case 'is not': return `(${a} !== ${b})`;
        case 'in': return `$contains(${b}, ${a})`;
        case 'not in': return `!$contains(${b}, ${a})`;
        default: return `$${CMPOPS[op]}(${a}, ${b})`;
      }
    };
    if (n.ops.length === 1) return one(n.ops[0], this.expr(n.left), this.expr(n.comparators[0]));
    if (n.ops.length >= LONG_CHAIN) return flatCompare(this.chains, n, one);
    // chained: a < b < c  →  evaluate b once
    const r = this.fn.temp();
    const l0 = this.fn.temp();
    let left = l0;
    const first = `${l0} = ${this.expr(n.left)}`;
    const parts: string[] = [];
    for (let i = 0; i < n.ops.length; i++) {
      const isLast = i === n.ops.length - 1;
      if (isLast) parts.push(one(n.ops[i], left, this.expr(n.comparators[i])));
      else {
        const t = this.fn.temp();
        parts.push(`(${t} = ${this.expr(n.comparators[i])}, ${r} = ${one(n.ops[i], left, t)})`);
        left = t;
      }
    }
    let s = parts[parts.length - 1];
    for (let i = parts.length - 2; i >= 0; i--) s = `($truthy(${parts[i]}) ? ${s} : ${r})`;
    return `(${first}, ${s})`;
  }

  private call(n: Node): string {
    const f = n.func;
    const hasStar = n.args.some((a: Node) => a.k === 'Starred');
    const hasKw = n.keywords.length > 0;
    // zero-argument super()
    if (f.k === 'Name' && f.id === 'super' && n.args.length === 0 && !hasKw && this.fn.scope.resolve('super') === 'global') {
      const cv = this.fn.classVar;
      const self = this.fn.selfName;
      if (cv && self) return `$super0(${cv}, ${this.loadName(self)})`;
      return '$super0(undefined, undefined)';
    }
    if (hasStar || n.keywords.some((k: Node) => k.arg === null)) {
      const kw = n.keywords.length
        ? '$starKw([' + n.keywords.map((k: Node) => (k.arg === null ? `[${this.expr(k.value)}]` : `${JSON.stringify(k.arg)}, ${this.expr(k.value)}`)).join(',') + '])'
        : 'null';
      return `$callEx(${this.expr(f)}, ${this.argsArray(n.args)}, ${kw})`;
    }
    const args = n.args.map((a: Node) => this.expr(a));
    if (hasKw) {
      return `$callKw(${this.expr(f)}, [${args.join(',')}], ${JSON.stringify(n.keywords.map((k: Node) => k.arg))}, [${n.keywords.map((k: Node) => this.expr(k.value)).join(',')}])`;
    }
    if (f.k === 'Attribute') {
      const o = this.expr(f.value); const name = JSON.stringify(f.attr);
      if (args.length <= 2) return `$cm${args.length}(${o}, ${name}${args.map((a: string) => ', ' + a).join('')})`;
      return `$cmN(${o}, ${name}, [${args.join(',')}])`;
    }
    if (args.length <= 3) return `$call${args.length}(${this.expr(f)}${args.map((a: string) => ', ' + a).join('')})`;
    return `$callN(${this.expr(f)}, [${args.join(',')}])`;
  }

  private comprehension(n: Node): string {
    const scope = this.scopes.get(n) as Scope;
    const saved = this.fn;
    this.fn = new FnCtx(scope, saved, saved.classVar, saved.selfName);
    const isGen = n.k === 'GeneratorExp';
    const compCo = this.k({ t: 'code', v: { name: '<' + n.k.replace('Exp', 'expr').replace('Comp', 'comp').toLowerCase() + '>', file: this.file } });
    this.fn.co = compCo;
    let inner: string;
    switch (n.k) {
      case 'ListComp': inner = `$listPush($r, ${this.expr(n.elt)});`; break;
      case 'SetComp': inner = `$setAdd($r, ${this.expr(n.elt)});`; break;
      case 'DictComp': { const kt = this.fn.temp(); inner = `${kt} = ${this.expr(n.key)}; $dictSet($r, ${kt}, ${this.expr(n.value)});`; break; }
      default: inner = `yield ${this.expr(n.elt)};`;
    }
    for (let i = n.generators.length - 1; i >= 0; i--) {
      const g = n.generators[i];
      const id = this.uid++;
      const it = i === 0 ? '$it0' : '$i' + id;
      const v = '$v' + id;
      const ifs = g.ifs.map((c: Node) => `if (!${this.cond(c)}) continue;`).join('');
      const iterInit = i === 0 ? '' : `const ${it} = $iter(${this.expr(g.iter)});`;
      inner = `${iterInit} for (;;) { const ${v} = ${g.isAsync ? `yield* $anext(${it})` : `${it}.next()`}; if (${v} === undefined) break; ${this.tick()} ${this.store(g.target, v)} ${ifs}\n${inner} }`;
    }
    const locals = [...scope.locals].filter((l) => !scope.globals.has(l) && !scope.nonlocals.has(l)).map(local);
    const decl = [...locals, ...this.fn.tempDecl];
    const declStr = decl.length ? 'let ' + decl.join(',') + ';' : '';
    this.fn = saved;
    const first = n.generators[0].isAsync ? `$aiter(${this.expr(n.generators[0].iter)})` : `$iter(${this.expr(n.generators[0].iter)})`;
    const wrapTb = (body: string) => `let $ln = ${n.line}; try { ${body} } catch ($e) { throw $tb($e, ${compCo}, $ln); }`;
    if (isGen) {
      return `$mkgenexp(function* ($it0) { ${declStr} ${wrapTb(inner)} }, ${first})`;
    }
    const init = n.k === 'ListComp' ? '[]' : n.k === 'SetComp' ? '$set([])' : '$dict([])';
    const wrap = n.k === 'ListComp' ? '$list($r)' : '$r';
    if (scope.isAsync || this.containsAwait(n)) {
      return `(yield* (function* ($it0) { ${declStr} const $r = ${init}; ${wrapTb(inner)} return ${wrap}; })(${first}))`;
    }
    return `(($it0) => { ${declStr} const $r = ${init}; ${wrapTb(inner)} return ${wrap}; })(${first})`;
  }

  private containsAwait(n: Node): boolean {
    let found = false;
    const walk = (x: unknown): void => {
      if (found || !x || typeof x !== 'object') return;
      if (Array.isArray(x)) { x.forEach(walk); return; }
      const o = x as Node;
      if (o.k === 'Await' || (o.k === 'comprehension' && o.isAsync)) { found = true; return; }
      if (o.k === 'Lambda' || o.k === 'FunctionDef') return;
      for (const key in o) if (key !== 'k') walk(o[key]);
    };
    walk(n);
    return found;
  }

  // #endregion
}
