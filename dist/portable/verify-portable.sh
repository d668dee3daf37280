#!/usr/bin/env bash
# Builds the portable tarball (make-tarball.sh) and proves it: install.sh into a systemd (Arch), two
# OpenRC (Alpine, Gentoo) and an rc.d (FreeBSD) scratch root detects the init system from the root's files,
# lays the agent out and enables it offline; the installed launcher's 'plugins list --root' then
# selects that platform's resetnetwork plugin. It also checks the other packagers' recipes with
# what Debian ships: makepkg --printsrcinfo (PKGBUILD), sh/bash parsing and sourcing (APKBUILD,
# ebuild), bmake with a stand-in bsd.port.mk (the FreeBSD port Makefile), shellcheck.
# Run by 'mvn verify' (module dist) after verify-packages.sh; CI=true turns a missing tool into a failure.
# ok/bad always succeed, so "check && ok || bad" is the intended if/else; ${VAR} is for bmake, not bash.
# shellcheck disable=SC2015,SC2016
set -euo pipefail
dist=$(cd "$(dirname "$0")/.." && pwd)
top=$(cd "$dist/.." && pwd)
lib=$dist/target/lib
version=$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$top/pom.xml")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
passed=0 failed=0 skipped=0
ok() { echo "ok   $*"; passed=$((passed + 1)); }
bad() { echo "FAIL $*"; failed=$((failed + 1)); }
skip() { if [ "${CI:-}" = true ]; then bad "$* (missing tool, CI=true)"; else echo "skip $*"; skipped=$((skipped + 1)); fi; }
stub() { mkdir -p "$(dirname "$1")"; : > "$1"; chmod 0755 "$1"; }

tarball=$(sh "$dist/portable/make-tarball.sh" "$lib" "$version" "$dist/target/portable")
tar -C "$scratch" -xzf "$tarball"
pkg=$scratch/nova-agent-$version
[ -x "$pkg/install.sh" ] && ok "tarball has install.sh" || bad "tarball lacks install.sh"
compgen -G "$pkg/modules/network-alpine-*.jar" >/dev/null && compgen -G "$pkg/modules/network-gentoo-*.jar" >/dev/null && compgen -G "$pkg/lib/network-common-*.jar" >/dev/null \
  && ! compgen -G "$pkg/lib/agent-host-*.jar" >/dev/null && ok "tarball: every plugin in modules/, no demo jars" || bad "tarball layout"
compgen -G "$pkg/training/xenstore-sim-*.jar" >/dev/null && ! compgen -G "$pkg/lib/xenstore-sim-*.jar" >/dev/null \
  && ok "tarball: training/ holds the class archive's embedded XenStore, lib/ does not" || bad "tarball: training/: $(ls "$pkg/training" 2>&1)"

# selects ROOT HOME MODULE: the installed launcher picks MODULE for resetnetwork on ROOT
selects() {
  local list
  if ! list=$(NOVA_AGENT_HOME=$2 "$1$3" plugins list --root "$1" 2>"$scratch/err"); then
    bad "plugins list on $1 failed: $(cat "$scratch/err")"; return
  fi
  grep -Eq "^resetnetwork +$4 .*selected\$" <<<"$list" && ok "$5: resetnetwork selects $4" || bad "$5: $4 not selected: $list"
}

