#!/usr/bin/env bash
# Removes what install.sh put in place: the menu entry and icon, the command link and the app.
# Your practice history and settings stay (they live in your user data folders).
set -euo pipefail
PREFIX="${MOCKINTERVIEWER_PREFIX:-$HOME/.local/opt/mockinterviewer}"
BIN="${MOCKINTERVIEWER_BIN:-$HOME/.local/bin}"

if [ -x "$PREFIX/mockinterviewer" ]; then
    "$PREFIX/mockinterviewer" desktop uninstall
fi
if [ -L "$BIN/mockinterviewer" ] && [ "$(readlink "$BIN/mockinterviewer")" = "$PREFIX/mockinterviewer" ]; then
    rm -f "$BIN/mockinterviewer"
fi
rm -rf "$PREFIX"
echo "removed: $PREFIX"
