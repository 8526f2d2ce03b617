#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/*_fuzz.cpp) with clang in build/fuzz and runs each
# for SECONDS (default 30) from its seed corpus; fails when any target crashes, leaks, times out
# or runs out of memory. docs/fuzzing.md describes longer runs and how to keep a crash input.
#   tests/fuzz/run_fuzzers.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
shift || true
jobs=${FUZZ_BUILD_JOBS:-$(nproc)}
out=build/fuzz

cmake -S . -B "$out" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEDGEPLAN_WERROR=ON -DEDGEPLAN_FUZZ=ON \
  -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$out" --target fuzzers -j"$jobs" >"$out/build.log" 2>&1 || {
  tail -50 "$out/build.log"
  exit 1
}

targets=("$@")
if ((${#targets[@]} == 0)); then
  for source in tests/fuzz/*_fuzz.cpp; do
    name=$(basename "$source" .cpp)
    targets+=("${name%_fuzz}")
  done
fi

passed=0
failed=()
for name in "${targets[@]}"; do
  # New inputs go to the build tree; the committed seeds are only read.
  work="$out/corpus/$name"
  artifacts="$out/artifacts/$name"
  mkdir -p "$work" "$artifacts"
  log="$out/$name.log"
  options=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=5 -print_final_stats=1
    -artifact_prefix="$artifacts/")
  # Shared texts (topology/interned_text.h) live as long as the process, and targets that make
  # new ones from every input (pipeline, report_json) grow by some MB a minute. A run longer
  # than 5 minutes fuzzes in child processes that libFuzzer restarts (fork mode), and still
  # stops at the first crash, leak, timeout or out-of-memory.
  if ((seconds > 300)); then
    options+=(-fork=1 -ignore_crashes=0 -ignore_ooms=0 -ignore_timeouts=0)
  fi
  # An optional libFuzzer dictionary of the format's words: tests/fuzz/<name>.dict.
  [[ -f "tests/fuzz/$name.dict" ]] && options+=(-dict="tests/fuzz/$name.dict")
  echo "fuzz: $name for ${seconds}s"
  if "$out/tests/fuzz/${name}_fuzz" "$work" "tests/fuzz/corpus/$name" "${options[@]}" \
    >"$log" 2>&1; then
    passed=$((passed + 1))
    grep -E "^stat::number_of_executed_units|^Done" "$log" | tr '\n' ' ' && echo
  else
    failed+=("$name")
    echo "fuzz: $name FAILED; its input is in $artifacts/ (log: $log)"
    grep -v -E "^#[0-9]+" "$log" | tail -60
  fi
done
echo "fuzz: ${passed} passed, ${#failed[@]} failed"
((${#failed[@]} == 0))
