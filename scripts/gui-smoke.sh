#!/usr/bin/env bash
# GUI smoke test: builds cmd/junheng, starts the real binary under Xvfb on
# the demo county, screenshots the main window (首页) and the 资源配置 page
# into ci-artifacts/screenshots/, and fails when the window does not appear
# or a picture is blank. Prints the time from launch to a painted window.
# Needs: xvfb x11-utils imagemagick (and Fyne's cgo build packages).
set -euo pipefail
cd "$(dirname "$0")/.."

out=ci-artifacts/screenshots
mkdir -p "$out"
bin=ci-artifacts/junheng
go build -o "$bin" ./cmd/junheng

tmp=$(mktemp -d)
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1366x860x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
export DISPLAY="$display"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

. scripts/lib-window.sh

shot() { # shot NAME PAGE [ARGS…]
  local name=$1 page=$2 png="$out/$1.png" t0 t1 n found=1
  shift 2
  t0=$(date +%s.%N)
  JUNHENG_TIMING=1 "$bin" --demo --file "$tmp/demo.db" --page "$page" "$@" >"$tmp/$name.log" 2>&1 &
  app=$!
  wait_painted "$app" "$png" 300 0.05 || found=""
  t1=$(date +%s.%N)
  if [ -z "$found" ]; then
    echo "FAIL: window for page $page did not appear or stayed blank" >&2
    cat "$tmp/$name.log" >&2
    exit 1
  fi
  sleep 1.5 # let the background evaluation reach the widgets, then take the real picture
  /usr/bin/import -window root "$png"
  n=$(colours "$png")
  printf '%s: launch to painted window %.2f s (polled), %s colours → %s\n' "$page" "$(awk "BEGIN{print $t1 - $t0}")" "$n" "$png"
  grep '^timing:' "$tmp/$name.log" | sed 's/^/  /' || true
  if [ "$n" -le 60 ]; then echo "FAIL: $png looks blank ($n colours)" >&2; exit 1; fi
  kill "$app"; wait "$app" 2>/dev/null || true; app=""
}

shot main 首页
shot resources 资源配置
if [ "${GUI_SMOKE_ALL:-}" = 1 ]; then # every other page, for a look by eye
  shot profile 县域概况; shot schools 学校档案 --target 4141281003; shot gov 政府保障; shot quality 教育质量
  shot chart 资源配置 --target R4; shot survey 社会认可度; shot veto 一票否决; shot todo 整改清单; shot print 打印材料
fi
echo "GUI smoke test passed"
