#!/usr/bin/env bash
# footprint against its performance baselines, side by side in one run (docs/performance.md).
#
#   bench/run.sh [--sizes 100k,1m] [--runs 3] [--inline] [--workbooks 10] [--against REF,...]
#                [--poles 20000] [--names-rows 40000] [--dir /tmp/footprint-bench] [--keep]
#   bench/run.sh --import [--runs 3]
#
# --import measures `footprint factors import --ademe` alone (wall time, CPU time and peak
# memory, median/max of --runs runs) on the official Base Carbone xlsx of factor-sources and
# on a ';'-separated Windows-1252 CSV of all its rows (bench/ademecsv), as ADEME publishes it.
#
# For each size it generates a deterministic synthetic workbook (bench/gen: sheets Energy,
# Logistics, Materials, 7 canonical columns, seed 1; text in shared strings as Excel writes
# it, or with --inline inline as excelize's StreamWriter writes it) and measures, on it:
#   floor           bench/floor: archive/zip decompresses every sheet once, counting "<c "
#   excelize Rows   bench/rows: excelize Rows() iteration of every sheet (and with RawCellValue)
#   pandas+openpyxl bench/pandas_calc.py: the same calculation (join with the factor table of
#                   `footprint factors list --json`, multiply, group by year and scope)
#   footprint calc  `footprint calc --json` on the workbook, with bench/minimal.yaml (no
#                   targets, levers, credits, organisation, intensity, energy or ESRS sections)
#                   and with bench/full.yaml (all of them, as the demo's config.yaml has them,
#                   for the synthetic workbook's sites, poles and activities: the full analysis)
#   footprint report `footprint report` on the workbook (report.html and the Excel export),
#                   with the repository's config.yaml
#   distinct poles  `footprint calc --json` with bench/full.yaml and `footprint report` on
#                   --names-rows rows (40,000) with one pole, then on the same rows with
#                   --poles distinct poles (20,000), and the same rows with as many sites:
#                   memory and time must not grow with the number of names; --poles 0
#                   leaves it out
#   N workbooks     `footprint calc --json` with bench/minimal.yaml on the same number of rows
#                   split over --workbooks workbooks (seeds 1 to N, each --input), which
#                   footprint reads at once on several cores; --workbooks 1 leaves it out
# --against REF,... builds footprint as it was at each git REF (a commit, tag or branch of this
# repository) and times its calc (both configs) and report on the same workbooks, in the same
# run, below the current tree's rows: a before/after table from one machine state.
# Wall time is the median of --runs runs (pandas: one run, it is the slow one); peak memory is
# the largest "Maximum resident set size" of /usr/bin/time -v over the runs. Ratios are to
# the floor; below the table, the full analysis against the minimal calc. Workbooks and
# outputs go to --dir (removed at the end unless --keep, which keeps the workbooks and
# binaries).
set -euo pipefail

sizes="100k,1m"
runs=3
dir=/tmp/footprint-bench
keep=false
inline=false
against=""
workbooks=10
poles=20000
names_rows=40000
import_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    --inline) inline=true; shift ;;
    --against) against="$2"; shift 2 ;;
    --workbooks) workbooks="$2"; shift 2 ;;
    --poles) poles="$2"; shift 2 ;;
    --names-rows) names_rows="$2"; shift 2 ;;
    --import) import_only=true; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$runs" in ''|*[!0-9]*|0) echo "run.sh: --runs takes a positive number" >&2; exit 2 ;; esac
case "$workbooks" in ''|*[!0-9]*|0) echo "run.sh: --workbooks takes a positive number" >&2; exit 2 ;; esac
case "$poles" in ''|*[!0-9]*) echo "run.sh: --poles takes a number" >&2; exit 2 ;; esac
case "$names_rows" in ''|*[!0-9]*|0) echo "run.sh: --names-rows takes a positive number" >&2; exit 2 ;; esac

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if $import_only; then
  xlsx="$root/../shared/factor-sources/ademe-base-carbone-v23.6/Base_Carbone_V23.6-v2.xlsx"
  [ -f "$xlsx" ] || { echo "run.sh: $xlsx not found" >&2; exit 1; }
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  go build -o "$work/footprint" ./cmd/footprint
  go build -o "$work/ademecsv" ./bench/ademecsv
  "$work/ademecsv" "$xlsx" "$work/Base_Carbone_V23.6.csv"
  printf '%-44s %10s %10s %12s\n' "footprint factors import --ademe" "wall s" "cpu s" "peak MiB"
  for in in "$xlsx" "$work/Base_Carbone_V23.6.csv"; do
    walls=(); cpus=(); peak=0
    for _ in $(seq "$runs"); do
      /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$work/footprint" factors import --ademe "$in" --out "$work/out.yaml" --force >/dev/null
      read -r wall user sys kb <"$work/time"
      walls+=("$wall"); cpus+=("$(echo "$user + $sys" | bc)")
      [ "$kb" -gt "$peak" ] && peak=$kb
    done
    median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
    printf '%-44s %10s %10s %12d\n' "$(basename "$in")" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" $((peak / 1024))
  done
  exit 0
