#!/bin/sh
# Install the AttachGuard bundle for the current user: ~/.local/opt, a launcher in ~/.local/bin,
# the menu entry, icons and AppStream metadata under ~/.local/share. Run again to update;
# run with --uninstall to remove.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
app_id=io.github.attachguard.AttachGuard
data=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt/AttachGuard
bin=$HOME/.local/bin

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$opt" "$bin/attachguard" "$data/applications/$app_id.desktop" "$data/metainfo/$app_id.metainfo.xml"
  find "$data/icons/hicolor" -name "$app_id.*" -delete 2>/dev/null || true
  echo "AttachGuard removed (your backups and settings are kept)."
  exit 0
fi

mkdir -p "$opt" "$bin" "$data/applications" "$data/metainfo"
cp -a "$here/." "$opt/"
ln -sf "$opt/attachguard" "$bin/attachguard"
sed "s|^Exec=attachguard|Exec=$opt/attachguard|; s|^TryExec=attachguard|TryExec=$opt/attachguard|" \
  "$here/share/applications/$app_id.desktop" > "$data/applications/$app_id.desktop"
cp "$here/share/metainfo/$app_id.metainfo.xml" "$data/metainfo/"
cp -a "$here/share/icons/." "$data/icons/"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$data/icons/hicolor" || true
echo "AttachGuard installed: find it in your applications menu, or run $bin/attachguard"
