#!/usr/bin/env bash
# shellcheck disable=SC2086  # PLUGINS and DEV_ONLY are word-split lists of artifact names
# dist/package.sh — build the distro packages from the module path in dist/target/lib
# (made by `mvn -DskipTests install`). Output: dist/target/packages/
#   nova-agent_<v>-1+debian_all.deb, nova-agent_<v>-1+ubuntu_all.deb, nova-agent-<v>-1.noarch.rpm,
#   nova-agent-<v>-1.suse.noarch.rpm, nova-agent-<v>-windows.zip
# Each target's plugin set is dist/<target>/plugins.txt (deb-debian, deb-ubuntu, rpm-rhel, rpm-suse, windows):
# packages differ in data, not code. Which artifacts are plugins is derived from the build (below),
# never listed here: a module under plugins/ whose module-info provides a CommandHandler.
set -euo pipefail
dist=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(dirname "$dist")
lib=$dist/target/lib
out=${NOVA_AGENT_PKG_OUT:-$dist/target/packages}
work=$out.work
version=$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$top/pom.xml")
# NOVA_AGENT_PKG_VERSION overrides the package version only (the boot tests build an upgrade)
pkgversion=${NOVA_AGENT_PKG_VERSION:-$version}
MAINTAINER="nova-agent developers <nova-agent@example.org>"
HOMEPAGE="https://nova-agent.example.org/"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1796202000}
[ -d "$lib" ] || { echo "package.sh: $lib missing: run 'mvn -DskipTests install' first" >&2; exit 2; }
# the plugin modules of the root pom: every plugins/<name> that provides a CommandHandler (network-common is a library)
PLUGINS=$(sed -n 's:.*<module>\(plugins/[^<]*\)</module>.*:\1:p' "$top/pom.xml" | while read -r m; do
  if grep -q 'provides org.novaagent.api.CommandHandler' "$top/$m/src/main/java/module-info.java"; then basename "$m"; fi
done)
[ -n "$PLUGINS" ] || { echo "package.sh: no plugin module found in $top/pom.xml" >&2; exit 2; }
DEV_ONLY="agent-host xenstore-sim"
rm -rf "$out" "$work"; mkdir -p "$out" "$work"

is_one_of() { local a=$1; shift; for x in "$@"; do [ "$a" = "$x" ] && return 0; done; return 1; }
artifact_of() { basename "$1" | sed "s/-$version\.jar\$//"; }

