# Shared by the GUI smoke tests (sourced, not run): waiting for the
# program's window under Xvfb and telling a painted screen from a blank one.

# colours PNG → number of distinct colours (a blank screen has a handful).
colours() { /usr/bin/convert "$1" -format %k info:; }

# wait_painted PID PNG TRIES INTERVAL: polls until a window titled
# 均衡评估助手 exists and a screenshot of the screen has more than 60
# colours; returns 1 if the process ends or the tries run out.
wait_painted() {
  local pid=$1 png=$2 tries=$3 interval=$4
  for _ in $(seq "$tries"); do
    if xwininfo -root -tree 2>/dev/null | grep -q '均衡评估助手'; then
      /usr/bin/import -window root "$png" 2>/dev/null || true
      if [ -s "$png" ] && [ "$(colours "$png")" -gt 60 ]; then return 0; fi
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep "$interval"
  done
  return 1
}
