#!/bin/sh
# Runs after the .deb installs Mote: puts the board rule where udev reads it, so the logged-in
# user can open a board's serial port without joining the dialout group.
set -e
RULE="/opt/Mote/resources/build-linux/70-mote-boards.rules"
if [ -f "$RULE" ] && [ -d /etc/udev/rules.d ]; then
  install -m 0644 "$RULE" /etc/udev/rules.d/70-mote-boards.rules
  if command -v udevadm >/dev/null 2>&1; then
    udevadm control --reload-rules || true
    udevadm trigger --subsystem-match=tty || true
  fi
fi
