// Themes: light, dark and high contrast, as CSS variables on <html data-theme>; 'system'
// follows the OS (dark mode, and "more contrast" / forced colours pick high contrast).
import type { ITheme } from '@xterm/xterm';
import type { Settings } from '../../shared/contracts/settings';

export type ResolvedTheme = 'light' | 'dark' | 'high-contrast';

export function resolveTheme(setting: Settings['theme']): ResolvedTheme {
  if (setting !== 'system') return setting;
  if (matchMedia('(prefers-contrast: more)').matches || matchMedia('(forced-colors: active)').matches) return 'high-contrast';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies a theme setting; calls `changed` now and whenever the OS preference changes. */
export function applyTheme(setting: Settings['theme'], changed: (theme: ResolvedTheme) => void): void {
  const set = () => {
    const theme = resolveTheme(setting);
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme === 'light' ? 'light' : 'dark';
    changed(theme);
  };
  set();
  if (setting === 'system' && !systemListening) {
    systemListening = true;
    for (const q of ['(prefers-color-scheme: dark)', '(prefers-contrast: more)']) {
      matchMedia(q).addEventListener('change', () => {
        if (currentSetting === 'system') set();
      });
    }
  }
  currentSetting = setting;
}

let systemListening = false;
let currentSetting: Settings['theme'] = 'system';

/** The terminal's colours, read from the theme's CSS variables. */
export function terminalTheme(): ITheme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    background: v('--term-bg'),
    foreground: v('--term-fg'),
    cursor: v('--term-fg'),
    selectionBackground: v('--term-selection'),
    red: v('--term-red'),
    brightRed: v('--term-red'),
    green: v('--term-green'),
    blue: v('--term-blue'),
    yellow: v('--term-yellow'),
  };
}
