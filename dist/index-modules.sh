#!/usr/bin/env bash
# dist/index-modules.sh [--check] DIR — record in every modular jar of DIR the list of its packages
# (the ModulePackages attribute of module-info.class, which the `jar` tool writes but many builds,
# Jackson's, picocli's and ASM's among them, do not). Without it the JVM lists every entry of the jar
# at each start to find the module's packages: on the agent's module path that was ~40 ms of the
# JVM's "Initialize module system" and ~3 MiB of idle RSS (issue #14, bench/README.md).
# Run by the dist build on target/lib (the module path of ./agent and of every package) after the
# jars are copied there. Automatic modules (no module-info.class, e.g. jnr-ffi) are left as they are.
# Idempotent; the rewritten entries get SOURCE_DATE_EPOCH as their time, for reproducible packages.
# --check: change nothing, list the modular jars without the attribute and exit 1 if there are any.
set -euo pipefail
check=false
if [ "${1:-}" = --check ]; then check=true; shift; fi
dir=$(cd "${1:?usage: index-modules.sh [--check] DIR}" && pwd)
jar=jar
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jar" ] && jar=$JAVA_HOME/bin/jar
stamp=$(date -u -d "@${SOURCE_DATE_EPOCH:-1796202000}" +%Y-%m-%dT%H:%M:%SZ)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
missing=()
for j in "$dir"/*.jar; do
  [ -f "$j" ] || continue
  # the descriptor: at the root, or (multi-release jars) under META-INF/versions/N/
  info=$("$jar" --list --file "$j" | grep -E '^(META-INF/versions/[0-9]+/)?module-info\.class$' | head -1 || true)
  [ -n "$info" ] || continue
  rm -rf "$scratch/x" && mkdir "$scratch/x"
  (cd "$scratch/x" && "$jar" --extract --file "$j" "$info")
  grep -aq ModulePackages "$scratch/x/$info" && continue
  if $check; then missing+=("$(basename "$j")"); continue; fi
  # keep the module's version: `jar --update` writes the descriptor again, with its packages
  release=(); case $info in META-INF/versions/*) r=${info#META-INF/versions/}; release=(--release "${r%%/*}") ;; esac
  version=$("$jar" --describe-module --file "$j" "${release[@]}" | sed -n 's/^[^@ ]*@\([^ ]*\) .*/\1/p' | head -1)
  [ -n "$version" ] || { echo "index-modules.sh: $j: module has no version to keep" >&2; exit 1; }
  "$jar" --update --file "$j" --date "$stamp" --module-version "$version"
  (cd "$scratch/x" && rm -f "$info" && "$jar" --extract --file "$j" "$info")
  grep -aq ModulePackages "$scratch/x/$info" || { echo "index-modules.sh: $j: no ModulePackages after jar --update" >&2; exit 1; }
  echo "index-modules.sh: $(basename "$j"): packages recorded"
done
if $check && [ ${#missing[@]} -gt 0 ]; then
  echo "modular jars without ModulePackages: ${missing[*]}"
  exit 1
fi
