#!/usr/bin/env bash
# Cross-compiles the Windows program from Linux with mingw-w64 and packs
# dist/junheng-<version>-windows-amd64.zip: junheng.exe (GUI, no console,
# icon and version resources from FyneApp.toml), junheng-cli.exe, 使用说明
# and the demo county. The first build compiles Fyne's cgo for Windows
# (~6 minutes); rebuilds take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
need=()
for p in gcc-mingw-w64-x86-64 imagemagick; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

toml() { sed -n "s/^ *$1 *= *\"\{0,1\}\([^\"]*\)\"\{0,1\} *$/\1/p" FyneApp.toml | head -1; }
version=$(toml Version)
build=$(toml Build)
name=$(toml Name)
appid=$(toml ID)
icon=$(toml Icon)
[ -n "$version" ] && [ -n "$build" ] || { echo "FyneApp.toml 缺少 Version 或 Build" >&2; exit 1; }
IFS=. read -r major minor patch <<<"$version"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The icon in sizes Windows picks from; ImageMagick writes a multi-size .ico.
/usr/bin/convert "$icon" -define icon:auto-resize=256,64,48,32,16 "$work/icon.ico"
cp scripts/windows/junheng.exe.manifest "$work/"
cat > "$work/junheng.rc" <<RC
#pragma code_page(65001)
1 ICON "icon.ico"
1 24 "junheng.exe.manifest"
1 VERSIONINFO
FILEVERSION $major,$minor,$patch,$build
PRODUCTVERSION $major,$minor,$patch,$build
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "080404b0"
    BEGIN
      VALUE "CompanyName", "$name"
      VALUE "FileDescription", "$name"
      VALUE "FileVersion", "$version.$build"
      VALUE "InternalName", "$appid"
      VALUE "OriginalFilename", "junheng.exe"
      VALUE "ProductName", "$name"
      VALUE "ProductVersion", "$version"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x804, 1200
  END
END
RC
# Go links a .syso named *_windows_amd64.syso only into windows/amd64 builds.
syso=cmd/junheng/rsrc_windows_amd64.syso
(cd "$work" && x86_64-w64-mingw32-windres -O coff -i junheng.rc -o rsrc.syso)
cp "$work/rsrc.syso" "$syso"
trap 'rm -rf "$work" "$syso"' EXIT

out=dist/windows
mkdir -p "$out"
ldflags="-s -w -X main.version=$version"
echo "== junheng.exe (GUI)"
CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
  go build -trimpath -ldflags "$ldflags -H=windowsgui" -o "$out/junheng.exe" ./cmd/junheng
echo "== junheng-cli.exe"
CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go build -trimpath -ldflags "$ldflags" -o "$out/junheng-cli.exe" ./cmd/junheng-cli

stage="$work/junheng-$version"
mkdir -p "$stage/演示数据"
cp "$out/junheng.exe" "$out/junheng-cli.exe" "$stage/"
# Windows Notepad reads UTF-8 with a BOM as UTF-8 everywhere.
printf '\xef\xbb\xbf' > "$stage/使用说明.txt"
sed 's/$/\r/' scripts/windows/使用说明.txt >> "$stage/使用说明.txt"
cp assets/demo/yima.json "$stage/演示数据/义马市演示.json"
cp assets/fonts/OFL.txt "$stage/字体许可（OFL）.txt"
zipfile="dist/junheng-$version-windows-amd64.zip"
rm -f "$zipfile"
go run ./scripts/windows/zipdir "$zipfile" "$stage"
ls -l "$out"/*.exe "$zipfile"
