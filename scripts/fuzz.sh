#!/usr/bin/env bash
# Run every fuzz target of fuzz/ (cargo-fuzz, libFuzzer) for SECONDS each,
# one after the other, one process at a time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      # default: 120 s, every target
#
# Targets: parse, align_bilingual, align, render, legislation (see
# fuzz/fuzz_targets/). Corpora: fuzz/corpus/TARGET (kept, not committed),
# seeded from seeds/ and, where present, ../shared/corpus/{ar,en} (read in
# place, never copied). Inputs are at most 200 KB and may take at most 2 s
# (1 s per 100 KB, release build with debug assertions). The text targets
# use the dictionary fuzz/dict/legal.dict. A crash, an
# invariant broken, a timeout or running out of memory leaves the input in
# fuzz/artifacts/TARGET/; the script goes on with the next target and exits
# with status 1 at the end. A summary line per target (seconds, executions,
# result) is printed at the end.
#
# Needs the nightly toolchain and cargo-fuzz; installs nothing. If missing:
#   rustup toolchain install nightly
#   cargo install cargo-fuzz
set -euo pipefail

cd "$(dirname "$0")/.."
seconds=${1:-120}
[ $# -gt 0 ] && shift
all=(parse align_bilingual align render legislation)
targets=("${@:-${all[@]}}")

if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "fuzz.sh: the nightly toolchain is missing: rustup toolchain install nightly" >&2
    exit 2
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: cargo-fuzz is missing: cargo install cargo-fuzz" >&2
    exit 2
fi

seeds=(seeds)
for d in ../shared/corpus/ar ../shared/corpus/en; do
    [ -d "$d" ] && seeds+=("$d")
done

cargo +nightly fuzz build -O -a >&2
host=$(rustc +nightly -vV | sed -n 's/^host: //p')
bin="$PWD/fuzz/target/$host/release"

summary=()
failed=0
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t" "fuzz/logs/$t"
    log="fuzz/logs/$t.log"
    echo "== $t: $seconds s (log: $log)" >&2
    # The structured target builds its own text; the others get the
    # dictionary of heading keywords, numbers and odd characters.
    dict=()
    [ "$t" != legislation ] && dict=(-dict=../../dict/legal.dict)
    # -jobs=1 -workers=1: one fuzzing process, whose output libFuzzer writes
    # to fuzz-0.log in the working directory.
    (cd "fuzz/logs/$t" && "$bin/$t" "../../corpus/$t" "${seeds[@]/#/../../../}" \
        -max_total_time="$seconds" -max_len=200000 -timeout=2 -rss_limit_mb=2048 \
        -jobs=1 -workers=1 -print_final_stats=1 ${dict[@]+"${dict[@]}"} \
        -artifact_prefix="../../artifacts/$t/" >/dev/null 2>&1) || true
    mv -f "fuzz/logs/$t/fuzz-0.log" "$log"
    status=ok
    if grep -qE "^==[0-9]+== ERROR|ERROR: libFuzzer|deadly signal|Test unit written" "$log"; then
        status=FAILED
        failed=1
    fi
    runs=$(grep -oE "stat::number_of_executed_units: [0-9]+" "$log" | tail -1 | grep -oE "[0-9]+$" || echo "?")
    summary+=("$t	${seconds}s	${runs} executions	$status")
done

echo "== summary" >&2
printf '%s\n' "${summary[@]}"
exit $failed