# systemd (Arch with networkd)
r=$scratch/arch
printf 'NAME="Arch Linux"\nID=arch\nBUILD_ID=rolling\n' | install -D /dev/stdin "$r/etc/os-release"
stub "$r/usr/lib/systemd/systemd"; stub "$r/usr/lib/systemd/systemd-networkd"; stub "$r/usr/bin/networkctl"
mkdir -p "$r/etc/systemd/system/multi-user.target.wants"
ln -s /usr/lib/systemd/system/systemd-networkd.service "$r/etc/systemd/system/multi-user.target.wants/systemd-networkd.service"
if command -v systemctl >/dev/null; then
  out=$(sh "$pkg/install.sh" --root "$r" 2>&1) && grep -q "init: systemd" <<<"$out" && ok "arch: install.sh detects systemd" || bad "arch: $out"
  grep -q "on the guest, 'nova-agent --refresh-class-archive' makes the class archive" <<<"$out" \
    && compgen -G "$r/usr/lib/nova-agent/training/xenstore-sim-*.jar" >/dev/null && ! [ -e "$r/var/cache/nova-agent" ] \
    && ok "arch: training/ installed; no class archive made for a --root install (its Java is the guest's), the hint given" \
    || bad "arch: class archive hint or training/: $out"
  [ -f "$r/usr/lib/systemd/system/nova-agent.service" ] && grep -q "^ExecStart=/usr/sbin/nova-agent run --config /etc/nova-agent/agent.conf" \
    "$r/usr/lib/systemd/system/nova-agent.service" && ok "arch: unit installed" || bad "arch: unit missing"
  [ -L "$r/etc/systemd/system/multi-user.target.wants/nova-agent.service" ] && ok "arch: enabled offline (systemctl --root)" \
    || bad "arch: not enabled"
  selects "$r" "$r/usr/lib/nova-agent" /usr/sbin/nova-agent org.novaagent.plugin.network.networkd arch
else
  skip "arch: systemctl missing"
fi

# OpenRC (Alpine)
r=$scratch/alpine
printf 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\n' | install -D /dev/stdin "$r/etc/os-release"
stub "$r/sbin/openrc-run"; stub "$r/sbin/openrc"; stub "$r/sbin/ifup"
out=$(sh "$pkg/install.sh" --root "$r" 2>&1) && grep -q "init: openrc" <<<"$out" && ok "alpine: install.sh detects OpenRC" || bad "alpine: $out"
grep -q '^command="/usr/sbin/nova-agent"' "$r/etc/init.d/nova-agent" && grep -q '^supervisor="supervise-daemon"' "$r/etc/init.d/nova-agent" \
  && ok "alpine: init.d script installed" || bad "alpine: init.d script"
[ "$(readlink "$r/etc/runlevels/default/nova-agent")" = /etc/init.d/nova-agent ] && ok "alpine: in the default runlevel" || bad "alpine: not enabled"
selects "$r" "$r/usr/lib/nova-agent" /usr/sbin/nova-agent org.novaagent.plugin.network.alpine alpine

# OpenRC (Gentoo with netifrc)
r=$scratch/gentoo
printf 'NAME=Gentoo\nID=gentoo\nVERSION_ID=2.17\n' | install -D /dev/stdin "$r/etc/os-release"
stub "$r/sbin/openrc-run"; stub "$r/sbin/openrc"; stub "$r/sbin/rc-service"; stub "$r/sbin/rc-update"; stub "$r/etc/init.d/net.lo"
out=$(sh "$pkg/install.sh" --root "$r" 2>&1) && grep -q "init: openrc" <<<"$out" && ok "gentoo: install.sh detects OpenRC" || bad "gentoo: $out"
[ "$(readlink "$r/etc/runlevels/default/nova-agent")" = /etc/init.d/nova-agent ] && ok "gentoo: in the default runlevel" || bad "gentoo: not enabled"
selects "$r" "$r/usr/lib/nova-agent" /usr/sbin/nova-agent org.novaagent.plugin.network.gentoo gentoo

# FreeBSD rc.d
r=$scratch/freebsd
printf 'NAME=FreeBSD\nID=freebsd\nVERSION_ID=14.1\n' | install -D /dev/stdin "$r/etc/os-release"
: > "$r/etc/rc.subr"; mkdir -p "$r/etc/rc.d"; stub "$r/usr/sbin/service"; stub "$r/sbin/ifconfig"
out=$(sh "$pkg/install.sh" --root "$r" 2>&1) && grep -q "init: rc.d" <<<"$out" && ok "freebsd: install.sh detects rc.d" || bad "freebsd: $out"
grep -q "/usr/local/sbin/nova-agent run" "$r/usr/local/etc/rc.d/nova_agent" && [ -f "$r/usr/local/etc/nova-agent/agent.conf" ] \
  && ok "freebsd: rc.d script and config under /usr/local" || bad "freebsd: rc.d layout"
