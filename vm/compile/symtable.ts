// Symbol table pass: decides for every scope (module, class, function, lambda,
// comprehension) whether each name is local, global, free (closure) or class-namespace.
// Runs before codegen; also reports scope-related SyntaxErrors.

import { SyntaxErr, type Node, type Arguments } from './ast';

export type ScopeKind = 'module' | 'class' | 'function' | 'comp';

export class Scope {
  locals = new Set<string>();
  params: string[] = [];
  globals = new Set<string>();
  nonlocals = new Set<string>();
  used = new Set<string>();
  children: Scope[] = [];
  isGenerator = false;
  isAsync = false;
  /** Class scopes only: some method uses zero-argument super() / __class__. */
  needsClassCell = false;
  usesSuper = false;
  constructor(readonly kind: ScopeKind, readonly name: string, readonly parent: Scope | null, readonly node: Node) {}

  /** How a name is resolved in this scope. */
  resolve(name: string): 'local' | 'global' | 'free' | 'classns' | 'builtin-or-global' {
    if (this.kind === 'module') return 'global';
    if (this.globals.has(name)) return 'global';
    if (this.nonlocals.has(name)) return 'free';
    if (this.locals.has(name)) return this.kind === 'class' ? 'classns' : 'local';
    // look outward through function scopes (class scopes are skipped)
    for (let s = this.parent; s; s = s.parent) {
      if (s.kind === 'module') break;
      if (s.kind === 'class') continue;
      if (s.globals.has(name)) return 'global';
      if (s.locals.has(name) || s.nonlocals.has(name)) return 'free';
    }
    return 'global';
  }
}

/** Builds scopes for a module AST; map from defining node to its Scope. */
export function buildSymtable(mod: Node): Map<Node, Scope> {
  const map = new Map<Node, Scope>();
  const top = new Scope('module', '<module>', null, mod);
  map.set(mod, top);
  const b = new Builder(map);
  b.stmts(mod.body, top);
  b.checkNonlocals(top);
  return map;
}

class Builder {
  constructor(private map: Map<Node, Scope>) {}

  /** `async for`/`async with` only inside `async def`, as MicroPython's compiler says. */
  private asyncCheck(n: Node, s: Scope): void {
    if (n.isAsync && (s.kind !== 'function' || !s.isAsync)) {
      throw new SyntaxErr('async for/with outside async function', n.line, n.col, 'SyntaxError', s.kind === 'module' ? '<module>' : s.name);
    }
  }

  private bind(name: string, s: Scope, n: Node): void {
    if (s.kind === 'module') { s.locals.add(name); return; }
    if (s.globals.has(name) || s.nonlocals.has(name)) return;
    s.locals.add(name);
    void n;
  }

  stmts(body: Node[], s: Scope): void { for (const st of body) this.stmt(st, s); }

  private args(a: Arguments, s: Scope, outer: Scope): void {
    for (const p of [...a.posonly, ...a.args]) { s.params.push(p.name); s.locals.add(p.name); if (p.default) this.expr(p.default, outer); }
    if (a.vararg) { s.params.push(a.vararg); s.locals.add(a.vararg); }
    for (const p of a.kwonly) { s.params.push(p.name); s.locals.add(p.name); if (p.default) this.expr(p.default, outer); }
    if (a.kwarg) { s.params.push(a.kwarg); s.locals.add(a.kwarg); }
  }

  private newScope(kind: ScopeKind, name: string, parent: Scope, node: Node): Scope {
    const sc = new Scope(kind, name, parent, node);
    parent.children.push(sc);
    this.map.set(node, sc);
    return sc;
  }

