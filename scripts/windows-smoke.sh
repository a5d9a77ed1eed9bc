#!/usr/bin/env bash
# Smoke test of the Windows build under Wine (run scripts/build-windows.sh
# first): junheng-cli.exe must print exactly what the Linux build prints for
# the demo county (read from a path with Chinese characters and a space),
# and junheng.exe must open a non-blank window under Xvfb. The screenshot
# lands in ci-artifacts/screenshots/windows-main.png.
#
# Wine 8 (Debian 12) lacks ProcessPrng, which Go ≥ 1.22 programs import;
# the test builds a stand-in bcryptprimitives.dll into its own Wine prefix.
# Real Windows 10/11 has the function; the DLL never ships.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib-window.sh
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
need=()
for p in wine wine64 gcc-mingw-w64-x86-64 xvfb x11-utils imagemagick bc; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
exe=dist/windows/junheng.exe
cli=dist/windows/junheng-cli.exe
[ -f "$exe" ] && [ -f "$cli" ] || { echo "先运行 scripts/build-windows.sh" >&2; exit 1; }

tmp=$(mktemp -d)
out=ci-artifacts/screenshots
mkdir -p "$out"
# The Linux build the Windows output is compared with (built before HOME
# moves, so Go keeps its caches).
go build -o "$tmp/junheng-cli-linux" ./cmd/junheng-cli
# Wine links the Windows Documents folder into $HOME: keep it in $tmp.
export HOME="$tmp/home"
mkdir -p "$HOME/Documents"
# Who is working, as on the command line (Wine passes the environment to
# Windows programs): no first-start question over the demo.
export JUNHENG_USER="测试员" JUNHENG_OFFICE="义马市教育体育局"
export WINEPREFIX="$tmp/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
xvfb="" app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  wineserver -k 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# The display comes first: Wine's desktop process, started with the prefix,
# keeps the display it was born with, and a window on none cannot open.
display=:$((200 + RANDOM % 100))
Xvfb "$display" -screen 0 1366x860x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb=$!
export DISPLAY="$display"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

echo "== Wine prefix"
wineboot --init >"$tmp/wineboot.log" 2>&1
wineserver -w
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  scripts/windows/processprng.c scripts/windows/processprng.def

echo "== junheng-cli.exe eval equals the Linux build"
mkdir -p "$tmp/县 数据"
cp assets/demo/yima.json "$tmp/县 数据/义马 演示.json"
"$tmp/junheng-cli-linux" eval assets/demo/yima.json >"$tmp/linux.json"
wine "$cli" eval "Z:$(echo "$tmp/县 数据/义马 演示.json" | tr / '\\')" >"$tmp/windows.json"
if ! cmp -s "$tmp/linux.json" "$tmp/windows.json"; then
  echo "FAIL: junheng-cli.exe eval differs from the Linux build" >&2
  diff <(head -c 2000 "$tmp/linux.json") <(head -c 2000 "$tmp/windows.json") >&2 || true
  exit 1
fi
echo "identical ($(wc -c <"$tmp/linux.json") bytes)"

echo "== junheng-cli.exe on a data file in a Chinese folder with spaces"
winpath() { echo "Z:$1" | tr / '\\'; }
db="$tmp/县 数据/义马 数据.db"
wine "$cli" init "$(winpath "$db")" >/dev/null
wine "$cli" import-json "$(winpath "$db")" "$(winpath "$tmp/县 数据/义马 演示.json")" >/dev/null
wine "$cli" eval "$(winpath "$db")" --year 2020-2021 >"$tmp/windows-db.json"
if ! cmp -s "$tmp/linux.json" "$tmp/windows-db.json"; then
  echo "FAIL: eval from the data file under Windows differs from eval of the JSON" >&2
  exit 1
fi
wine "$cli" check "$(winpath "$db")"

echo "== junheng.exe opens a window"
png="$out/windows-main.png"
t0=$(date +%s.%N)
wine "$exe" --demo >"$tmp/app.log" 2>&1 &
app=$!
found=1
wait_painted "$app" "$png" 600 0.1 || found=""
t1=$(date +%s.%N)
if [ -z "$found" ]; then
  echo "FAIL: junheng.exe showed no window (or a blank one) under Wine" >&2
  head -30 "$tmp/app.log" >&2
  exit 1
fi
sleep 2
/usr/bin/import -window root "$png"
# The demo county was written to 我的文档\均衡评估助手 (the Documents known folder).
if ! find -L "$WINEPREFIX/drive_c/users" -path '*均衡评估助手*' -name '*.db' 2>/dev/null | grep -q .; then
  echo "FAIL: no data file in Documents\\均衡评估助手 of the Wine user" >&2
  find -L "$WINEPREFIX/drive_c/users" "$HOME" -name '*.db' 2>/dev/null >&2
  exit 1
fi
printf 'junheng.exe under Wine: launch to painted window %.1f s (cold prefix, indicative only) → %s\n' "$(echo "$t1 - $t0" | bc)" "$png"
echo "Windows smoke test passed"
