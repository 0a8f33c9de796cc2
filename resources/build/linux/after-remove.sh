#!/bin/sh
# Runs after the .deb removes Mote: takes the board rule away again.
rm -f /etc/udev/rules.d/70-mote-boards.rules
if command -v udevadm >/dev/null 2>&1; then udevadm control --reload-rules || true; fi