  stmt(n: Node, s: Scope): void {
    switch (n.k) {
      case 'FunctionDef': {
        for (const d of n.decorators) this.expr(d, s);
        if (n.returns) this.expr(n.returns, s);
        const fs = this.newScope('function', n.name, s, n);
        fs.isAsync = n.isAsync;
        this.args(n.args, fs, s);
        this.stmts(n.body, fs);
        this.bind(n.name, s, n);
        return;
      }
      case 'ClassDef': {
        for (const d of n.decorators) this.expr(d, s);
        for (const x of n.bases) this.expr(x, s);
        for (const x of n.keywords) this.expr(x.value, s);
        const cs = this.newScope('class', n.name, s, n);
        this.stmts(n.body, cs);
        this.bind(n.name, s, n);
        return;
      }
      case 'Global': case 'Nonlocal':
        for (const name of n.names) {
          if (s.kind === 'module' && n.k === 'Nonlocal') throw new SyntaxErr("can't declare nonlocal in outer code", n.line, n.col, 'SyntaxError', '<module>');
          if (s.locals.has(name) && !s.params.includes(name) && (n.k === 'Global' ? !s.globals.has(name) : true)) {
            if (s.used.has(name) || s.locals.has(name)) throw new SyntaxErr(`identifier redefined as ${n.k === 'Global' ? 'global' : 'nonlocal'}`, n.line, n.col);
          }
          if (s.params.includes(name)) throw new SyntaxErr(`identifier redefined as ${n.k === 'Global' ? 'global' : 'nonlocal'}`, n.line, n.col);
          if (n.k === 'Global') s.globals.add(name); else s.nonlocals.add(name);
          if (s.kind === 'module') s.locals.add(name);
        }
        return;
      case 'Assign': for (const t of n.targets) this.target(t, s); this.expr(n.value, s); return;
      case 'AugAssign': this.target(n.target, s); this.expr(n.value, s); this.expr(n.target, s); return;
      case 'AnnAssign': this.target(n.target, s); if (n.value) this.expr(n.value, s); return;
      case 'For': this.asyncCheck(n, s); this.target(n.target, s); this.expr(n.iter, s); this.stmts(n.body, s); this.stmts(n.orelse, s); return;
      case 'While': this.expr(n.test, s); this.stmts(n.body, s); this.stmts(n.orelse, s); return;
      case 'If': {
        // an elif chain is a loop here, not a recursion (5,000 elifs compile as on MicroPython)
        let c: Node = n;
        for (;;) {
          this.expr(c.test, s); this.stmts(c.body, s);
          if (c.orelse.length !== 1 || c.orelse[0].k !== 'If') break;
          c = c.orelse[0];
        }
        this.stmts(c.orelse, s); return;
      }
      case 'With': this.asyncCheck(n, s); for (const it of n.items) { this.expr(it.expr, s); if (it.vars) this.target(it.vars, s); } this.stmts(n.body, s); return;
      case 'Try':
        this.stmts(n.body, s);
        for (const h of n.handlers) { if (h.type) this.expr(h.type, s); if (h.name) this.bind(h.name, s, h); this.stmts(h.body, s); }
        this.stmts(n.orelse, s); this.stmts(n.finalbody, s); return;
      case 'Return': if (n.value) this.expr(n.value, s); return;
      case 'Raise': if (n.exc) this.expr(n.exc, s); if (n.cause) this.expr(n.cause, s); return;
      case 'Delete': for (const t of n.targets) this.target(t, s); return;
      case 'Assert': this.expr(n.test, s); if (n.msg) this.expr(n.msg, s); return;
      case 'Expr': this.expr(n.value, s); return;
      case 'Import':
        for (const a of n.names) this.bind(a.asname ?? a.name.split('.')[0], s, n);
        return;
      case 'ImportFrom':
        for (const a of n.names) if (a.name !== '*') this.bind(a.asname ?? a.name, s, n);
        return;
      case 'Pass': case 'Break': case 'Continue': return;
      default: throw new Error('symtable: unknown statement ' + n.k);
    }
  }

  private target(t: Node, s: Scope): void {
    switch (t.k) {
      case 'Name': this.bind(t.id, s, t); return;
      case 'Tuple': case 'List': for (const e of t.elts) this.target(e, s); return;
      case 'Starred': this.target(t.value, s); return;
      default: this.expr(t, s);
    }
  }

  private comp(n: Node, s: Scope): void {
    // `async for` in a comprehension needs an enclosing async def (MicroPython has no async
    // comprehensions at all and says invalid syntax)
    let f: Scope = s;
    while (f.kind === 'comp' && f.parent) f = f.parent;
    const bad = n.generators.find((g: Node) => g.isAsync);
    if (bad && !(f.kind === 'function' && f.isAsync)) throw new SyntaxErr('invalid syntax', bad.line ?? n.line, bad.col ?? n.col);
    // the first iterable is evaluated in the enclosing scope
    this.expr(n.generators[0].iter, s);
    const cs = this.newScope('comp', '<' + n.k.toLowerCase() + '>', s, n);
    if (n.k === 'GeneratorExp') cs.isGenerator = true;
    n.generators.forEach((g: Node, i: number) => {
      if (i > 0) this.expr(g.iter, cs);
      this.target(g.target, cs);
      for (const c of g.ifs) this.expr(c, cs);
    });
    if (n.k === 'DictComp') { this.expr(n.key, cs); this.expr(n.value, cs); }
    else this.expr(n.elt, cs);
  }

