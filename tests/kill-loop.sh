#!/usr/bin/env bash
# Saves killed with kill -9, over and over: does every kill leave the old
# or the new complete plan, and are Ikou's temporary files cleaned up?
# Run by hand from the top of the source tree after building:
#
#   tests/kill-loop.sh [ITERATIONS] [BUILD_DIR]     (default 200, _build)
#
# SYSTEMS=N sets the size of the plans (default 34592, the national plan).
# Each iteration saves one of two different plans over the other with
# `ikou export A.ikou --output plan.ikou`, kills it with SIGKILL after a
# random delay within the time a save takes, then reads plan.ikou back and
# compares what `ikou check --json` says with what it says for A and for B.
set -uo pipefail

iterations=${1:-200}
build=${2:-_build}
systems=${SYSTEMS:-34592}
ikou="$build/app/ikou"
generate="$build/tests/bench/ikou-generate"
for tool in "$ikou" "$generate"; do
  [ -x "$tool" ] || { echo "kill-loop: $tool is missing: build first (ninja -C $build)" >&2; exit 2; }
done
ikou=$(realpath "$ikou")
generate=$(realpath "$generate")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

export IKOU_SCHEDULE_DIR=${IKOU_SCHEDULE_DIR:-$OLDPWD/data/schedule}
"$generate" --systems "$systems" --seed 1 --output a.ikou 2>/dev/null
"$generate" --systems "$systems" --seed 2 --output b.ikou 2>/dev/null

digest () {
  "$ikou" check "$1" --json --today 2021-03-01 2>/dev/null | sha256sum | cut -d' ' -f1
}
digest_a=$(digest a.ikou)
digest_b=$(digest b.ikou)
[ "$digest_a" != "$digest_b" ] || { echo "kill-loop: the two plans read the same" >&2; exit 2; }

cp a.ikou plan.ikou
start=$(date +%s%N)
"$ikou" export b.ikou --output plan.ikou
save_ms=$(( ($(date +%s%N) - start) / 1000000 ))

temp_files () {
  find . -maxdepth 1 -name '.plan.ikou.ikou-tmp-*' | wc -l
}

finished=0 intact=0 damaged=0 left=0 left_bytes=0
for ((i = 0; i < iterations; i++)); do
  if (( i % 2 )); then source=b.ikou; else source=a.ikou; fi
  "$ikou" export "$source" --output plan.ikou 2>/dev/null &
  pid=$!
  delay_ms=$(( RANDOM % (save_ms + 1) ))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null
  else
    wait "$pid" 2>/dev/null
    finished=$((finished + 1))
  fi

  # Counted before reading the plan back: opening a plan removes them.
  n=$(temp_files)
  if (( n > 0 )); then
    left=$((left + 1))
    bytes=$(find . -maxdepth 1 -name '.plan.ikou.ikou-tmp-*' -printf '%s\n' | awk '{s += $1} END {print s + 0}')
    (( bytes > left_bytes )) && left_bytes=$bytes
  fi
  d=$(digest plan.ikou)
  if [ "$d" = "$digest_a" ] || [ "$d" = "$digest_b" ]; then
    intact=$((intact + 1))
  else
    damaged=$((damaged + 1))
  fi
done

# One more killed save, then a successful one.
"$ikou" export b.ikou --output plan.ikou 2>/dev/null &
pid=$!
late_ms=$(( save_ms * 3 / 4 ))
sleep "$(printf '%d.%03d' $((late_ms / 1000)) $((late_ms % 1000)))"
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
before_save=$(temp_files)
"$ikou" export a.ikou --output plan.ikou
after_save=$(temp_files)

echo "plan: $systems systems, one save takes $save_ms ms"
echo "iterations: $iterations (finished before the kill: $finished)"
echo "intact: $intact, damaged: $damaged"
echo "kills that left a temporary file: $left (largest: $left_bytes bytes)"
echo "temporary files after a last killed save: $before_save, after the next save: $after_save"
[ "$damaged" -eq 0 ] && [ "$after_save" -eq 0 ]
