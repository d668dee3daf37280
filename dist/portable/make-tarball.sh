#!/bin/sh
# Builds the portable tarball nova-agent-<version>-portable.tar.gz from the project's module path
# (dist/target/lib: runtime, libraries and every plugin; the demo's agent-host is left out, and
# xenstore-sim goes to training/, the class archive's training run), the launcher, the shipped agent.conf, the three service definitions, and the generated
# man page and bash completion under share/.
#   dist/portable/make-tarball.sh LIBDIR VERSION OUTDIR
set -eu
lib=$1 version=$2 out=$3
dist=$(cd "$(dirname "$0")/.." && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
top=$stage/nova-agent-$version
mkdir -p "$top/lib" "$top/modules" "$top/training" "$top/bin" "$top/etc" "$top/init"
for jar in "$lib"/*.jar; do
  case $(basename "$jar") in
    agent-host-*) ;;
    xenstore-sim-*) cp "$jar" "$top/training/" ;;
    password-*|file-inject-*|network-[a-z]*-[0-9]*|rhel-registration-*|windows-activation-*)
      case $(basename "$jar") in network-common-*) cp "$jar" "$top/lib/" ;; *) cp "$jar" "$top/modules/" ;; esac ;;
    *) cp "$jar" "$top/lib/" ;;
  esac
done
cp "$dist/linux-root/usr/sbin/nova-agent" "$top/bin/nova-agent"
cp "$dist/linux-root/etc/nova-agent/agent.conf" "$top/etc/agent.conf"
cp "$dist/linux-root/lib/systemd/system/nova-agent.service" "$top/init/"
cp "$dist/openrc/nova-agent.initd" "$top/init/"
cp "$dist/freebsd/nova_agent" "$top/init/"
cp "$dist/portable/install.sh" "$top/"
# the man page and bash completion the .deb/.rpm ship, for install.sh to put under PREFIX/share
sh "$dist/man/generate-docs.sh" "$lib" "$version" "$stage/docs"
mkdir -p "$top/share/bash-completion/completions"
cp "$stage/docs/nova-agent.bash-completion" "$top/share/bash-completion/completions/nova-agent"
if [ -f "$stage/docs/nova-agent.8" ]; then
  mkdir -p "$top/share/man/man8"
  gzip -9n < "$stage/docs/nova-agent.8" > "$top/share/man/man8/nova-agent.8.gz"
fi
mkdir -p "$out"
tar -C "$stage" -czf "$out/nova-agent-$version-portable.tar.gz" "nova-agent-$version"
echo "$out/nova-agent-$version-portable.tar.gz"
