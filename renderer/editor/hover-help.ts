// Hover help: resting the pointer on `machine.Pin` (or `Pin` after `from machine import Pin`)
// shows the one-line help of the board flavour's module stubs.
import { hoverTooltip } from '@codemirror/view';
import { moduleStubs, type Flavour, type StubMember } from './module-stubs';

/** The stub for the word at `pos` in `text`, given what the buffer imports. */
export function helpAt(text: string, pos: number, flavour: Flavour): { from: number; to: number; member: StubMember; module: string } | null {
  let from = pos;
  let to = pos;
  while (from > 0 && /\w/.test(text[from - 1]!)) from--;
  while (to < text.length && /\w/.test(text[to]!)) to++;
  if (from === to) return null;
  const word = text.slice(from, to);
  const stubs = moduleStubs(flavour);
  const dotted = /([A-Za-z_]\w*)\.$/.exec(text.slice(Math.max(0, from - 41), from));
  if (dotted && stubs[dotted[1]!]) {
    const member = stubs[dotted[1]!]!.find((m) => m.name === word);
    return member ? { from, to, member, module: dotted[1]! } : null;
  }
  for (const m of text.matchAll(/^\s*from\s+(\w+)\s+import\s+([\w\s,]+)$/gm)) {
    const names = m[2]!.split(',').map((n) => n.trim());
    const member = names.includes(word) ? stubs[m[1]!]?.find((s) => s.name === word) : undefined;
    if (member) return { from, to, member, module: m[1]! };
  }
  return null;
}

export function hoverHelp(flavour: () => Flavour) {
  return hoverTooltip((view, pos) => {
    const found = helpAt(view.state.doc.toString(), pos, flavour());
    if (!found) return null;
    return {
      pos: found.from,
      end: found.to,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'cm-hover-help';
        const title = document.createElement('strong');
        title.textContent = `${found.module}.${found.member.name}`;
        dom.append(title, document.createElement('br'), found.member.doc || `a ${found.member.kind} of the ${found.module} module on this board`);
        return { dom };
      },
    };
  });
}
