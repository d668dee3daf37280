#!/usr/bin/env bash
# dist/modularize.sh [--check] DIR — give the automatic modules in DIR (jnr-ffi, jffi and its native
# jar, jnr-a64asm, jnr-x86asm: jars without module-info.class) the explicit descriptors kept in
# dist/module-descriptors/<module>/module-info.java, compiled against DIR and written into each jar.
# Why (issue #14): jlink refuses automatic modules, and the launcher's linked runtime (the JDK's
# modules and the agent's in one image, whose module graph the JVM does not resolve again at every
# start: dist/README.md, "Start-up") needs every module of the agent's lib/ to be explicit. On the
# module path the explicit jars behave as before (the descriptors export every package).
# Run by the dist build on target/lib before index-modules.sh. Idempotent: an explicit jar is left
# as it is. Entries get SOURCE_DATE_EPOCH as their time, for reproducible packages.
# --check: change nothing; list automatic modules left in DIR and exit 1 if there are any.
set -euo pipefail
check=false
if [ "${1:-}" = --check ]; then check=true; shift; fi
dir=$(cd "${1:?usage: modularize.sh [--check] DIR}" && pwd)
descriptors=$(cd "$(dirname "$0")/module-descriptors" && pwd)
bin=
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jar" ] && bin=$JAVA_HOME/bin/
stamp=$(date -u -d "@${SOURCE_DATE_EPOCH:-1796202000}" +%Y-%m-%dT%H:%M:%SZ)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# "name@version automatic" for an automatic module, nothing for an explicit one
automatic() {
  "${bin}jar" --describe-module --file "$1" | sed -n 's/^\([^ ]*\) automatic$/\1/p' | head -1
}

left=()
pending=()
for j in "$dir"/*.jar; do
  [ -f "$j" ] || continue
  id=$(automatic "$j")
  [ -n "$id" ] || continue
  name=${id%%@*}
  if $check || [ ! -f "$descriptors/$name/module-info.java" ]; then left+=("$(basename "$j") ($name)"); continue; fi
  pending+=("$j")
done
if $check || [ ${#left[@]} -gt 0 ]; then
  if [ ${#left[@]} -gt 0 ]; then
    echo "modularize.sh: automatic modules without an explicit descriptor: ${left[*]}" >&2
    $check || echo "modularize.sh: add dist/module-descriptors/<module>/module-info.java (jdeps --generate-module-info)" >&2
    exit 1
  fi
  exit 0
fi

# Compile each descriptor against DIR as it is (the others may still be automatic: javac reads
# them as such), then write it into its jar keeping the module's version.
for j in "${pending[@]}"; do
  id=$(automatic "$j")
  name=${id%%@*}
  version=${id#*@}
  out=$scratch/$name
  mkdir -p "$out"
  "${bin}javac" --release 17 -nowarn -d "$out" --module-path "$dir" --patch-module "$name=$j" \
    "$descriptors/$name/module-info.java"
  args=(--update --file "$j" --date "$stamp")
  [ "$version" != "$id" ] && args+=(--module-version "$version")
  "${bin}jar" "${args[@]}" -C "$out" module-info.class
  echo "modularize.sh: $(basename "$j"): explicit module $name"
done
