#!/usr/bin/env bash
# Builds the one-folder Linux bundle and packs it:
#   dist/mockinterviewer/                               the app (runs without Python)
#   dist/mockinterviewer-<version>-linux-x86_64.tar.gz  the app + install.sh + uninstall.sh
# Usage: packaging/build_bundle.sh PYTHON   (the venv's python, with PyInstaller installed)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
VERSION=$("$PY" -c 'import mockinterviewer; print(mockinterviewer.__version__)')
NAME="mockinterviewer-${VERSION}-linux-$(uname -m)"

rm -rf dist/mockinterviewer "dist/${NAME}" "dist/${NAME}.tar.gz"
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
    packaging/mockinterviewer.spec

# Drop debug sections only where there are some (CTranslate2's extension carries 64 MB of them);
# libraries patched by the wheels' auditwheel step have none and are left untouched.
find dist/mockinterviewer/_internal -type f -name '*.so*' | while read -r lib; do
    if readelf -S "$lib" 2>/dev/null | grep -q '\.debug_info'; then
        strip --strip-debug "$lib"
    fi
done

mkdir -p "dist/${NAME}"
mv dist/mockinterviewer "dist/${NAME}/mockinterviewer"
install -m 755 packaging/install.sh packaging/uninstall.sh "dist/${NAME}/"
tar -C dist -czf "dist/${NAME}.tar.gz" "${NAME}"
ln -sfn "${NAME}/mockinterviewer" dist/mockinterviewer
echo "bundle: dist/${NAME}.tar.gz ($(du -sh "dist/${NAME}" | cut -f1) unpacked," \
     "$(du -sh "dist/${NAME}.tar.gz" | cut -f1) packed)"
