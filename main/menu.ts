// The native menu. Every item either uses a built-in role or sends an app:menu-command event,
// so the renderer runs the same action as its toolbar and shortcuts.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/contracts/app';

/** `developer`: a development build (not packaged); only those get the developer tools. */
export function menuTemplate(send: (command: MenuCommand) => void, isMac: boolean, developer = false): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({ label, accelerator, click: () => send(command) });
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [item('New', 'new', 'CmdOrCtrl+N'), item('Open…', 'open', 'CmdOrCtrl+O'), item('Save', 'save', 'CmdOrCtrl+S'), { type: 'separator' }, { role: isMac ? 'close' : 'quit' }],
    },
    { label: '&Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }, { type: 'separator' }, item('Find…', 'find', 'CmdOrCtrl+F'), item('Go to Line…', 'goto-line', 'CmdOrCtrl+G')] },
    { label: '&View', submenu: [item('Zoom In', 'zoom-in', 'CmdOrCtrl+='), item('Zoom Out', 'zoom-out', 'CmdOrCtrl+-'), item('Actual Size', 'zoom-reset', 'CmdOrCtrl+0'), { type: 'separator' }, { role: 'togglefullscreen' }, ...(developer ? [{ role: 'toggleDevTools' as const }] : [])] },
    // F5/Escape are handled by the renderer too; the menu shows them so people can find them.
    { label: '&Board', submenu: [item('Run', 'run', 'F5'), item('Stop', 'stop'), item('Soft Reset', 'reset')] },
    { label: '&Help', submenu: [item('Welcome', 'welcome'), item('Keyboard Shortcuts', 'shortcuts', 'F1')] },
  ];
}

export function installMenu(send: (command: MenuCommand) => void, developer: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, process.platform === 'darwin', developer)));
}
