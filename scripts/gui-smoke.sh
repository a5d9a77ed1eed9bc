#!/usr/bin/env bash
# GUI smoke test: builds cmd/junheng and starts the real binary under Xvfb
# on the demo county at the screens clerks have — 1366×768 at 100 % and
# 125 %, 1920×1080 at 150 % (FYNE_SCALE) — and screenshots 首页, 资源配置,
# 批量录入 (when the program has that page), 佐证材料 (G3 at a school) and 达标规划 into
# ci-artifacts/screenshots/SCREEN-SCALE-PAGE.png. It fails when a window
# does not appear, a picture is blank, or the window does not fit the
# screen. Prints the time from launch to a painted window and the window's
# size. Needs: xvfb x11-utils imagemagick (and Fyne's cgo build packages).
# GUI_SMOKE_ALL=1 also takes every other page at 1366×768, 125 %.
set -euo pipefail
cd "$(dirname "$0")/.."

out=ci-artifacts/screenshots
mkdir -p "$out"
bin=ci-artifacts/junheng
go build -o "$bin" ./cmd/junheng

tmp=$(mktemp -d)
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
# Who is working, as on the command line: no first-start question over the pages.
export JUNHENG_USER="测试员" JUNHENG_OFFICE="义马市教育体育局"
xvfb="" app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

. scripts/lib-window.sh

# screen WxH: a fresh X server of that size (one per screen size, so the
# window is placed as on a real monitor of that size).
screen() {
  [ -n "$xvfb" ] && { kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true; }
  export DISPLAY=:$((90 + RANDOM % 100))
  Xvfb "$DISPLAY" -screen 0 "$1x24" -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
  xvfb=$!
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
  screen_size=$1
}

# window_geometry → "W H X Y" of the program's window in pixels.
window_geometry() {
  local id
  id=$(xwininfo -root -tree | grep '均衡评估助手' | head -1 | awk '{print $1}')
  [ -n "$id" ] || return 1
  xwininfo -id "$id" | awk '/Absolute upper-left X/{x=$4} /Absolute upper-left Y/{y=$4} /Width:/{w=$2} /Height:/{h=$2} END{print w, h, x, y}'
}

shot() { # shot NAME SCALE PAGE [ARGS…]
  local name=$1 scale=$2 page=$3 png="$out/$1.png" t0 t1 n found=1 geo sw sh
  shift 3
  t0=$(date +%s.%N)
  FYNE_SCALE=$scale JUNHENG_TIMING=1 "$bin" --demo --file "$tmp/demo.db" --page "$page" "$@" >"$tmp/$name.log" 2>&1 &
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
  geo=$(window_geometry || echo "0 0 0 0")
  printf '%s (%s, %s×): launch to painted window %.2f s (polled), window %s px at %s, %s colours → %s\n' \
    "$page" "$screen_size" "$scale" "$(awk "BEGIN{print $t1 - $t0}")" "$(echo "$geo" | awk '{print $1 "×" $2}')" \
    "$(echo "$geo" | awk '{print $3 "," $4}')" "$n" "$png"
  grep '^timing:' "$tmp/$name.log" | sed 's/^/  /' || true
  if [ "$n" -le 60 ]; then echo "FAIL: $png looks blank ($n colours)" >&2; exit 1; fi
  sw=${screen_size%x*} sh=${screen_size#*x}
  if ! echo "$geo" | awk -v sw="$sw" -v sh="$sh" '{exit !($1 <= sw && $2 <= sh && $3 >= 0 && $4 >= 0 && $1 + $3 <= sw && $2 + $4 <= sh)}'; then
    echo "FAIL: the window ($geo) does not fit the $screen_size screen at $scale×" >&2
    exit 1
  fi
  kill "$app"; wait "$app" 2>/dev/null || true; app=""
}

# The grid entry page exists once ui/screens has it.
grid=""
if grep -rq '"批量录入"' ui/screens/*.go; then grid=1; fi

for conf in "1366x768 1 1366x768-100" "1366x768 1.25 1366x768-125" "1920x1080 1.5 1920x1080-150"; do
  set -- $conf
  screen "$1"
  shot "$3-home" "$2" 首页
  shot "$3-resources" "$2" 资源配置
  [ -n "$grid" ] && shot "$3-grid" "$2" 批量录入
  shot "$3-evidence" "$2" 佐证材料 --target G3#4141281001
  shot "$3-plan" "$2" 达标规划
done
if [ "${GUI_SMOKE_ALL:-}" = 1 ]; then # every other page, for a look by eye
  screen 1366x768
  for p in profile:县域概况 gov:政府保障 quality:教育质量 survey:社会认可度 veto:一票否决 todo:整改清单 print:打印材料; do
    shot "1366x768-125-${p%%:*}" 1.25 "${p#*:}"
  done
  shot 1366x768-125-schools 1.25 学校档案 --target 4141281003
  shot 1366x768-125-chart 1.25 资源配置 --target R4
fi
echo "GUI smoke test passed"
