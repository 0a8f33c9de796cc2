// Modal dialogs built on <dialog>: focus moves in, Tab stays in, Escape cancels, and focus
// returns to where it was. `ask` offers buttons; `promptText` asks for one line of text.
import { h } from '../app/dom';

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** The button Enter presses and that gets focus. */
  primary?: boolean;
  danger?: boolean;
}

/** Opens a modal with `body` and buttons; resolves with the chosen value, or 'cancel' on Escape. */
export function openDialog<T extends string>(
  title: string,
  body: Node | string,
  choices: Choice<T>[],
  /** onOpen gets `finish` too, for a dialog that closes itself (when the work it shows is done). */
  options: { onOpen?: (d: HTMLDialogElement, finish: (value: T | 'cancel') => void) => void; wide?: boolean } = {},
): Promise<T | 'cancel'> {
  const previous = document.activeElement as HTMLElement | null;
  const titleId = `dlg-${Math.random().toString(36).slice(2)}`;
  const dialog = h('dialog', { class: options.wide ? 'dialog wide' : 'dialog', 'aria-labelledby': titleId });
  const buttons = choices.map((c) =>
    h('button', { type: 'button', class: `btn${c.primary ? ' primary' : ''}${c.danger ? ' danger' : ''}`, 'data-value': c.value }, c.label),
  );
  dialog.append(
    h('h2', { id: titleId, class: 'dialog-title' }, title),
    h('div', { class: 'dialog-body' }, typeof body === 'string' ? h('p', {}, body) : body),
    h('div', { class: 'dialog-buttons' }, ...buttons),
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: T | 'cancel') => {
      if (settled) return;
      settled = true;
      dialog.close();
      dialog.remove();
      previous?.focus?.();
      resolve(value);
    };
    buttons.forEach((b, i) => b.addEventListener('click', () => finish(choices[i]!.value)));
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      finish('cancel');
    });
    dialog.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement;
      if (e.key === 'Enter' && target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'radio' && (target as HTMLInputElement).type !== 'checkbox') {
        const primary = choices.find((c) => c.primary);
        if (primary) {
          e.preventDefault();
          finish(primary.value);
        }
      }
    });
    dialog.showModal();
    // A long body scrolls; keyboard users must be able to reach it to scroll it.
    const scroller = dialog.querySelector<HTMLElement>('.dialog-body');
    if (scroller && scroller.scrollHeight > scroller.clientHeight && !scroller.querySelector('button, input, select, [tabindex]')) scroller.tabIndex = 0;
    options.onOpen?.(dialog, finish);
    const autofocus = dialog.querySelector<HTMLElement>('[autofocus]') ?? buttons[choices.findIndex((c) => c.primary)] ?? buttons[0];
    autofocus?.focus();
  });
}

/** Asks a question with buttons. */
export function ask<T extends string>(title: string, message: string, choices: Choice<T>[]): Promise<T | 'cancel'> {
  return openDialog(title, message, choices);
}

/** Asks for one line of text; null when cancelled. */
export async function promptText(title: string, label: string, initial = '', okLabel = 'OK'): Promise<string | null> {
  const id = `in-${Math.random().toString(36).slice(2)}`;
  const input = h('input', { id, type: 'text', value: initial, autofocus: true, spellcheck: 'false', autocomplete: 'off' });
  const body = h('div', { class: 'field' }, h('label', { for: id }, label), input);
  const choice = await openDialog(title, body, [
    { value: 'cancel', label: 'Cancel' },
    { value: 'ok', label: okLabel, primary: true },
  ], { onOpen: () => input.select() });
  const value = input.value.trim();
  return choice === 'ok' && value ? value : null;
}
