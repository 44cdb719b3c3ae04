#!/usr/bin/env bash
# Installs the unpacked bundle under ~/.local/opt/mockinterviewer, links the command into
# ~/.local/bin and adds the desktop menu entry and icon. Run it from the unpacked folder:
#   tar xzf mockinterviewer-*-linux-x86_64.tar.gz && mockinterviewer-*/install.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PREFIX="${MOCKINTERVIEWER_PREFIX:-$HOME/.local/opt/mockinterviewer}"
BIN="${MOCKINTERVIEWER_BIN:-$HOME/.local/bin}"

if [ ! -x "$HERE/mockinterviewer/mockinterviewer" ]; then
    echo "error: run install.sh from the unpacked bundle (mockinterviewer/ is not beside it)" >&2
    exit 2
fi
rm -rf "$PREFIX.new"
mkdir -p "$(dirname "$PREFIX")" "$BIN"
cp -a "$HERE/mockinterviewer" "$PREFIX.new"
cp "$HERE/uninstall.sh" "$PREFIX.new/uninstall.sh"
rm -rf "$PREFIX"
mv "$PREFIX.new" "$PREFIX"
ln -sfn "$PREFIX/mockinterviewer" "$BIN/mockinterviewer"
"$PREFIX/mockinterviewer" desktop install
echo "installed: $PREFIX (command: $BIN/mockinterviewer)"
case ":$PATH:" in *":$BIN:"*) ;; *) echo "note: add $BIN to your PATH to type 'mockinterviewer'";; esac
