#!/usr/bin/env bash
# shellcheck disable=SC2015,SC2012,SC2016  # check && ok || bad is if-then-else; ls lists our own files; dpkg-query formats are literal
# dist/boot-tests.sh — the slow package proofs (issue #11), run by .ci/run after `mvn -B verify`:
#  1. a Debian 12 root made once with debootstrap (cached in target/boot/cache, copied per test);
#  2. lifecycle as an image builder does it (chroot, apt-get, no systemd running): install
#     (enabled), reinstall, upgrade, disable + upgrade (stays disabled), remove, purge; then the
#     portable tarball's install.sh live in that root (class archive and linked runtime made);
#  3. takeover of nova-agent 2.x: a root holding python3-nova-agent 2.1.25 laid out as 2.x's
#     packaging does (unit python3-nova-agent.service, /usr/bin/nova-agent, enabled) and an RPM
#     root holding 2.x's nova-agent 2.1.25 RPM; then ours is installed;
#  4. RPM scriptlets with rpm --root against the Debian root (it has systemctl): preset, upgrade
#     keeps an admin's disable, erase disables;
#  5. BOOT the taken-over root with systemd-nspawn and a real oxenstored socket at
#     /run/xenstored: the unit is active with READY=1 within seconds, the agent answers version,
#     keyinit+password (the container's /etc/shadow changes) and injectfile into
#     /root/.ssh/authorized_keys under the hardened unit; 2.x's unit stays dead;
#     resetnetwork on a NIC of the container's own network namespace (ifup under the unit), then
#     an upgrade with apt-get inside the booted system restarts the running daemon;
#  6. boot again without XenStore: the boot reaches network-online and multi-user quickly and the
#     unit's status says why the agent is idle;
#  7. boot a root running 2.x and apt-get install ours in it: 2.x is stopped, ours is enabled and
#     started (a fresh install starts the service when systemd runs).
# Needs root, debootstrap, systemd-nspawn, rpm, gcc, oxenstored (xen-utils-4.17) and Debian's archive.
# With CI=true a missing tool fails; elsewhere the script skips with a message.
set -euo pipefail
dist=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(dirname "$dist") # used by boot-probe.sh
export top
work=$dist/target/boot
cache=$work/cache/bookworm
pkgs=$work/packages
mirror=$(sed -n 's/^URIs: *\(http[^ ]*debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
mirror=${mirror:-http://deb.debian.org/debian}
pass=0; fail=0
ok()  { echo "ok   $*"; pass=$((pass+1)); }
bad() { echo "FAIL $*"; fail=$((fail+1)); }
need() {
  command -v "$1" >/dev/null || [ -x "$1" ] && return 0
  echo "boot-tests: $1 is not installed ($2)" >&2
  if [ "${CI:-}" = true ]; then exit 1; fi
  echo "boot-tests: skipped"; exit 0
}
[ "$(id -u)" = 0 ] || { echo "boot-tests: needs root" >&2; [ "${CI:-}" = true ] && exit 1; exit 0; }
need debootstrap debootstrap; need systemd-nspawn systemd-container; need rpm rpm; need gcc gcc
need /usr/lib/xen-4.17/bin/oxenstored xen-utils-4.17; need java openjdk-17-jdk-headless
built=${NOVA_AGENT_PACKAGES:-$dist/target/packages} # the packages under test (default: mvn verify's)
deb=$(ls "$built"/nova-agent_*+debian_all.deb 2>/dev/null | head -1)
rpmf=$(ls "$built"/nova-agent-*[0-9].noarch.rpm 2>/dev/null | head -1)  # not the SUSE build
[ -n "$deb" ] && [ -n "$rpmf" ] || { echo "boot-tests: run 'mvn -B verify' first (no packages)" >&2; exit 1; }
mkdir -p "$work" "$pkgs"
mounts=()
cleanup() {
  local m
  for m in "${mounts[@]}"; do umount -l "$m" 2>/dev/null || true; done
  if [ -n "${oxs_pid:-}" ]; then kill "$oxs_pid" 2>/dev/null || true; fi
  if [ -n "${netns:-}" ]; then ip netns del "$netns" 2>/dev/null || true; fi
}
trap cleanup EXIT

# in_root ROOT CMD...: run CMD chrooted, with /proc, as an image builder does (no systemd running)
in_root() {
  local r=$1; shift
  mount -t proc proc "$r/proc"; mounts+=("$r/proc")
  local rc=0
  chroot "$r" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LC_ALL=C "$@" || rc=$?
  umount "$r/proc"
  return $rc
}
apt_in() { in_root "$1" apt-get -y -q -o Dpkg::Use-Pty=0 "${@:2}" >>"$work/apt.log" 2>&1; }
enabled() { in_root "$1" systemctl is-enabled "$2" 2>/dev/null || true; }
fresh() { rm -rf "${work:?}/$1"; cp -a "$cache" "$work/$1"; echo "$work/$1"; }

# --- 0. packages: ours, two version bumps, and fakes of 2.x laid out like its packaging ---
for v in 3.0.1 3.0.2; do
  NOVA_AGENT_PKG_VERSION=$v NOVA_AGENT_PKG_OUT=$pkgs/$v bash "$dist/package.sh" >/dev/null
done
bash "$dist/fake-2x.sh" "$pkgs/2x" >/dev/null

# --- 1. the cached Debian 12 root, with the archive's packages ours needs downloaded once ---
if [ ! -f "$cache/.ready" ]; then
  rm -rf "$cache.new"; mkdir -p "$(dirname "$cache")"
  debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus bookworm "$cache.new" "$mirror" >"$work/debootstrap.log" 2>&1
  cp "$deb" "$cache.new/tmp/nova-agent.deb"
  apt_in "$cache.new" update && apt_in "$cache.new" install --download-only /tmp/nova-agent.deb
  rm -f "$cache.new/tmp/nova-agent.deb"; touch "$cache.new/.ready"
  rm -rf "$cache"; mv "$cache.new" "$cache"
fi
ok "Debian 12 root ready ($cache)"

# --- 2. lifecycle in a chroot, no systemd running ---
r=$(fresh lifecycle)
cp "$deb" "$r/tmp/a.deb"; cp "$pkgs"/3.0.1/*debian_all.deb "$r/tmp/b.deb"; cp "$pkgs"/3.0.2/*debian_all.deb "$r/tmp/c.deb"
[ ! -d "$r/run/systemd/system" ] && ok "lifecycle: no systemd running in the root" || bad "lifecycle: /run/systemd/system exists"
apt_in "$r" install /tmp/a.deb && [ "$(enabled "$r" nova-agent.service)" = enabled ] && ok "lifecycle: apt-get install ./deb: enabled" || bad "lifecycle: install: $(enabled "$r" nova-agent.service)"
in_root "$r" dpkg -s ifupdown passwd iproute2 openjdk-17-jre-headless >/dev/null 2>&1 && ok "lifecycle: Depends pulled in ifupdown, passwd, iproute2, Java 17" || bad "lifecycle: dependencies missing"
[ "$(in_root "$r" /usr/sbin/nova-agent version 2>/dev/null)" = 3.0.0 ] && ok "lifecycle: the launcher runs on the packaged Java: version 3.0.0" || bad "lifecycle: nova-agent version"
# issue #14: the postinst made the class archive for the packaged Java, and the launcher maps it
jsa=$r/var/cache/nova-agent/classes.jsa
[ -s "$jsa" ] && [ "$(cat "$jsa.size" 2>/dev/null)" = "$(wc -c <"$jsa")" ] \
  && in_root "$r" env NOVA_AGENT_JAVA_OPTS=-Xlog:class+load /usr/sbin/nova-agent version 2>/dev/null \
     | grep -q 'org.novaagent.runtime.cli.Main source: shared objects file' \
  && ok "lifecycle: postinst made the class archive; the launcher loads the agent's classes from it" \
  || bad "lifecycle: class archive: $(ls -l "$r/var/cache/nova-agent" 2>&1)"
# and, apt having installed the recommended JDK and binutils, linked the runtime the next start runs on
in_root "$r" dpkg -s openjdk-17-jdk-headless binutils >/dev/null 2>&1 \
  && [ "$(in_root "$r" env NOVA_AGENT_JAVA_OPTS=-XshowSettings:properties /usr/sbin/nova-agent version 2>&1 | sed -n 's/^ *java.home = //p')" \
       = /var/cache/nova-agent/runtime ] \
  && ok "lifecycle: Recommends pulled in the JDK; postinst linked the runtime and the launcher starts from it ($(du -sm "$r/var/cache/nova-agent/runtime" | cut -f1) MB)" \
  || bad "lifecycle: linked runtime: $(ls -l "$r/var/cache/nova-agent" 2>&1)"
apt_in "$r" install --reinstall /tmp/a.deb && [ "$(enabled "$r" nova-agent.service)" = enabled ] && ok "lifecycle: reinstall: enabled" || bad "lifecycle: reinstall"
apt_in "$r" install /tmp/b.deb && [ "$(enabled "$r" nova-agent.service)" = enabled ] && [ "$(in_root "$r" /usr/sbin/nova-agent version 2>/dev/null)" = 3.0.0 ] \
  && in_root "$r" dpkg-query -W -f='${Version}' nova-agent | grep -q '^3.0.1-1' && ok "lifecycle: upgrade to 3.0.1: enabled" || bad "lifecycle: upgrade"
in_root "$r" systemctl disable nova-agent.service >/dev/null 2>&1
apt_in "$r" install /tmp/c.deb && [ "$(enabled "$r" nova-agent.service)" = disabled ] && ok "lifecycle: disable, upgrade to 3.0.2: still disabled" || bad "lifecycle: admin's disable lost: $(enabled "$r" nova-agent.service)"
in_root "$r" systemctl enable nova-agent.service >/dev/null 2>&1
# what a resetnetwork takeover leaves (network-common README): cloud-init's file neutralised with
# its original kept, and the cloud-init drop-in; removing the package gives them back
mkdir -p "$r/etc/network/interfaces.d" "$r/etc/cloud/cloud.cfg.d" "$r/var/lib/nova-agent/backup/taken-over/etc/network/interfaces.d"
printf 'auto eth0\niface eth0 inet dhcp\n' > "$r/var/lib/nova-agent/backup/taken-over/etc/network/interfaces.d/50-cloud-init"
printf '# disabled by nova-agent: auto eth0\n# disabled by nova-agent: iface eth0 inet dhcp\n' > "$r/etc/network/interfaces.d/50-cloud-init"
printf '# generated by nova-agent, do not edit\nnetwork: {config: disabled}\n' > "$r/etc/cloud/cloud.cfg.d/99-nova-agent-network.cfg"
apt_in "$r" remove nova-agent || bad "lifecycle: apt-get remove failed"
[ ! -e "$r/etc/cloud/cloud.cfg.d/99-nova-agent-network.cfg" ] && grep -qx 'iface eth0 inet dhcp' "$r/etc/network/interfaces.d/50-cloud-init" \
  && ok "lifecycle: remove runs restore-network-config: cloud-init's file is back, the drop-in is gone" || bad "lifecycle: restore on remove: $(cat "$r/etc/network/interfaces.d/50-cloud-init")"
[ ! -e "$r/usr/sbin/nova-agent" ] && [ -f "$r/etc/nova-agent/agent.conf" ] && [ "$(enabled "$r" nova-agent.service)" = masked ] \
  && [ ! -e "$r/var/cache/nova-agent" ] \
  && ok "lifecycle: remove: program gone, config kept, unit masked, class archive gone" || bad "lifecycle: remove: $(enabled "$r" nova-agent.service)"
apt_in "$r" purge nova-agent && [ ! -e "$r/etc/nova-agent" ] && [ -z "$(find "$r/etc/systemd" -name 'nova-agent*')" ] \
  && ! in_root "$r" dpkg-query -W nova-agent >/dev/null 2>&1 && ok "lifecycle: purge: no config, no unit links, unknown to dpkg" || bad "lifecycle: purge"
# the portable tarball's install.sh on a live system (here the chroot, where the JDK stayed): it makes
# the class archive and the linked runtime for that system's Java, and the launcher starts from it
tarball=$(ls "$dist"/target/portable/nova-agent-*-portable.tar.gz 2>/dev/null | head -1)
[ -n "$tarball" ] || tarball=$(sh "$dist/portable/make-tarball.sh" "$dist/target/lib" 3.0.0 "$work/portable")
tar -C "$r/tmp" -xzf "$tarball"
out=$(in_root "$r" sh -c 'sh /tmp/nova-agent-*/install.sh --init none' 2>&1) \
  && grep -q "made the class archive" <<<"$out" && [ -s "$r/var/cache/nova-agent/classes.jsa" ] \
  && [ "$(in_root "$r" env NOVA_AGENT_JAVA_OPTS=-XshowSettings:properties /usr/sbin/nova-agent version 2>&1 | sed -n 's/^ *java.home = //p')" \
       = /var/cache/nova-agent/runtime ] \
  && ok "portable: install.sh on the live system made the class archive and the runtime; the launcher starts from it" \
  || bad "portable: live install.sh: $out $(ls -l "$r/var/cache/nova-agent" 2>&1)"

# --- 3. takeover of 2.x (Debian: python3-nova-agent) ---
t=$(fresh takeover)
cp "$pkgs"/2x/python3-nova-agent_2.1.25_all.deb "$t/tmp/old.deb"; cp "$deb" "$t/tmp/new.deb"
apt_in "$t" install /tmp/old.deb && [ "$(enabled "$t" python3-nova-agent.service)" = enabled ] && ok "takeover: 2.x installed and enabled as 2.x's packaging does" || bad "takeover: 2.x setup"
apt_in "$t" install /tmp/new.deb && ok "takeover: apt-get install ./ours over 2.x" || bad "takeover: install"
[ ! -e "$t/usr/bin/nova-agent" ] && [ ! -e "$t/etc/systemd/system/multi-user.target.wants/python3-nova-agent.service" ] \
  && ! in_root "$t" dpkg-query -W -f='${db:Status-Status}' python3-nova-agent 2>/dev/null | grep -q '^installed' \
  && [ "$(enabled "$t" nova-agent.service)" = enabled ] && ok "takeover: 2.x removed, its unit no longer wanted, ours enabled" \
  || bad "takeover: $(ls "$t"/etc/systemd/system/multi-user.target.wants/) $(enabled "$t" nova-agent.service)"

# --- 4. RPM scriptlets against a root with systemctl (EL's 'disable *' preset added) ---
q=$(fresh rpmroot)
mkdir -p "$q/usr/lib/systemd/system-preset"; echo 'disable *' > "$q/usr/lib/systemd/system-preset/99-default-disable.preset"
rpmr() { rpm --root "$q" --nodeps "$@" >>"$work/rpm.log" 2>&1; }
rpm --root "$q" --initdb
rpmr -i "$pkgs/2x/nova-agent-2.1.25-1.noarch.rpm"; in_root "$q" systemctl enable nova-agent.service >/dev/null 2>&1
rpmr -U "$rpmf" && [ ! -e "$q/usr/bin/nova-agent" ] && grep -q '^ExecStart=/usr/sbin/nova-agent run' "$q/usr/lib/systemd/system/nova-agent.service" \
  && [ "$(enabled "$q" nova-agent.service)" = enabled ] && [ ! -e "$q/var/lib/rpm-state/nova-agent" ] && ok "rpm: rpm -U over 2.x 2.1.25: 2.x's files gone, our unit, still enabled" || bad "rpm: takeover of 2.x"
rpmr -e nova-agent && [ "$(enabled "$q" nova-agent.service)" != enabled ] && [ ! -e "$q/usr/share/doc/nova-agent" ] && ok "rpm: rpm -e: disabled, no doc dir" || bad "rpm: erase"
rpmr -i "$rpmf" && [ "$(enabled "$q" nova-agent.service)" = enabled ] && ok "rpm: fresh install: enabled by preset over 'disable *'" || bad "rpm: fresh install: $(enabled "$q" nova-agent.service)"
in_root "$q" systemctl disable nova-agent.service >/dev/null 2>&1
rpmr -U "$pkgs"/3.0.1/nova-agent-3.0.1-1.noarch.rpm && [ "$(enabled "$q" nova-agent.service)" = disabled ] && ok "rpm: disable, upgrade to 3.0.1: still disabled" || bad "rpm: admin's disable lost"

# --- 5./6. boot the taken-over root with and without XenStore ---
# shellcheck source=dist/boot-probe.sh
source "$dist/boot-probe.sh"
boot_with_xenstore "$t" "$(ls "$pkgs"/3.0.1/*debian_all.deb)"
boot_without_xenstore "$t"
l=$(fresh live)
cp "$pkgs"/2x/python3-nova-agent_2.1.25_all.deb "$l/tmp/old.deb"
apt_in "$l" install /tmp/old.deb
boot_takeover_live "$l" "$deb"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
