#!/usr/bin/env bash
# Installs what building and testing 均衡评估助手 needs on Debian 12:
# Fyne's cgo build (X11 and Wayland headers), Xvfb and ImageMagick for the
# GUI smoke test, poppler-utils for the PDF tests, python3-scipy for the
# planner's reference optimum (app/plan/optimal_test.go). Go itself must be on PATH.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
packages=(gcc pkg-config libgl1-mesa-dev libx11-dev libxext-dev libxcursor-dev libxrandr-dev
  libxinerama-dev libxi-dev libxxf86vm-dev libxkbcommon-dev libwayland-dev
  xvfb xauth x11-apps x11-utils bc imagemagick poppler-utils libreoffice-calc-nogui python3-scipy)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "安装系统依赖：${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v go >/dev/null || { echo "未找到 Go：请先安装 Go 1.26 或更高版本 (https://go.dev/dl/)" >&2; exit 1; }
