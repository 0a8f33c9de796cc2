// Generates the Linux udev rule the .deb installs (npm run udev), from resources/boards/usb-ids.json,
// so the rule and the board list cannot drift apart. For each board or USB-serial bridge Mote
// knows: the logged-in user gets the port (TAG+="uaccess", no dialout group needed) and
// ModemManager leaves it alone (it otherwise probes new ttyACM ports with AT commands, which a
// MicroPython REPL receives as typed text). Bootloader ids are drives, not ports: no rule.
// A unit test fails when the committed rule differs from what this would write.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
export const RULE_FILE = join(ROOT, 'resources', 'build', 'linux', '70-mote-boards.rules');

export function udevRules(usbIds) {
  const lines = [
    '# Mote: access to MicroPython, CircuitPython and ESP boards for the logged-in user.',
    '# Generated from resources/boards/usb-ids.json by scripts/gen-udev.mjs; do not edit.',
  ];
  for (const [key, board] of Object.entries(usbIds.ids)) {
    if (board.flavour === 'bootloader') continue;
    const [vid, pid] = key.split(':');
    const match = `SUBSYSTEM=="tty", ATTRS{idVendor}=="${vid}"${pid === '*' ? '' : `, ATTRS{idProduct}=="${pid}"`}`;
    lines.push(`# ${board.name}`, `${match}, TAG+="uaccess", ENV{ID_MM_DEVICE_IGNORE}="1"`);
  }
  return lines.join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ids = JSON.parse(readFileSync(join(ROOT, 'resources', 'boards', 'usb-ids.json'), 'utf8'));
  writeFileSync(RULE_FILE, udevRules(ids));
  console.log(`udev: wrote ${RULE_FILE}`);
}
