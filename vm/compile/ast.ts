// AST node shapes produced by parser.ts and consumed by symtable.ts and codegen.ts.
// Nodes are plain objects tagged by `k`; every node carries the line/col where it starts.

export interface Node {
  k: string;
  line: number;
  col: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

export interface Arg { name: string; default?: Node; line: number; col: number }

export interface Arguments {
  posonly: Arg[];
  args: Arg[];
  vararg: string | null;
  kwonly: Arg[];
  kwarg: string | null;
}

export class SyntaxErr {
  constructor(readonly message: string, readonly line: number, readonly col: number, readonly kind = 'SyntaxError', public scope: string | null = null) {}
}
