#!/usr/bin/env bash
# shellcheck disable=SC2015,SC2012  # ok/bad always succeed, so "check && ok || bad" is if-then-else; ls lists our own files
# dist/verify-packages.sh — check the built packages with the real tools (dpkg-deb, dpkg --root and
# rpm --root with their maintainer scripts, lintian, rpmlint, systemd-analyze), then run the installed
# launcher from the unpacked package against a scratch target root. The slow proofs (debootstrap,
# apt-get, booting the package with systemd-nspawn) are in boot-tests.sh.
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
expect_modules() { # DIR TARGET: modules/ holds exactly the plugin set, lib/ no plugin at all
  local want have stray
  stray=$(ls "$1/../lib" 2>/dev/null | sed 's/-[0-9][0-9.]*\.jar$//' | grep -Fx -f <(find "$dist/../plugins" -mindepth 1 -maxdepth 1 -type d ! -name network-common -printf '%f\n') || true)
  [ -z "$stray" ] && ok "$2: no plugin module in lib/" || bad "$2: plugin modules in lib/: $stray"
  want=$(tr ' ' '\n' < "$dist/$2/plugins.txt" | sed '/^$/d' | sort | tr '\n' ' ')
  have=$(ls "$1" | sed 's/-[0-9][0-9.]*\.jar$//' | sort | tr '\n' ' ')
  [ "$want" = "$have" ] && ok "$2: plugin set is [$want]" || bad "$2: plugin set [$have], expected [$want]"
}
expect_indexed() { # HOME TARGET: every modular jar records its packages (index-modules.sh); the training jar is off the module path
  local m
  if m=$(bash "$dist/index-modules.sh" --check "$1/lib" && bash "$dist/index-modules.sh" --check "$1/modules"); then
    ok "$2: every modular jar in lib/ and modules/ records its packages (ModulePackages)"
  else bad "$2: $m"; fi
  if m=$(bash "$dist/modularize.sh" --check "$1/lib" 2>&1 && bash "$dist/modularize.sh" --check "$1/modules" 2>&1); then
    ok "$2: no automatic module in lib/ or modules/ (jlink can link them: modularize.sh)"
  else bad "$2: $m"; fi
  [ "$(ls "$1/training")" = "$(cd "$dist/target/lib" && ls xenstore-sim-*.jar)" ] && ! ls "$1"/lib/xenstore-sim-* >/dev/null 2>&1 \
    && ok "$2: training/ holds the class archive's embedded XenStore, lib/ does not" || bad "$2: training/: $(ls "$1/training" 2>&1)"
}
check_archive() { # PKGROOT: the installed launcher's --refresh-class-archive trains on the shipped training/ jar
  local a=$scratch/archive/classes.jsa dict
  if ! NOVA_AGENT_HOME=$1/usr/lib/nova-agent NOVA_AGENT_CLASS_ARCHIVE=$a "$1/usr/sbin/nova-agent" --refresh-class-archive >"$scratch/refresh.log" 2>&1; then
    bad "class archive: --refresh-class-archive failed: $(tail -5 "$scratch/refresh.log")"; return
  fi
  dict=$(NOVA_AGENT_HOME=$1/usr/lib/nova-agent NOVA_AGENT_CLASS_ARCHIVE=$a NOVA_AGENT_JAVA_OPTS="-XX:+PrintSharedArchiveAndExit -XX:+PrintSharedDictionary" "$1/usr/sbin/nova-agent" version 2>&1 || true)
  grep -q ' org.novaagent.runtime.protocol.StreamingJson ' <<<"$dict" && ! grep -q ' picocli\.' <<<"$dict" \
    && ok "class archive: made from the training run (a request's JSON classes archived, picocli not): $(wc -c <"$a") bytes" \
    || bad "class archive: not from the training run: $(head -c 400 <<<"$dict")"
  # the same refresh linked the runtime where this machine's Java is a JDK (jlink and jmods beside it)
  local jdk home
  jdk=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  if [ ! -x "$jdk/bin/jlink" ] || [ ! -f "$jdk/jmods/java.base.jmod" ]; then
    ok "linked runtime: not made, $jdk is not a JDK with jmods (the packages recommend one)"; return
  fi
  home=$(NOVA_AGENT_HOME=$1/usr/lib/nova-agent NOVA_AGENT_CLASS_ARCHIVE=$a NOVA_AGENT_JAVA_OPTS=-XshowSettings:properties \
    "$1/usr/sbin/nova-agent" version 2>&1 | sed -n 's/^ *java.home = //p')
  [ "$home" = "$scratch/archive/runtime" ] && [ -f "$home/lib/server/app.jsa" ] \
    && ok "linked runtime: made by the same refresh ($(du -sm "$home" | cut -f1) MB) and used by the next start" \
    || bad "linked runtime: the start ran on '$home', not $scratch/archive/runtime: $(tail -5 "$scratch/refresh.log")"
}
fake_root() { # DIR ID ID_LIKE VERSION
  mkdir -p "$1/etc" "$1/usr/sbin"
  printf 'ID=%s\nID_LIKE="%s"\nVERSION_ID="%s"\n' "$2" "$3" "$4" > "$1/etc/os-release"
}
run_installed() { # ROOT TARGET OSROOT EXPECTED-COMMAND...
  local pkgroot=$1 home=$1/usr/lib/nova-agent target=$2 osroot=$3; shift 3
  local list
  if ! list=$(NOVA_AGENT_HOME=$home "$pkgroot/usr/sbin/nova-agent" plugins list --root "$osroot" --plugins-dir "$home/plugins" 2>"$scratch/err"); then
    bad "$target: installed 'nova-agent plugins list' failed: $(cat "$scratch/err")"; return
  fi
  for c in "$@"; do
    grep -Eq "^${c}[[:space:]].*selected" <<<"$list" && ok "$target: '$c' is selected" || bad "$target: '$c' not selected in: $list"
  done
  NOVA_AGENT_HOME=$home "$pkgroot/usr/sbin/nova-agent" --help 2>&1 | grep -q '^Usage: nova-agent ' && ok "$target: usage says nova-agent" || bad "$target: usage does not say nova-agent"
}
check_docs() { # PKGROOT TARGET: the generated man page and bash completion cover the installed CLI's subcommands
  local r=$1 t=$2 page=$1/usr/share/man/man8/nova-agent.8.gz comp=$1/usr/share/bash-completion/completions/nova-agent
  local subs text missing=
  subs=$(NOVA_AGENT_HOME=$r/usr/lib/nova-agent "$r/usr/sbin/nova-agent" --help 2>/dev/null | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
  [ "$(wc -w <<<"$subs")" -ge 8 ] || { bad "$t: installed --help lists too few subcommands: $subs"; return; }
  if [ ! -f "$comp" ]; then bad "$t: no bash completion $comp"
  elif bash -n "$comp" && [ "$(bash -c "source '$comp'; compopt() { :; }; COMP_WORDS=(nova-agent doc); COMP_CWORD=1
      _complete_nova-agent nova-agent doc nova-agent; echo \"\${COMPREPLY[*]}\"")" = doctor ]; then ok "$t: bash completion is valid bash and completes 'doc' to doctor"
  else bad "$t: bash completion $comp is not valid bash or does not complete 'doc'"; fi
  tool man || return 0
  if [ ! -f "$page" ]; then
    if command -v asciidoctor >/dev/null || [ "${CI:-}" = true ]; then bad "$t: no man page $page"; else echo "skip $t: man page (asciidoctor is not installed)"; skip=$((skip+1)); fi
    return
  fi
  if ! text=$(MANWIDTH=200 man --warnings -l "$page" 2>"$scratch/man.err") || [ -s "$scratch/man.err" ]; then bad "$t: man -l $page: $(cat "$scratch/man.err")"; return; fi
  for c in $subs; do grep -q "^ *nova-agent $c\b" <<<"$text" || missing="$missing $c"; done
  [ -z "$missing" ] && ok "$t: man -l renders nova-agent(8), with a section for each subcommand: $(tr '\n' ' ' <<<"$subs")" || bad "$t: man page lacks subcommands:$missing"
}
# mini_root DIR: /bin/sh, systemctl and the tools the RPM scriptlets use, with their libraries (for rpm --root)
mini_root() {
  local b l
  mkdir -p "$1/bin" "$1/usr/bin" "$1/run" "$1/tmp" "$1/dev"; mknod -m 666 "$1/dev/null" c 1 3
  cp -L "$(command -v sh)" "$1/bin/sh"
  for b in sh systemctl mkdir touch rm; do
    b=$(command -v "$b"); cp -L "$b" "$1/usr/bin/"
    for l in $(ldd "$b" | grep -o '/[^ ]*'); do [ -e "$1$l" ] || cp -L --parents "$l" "$1/"; done
  done
}
enabled_in() { SYSTEMD_OFFLINE=1 systemctl --root="$1" is-enabled nova-agent.service 2>/dev/null || true; }
verify_unit() { # ROOT UNITDIR TARGET
  mkdir -p "$1/usr/lib/systemd"
  cp -a /lib/systemd/system "$1/usr/lib/systemd/" 2>/dev/null || true
  local msg
  if msg=$(systemd-analyze verify --man=no --root="$1" "$2/nova-agent.service" 2>&1) && [ -z "$msg" ]; then
    ok "$3: systemd-analyze verify nova-agent.service"
  else bad "$3: systemd-analyze verify: $msg"; fi
  grep -q '^After=.*xe-linux-distribution.service' "$1$2/nova-agent.service" && ok "$3: unit ordered after the Xen guest tools" || bad "$3: unit not ordered after xe-linux-distribution"
  grep -q '^After=.*NetworkManager.service' "$1$2/nova-agent.service" && ok "$3: unit ordered after NetworkManager and D-Bus" || bad "$3: no NetworkManager ordering"
  local level
  level=$(systemd-analyze security --offline=yes --root="$1" nova-agent.service 2>/dev/null | sed -n 's/.*Overall exposure level for nova-agent.service: \([0-9.]*\).*/\1/p')
  awk -v l="$level" 'BEGIN { exit !(l != "" && l <= 5.0) }' && ok "$3: systemd-analyze security exposure $level (was 9.5 unhardened)" || bad "$3: exposure level '$level' above 5.0"
}

for flavour in debian ubuntu; do
  deb=$(ls "$out"/nova-agent_*+${flavour}_all.deb 2>/dev/null | head -1)
  tool dpkg-deb || continue
  [ -n "$deb" ] || { bad "no $flavour .deb in $out"; continue; }
  deps=$(dpkg-deb -f "$deb" Depends)
  grep -q 'openjdk-17-jre-headless | java17-runtime-headless' <<<"$deps" && ok "$flavour: depends on a Java 17 runtime" || bad "$flavour: Depends: $deps"
  if [ $flavour = debian ]; then want_net='ifupdown | ifupdown2 | netplan.io'; else want_net='netplan.io'; fi
  grep -qF "$want_net" <<<"$deps" && grep -q 'passwd' <<<"$deps" && ok "$flavour: depends on its renderers' tools ($want_net) and chpasswd" || bad "$flavour: Depends: $deps"
  v=$(dpkg-deb -f "$deb" Version)
  dpkg --compare-versions "$v" gt 2.1.25 && ok "$flavour: $v sorts after 2.x's 2.1.25 for dpkg" || bad "$flavour: $v does not sort after 2.1.25"
  [ "$(dpkg-deb -f "$deb" Installed-Size)" -gt 1000 ] && ok "$flavour: Installed-Size $(dpkg-deb -f "$deb" Installed-Size) KiB" || bad "$flavour: Installed-Size"
  if tool lintian; then
    lintian -E "$deb" >"$scratch/lintian.log" 2>&1 || true
    grep -q 'no-manual-page' "$scratch/lintian.log" && bad "$flavour: lintian: $(grep no-manual-page "$scratch/lintian.log")"
    if ! grep -q '^E: ' "$scratch/lintian.log"; then ok "$flavour: lintian: 0 errors ($(grep -c '^W: ' "$scratch/lintian.log") warnings, justified in dist/README.md)"
    else bad "$flavour: lintian: $(grep '^E: ' "$scratch/lintian.log")"; fi
  fi
  r=$scratch/deb-$flavour; dpkg-deb -x "$deb" "$r"
  [ "$(dpkg-deb -c "$deb" | awk '$6 ~ /usr\/sbin\/nova-agent$/ {print $1}')" = "-rwxr-xr-x" ] && ok "$flavour: launcher is 0755" || bad "$flavour: launcher mode"
  dpkg-deb -c "$deb" | awk '$6 ~ /plugins\/$/ {print $1, $2}' | grep -q '^drwxr-xr-x root/root' && ok "$flavour: plugins dir root-owned 0755" || bad "$flavour: plugins dir"
  expect_modules "$r/usr/lib/nova-agent/modules" deb-$flavour
  expect_indexed "$r/usr/lib/nova-agent" "$flavour"
  if [ $flavour = debian ]; then check_archive "$r"; fi
  check_docs "$r" "$flavour"
  if tool dpkg; then
    # maintainer scripts run (chrootless, DPKG_ROOT set) as in an image build: enabled without systemd
    d=$scratch/dpkgroot-$flavour; mkdir -p "$d/var/lib/dpkg/info" "$d/var/lib/dpkg/updates" "$d/var/lib/dpkg/triggers"; touch "$d/var/lib/dpkg/status" "$d/var/lib/dpkg/available"
    dpkgr() { dpkg --root="$d" --force-depends --force-script-chrootless --log=/dev/null "$@" >"$scratch/dpkg.log" 2>&1; }
    if dpkgr -i "$deb" && dpkg --root="$d" -s nova-agent 2>/dev/null | grep -q '^Status: install ok installed'; then ok "$flavour: dpkg --root install"; else bad "$flavour: dpkg --root install: $(cat "$scratch/dpkg.log")"; fi
    [ "$(enabled_in "$d")" = enabled ] && ok "$flavour: enabled after an offline install" || bad "$flavour: is-enabled after install: $(enabled_in "$d")"
    (cd "$d" && md5sum --quiet -c "$d/var/lib/dpkg/info/nova-agent.md5sums") >/dev/null 2>&1 && ok "$flavour: md5sums match the installed files" || bad "$flavour: md5sums"
    [ -f "$d/usr/share/doc/nova-agent/copyright" ] && [ -f "$d/usr/share/doc/nova-agent/changelog.Debian.gz" ] && ok "$flavour: copyright and changelog installed" || bad "$flavour: doc files"
    dpkgr -r nova-agent; [ "$(enabled_in "$d")" = masked ] && [ ! -e "$d/usr/sbin/nova-agent" ] && ok "$flavour: remove: files gone, unit masked until reinstalled (debhelper)" || bad "$flavour: after remove: $(enabled_in "$d")"
    dpkgr -P nova-agent; [ -z "$(find "$d/etc/systemd" -name 'nova-agent*' 2>/dev/null)" ] && [ ! -e "$d/etc/nova-agent" ] && ok "$flavour: purge: no unit symlinks, no config left" || bad "$flavour: after purge: $(find "$d/etc" -name 'nova-agent*')"
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

rpmf=$(ls "$out"/nova-agent-*[0-9].noarch.rpm 2>/dev/null | head -1)  # not the SUSE build (...-1.suse.noarch.rpm)
if ! tool rpmbuild; then :
elif [ -z "$rpmf" ]; then bad "no .rpm in $out"
elif tool rpm; then
  rpm -qp --requires "$rpmf" 2>/dev/null | grep -q 'java-17-openjdk-headless' && ok "rpm: requires a Java 17 runtime" || bad "rpm: requires"
  v=$(rpm -qp --qf '%{VERSION}-%{RELEASE}' "$rpmf" 2>/dev/null)
  [ "$(rpm --eval "%{lua: print(rpm.vercmp('$v', '2.1.25-1'))}")" = 1 ] && ok "rpm: $v sorts after 2.x's 2.1.25-1 for rpm" || bad "rpm: $v does not sort after 2.1.25-1"
  rr=$scratch/rpmroot; mkdir -p "$rr"; mini_root "$rr"
  mkdir -p "$rr/usr/lib/systemd/system-preset"; echo 'disable *' > "$rr/usr/lib/systemd/system-preset/99-default-disable.preset" # EL's default
  # the scriptlets run (chrooted into the root): %post applies the preset offline
  if rpm --root "$rr" --initdb && rpm --root "$rr" -i --nodeps "$rpmf" 2>"$scratch/rpm.log" && rpm --root "$rr" -q nova-agent >/dev/null 2>&1; then ok "rpm: rpm --root install with scriptlets"; else bad "rpm: install: $(cat "$scratch/rpm.log")"; fi
  [ "$(enabled_in "$rr")" = enabled ] && ok "rpm: enabled by its preset over EL's 'disable *'" || bad "rpm: is-enabled after install: $(enabled_in "$rr")"
  rpm --root "$rr" -V --nodeps nova-agent >"$scratch/rpmv.log" 2>&1 && ok "rpm: rpm -V clean" || bad "rpm: rpm -V: $(cat "$scratch/rpmv.log")"
  if tool rpmlint; then
    rpmlint -c "$dist/rpm-rhel/rpmlint.toml" "$rpmf" >"$scratch/rpmlint.log" 2>&1 || true
    errs=$(grep ': E: ' "$scratch/rpmlint.log" | grep -v ': E: no-signature' || true)
    [ -z "$errs" ] && ok "rpm: rpmlint: 0 errors besides no-signature ($(grep -c ': W: ' "$scratch/rpmlint.log") warnings, justified in dist/README.md)" || bad "rpm: rpmlint: $errs"
  fi
  rpm -qp --configfiles "$rpmf" 2>/dev/null | grep -q '^/etc/nova-agent/agent.conf$' && ok "rpm: agent.conf is a config file" || bad "rpm: config files"
  expect_modules "$rr/usr/lib/nova-agent/modules" rpm-rhel
  expect_indexed "$rr/usr/lib/nova-agent" rpm
  check_docs "$rr" rpm
  if tool systemd-analyze; then verify_unit "$rr" /usr/lib/systemd/system rpm; fi
  os=$scratch/os-rhel; fake_root "$os" rhel "fedora" 9.4; mkdir -p "$os/etc/sysconfig/network-scripts" "$os/etc/NetworkManager"; : > "$os/usr/sbin/nmcli"; chmod 755 "$os/usr/sbin/nmcli"
  run_installed "$rr" rpm "$os" password keyinit resetnetwork version features
  rpm --root "$rr" -e nova-agent 2>"$scratch/rpm.log" && [ "$(enabled_in "$rr")" != enabled ] && [ ! -e "$rr/usr/share/doc/nova-agent" ] && [ ! -e "$rr/usr/lib/nova-agent" ] \
    && ok "rpm: rpm -e disables the unit and leaves no doc or lib dir" || bad "rpm: after rpm -e: $(enabled_in "$rr") $(ls -d "$rr"/usr/share/doc/nova-agent "$rr"/usr/lib/nova-agent 2>&1) $(cat "$scratch/rpm.log")"
fi

# The SUSE RPM: the same spec built with suse_version defined (package.sh build_rpm rpm-suse)
suserpm=$(ls "$out"/nova-agent-*.suse.noarch.rpm 2>/dev/null | head -1)
if ! tool rpmbuild; then :
elif [ -z "$suserpm" ]; then bad "no SUSE .rpm in $out"
elif tool rpm; then
  req=$(rpm -qp --requires "$suserpm" 2>/dev/null)
  grep -qx 'shadow' <<<"$req" && grep -qx 'iproute2' <<<"$req" && grep -qx '(wicked or NetworkManager)' <<<"$req" \
    && grep -q 'java-17-openjdk-headless' <<<"$req" && ! grep -Eq '^(shadow-utils|iproute|subscription-manager)$|network-scripts' <<<"$req" \
    && ok "suse rpm: SUSE dependency names (shadow, iproute2, wicked or NetworkManager, Java 17/21)" || bad "suse rpm: requires: $req"
  rpm -qp --recommends "$suserpm" 2>/dev/null | grep -q subscription-manager && bad "suse rpm: recommends subscription-manager" || ok "suse rpm: no RHEL-only recommendation"
  rq=$(rpm -qp --requires "$rpmf" 2>/dev/null)
  grep -qx 'shadow-utils' <<<"$rq" && grep -qx 'iproute' <<<"$rq" && ok "rpm: the RHEL build keeps its names (shadow-utils, iproute)" || bad "rpm: RHEL requires changed: $rq"
  sr=$scratch/suserpmroot; mkdir -p "$sr"; mini_root "$sr"
  if rpm --root "$sr" --initdb && rpm --root "$sr" -i --nodeps "$suserpm" 2>"$scratch/rpm.log"; then ok "suse rpm: rpm --root install with scriptlets"; else bad "suse rpm: install: $(cat "$scratch/rpm.log")"; fi
  [ "$(enabled_in "$sr")" = enabled ] && ok "suse rpm: enabled by its preset" || bad "suse rpm: is-enabled after install: $(enabled_in "$sr")"
  rpm --root "$sr" -V --nodeps nova-agent >"$scratch/rpmv.log" 2>&1 && ok "suse rpm: rpm -V clean" || bad "suse rpm: rpm -V: $(cat "$scratch/rpmv.log")"
  if tool rpmlint; then
    rpmlint -c "$dist/rpm-rhel/rpmlint.toml" "$suserpm" >"$scratch/rpmlint.log" 2>&1 || true
    errs=$(grep ': E: ' "$scratch/rpmlint.log" | grep -v ': E: no-signature' || true)
    [ -z "$errs" ] && ok "suse rpm: rpmlint: 0 errors besides no-signature" || bad "suse rpm: rpmlint: $errs"
  fi
  expect_modules "$sr/usr/lib/nova-agent/modules" rpm-suse
  expect_indexed "$sr/usr/lib/nova-agent" suse-rpm
  check_docs "$sr" suse-rpm
  os=$scratch/os-suse; fake_root "$os" opensuse-leap "suse opensuse" 15.6; mkdir -p "$os/etc/sysconfig/network"; : > "$os/usr/sbin/wicked"; chmod 755 "$os/usr/sbin/wicked"
  run_installed "$sr" suse-rpm "$os" password keyinit resetnetwork version features
  os=$scratch/os-suse16; fake_root "$os" opensuse-leap "suse opensuse" 16.0; mkdir -p "$os/etc/NetworkManager/system-connections" "$os/usr/bin"; : > "$os/usr/bin/nmcli"; chmod 755 "$os/usr/bin/nmcli"
  run_installed "$sr" suse-rpm-nm "$os" resetnetwork
fi

zipf=$(ls "$out"/nova-agent-*-windows.zip 2>/dev/null | head -1)
if [ -z "$zipf" ]; then bad "no windows zip in $out"; else
  w=$scratch/win; mkdir -p "$w"; (cd "$w" && jar --extract --file "$zipf")
  wz=$w/nova-agent
  for f in bin/nova-agent.cmd install.ps1 conf/agent.conf README.md LICENSE; do
    [ -f "$wz/$f" ] && ok "windows: zip has $f" || bad "windows: zip lacks $f"
  done
  [ -d "$wz/plugins" ] && [ -z "$(ls -A "$wz/plugins")" ] && ok "windows: zip has an empty plugins/" || bad "windows: plugins/ missing or not empty"
  ls "$wz/lib"/agent-xenstore-*.jar "$wz/lib"/jnr-ffi-*.jar >/dev/null 2>&1 && ok "windows: lib/ has the XenStore client and jnr-ffi" || bad "windows: lib/ incomplete"
  expect_modules "$wz/modules" windows
  [ "$(ls "$wz/training")" = "$(cd "$dist/target/lib" && ls xenstore-sim-*.jar)" ] && ! ls "$wz"/lib/xenstore-sim-* >/dev/null 2>&1 \
    && ok "windows: training/ holds the class archive's embedded XenStore (service install), lib/ does not" \
    || bad "windows: training/: $(ls "$wz/training" 2>&1)"
  # the launcher's java line: nova.home for 'service install', lib;modules, the runtime's main, all arguments
  grep -Fq '"-Dnova.home=%NOVA_HOME%" --module-path "%NOVA_HOME%\lib;%NOVA_HOME%\modules" --add-modules ALL-MODULE-PATH -m org.novaagent.runtime/org.novaagent.runtime.cli.Main %*' \
    "$wz/bin/nova-agent.cmd" && ok "windows: launcher passes nova.home, the module path and all arguments" || bad "windows: launcher arguments"
  # No PowerShell parser is packaged for Debian: install.ps1 is kept small and reviewed; these checks
  # catch unbalanced brackets/quotes and references to files the zip does not have.
  if python3 "$dist/windows/check-ps1.py" "$wz/install.ps1" "$wz" >"$scratch/ps1.log" 2>&1; then ok "windows: install.ps1 brackets, quotes and zip paths"
  else bad "windows: install.ps1: $(cat "$scratch/ps1.log")"; fi
  # the zip's own jars on this JVM against a Windows-shaped root select the Windows set
  winroot=$scratch/winroot; mkdir -p "$winroot/Windows/System32"
  if list=$(java --module-path "$wz/lib:$wz/modules" --add-modules ALL-MODULE-PATH -m org.novaagent.runtime/org.novaagent.runtime.cli.Main \
      plugins list --root "$winroot" --plugins-dir "$wz/plugins" --allow-insecure-plugins-dir 2>"$scratch/err"); then
    for c in password keyinit kmsactivate resetnetwork version features injectfile file_inject; do
      grep -Eq "^${c}[[:space:]].*selected" <<<"$list" && ok "windows: '$c' is selected on a Windows-shaped root" || bad "windows: '$c' not selected in: $list"
    done
  else bad "windows: 'plugins list' from the zip failed: $(cat "$scratch/err")"; fi
fi

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
