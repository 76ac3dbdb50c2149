#!/usr/bin/env bash
# The README's first command: build the sample and see LogSafety's warnings, then apply the fix to a copy of the
# sample with `dotnet format analyzers`, show the diff, and build the fixed copy to prove it still compiles.
# The repository itself is never modified.
#
#   bash samples/run-sample.sh
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sample="$repo/samples/LogSafety.Sample"
work="$(mktemp -d "${TMPDIR:-/tmp}/logsafety-sample.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

heading() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

# "file(line,col): warning LS0001: message" lines, once each, paths relative to the sample.
ls_warnings() {
  grep -Eo '[^ ]+\([0-9]+,[0-9]+\): (warning|error) LS[0-9]{4}: [^[]*' "$1" \
    | sed -e "s|^$2/||" -e 's/ (https[^)]*)//' -e 's/ *$//' | sort -t"(" -k1,1 -k2,2n -u || true
}

# The sample marks each unsafe call with a comment "// LS0001: why" on the line above it (for a [LoggerMessage]
# parameter, above the declaration). Prints "file:line:id" for every marked line.
expected_warnings() {
  (cd "$1" && find . -name '*.cs' -not -path './obj/*' -not -path './bin/*' | sed 's|^\./||' | sort | while read -r file; do
    awk -v file="$file" '
      match($0, /^[ \t]*\/\/ (LS[0-9][0-9][0-9][0-9]):/) { pending = pending substr($0, RSTART + RLENGTH - 7, 6) " "; next }
      /^[ \t]*\/\// { next }
      pending != "" { n = split(pending, ids, " "); for (i = 1; i <= n; i++) print file ":" FNR ":" ids[i]; pending = "" }
    ' "$file"
  done)
}

heading "1. Build the sample (samples/LogSafety.Sample): LogSafety reports what it logs that it should not"
dotnet build "$sample" --no-incremental -nologo -clp:NoSummary >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
ls_warnings "$work/build.log" "$sample" | tee "$work/warnings.txt"
reported="$(sed -E 's/^([^(]+)\(([0-9]+),[0-9]+\): (warning|error) (LS[0-9]{4}):.*/\1:\2:\4/' "$work/warnings.txt" | sort -u)"
expected="$(expected_warnings "$sample" | sort -u)"
printf '\n%s LogSafety warnings; %s unsafe calls are marked "// LSxxxx:" in the sample.\n' \
  "$(grep -c . "$work/warnings.txt" || true)" "$(grep -c . <<<"$expected" || true)"
missed="$(comm -23 <(echo "$expected") <(echo "$reported") | sed '/^$/d')"
unexpected="$(comm -13 <(echo "$expected") <(echo "$reported") | sed '/^$/d')"
[[ -z "$missed" ]] || printf 'Marked but not reported (false negatives):\n%s\n' "$missed"
[[ -z "$unexpected" ]] || printf 'Reported on a line not marked (false positives):\n%s\n' "$unexpected"

rules=(LS0001 LS0002 LS0003 LS0004 LS0005 LS0006 LS0007 LS0010 LS0011 LS0012)
heading "2. Fix a copy with: dotnet format analyzers --diagnostics ${rules[*]} --severity warn"
copy="$work/LogSafety.Sample"
mkdir -p "$copy"
(cd "$sample" && tar --exclude=./bin --exclude=./obj -cf - .) | (cd "$copy" && tar -xf -)
# Outside the repository: stop MSBuild looking further up, and point the analyzer references at the repository.
echo '<Project />' >"$work/Directory.Build.props"
echo '<Project />' >"$work/Directory.Build.targets"
# Package versions stay central, as in the repository, for any PackageReference the sample gains.
cp "$repo/Directory.Packages.props" "$work/Directory.Packages.props"
sed -i -e "s|Include=\"\.\.\\\\\.\.\\\\src\\\\|Include=\"$repo/src/|g" -e "s|Include=\"\.\./\.\./src/|Include=\"$repo/src/|g" "$copy/LogSafety.Sample.csproj"
grep -q "$repo/src/LogSafety.CodeFixes" "$copy/LogSafety.Sample.csproj" || { echo "could not rewrite the analyzer references"; exit 1; }
git -C "$copy" init -q
git -C "$copy" add -A
git -C "$copy" -c user.name=sample -c user.email=sample@localhost commit -qm original

dotnet format analyzers "$copy/LogSafety.Sample.csproj" --diagnostics "${rules[@]}" --severity warn -v minimal 2>&1 \
  | tee "$work/format.log"
# dotnet format goes on when a fixer offers no Fix All or throws; the fix must work on every run, so that is a failure.
if grep -Eq 'Unable to fix|Failed to apply' "$work/format.log"; then
  echo "dotnet format could not apply a LogSafety fix (see above)."
  exit 1
fi
if git -C "$copy" diff --quiet; then
  echo "dotnet format changed nothing: the LogSafety code fixes did not run (is src/LogSafety.CodeFixes built with its fixers?)"
  exit 1
fi
git -C "$copy" --no-pager diff --stat
git -C "$copy" --no-pager diff --color=auto

heading "3. Build the fixed copy: it still compiles"
dotnet build "$copy" --no-incremental -nologo -clp:NoSummary >"$work/fixed.log" 2>&1 || { cat "$work/fixed.log"; exit 1; }
remaining="$(ls_warnings "$work/fixed.log" "$copy" || true)"
if [[ -n "$remaining" ]]; then
  printf 'LogSafety warnings left after the fix:\n%s\n' "$remaining"
  exit 1
fi
# A fix that leaves a template and its arguments out of step shows as CA2017.
if grep -Eq 'warning CA2017' "$work/fixed.log"; then
  grep -E 'warning CA2017' "$work/fixed.log" | sort -u
  echo "The fix left a message template out of step with its arguments (CA2017)."
  exit 1
fi
echo "The fixed copy builds with no LogSafety warning left and no CA2017."