fi

# What the measurements need: GNU time, and Debian's pandas and openpyxl (the system
# python, not whatever python3 comes first in PATH).
python=/usr/bin/python3
need=()
[ -x /usr/bin/time ] || need+=(time)
"$python" -c 'import pandas, openpyxl' 2>/dev/null || need+=(python3-pandas python3-openpyxl)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
echarts=""
for f in reports/assets/echarts.min.js reports/*/assets/echarts.min.js; do
  if [ -f "$f" ]; then echarts=$f; break; fi
done
[ -n "$echarts" ] || { echo "run.sh: run \`npm ci\` first (footprint carries echarts)" >&2; exit 1; }

mkdir -p "$dir"
work="$(mktemp -d "$dir/run.XXXXXX")"
cleanup() {
  for wt in "$work"/ref-*; do if [ -d "$wt" ]; then git worktree remove --force "$wt" 2>/dev/null || true; fi; done
  if $keep; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "building the binaries" >&2
bin="$work/bin"
go build -o "$bin/footprint" ./cmd/footprint
go build -o "$bin/gen" ./bench/gen
go build -o "$bin/floor" ./bench/floor
go build -o "$bin/rows" ./bench/rows
"$bin/footprint" factors list --json >"$work/factors.json"
IFS=, read -ra refs <<<"$against"
for ref in "${refs[@]}"; do
  short=$(git rev-parse --short "$ref^{commit}") || { echo "run.sh: --against $ref is not a commit of this repository" >&2; exit 2; }
  wt="$work/ref-$short"
  echo "building footprint at $ref ($short)" >&2
  git worktree add --detach --quiet "$wt" "$short"
  for d in "$wt"/reports/assets "$wt"/reports/*/assets; do # the carried echarts is not in git
    if [ -d "$d" ]; then cp "$echarts" "$d/"; fi
  done
  (cd "$wt" && go build -o "$bin/footprint-$short" ./cmd/footprint)
done

# measure N CMD...: runs CMD N times under /usr/bin/time -v (output discarded, a failure
# stops the script with its stderr) and sets wall (median seconds) and rss (max KiB).
measure() {
  local n="$1"; shift
  local times=() i t m
  rss=0
  for ((i = 0; i < n; i++)); do
    local start end
    start=$(date +%s%N)
    if ! /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt"; then
      echo "run.sh: failed: $*" >&2; cat "$work/stderr.txt" "$work/time.txt" >&2; exit 1
    fi
    end=$(date +%s%N)
    # wall time to the millisecond (time -v gives hundredths), the fork of time included
    t=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    m=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
    times+=("$t")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  wall=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
}

rows_of() {
  case "$1" in
    *[kK]) echo $(( ${1%[kK]} * 1000 )) ;;
    *[mM]) echo $(( ${1%[mM]} * 1000000 )) ;;
    *) echo "$1" ;;
  esac
}

