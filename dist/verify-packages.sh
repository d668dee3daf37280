#!/usr/bin/env bash
# shellcheck disable=SC2015,SC2012  # ok/bad always succeed, so "check && ok || bad" is if-then-else; ls lists our own files
# dist/verify-packages.sh — check the built packages with the real tools (dpkg-deb, rpm, systemd-analyze),
# then run the installed launcher from the unpacked package against a scratch target root.
# Never installs anything on this machine: packages go into scratch roots only.
# With CI=true a missing tool is a failure; elsewhere it is skipped with a message.
set -euo pipefail
dist=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$dist/target/packages
scratch=$(mktemp -d "${TMPDIR:-/tmp}/nova-agent-pkgtest.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
pass=0; fail=0; skip=0
ok()   { echo "ok   $*"; pass=$((pass+1)); }
bad()  { echo "FAIL $*"; fail=$((fail+1)); }
tool() {
  command -v "$1" >/dev/null && return 0
  if [ "${CI:-}" = true ]; then bad "$1 is not installed (CI=true)"; else echo "skip $1 is not installed"; skip=$((skip+1)); fi
  return 1
}
expect_modules() { # DIR TARGET
  local want have
  want=$(tr ' ' '\n' < "$dist/$2/plugins.txt" | sed '/^$/d' | sort | tr '\n' ' ')
  have=$(ls "$1" | sed 's/-[0-9][0-9.]*\.jar$//' | sort | tr '\n' ' ')
  [ "$want" = "$have" ] && ok "$2: plugin set is [$want]" || bad "$2: plugin set [$have], expected [$want]"
}
fake_root() { # DIR ID ID_LIKE VERSION
  mkdir -p "$1/etc" "$1/usr/sbin"
  printf 'ID=%s\nID_LIKE="%s"\nVERSION_ID="%s"\n' "$2" "$3" "$4" > "$1/etc/os-release"
}
run_installed() { # ROOT TARGET OSROOT EXPECTED-COMMAND...
  local pkgroot=$1 home=$1/usr/lib/nova-agent target=$2 osroot=$3; shift 3
  local list
  if ! list=$(NOVA_AGENT_HOME=$home "$pkgroot/usr/sbin/nova-agent" plugins list --root "$osroot" --plugins-dir "$home/plugins" --allow-insecure-plugins-dir 2>"$scratch/err"); then
    bad "$target: installed 'nova-agent plugins list' failed: $(cat "$scratch/err")"; return
  fi
  for c in "$@"; do
    grep -Eq "^${c}[[:space:]].*selected" <<<"$list" && ok "$target: '$c' is selected" || bad "$target: '$c' not selected in: $list"
  done
}
verify_unit() { # ROOT UNITDIR TARGET
  mkdir -p "$1/usr/lib/systemd"
  cp -a /lib/systemd/system "$1/usr/lib/systemd/" 2>/dev/null || true
  local msg
  if msg=$(systemd-analyze verify --root="$1" "$2/nova-agent.service" 2>&1) && [ -z "$msg" ]; then
    ok "$3: systemd-analyze verify nova-agent.service"
  else bad "$3: systemd-analyze verify: $msg"; fi
  grep -q '^After=.*xe-linux-distribution.service' "$1$2/nova-agent.service" && ok "$3: unit ordered after the Xen guest tools" || bad "$3: unit not ordered after xe-linux-distribution"
}

for flavour in debian ubuntu; do
  deb=$(ls "$out"/nova-agent_*+${flavour}_all.deb 2>/dev/null | head -1)
  tool dpkg-deb || continue
  [ -n "$deb" ] || { bad "no $flavour .deb in $out"; continue; }
  dpkg-deb -f "$deb" Package Depends | grep -q 'openjdk-17-jre-headless' && ok "$flavour: depends on a Java 17 runtime" || bad "$flavour: control"
  r=$scratch/deb-$flavour; dpkg-deb -x "$deb" "$r"
  [ "$(dpkg-deb -c "$deb" | awk '$6 ~ /usr\/sbin\/nova-agent$/ {print $1}')" = "-rwxr-xr-x" ] && ok "$flavour: launcher is 0755" || bad "$flavour: launcher mode"
  dpkg-deb -c "$deb" | awk '$6 ~ /plugins\/$/ {print $1, $2}' | grep -q '^drwxr-xr-x root/root' && ok "$flavour: plugins dir root-owned 0755" || bad "$flavour: plugins dir"
  expect_modules "$r/usr/lib/nova-agent/modules" deb-$flavour
  if tool dpkg; then
    d=$scratch/dpkgroot-$flavour; mkdir -p "$d/var/lib/dpkg/info" "$d/var/lib/dpkg/updates" "$d/var/lib/dpkg/triggers"; touch "$d/var/lib/dpkg/status" "$d/var/lib/dpkg/available"
    if dpkg --root="$d" --force-depends --force-script-chrootless --log=/dev/null -i "$deb" >"$scratch/dpkg.log" 2>&1 && \
       dpkg --root="$d" -s nova-agent 2>/dev/null | grep -q '^Status: install ok installed'; then ok "$flavour: dpkg --root install"; else bad "$flavour: dpkg --root install: $(cat "$scratch/dpkg.log")"; fi
  fi
  if tool systemd-analyze; then verify_unit "$r" /lib/systemd/system "$flavour"; fi
  os=$scratch/os-$flavour
  if [ $flavour = debian ]; then
    fake_root "$os" debian "" 12; mkdir -p "$os/etc/network/interfaces.d"; echo 'source /etc/network/interfaces.d/*' > "$os/etc/network/interfaces"
    for b in ifup ifdown ip; do : > "$os/usr/sbin/$b"; chmod 755 "$os/usr/sbin/$b"; done
    run_installed "$r" "$flavour" "$os" password keyinit resetnetwork version features
  else
    fake_root "$os" ubuntu debian 24.04; mkdir -p "$os/etc/netplan"; : > "$os/usr/sbin/netplan"; chmod 755 "$os/usr/sbin/netplan"
    run_installed "$r" "$flavour" "$os" password keyinit resetnetwork version features
  fi
done

rpmf=$(ls "$out"/nova-agent-*.noarch.rpm 2>/dev/null | head -1)
if ! tool rpmbuild; then :
elif [ -z "$rpmf" ]; then bad "no .rpm in $out"
elif tool rpm; then
  rpm -qp --requires "$rpmf" 2>/dev/null | grep -q 'java-17-openjdk-headless' && ok "rpm: requires a Java 17 runtime" || bad "rpm: requires"
  rr=$scratch/rpmroot; mkdir -p "$rr"
  if rpm --root "$rr" --initdb && rpm --root "$rr" -i --nodeps --noscripts "$rpmf" 2>"$scratch/rpm.log" && rpm --root "$rr" -q nova-agent >/dev/null 2>&1; then ok "rpm: rpm --root install"; else bad "rpm: install: $(cat "$scratch/rpm.log")"; fi
  rpm -qp --configfiles "$rpmf" 2>/dev/null | grep -q '^/etc/nova-agent/agent.conf$' && ok "rpm: agent.conf is a config file" || bad "rpm: config files"
  expect_modules "$rr/usr/lib/nova-agent/modules" rpm-rhel
  if tool systemd-analyze; then verify_unit "$rr" /usr/lib/systemd/system rpm; fi
  os=$scratch/os-rhel; fake_root "$os" rhel "fedora" 9.4; mkdir -p "$os/etc/sysconfig/network-scripts" "$os/etc/NetworkManager"; : > "$os/usr/sbin/nmcli"; chmod 755 "$os/usr/sbin/nmcli"
  run_installed "$rr" rpm "$os" password keyinit resetnetwork version features
fi

zipf=$(ls "$out"/nova-agent-*-windows.zip 2>/dev/null | head -1)
if [ -z "$zipf" ]; then bad "no windows zip in $out"; else
  w=$scratch/win; mkdir -p "$w"; (cd "$w" && jar --extract --file "$zipf")
  [ -f "$w/nova-agent/bin/nova-agent.cmd" ] && ok "windows: zip has bin/nova-agent.cmd" || bad "windows: launcher missing"
  expect_modules "$w/nova-agent/modules" windows
fi

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
