#!/usr/bin/env bash
# Builds wsoa and the benchmark in release mode and runs the benchmark (issues 7 and 12).
#
# Usage: Benchmarks/run.sh [--runs N] [--keep]
#   --runs N   timed runs per figure (default 7; the median is reported)
#   --keep     leave the generated plans in the temporary directory
# Set SCRATCH to choose the build directory (default /tmp/bench-build), and STATIC=0 to measure
# a build linked against the shared Swift libraries instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${SCRATCH:-/tmp/bench-build}"
# Statically linked, as wsoa is meant to ship: every command is a new process, and loading the
# shared Swift and Foundation libraries costs about 7 ms a run (see README.md).
link=(--static-swift-stdlib)
if [ "${STATIC:-1}" = 0 ]; then link=(); fi
swift build -c release "${link[@]}" --scratch-path "$scratch" --product wsoa
swift build -c release "${link[@]}" --scratch-path "$scratch" --product WSoABenchmarks
exec "$scratch/release/WSoABenchmarks" "$@"
