import { describe, expect, it } from 'vitest';
import { baseName, describeLocation, TabModel } from './tab-model';

describe('TabModel', () => {
  it('adds tabs after the active one and activates them', () => {
    const m = new TabModel();
    const a = m.add({ title: 'a.py', location: { kind: 'untitled' }, savedText: '' });
    const b = m.add({ title: 'b.py', location: { kind: 'untitled' }, savedText: '' });
    m.activate(a.id);
    const c = m.add({ title: 'c.py', location: { kind: 'untitled' }, savedText: '' });
    expect(m.tabs.map((t) => t.title)).toEqual(['a.py', 'c.py', 'b.py']);
    expect(m.activeId).toBe(c.id);
    m.remove(c.id);
    expect(m.activeId).toBe(b.id);
    m.remove(b.id);
    expect(m.activeId).toBe(a.id);
    m.remove(a.id);
    expect(m.activeId).toBeNull();
  });

  it('tracks dirtiness against the saved text and renames on save', () => {
    const m = new TabModel();
    const t = m.add({ title: 'untitled.py', location: { kind: 'untitled' }, savedText: '' });
    let changes = 0;
    m.onChange(() => changes++);
    expect(m.textChanged(t.id, 'x')).toBe(true);
    expect(m.textChanged(t.id, '')).toBe(false);
    m.textChanged(t.id, 'print(1)');
    m.saved(t.id, 'print(1)', { kind: 'board', board: 'simulated:pico', path: '/main.py' });
    expect(m.get(t.id)).toMatchObject({ title: 'main.py', dirty: false });
    expect(m.dirtyTabs()).toEqual([]);
    expect(changes).toBe(4);
    expect(m.findByLocation({ kind: 'board', board: 'simulated:pico', path: '/main.py' })?.id).toBe(t.id);
  });

  it('starts restored buffers dirty and names untitled buffers uniquely', () => {
    const m = new TabModel();
    const r = m.add({ title: 'x.py', location: { kind: 'local', path: 'x.py' }, savedText: 'old', text: 'new' });
    expect(r.dirty).toBe(true);
    m.add({ title: m.untitledTitle(), location: { kind: 'untitled' }, savedText: '' });
    expect(m.untitledTitle()).toBe('untitled-2.py');
  });

  it('cycles through tabs', () => {
    const m = new TabModel();
    const a = m.add({ title: 'a', location: { kind: 'untitled' }, savedText: '' });
    const b = m.add({ title: 'b', location: { kind: 'untitled' }, savedText: '' });
    m.cycle(1);
    expect(m.activeId).toBe(a.id);
    m.cycle(-1);
    expect(m.activeId).toBe(b.id);
  });

  it('describes locations and base names', () => {
    expect(baseName('/lib/x.py')).toBe('x.py');
    expect(describeLocation({ kind: 'board', board: 'b', path: '/main.py' })).toBe('on the board: /main.py');
  });

  it('never shows two tabs titled main.py without saying where each lives', () => {
    const model = new TabModel();
    const board = model.add({ title: 'main.py', location: { kind: 'board', board: 'simulated:pico', path: '/main.py' }, savedText: '' });
    expect(model.label(board)).toBe('main.py');
    const local = model.add({ title: 'main.py', location: { kind: 'local', path: 'main.py' }, savedText: '' });
    const nested = model.add({ title: 'main.py', location: { kind: 'board', board: 'simulated:pico', path: '/lib/main.py' }, savedText: '' });
    const labels = model.tabs.map((t) => model.label(t));
    expect(new Set(labels).size).toBe(3);
    expect(model.label(local)).toBe('main.py (computer)');
    expect(model.label(board)).toBe('main.py (board: /main.py)');
    expect(model.label(nested)).toBe('main.py (board: /lib/main.py)');
    // an untitled buffer saved as main.py joins them, and still differs
    const fresh = model.add({ title: 'untitled.py', location: { kind: 'untitled' }, savedText: '' });
    model.saved(fresh.id, 'x', { kind: 'local', path: 'src/main.py' });
    expect(new Set(model.tabs.map((t) => model.label(t))).size).toBe(4);
  });
});
