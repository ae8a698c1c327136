#!/bin/sh
# Install the AttachGuard bundle for the current user: ~/.local/opt, a launcher in ~/.local/bin,
# the menu entry, icons and AppStream metadata under ~/.local/share, and "Copy text for ChatGPT"
# in the file managers' menus (a KDE service menu, a Nautilus script). Run again to update;
# run with --uninstall to remove.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
app_id=io.github.attachguard.AttachGuard
data=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt/AttachGuard
bin=$HOME/.local/bin
kde_menu=$data/kio/servicemenus/attachguard-copy-text.desktop
nautilus_script="$data/nautilus/scripts/Copy text for ChatGPT"

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$opt" "$bin/attachguard" "$data/applications/$app_id.desktop" "$data/metainfo/$app_id.metainfo.xml"
  rm -f "$kde_menu" "$nautilus_script"
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
# File-manager actions run the installed binary by its full path (a file manager's PATH often
# lacks ~/.local/bin). KDE only runs a service menu in the user's folder if it is executable.
mkdir -p "$(dirname "$kde_menu")" "$(dirname "$nautilus_script")"
sed "s|^Exec=attachguard|Exec=$opt/attachguard|" \
  "$here/share/kio/servicemenus/attachguard-copy-text.desktop" > "$kde_menu"
sed "s|@ATTACHGUARD@|'$opt/attachguard'|" \
  "$here/share/nautilus/scripts/Copy text for ChatGPT" > "$nautilus_script"
chmod 755 "$kde_menu" "$nautilus_script"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$data/icons/hicolor" || true
echo "AttachGuard installed: find it in your applications menu, or run $bin/attachguard"
