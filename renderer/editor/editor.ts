// The code editor: one CodeMirror view whose state is swapped per tab, so each tab keeps its
// own undo history, selection and scroll. Python mode, 4-space indent, brackets, comments,
// search and replace, go to line, completion, live syntax errors, font size.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentLess, indentMore, toggleComment } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { classHighlighter } from '@lezer/highlight';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { gotoLine, highlightSelectionMatches, openSearchPanel, search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorSelection, EditorState, type Extension } from '@codemirror/state';
import {
  crosshairCursor,
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  placeholder,
  rectangularSelection,
} from '@codemirror/view';
import { guard } from '../app/errors';
import { pythonCompletions } from './completion';
import { hoverHelp } from './hover-help';
import type { Flavour } from './module-stubs';
import { syntaxLinter } from './syntax-lint';

export interface EditorOptions {
  parent: HTMLElement;
  flavour: () => Flavour;
  /** Called on every document change of the buffer `id`. */
  onChange: (id: string, text: string) => void;
  /** Called when the cursor moves (1-based line and column). */
  onCursor?: (line: number, column: number) => void;
}

export class CodeEditor {
  readonly view: EditorView;
  private readonly states = new Map<string, EditorState>();
  private current: string | null = null;
  private readonly fontSize = new Compartment();
  private readonly extensions: Extension[];
  private size = 14;

  constructor(options: EditorOptions) {
    this.extensions = [
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      foldGutter(),
      drawSelection(),
      dropCursor(),
      EditorState.allowMultipleSelections.of(true),
      indentOnInput(),
      indentUnit.of('    '),
      EditorState.tabSize.of(4),
      syntaxHighlighting(classHighlighter),
      bracketMatching(),
      closeBrackets(),
      autocompletion({ override: [pythonCompletions(options.flavour)], activateOnTyping: true }),
      rectangularSelection(),
      crosshairCursor(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      search({ top: true }),
      python(),
      placeholder('Write your Python program here, then press Run (F5). Try: print("Hello!")'),
      syntaxLinter,
      hoverHelp(options.flavour),
      lintGutter(),
      keymap.of([
        // Tab indents; Escape then Tab leaves the editor (CodeMirror's accessible tab handling).
        { key: 'Tab', run: indentMore, shift: indentLess },
        { key: 'Mod-/', run: toggleComment },
        { key: 'Mod-g', run: gotoLine, preventDefault: true },
        { key: 'Mod-h', run: openSearchPanel, preventDefault: true },
        ...closeBracketsKeymap,
        ...defaultKeymap,
        ...searchKeymap,
        ...historyKeymap,
        ...foldKeymap,
        ...completionKeymap,
        ...lintKeymap,
      ]),
      this.fontSize.of(this.fontTheme()),
      EditorView.contentAttributes.of({ 'aria-label': 'Code', 'aria-multiline': 'true' }),
      EditorView.updateListener.of(
        guard('editor', (update) => {
          if (update.docChanged && this.current) options.onChange(this.current, update.state.doc.toString());
          if (update.selectionSet || update.docChanged || update.startState !== update.state) {
            const head = update.state.selection.main.head;
            const line = update.state.doc.lineAt(head);
            options.onCursor?.(line.number, head - line.from + 1);
          }
        }),
      ),
    ];
    this.view = new EditorView({ parent: options.parent, state: EditorState.create({ doc: '', extensions: this.extensions }) });
    this.view.contentDOM.setAttribute('aria-label', 'Code');
  }

  private fontTheme(): Extension {
    return EditorView.theme({ '&': { fontSize: `${this.size}px` } });
  }

  /** Creates the state of a new buffer (does not show it). */
  create(id: string, text: string): void {
    this.states.set(id, EditorState.create({ doc: text, extensions: this.extensions }));
  }

  /** Shows buffer `id`, keeping the outgoing buffer's state (undo history, selection). */
  show(id: string): void {
    if (this.current === id) return;
    if (this.current) this.states.set(this.current, this.view.state);
    const state = this.states.get(id);
    if (!state) return;
    this.current = id;
    this.view.setState(state);
    this.view.dispatch({ effects: this.fontSize.reconfigure(this.fontTheme()) });
  }

  /** Forgets a closed buffer. */
  drop(id: string): void {
    this.states.delete(id);
    if (this.current === id) this.current = null;
  }

  get currentId(): string | null {
    return this.current;
  }

  /** The text of buffer `id` (the live view for the current one). */
  text(id: string): string {
    if (id === this.current) return this.view.state.doc.toString();
    return this.states.get(id)?.doc.toString() ?? '';
  }

  /** The selected text of the current buffer, or '' when nothing is selected. */
  selection(): string {
    const { state } = this.view;
    return state.selection.ranges.map((r) => state.sliceDoc(r.from, r.to)).join('\n');
  }

  /** Replaces the whole text of the current buffer as one undoable change. */
  replaceText(text: string): void {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
  }

  /** Moves the cursor to `line` (1-based) of the current buffer and focuses the editor. */
  goToLine(line: number, column = 0): void {
    const doc = this.view.state.doc;
    const target = doc.line(Math.min(Math.max(1, line), doc.lines));
    const pos = Math.min(target.from + column, target.to);
    this.view.dispatch({ selection: EditorSelection.cursor(pos), effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
    this.view.focus();
  }

  focus(): void {
    this.view.focus();
  }

  get fontSizePx(): number {
    return this.size;
  }

  setFontSize(px: number): void {
    this.size = Math.min(40, Math.max(8, Math.round(px)));
    this.view.dispatch({ effects: this.fontSize.reconfigure(this.fontTheme()) });
  }

  openSearch(): void {
    openSearchPanel(this.view);
  }

  openGoToLine(): void {
    gotoLine(this.view);
  }
}
