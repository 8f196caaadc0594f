#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Window figures under Xvfb (1600×1000, no GPU: OpenGL in software, as
# on a thin client), as JSON lines on standard output:
#
# - start-up (ikou-bench-startup): Ikou on the sample, 200, 2,000 and
#   34,592 systems and the floor (a bare libadwaita window), each with
#   GTK's default renderer and with GSK_RENDERER=cairo, and GNOME Planner
#   on the same plans up to 200 systems when it is installed (Debian
#   package "planner"; its MSPDI importer stylesheet takes minutes on
#   2,000: --planner-max 2000);
# - in the window (ikou-bench-window): scroll frames, drag steps and
#   opening the editor, the findings panel and the export dialog on
#   34,592 systems.
#
#   tests/bench/startup.sh [BUILD] [--startup-only|--window-only] [options of ikou-bench-startup]
#   tests/bench/startup.sh _build --startup-only --sizes 200 --runs 5
set -eu

build=$(cd "${1:-_build}" && pwd)
[ $# -gt 0 ] && shift
root=$(cd "$(dirname "$0")/../.." && pwd)
what=both
case "${1:-}" in
  --startup-only) what=startup; shift ;;
  --window-only) what=window; shift ;;
esac

export IKOU_SCHEDULE_DIR="$root/data/schedule"
export IKOU_LOCALEDIR="$build/po/locale"
export LANG=ja_JP.UTF-8
export LC_ALL=ja_JP.UTF-8
export GTK_A11Y=none
export NO_AT_BRIDGE=1

run () {
  if [ "$what" != window ]; then
    "$build/tests/bench/ikou-bench-startup" --planner "$@"
  fi
  if [ "$what" != startup ]; then
    "$build/tests/bench/ikou-bench-window"
  fi
}

if [ -n "${IKOU_BENCH_UNDER_XVFB:-}" ]; then
  run "$@"
else
  if [ "$what" = both ]; then
    set -- "$build" "$@"
  else
    set -- "$build" "--$what-only" "$@"
  fi
  IKOU_BENCH_UNDER_XVFB=1 exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