grep -qx 'nova_agent_enable="YES"' "$r/etc/rc.conf.d/nova_agent" && ok "freebsd: enabled in rc.conf.d" || bad "freebsd: not enabled"
selects "$r" "$r/usr/local/lib/nova-agent" /usr/local/sbin/nova-agent org.novaagent.plugin.network.freebsd freebsd

# docs: man -l renders the installed page; the completion is valid bash (Alpine under /usr, FreeBSD under /usr/local)
docs() { # ROOT PREFIX NAME
  local page=$1$2/share/man/man8/nova-agent.8.gz comp=$1$2/share/bash-completion/completions/nova-agent
  if [ -f "$comp" ] && bash -n "$comp"; then ok "$3: bash completion in $2/share/bash-completion/completions"; else bad "$3: no valid $comp"; fi
  if ! command -v asciidoctor >/dev/null || ! command -v man >/dev/null; then skip "$3: man page (asciidoctor or man is not installed)"
  elif [ -f "$page" ] && MANWIDTH=100 man -l "$page" 2>/dev/null | grep -q '^ *nova-agent doctor$'; then ok "$3: man -l renders $2/share/man/man8/nova-agent.8.gz"
  else bad "$3: man page $page missing or without its doctor section"; fi
}
docs "$scratch/alpine" /usr alpine
docs "$scratch/freebsd" /usr/local freebsd

# nothing recognisable
mkdir -p "$scratch/bare"
if sh "$pkg/install.sh" --root "$scratch/bare" >/dev/null 2>"$scratch/err"; then bad "bare root: install.sh should refuse"
else grep -q "use --init" "$scratch/err" && ok "bare root: refused with a hint" || bad "bare root: $(cat "$scratch/err")"; fi

# recipes
rec=$dist/recipes
if command -v shellcheck >/dev/null; then
  shellcheck -S info "$rec/alpine/APKBUILD" "$rec/alpine/nova-agent.post-install" "$rec/alpine/nova-agent.post-upgrade" "$rec/arch/PKGBUILD" "$rec/arch/nova-agent.install" \
    "$rec/gentoo/nova-agent-$version.ebuild" "$dist/portable/install.sh" "$dist/portable/make-tarball.sh" \
    && ok "recipes and scripts: shellcheck clean" || bad "recipes: shellcheck"
else skip "shellcheck missing"; fi
v=$(sh -c '. "$1"; printf "%s %s %s" "$pkgname" "$pkgver" "$depends"' sh "$rec/alpine/APKBUILD")
[ "$v" = "nova-agent $version openjdk17-jre-headless ifupdown-ng openrc" ] && ok "APKBUILD sources: $v" || bad "APKBUILD: '$v'"
if command -v makepkg >/dev/null; then
  chmod 0755 "$scratch"; cp -r "$rec/arch" "$scratch/pkgbuild"; chown -R nobody "$scratch/pkgbuild"
  info=$(cd "$scratch/pkgbuild" && setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$scratch/pkgbuild" makepkg --printsrcinfo 2>&1) \
    && grep -q "pkgver = $version" <<<"$info" && grep -q "depends = java-runtime-headless>=17" <<<"$info" \
    && ok "PKGBUILD: makepkg --printsrcinfo" || bad "PKGBUILD: $info"
else skip "makepkg missing (Debian package makepkg)"; fi
e=$(bash -c 'inherit() { :; }; . "$1"; printf "%s|%s|%s" "$EAPI" "$KEYWORDS" "$RDEPEND"' bash "$rec/gentoo/nova-agent-$version.ebuild")
[ "$e" = "8|~amd64 ~arm64|>=virtual/jre-17:*" ] && ok "ebuild sources: $e" || bad "ebuild: '$e'"
if command -v bmake >/dev/null; then
  mkdir -p "$scratch/mk"; : > "$scratch/mk/sys.mk"; echo '# stand-in' > "$scratch/mk/bsd.port.mk"
  d=$(cd "$rec/freebsd" && bmake -m "$scratch/mk" -f Makefile -V '${DISTNAME}' -V '${USES}' -V '${JAVA_VERSION}')
  [ "$d" = "$(printf 'nova-agent-%s-portable\njava\n17+' "$version")" ] && ok "port Makefile: bmake reads it" || bad "port Makefile: $d"
else skip "bmake missing"; fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
