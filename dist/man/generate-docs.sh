#!/bin/sh
# dist/man/generate-docs.sh LIBDIR VERSION OUTDIR — the man page and the bash completion, generated
# from the CLI model of the module path in LIBDIR (its jars without the demo's agent-host and
# xenstore-sim, so exactly the commands a package runs): OUTDIR/nova-agent.bash-completion by
# picocli's AutoComplete (agent-runtime cli.CompletionScript) and OUTDIR/nova-agent.8 by
# picocli-codegen's ManPageGenerator (cli.ManualPage, with dist/target/tools on the module path)
# plus man/nova-agent.8.adoc, rendered by asciidoctor. Used by package.sh and
# portable/make-tarball.sh, so no package can ship a page that differs from its commands.
# Without asciidoctor there is no page: a failure under CI=true, a message elsewhere.
set -eu
lib=$1 version=$2 out=$3
dist=$(cd "$(dirname "$0")/.." && pwd)
mp=$(mktemp -d)
trap 'rm -rf "$mp"' EXIT
for jar in "$lib"/*.jar; do
  case $(basename "$jar") in agent-host-*|xenstore-sim-*) ;; *) cp "$jar" "$mp/" ;; esac
done
mkdir -p "$out"
java --module-path "$mp" -m org.novaagent.runtime/org.novaagent.runtime.cli.CompletionScript nova-agent \
  > "$out/nova-agent.bash-completion"
if ! command -v asciidoctor >/dev/null; then
  echo "generate-docs.sh: asciidoctor is not installed (apt-get install asciidoctor): no man page" >&2
  if [ "${CI:-}" = true ]; then exit 1; fi
  exit 0
fi
java --module-path "$mp:$dist/target/tools" --add-modules info.picocli.codegen \
  -m org.novaagent.runtime/org.novaagent.runtime.cli.ManualPage "$out/adoc" nova-agent >/dev/null
asciidoctor --failure-level WARN -b manpage -a generated="$out/adoc" -a agent-version="$version" \
  -o "$out/nova-agent.8" "$dist/man/nova-agent.8.adoc"