table="$work/table.txt"
printf '%-9s  %-52s  %5s  %10s  %8s  %9s  %8s\n' rows baseline runs "wall (s)" "x floor" "peak RSS" "x floor" >"$table"
ratios=()
IFS=, read -ra list <<<"$sizes"
for size in "${list[@]}"; do
  n=$(rows_of "$size")
  case "$n" in ''|*[!0-9]*) echo "run.sh: bad size $size (use 100k, 1m or a row count)" >&2; exit 2 ;; esac
  wb="$work/bench-$size.xlsx"
  echo "generating $n rows" >&2
  "$bin/gen" -rows "$n" -inline="$inline" -out "$wb"
  xml=$("$bin/floor" "$wb" | awk '{ printf "%.0f", $3 / 1048576 }')
  echo "measuring $n rows ($(( $(stat -c %s "$wb") / 1048576 )) MiB workbook, $xml MiB of XML)" >&2
  floor_t=""; floor_m=""
  row() { # label runs cmd...
    local label="$1" k="$2"; shift 2
    echo "  $label" >&2
    measure "$k" "$@"
    local t=$wall m=$rss
    if [ -z "$floor_t" ]; then floor_t=$t; floor_m=$m; fi
    printf '%-9s  %-52s  %5s  %10.3f  %7.1fx  %5d MiB  %7.1fx\n' "$n" "$label" "$k" "$t" \
      "$(awk -v a="$t" -v b="$floor_t" 'BEGIN { print (b > 0 ? a / b : 0) }')" $(( m / 1024 )) \
      "$(awk -v a="$m" -v b="$floor_m" 'BEGIN { print a / b }')" >>"$table"
  }
  row "floor: archive/zip decompress + scan" "$runs" "$bin/floor" "$wb"
  row "excelize Rows()" "$runs" "$bin/rows" "$wb"
  row "excelize Rows() RawCellValue" "$runs" "$bin/rows" -raw "$wb"
  row "pandas $("$python" -c 'import pandas; print(pandas.__version__)') + openpyxl $("$python" -c 'import openpyxl; print(openpyxl.__version__)') calculation" 1 \
    "$python" bench/pandas_calc.py "$wb" "$work/factors.json"
  row "footprint calc --json, minimal config" "$runs" "$bin/footprint" calc --json --config bench/minimal.yaml --input "$wb"
  min_t=$wall
  row "footprint calc --json, full analysis" "$runs" "$bin/footprint" calc --json --config bench/full.yaml --input "$wb"
  ratios+=("$(printf '%-9s  full analysis / minimal calc: %.2fx (%.3f s / %.3f s)' "$n" \
    "$(awk -v a="$wall" -v b="$min_t" 'BEGIN { print (b > 0 ? a / b : 0) }')" "$wall" "$min_t")")
  row "footprint report" "$runs" "$bin/footprint" report --input "$wb" --out "$work/out"
  for ref in "${refs[@]}"; do
    short=$(git rev-parse --short "$ref^{commit}")
    row "footprint calc --json, minimal config @ $short" "$runs" "$bin/footprint-$short" calc --json --config bench/minimal.yaml --input "$wb"
    row "footprint calc --json, full analysis @ $short" "$runs" "$bin/footprint-$short" calc --json --config bench/full.yaml --input "$wb"
    row "footprint report @ $short" "$runs" "$bin/footprint-$short" report --config "$work/ref-$short/config.yaml" --input "$wb" --out "$work/out"
  done
  if [ "$workbooks" -gt 1 ]; then
    parts=()
    for ((k = 1; k <= workbooks; k++)); do
      part="$work/bench-$size-$k-of-$workbooks.xlsx"
      "$bin/gen" -rows $(( n / workbooks )) -seed "$k" -inline="$inline" -out "$part"
      parts+=(--input "$part")
    done
    row "footprint calc --json, $workbooks workbooks of $(( n / workbooks ))" "$runs" \
      "$bin/footprint" calc --json --config bench/minimal.yaml "${parts[@]}"
    $keep || rm -f "$work"/bench-"$size"-*-of-*.xlsx
  fi
  $keep || rm -f "$wb"
  rm -rf "$work/out"
done

if [ "$poles" -gt 0 ]; then
  # Many distinct names: the same rows with one pole, with $poles poles and with $poles sites.
  # The first row is the reference of the ratios ("x floor" here is "x one pole").
  echo "generating $names_rows rows with 1 and $poles poles, and $poles sites" >&2
  "$bin/gen" -rows "$names_rows" -poles 1 -out "$work/names-1.xlsx"
  "$bin/gen" -rows "$names_rows" -poles "$poles" -out "$work/names-poles.xlsx"
  "$bin/gen" -rows "$names_rows" -sites "$poles" -out "$work/names-sites.xlsx"
  n=$names_rows
  for cmd in calc report; do
    floor_t=""; floor_m=""
    for w in 1 poles sites; do
      case $w in 1) what="1 pole" ;; poles) what="$poles poles" ;; sites) what="$poles sites" ;; esac
      if [ $cmd = calc ]; then
        row "calc --json, full analysis, $what (x: to 1 pole)" "$runs" "$bin/footprint" calc --json --config bench/full.yaml --input "$work/names-$w.xlsx"
      else
        row "report, $what (x: to 1 pole)" "$runs" "$bin/footprint" report --config bench/full.yaml --input "$work/names-$w.xlsx" --out "$work/out"
      fi
    done
    for ref in "${refs[@]}"; do
      short=$(git rev-parse --short "$ref^{commit}")
      for w in 1 poles sites; do
        case $w in 1) what="1 pole" ;; poles) what="$poles poles" ;; sites) what="$poles sites" ;; esac
        if [ $cmd = calc ]; then
          row "calc --json, full analysis, $what @ $short" "$runs" "$bin/footprint-$short" calc --json --config bench/full.yaml --input "$work/names-$w.xlsx"
        else
          row "report, $what @ $short" "$runs" "$bin/footprint-$short" report --config bench/full.yaml --input "$work/names-$w.xlsx" --out "$work/out"
        fi
      done
    done
  done
  $keep || rm -f "$work"/names-*.xlsx
  rm -rf "$work/out"
fi

echo
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -h | awk '/^Mem:/ { print $2 }') RAM, $(go version | cut -d' ' -f3)"
$inline && echo "text cells inline (t=\"inlineStr\"), as excelize's StreamWriter writes them" || echo "text cells in shared strings, as Excel writes them"
echo "wall: median of the runs; peak RSS: the largest over the runs (/usr/bin/time -v)"
cat "$table"
printf '%s\n' "${ratios[@]}"