  expr(n: Node | null, s: Scope): void {
    if (!n) return;
    switch (n.k) {
      case 'Name':
        s.used.add(n.id);
        if (n.id === 'super') { for (let p: Scope | null = s; p; p = p.parent) if (p.kind === 'function') { p.usesSuper = true; break; } }
        return;
      case 'Const': return;
      case 'JoinedStr': for (const v of n.values) this.expr(v, s); return;
      case 'FormattedValue': this.expr(n.value, s); if (n.spec) this.expr(n.spec, s); return;
      case 'BinOp': {
        // a worklist, not a recursion: 10,000 chained operators are one long spine
        const todo: Node[] = [n];
        for (let c = todo.pop(); c; c = todo.pop()) {
          if (c.k === 'BinOp') todo.push(c.right, c.left); else this.expr(c, s);
        }
        return;
      }
      case 'UnaryOp': { let c: Node = n; while (c.k === 'UnaryOp') c = c.operand; this.expr(c, s); return; }
      case 'BoolOp': for (const v of n.values) this.expr(v, s); return;
      case 'Compare': this.expr(n.left, s); for (const c of n.comparators) this.expr(c, s); return;
      case 'Call': this.expr(n.func, s); for (const a of n.args) this.expr(a, s); for (const k of n.keywords) this.expr(k.value, s); return;
      case 'Attribute': this.expr(n.value, s); return;
      case 'Subscript': this.expr(n.value, s); this.expr(n.slice, s); return;
      case 'Slice': this.expr(n.lower, s); this.expr(n.upper, s); this.expr(n.step, s); return;
      case 'Tuple': case 'List': case 'Set': for (const e of n.elts) this.expr(e, s); return;
      case 'Dict': for (const k of n.keys) this.expr(k, s); for (const v of n.values) this.expr(v, s); return;
      case 'Starred': this.expr(n.value, s); return;
      case 'IfExp': this.expr(n.test, s); this.expr(n.body, s); this.expr(n.orelse, s); return;
      case 'NamedExpr': {
        // binds in the nearest non-comprehension scope
        let t: Scope = s;
        while (t.kind === 'comp' && t.parent) t = t.parent;
        if (t.kind === 'class') throw new SyntaxErr('invalid syntax', n.line, n.col);
        if (t !== s) {
          // mark as nonlocal/global inside the comprehension chain (global too when the
          // enclosing function declared the name global)
          const asGlobal = t.kind === 'module' || t.globals.has(n.target.id);
          for (let c: Scope = s; c !== t; c = c.parent as Scope) { if (asGlobal) c.globals.add(n.target.id); else c.nonlocals.add(n.target.id); }
        }
        this.bind(n.target.id, t, n);
        this.expr(n.value, s);
        return;
      }
      case 'Lambda': {
        const ls = this.newScope('function', '<lambda>', s, n);
        this.args(n.args, ls, s);
        this.expr(n.body, ls);
        return;
      }
      case 'ListComp': case 'SetComp': case 'DictComp': case 'GeneratorExp': this.comp(n, s); return;
      case 'Yield': case 'YieldFrom': {
        if (s.kind === 'module' || s.kind === 'class') throw new SyntaxErr("'yield' outside function", n.line, n.col, 'SyntaxError', s.kind === 'module' ? '<module>' : s.name);
        s.isGenerator = true;
        this.expr(n.value, s);
        return;
      }
      case 'Await': {
        if (s.kind !== 'function' || !s.isAsync) {
          if (s.kind === 'comp' && s.parent) { /* allowed inside async function's comprehension */ }
          else throw new SyntaxErr("'await' outside function", n.line, n.col, 'SyntaxError', s.kind === 'module' ? '<module>' : s.name);
        }
        this.expr(n.value, s);
        return;
      }
      default: throw new Error('symtable: unknown expression ' + n.k);
    }
  }

  checkNonlocals(s: Scope): void {
    for (const name of s.nonlocals) {
      let ok = false;
      for (let p = s.parent; p; p = p.parent) {
        if (p.kind === 'module') break;
        if (p.kind === 'class') continue;
        if (p.locals.has(name) || p.nonlocals.has(name)) { ok = true; break; }
      }
      if (!ok && s.kind !== 'comp') throw new SyntaxErr('no binding for nonlocal found', s.node.line, s.node.col);
    }
    for (const c of s.children) this.checkNonlocals(c);
  }
}