# stage_payload TARGET DESTDIR: lib/ (core), modules/ (the target's plugin set), plugins/ (empty)
stage_payload() {
  local target=$1 dest=$2 jar a
  mkdir -p "$dest/lib" "$dest/modules" "$dest/plugins"
  read -r -a set < "$dist/$target/plugins.txt"
  for jar in "$lib"/*.jar; do
    a=$(artifact_of "$jar")
    if is_one_of "$a" $PLUGINS; then
      if is_one_of "$a" "${set[@]}"; then install -m 0644 "$jar" "$dest/modules/"; fi
    elif ! is_one_of "$a" $DEV_ONLY; then
      install -m 0644 "$jar" "$dest/lib/"
    fi
  done
  for a in "${set[@]}"; do
    [ -f "$dest/modules/$a-$version.jar" ] || { echo "package.sh: plugin $a of $target not built" >&2; exit 1; }
  done
  # the class archive's training run (Linux: launcher --refresh-class-archive; Windows: service install /
  # refresh-class-archive): the embedded XenStore, off the module path
  install -D -m 0644 "$lib/xenstore-sim-$version.jar" "$dest/training/xenstore-sim-$version.jar"
}

# the man page and the bash completion, generated from the CLI model of the packaged module path
# (man/generate-docs.sh; without asciidoctor outside CI no page is shipped)
docs=$work/docs
gen_docs() {
  bash "$dist/man/generate-docs.sh" "$lib" "$pkgversion" "$docs"
}

# stage_linux TARGET ROOT SYSTEMD_DIR: payload, launcher, config, unit, man page and bash completion
stage_linux() {
  local target=$1 root=$2 unitdir=$3
  stage_payload "$target" "$root/usr/lib/nova-agent"
  chmod 0755 "$root/usr/lib/nova-agent/plugins"
  install -D -m 0755 "$dist/linux-root/usr/sbin/nova-agent" "$root/usr/sbin/nova-agent"
  install -D -m 0644 "$dist/linux-root/etc/nova-agent/agent.conf" "$root/etc/nova-agent/agent.conf"
  install -D -m 0644 "$dist/linux-root/lib/systemd/system/nova-agent.service" "$root$unitdir/nova-agent.service"
  # the takeover's restore hook (network-common README), run by prerm/%preun on removal
  install -m 0755 "$dist/linux-root/usr/lib/nova-agent/restore-network-config" "$root/usr/lib/nova-agent/"
  install -D -m 0644 "$docs/nova-agent.bash-completion" "$root/usr/share/bash-completion/completions/nova-agent"
  if [ -f "$docs/nova-agent.8" ]; then
    mkdir -p "$root/usr/share/man/man8"
    gzip -9n < "$docs/nova-agent.8" > "$root/usr/share/man/man8/nova-agent.8.gz"
    chmod 0644 "$root/usr/share/man/man8/nova-agent.8.gz"
  fi
}

# fill FILE: the placeholders every template shares
fill() {
  sed -e "s|@VERSION@|$2|g" -e "s|@MAINTAINER@|$MAINTAINER|g" -e "s|@HOMEPAGE@|$HOMEPAGE|g" \
      -e "s|@PLUGINS@|$(sed 's/ /, /g' "$dist/$3/plugins.txt")|g" "$1"
}

build_deb() {
  local target=$1 flavour=$2 network=$3 root=$work/$1/root debversion=$pkgversion-1+$2 doc
  stage_linux "$target" "$root" /lib/systemd/system
  doc=$root/usr/share/doc/nova-agent
  install -D -m 0644 "$top/README.md" "$doc/README.md"
  fill "$dist/deb-common/copyright" "$debversion" "$target" > "$doc/copyright"
  fill "$dist/deb-common/changelog.in" "$debversion" "$target" | gzip -9n > "$doc/changelog.Debian.gz"
  chmod 0644 "$doc/copyright" "$doc/changelog.Debian.gz"
  mkdir -p "$root/DEBIAN"
  (cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
  local size fields
  size=$(du -k -s --apparent-size --exclude=DEBIAN "$root" | cut -f1)
  fields=$(cat "$dist/$target/control.fields")
  fill "$dist/deb-common/control.in" "$debversion" "$target" | \
    sed -e "s|@TARGET@|${flavour^}|" -e "s|@NETWORK@|$network|" -e "s|@SIZE@|$size|" | \
    awk -v fields="$fields" '$0 == "@DEPENDS@" { print fields; next } { print }' > "$root/DEBIAN/control"
  echo /etc/nova-agent/agent.conf > "$root/DEBIAN/conffiles"
  for s in preinst postinst prerm postrm; do install -m 0755 "$dist/deb-common/$s" "$root/DEBIAN/$s"; done
  install -m 0644 "$dist/deb-common/triggers" "$root/DEBIAN/triggers" # a new Java: remake the class archive
  chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/conffiles" "$root/DEBIAN/md5sums"
  find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  dpkg-deb --root-owner-group -Zxz --build "$root" "$out/nova-agent_${debversion}_all.deb" >/dev/null
}

# build_rpm TARGET: rpm-rhel, or rpm-suse (the same spec with suse_version defined: SUSE's dependency names)
build_rpm() {
  local target=$1 top_rpm=$work/$1/rpmbuild defs=()
  [ "$target" = rpm-suse ] && defs=(--define "suse_version 1600")
  mkdir -p "$top_rpm"/{SOURCES,SPECS,BUILD,RPMS,SRPMS}
  stage_linux "$target" "$top_rpm/SOURCES/root" /usr/lib/systemd/system
  install -D -m 0644 "$dist/rpm-rhel/80-nova-agent.preset" "$top_rpm/SOURCES/root/usr/lib/systemd/system-preset/80-nova-agent.preset"
  install -m 0644 "$top/LICENSE" "$top/README.md" "$top_rpm/SOURCES/"
  fill "$dist/rpm-rhel/nova-agent.spec.in" "$pkgversion" "$target" > "$top_rpm/SPECS/nova-agent.spec"
  rpmbuild --quiet --define "_topdir $top_rpm" --define "_build_id_links none" --define "with_manpage $([ -f "$docs/nova-agent.8" ] && echo 1 || echo 0)" \
    --define "use_source_date_epoch_as_buildtime 1" --define "__brp_compress %{nil}" --define "_docdir_fmt %%{NAME}" "${defs[@]}" -bb "$top_rpm/SPECS/nova-agent.spec" >/dev/null
  cp "$top_rpm"/RPMS/noarch/*.rpm "$out/"
}

build_zip() {
  local root=$work/windows/nova-agent
  stage_payload windows "$root"
  install -D -m 0644 "$dist/windows/nova-agent.cmd" "$root/bin/nova-agent.cmd"
  install -D -m 0644 "$dist/windows/install.ps1" "$root/install.ps1"
  install -D -m 0644 "$dist/windows/agent.conf" "$root/conf/agent.conf"
  install -D -m 0644 "$top/README.md" "$root/README.md"
  install -D -m 0644 "$top/LICENSE" "$root/LICENSE"
  (cd "$work/windows" && jar --create --no-manifest --file "$out/nova-agent-${pkgversion}-windows.zip" nova-agent)
}

want=${1:-all}
# have TOOL PACKAGE: a missing tool fails under CI=true, and is skipped with a message elsewhere.
have() {
  command -v "$1" >/dev/null && return 0
  echo "package.sh: $1 is not installed (apt-get install $2)" >&2
  [ "${CI:-}" = true ] && exit 1
  return 1
}
case $want in all|deb|rpm) gen_docs ;; esac
if { [ "$want" = all ] || [ "$want" = deb ]; } && have dpkg-deb dpkg; then
  build_deb deb-debian debian "ifupdown or netplan"
  build_deb deb-ubuntu ubuntu netplan
fi
if { [ "$want" = all ] || [ "$want" = rpm ]; } && have rpmbuild rpm; then build_rpm rpm-rhel; build_rpm rpm-suse; fi
if [ "$want" = all ] || [ "$want" = zip ]; then build_zip; fi
ls -1 "$out"
