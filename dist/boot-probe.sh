#!/usr/bin/env bash
# shellcheck disable=SC2015,SC2154,SC2034,SC2016  # check && ok || bad is if-then-else; work/top/dist/ok/bad come from boot-tests.sh, which also cleans up oxs_pid and netns
# dist/boot-probe.sh — sourced by boot-tests.sh: boots a root with systemd-nspawn (both flags
# --register=no --keep-unit are needed without a host systemd) and watches it from inside with a
# oneshot unit ordered after nova-agent.service and network-online.target, which writes what
# systemd sees to /probe and powers the container off.

install_probe() { # ROOT PROBEDIR
  local r=$1
  cat > "$r/usr/local/sbin/boot-probe" <<'PROBE'
#!/bin/sh
# runs once nova-agent.service has started (READY=1) and network-online.target is reached
p=/probe
pid=$(systemctl show -p MainPID --value nova-agent.service)
mono() { systemctl show ${1:+"$1"} -p "$2" --value; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (a - b) / 1e6 }'; }
boot=$(mono "" UserspaceTimestampMonotonic)
{ echo "start_s=$(secs "$(mono nova-agent.service ActiveEnterTimestampMonotonic)" "$(mono nova-agent.service InactiveExitTimestampMonotonic)")"
  echo "online_s=$(secs "$(mono network-online.target ActiveEnterTimestampMonotonic)" "$boot")"
  echo "multiuser_s=$(secs "$(mono boot-probe.service InactiveExitTimestampMonotonic)" "$boot")"
  systemctl show nova-agent.service -p ActiveState -p SubState -p StatusText -p NRestarts
  grep -E '^(Seccomp|CapBnd):' "/proc/$pid/status"
  # issue #14: READY=1 went through systemd-notify, so jnr-ffi's native stub (libjffi) is not mapped
  echo "jffi_mapped=$(grep -c jffi "/proc/$pid/maps")"
  # the JVM it runs on (the linked runtime the postinst made) and its resident memory once ready
  echo "exe=$(readlink "/proc/$pid/exe")"
  echo "rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")"
  awk '$5 == "/usr" {print "usr_mount=" $6}' "/proc/$pid/mountinfo" | cut -d, -f1
  echo "twox=$(systemctl is-active python3-nova-agent.service)"
} > $p/state.tmp
mv $p/state.tmp $p/state
i=0; while [ ! -e $p/done ] && [ $i -lt 1200 ]; do sleep 0.1; i=$((i+1)); done
if [ -x $p/action ]; then $p/action > $p/action.out 2>&1; fi
systemctl show nova-agent.service -p ActiveState -p StatusText -p NRestarts > $p/final
journalctl -b -u nova-agent.service --no-pager > $p/journal 2>&1
systemctl poweroff
PROBE
  chmod 755 "$r/usr/local/sbin/boot-probe"
  cat > "$r/etc/systemd/system/boot-probe.service" <<'UNIT'
[Unit]
Description=boot-tests probe
After=nova-agent.service network-online.target
Wants=network-online.target

[Service]
Type=oneshot
ExecStart=/usr/local/sbin/boot-probe

[Install]
WantedBy=multi-user.target
UNIT
  ln -sf /etc/systemd/system/boot-probe.service "$r/etc/systemd/system/multi-user.target.wants/boot-probe.service"
  rm -rf "$2"; mkdir -p "$2"
}

start_oxenstored() { # DIR: the real oxenstored without Xen, as agent-tests' Oxenstored fixture does
  local d=$1 src=$top/agent-tests/src/test/xenstore
  rm -rf "$d"; mkdir -p "$d/run" "$d/log"
  cp "$src/start.sh" "$d/start.sh"; sed "s|@DIR@|$d|" "$src/oxenstored.conf.in" > "$d/oxenstored.conf"
  gcc -shared -fPIC -O2 -o "$d/fakeevtchn.so" "$src/fakeevtchn.c"
  OXS_DIR=$d unshare -m --propagation private bash "$d/start.sh" --no-fork --no-domain-init >"$d/log/oxenstored.out" 2>&1 &
  oxs_pid=$!
  for _ in $(seq 100); do [ -S "$d/run/socket" ] && return 0; sleep 0.1; done
  echo "oxenstored did not start: $(cat "$d/log/oxenstored.out")" >&2; return 1
}

# in_net NETNS CMD...: CMD in NETNS, with a sysfs of that namespace (so systemd-nspawn finds the
# NIC it moves into the container), the host's cgroup mounts, and a udev record marking the NIC
# initialized (no udevd here); all mounts live in a private mount namespace.
in_net() {
  local n=$1; shift
  mkdir -p "$work/cgstash"
  nsenter --net="/run/netns/$n" unshare -m --propagation private sh -c '
    set -e
    mount --rbind /sys/fs/cgroup "$0"; mount -t sysfs sysfs /sys; mount --rbind "$0" /sys/fs/cgroup
    mkdir -p /run/udev; mount -t tmpfs udevfake /run/udev; mkdir /run/udev/data
    printf "I:1\nV:1\n" > "/run/udev/data/n$(cat /sys/class/net/eth0/ifindex)"
    exec "$@"' "$work/cgstash" "$@"
}

nova_host() { # ARGS...: nova's side (agent-host's nova-host CLI) on the oxenstored socket
  java --module-path "$dist/target/lib" --add-modules ALL-MODULE-PATH -m org.novaagent.host/org.novaagent.host.cli.HostCli \
    --xenstore "$work/oxs/run/socket" --timeout 60 "$@"
}

field() { sed -n "s/^$1=//p" "$2" | head -1; }

boot_with_xenstore() { # ROOT UPGRADE.deb: boot, nova's first-boot calls, resetnetwork on a NIC, upgrade while running
  local r=$1 probe=$work/probe-xs before after key ns
  install_probe "$r" "$probe"
  start_oxenstored "$work/oxs"
  cp "$2" "$probe/upgrade.deb"
  # nspawn runs in a scratch network namespace holding a veth pair (the kernel here has no dummy
  # driver) and moves its eth0, with the MAC nova gives the NIC, into the container's private
  # network; the namespace is deleted by boot-tests' cleanup
  netns=nva-boot-$$
  ip netns add "$netns"
  ip -n "$netns" link add eth0 address bc:76:4e:20:75:72 type veth peer name peer0
  ip -n "$netns" link set peer0 up
  before=$(grep '^root:' "$r/etc/shadow")
  in_net "$netns" timeout 300 systemd-nspawn -D "$r" --register=no --keep-unit -q -b --network-interface=eth0 \
    --bind="$work/oxs/run:/run/xenstored" --bind="$probe:/probe" >"$work/nspawn-xs.log" 2>&1 &
  ns=$!
  for _ in $(seq 1200); do [ -e "$probe/state" ] && break; sleep 0.1; done
  if [ ! -e "$probe/state" ]; then bad "boot with XenStore: no probe report in 120 s: $(tail -20 "$work/nspawn-xs.log")"; touch "$probe/done"; wait "$ns" || true; return; fi
  [ "$(field ActiveState "$probe/state")" = active ] && [ "$(field SubState "$probe/state")" = running ] && [ "$(field StatusText "$probe/state")" = "Watching data/host" ] \
    && ok "boot with XenStore: active (READY=1 received), status 'Watching data/host'" || bad "boot with XenStore: $(cat "$probe/state")"
  awk -v u="$(field start_s "$probe/state")" 'BEGIN { exit !(u + 0 < 15) }' && ok "boot with XenStore: READY=1 $(field start_s "$probe/state") s after the agent started; network-online at $(field online_s "$probe/state") s" \
    || bad "boot with XenStore: READY after $(field start_s "$probe/state") s"
  [ "$(field jffi_mapped "$probe/state")" = 0 ] \
    && ok "boot with XenStore: READY=1 came through systemd-notify (NotifyAccess=main accepted it), jnr-ffi not loaded" \
    || bad "boot with XenStore: jnr-ffi loaded: $(grep jffi_mapped "$probe/state")"
  [ "$(field exe "$probe/state")" = /var/cache/nova-agent/runtime/bin/java ] \
    && ok "boot with XenStore: the service runs on the linked runtime the postinst made (VmRSS $(field rss_kb "$probe/state") kB at READY)" \
    || bad "boot with XenStore: the service runs on $(field exe "$probe/state"), not the linked runtime"
  grep -q '^Seccomp:[[:space:]]*2' "$probe/state" && grep -q '^usr_mount=ro' "$probe/state" && ok "boot with XenStore: the agent runs sandboxed (seccomp filter, /usr read-only)" || bad "sandbox not in effect: $(cat "$probe/state")"
  [ "$(field twox "$probe/state")" != active ] && ok "boot with XenStore: 2.x's python3-nova-agent.service not running ($(field twox "$probe/state"))" || bad "2.x still runs"
  key="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBootTestsKeyForIssue11xxxxxxxxxxxxxxxxxxxx boot-tests"
  echo "$key" > "$work/key.pub"
  if echo 'Boot-Test-Pass-11' | nova_host boot --ssh-key "$work/key.pub" --password-stdin --version-timeout 60 >"$work/host.log" 2>&1; then
    ok "boot with XenStore: nova's boot sequence answered: $(tr '\n' ';' < "$work/host.log")"
  else bad "boot with XenStore: nova-host boot: $(cat "$work/host.log")"; fi
  grep -q '^version: returncode=0 .*message=3.0.0' "$work/host.log" && ok "boot with XenStore: version 3.0.0" || bad "version reply: $(grep version "$work/host.log")"
  after=$(grep '^root:' "$r/etc/shadow")
  [ "$before" != "$after" ] && [[ "$after" == root:\$* ]] && ok "boot with XenStore: password set with chpasswd under the hardened unit (/etc/shadow changed)" || bad "shadow unchanged: $after"
  grep -qxF "$key" "$r/root/.ssh/authorized_keys" 2>/dev/null && ok "boot with XenStore: injectfile wrote /root/.ssh/authorized_keys under the hardened unit" || bad "authorized_keys: $(cat "$r/root/.ssh/authorized_keys" 2>&1)"
  printf '{"hostname": "boot-tests", "nics": [{"label": "public", "mac": "BC:76:4E:20:75:72",\n "ipv4": [{"address": "192.0.2.10", "prefix": 24, "gateway": "192.0.2.1"}],\n "ipv6": [{"address": "2001:db8::10", "prefix": 64, "gateway": "2001:db8::1"}], "dns": ["192.0.2.53"]}]}\n' > "$work/net.json"
  if nova_host resetnetwork --network "$work/net.json" >"$work/host-net.log" 2>&1; then
    ok "boot with XenStore: resetnetwork answered: $(cat "$work/host-net.log")"
  else bad "boot with XenStore: resetnetwork: $(cat "$work/host-net.log")"; fi
  grep -qx 'boot-tests' "$r/etc/hostname" && ok "boot with XenStore: /etc/hostname written" || bad "hostname: $(cat "$r/etc/hostname")"
  cat > "$probe/action" <<'ACTION'
#!/bin/sh
echo "addr=$(ip -o -4 addr show dev eth0 | awk '{print $4}')"
echo "route=$(ip route show default | awk '{print $3, $5}')"
echo "live_hostname=$(hostname)"
echo "addr6=$(ip -o -6 addr show dev eth0 scope global | awk '{print $4}')"
echo "before=$(systemctl show -p MainPID --value nova-agent.service)"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q /probe/upgrade.deb > /probe/apt.out 2>&1; echo "apt=$?"
echo "after=$(systemctl show -p MainPID --value nova-agent.service)"
echo "state=$(systemctl is-active nova-agent.service)"
echo "version=$(dpkg-query -W -f='${Version}' nova-agent)"
ACTION
  chmod 755 "$probe/action"
  touch "$probe/done"
  wait "$ns" || true
  local pb pa
  [ "$(field addr "$probe/action.out")" = 192.0.2.10/24 ] && [ "$(field route "$probe/action.out")" = "192.0.2.1 eth0" ] \
    && ok "boot with XenStore: resetnetwork ran ifup under the hardened unit: eth0 has 192.0.2.10/24, default via 192.0.2.1" \
    || bad "boot with XenStore: eth0 after resetnetwork: $(grep -E '^(addr|route)=' "$probe/action.out" 2>&1)"
  [ "$(field addr6 "$probe/action.out")" = 2001:db8::10/64 ] && ok "boot with XenStore: the IPv6 address too (inet6 stanza through ifup)" \
    || bad "IPv6 on eth0: $(field addr6 "$probe/action.out")"
  [ "$(field live_hostname "$probe/action.out")" = boot-tests ] && ok "boot with XenStore: the running system's hostname was set under the unit" \
    || bad "live hostname: $(field live_hostname "$probe/action.out")"
  pb=$(field before "$probe/action.out"); pa=$(field after "$probe/action.out")
  [ "$(field apt "$probe/action.out")" = 0 ] && [ "$(field state "$probe/action.out")" = active ] && [ "${pb:-0}" != 0 ] && [ "${pa:-0}" != 0 ] && [ "$pb" != "$pa" ] \
    && ok "upgrade while running (apt-get inside the booted system, $(field version "$probe/action.out")): the daemon was restarted (pid $pb -> $pa)" \
    || bad "upgrade while running: $(cat "$probe/action.out" 2>&1) $(tail -5 "$probe/apt.out" 2>&1)"
  [ "$(field ActiveState "$probe/final")" = active ] && ok "boot with XenStore: the agent is up at the end" || bad "final: $(cat "$probe/final" 2>&1)"
  # systemd logs "Got notification message from PID n, but reception only permitted for main PID m" when it drops one
  [ -s "$probe/journal" ] && ! grep -qE 'sd_notify|reception only permitted' "$probe/journal" \
    && ok "boot with XenStore: no sd_notify warning, fallback to libc or refused notification in the journal" \
    || bad "sd_notify: $(grep -hE 'sd_notify|reception only permitted' "$probe/journal" 2>&1)"
  kill "$oxs_pid" 2>/dev/null || true; wait "$oxs_pid" 2>/dev/null || true; oxs_pid=
}

boot_takeover_live() { # ROOT-WITH-2.x OURS.deb: 2.x runs; apt-get install ours in the booted system
  local r=$1 probe=$work/probe-live
  install_probe "$r" "$probe"; cp "$2" "$probe/ours.deb"
  cat > "$probe/action" <<'ACTION'
#!/bin/sh
echo "twox_before=$(systemctl is-active python3-nova-agent.service)"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q /probe/ours.deb > /probe/apt.out 2>&1; echo "apt=$?"
echo "twox_after=$(systemctl is-active python3-nova-agent.service)"
echo "ours=$(systemctl is-active nova-agent.service)"
echo "ours_enabled=$(systemctl is-enabled nova-agent.service)"
echo "status=$(systemctl show -p StatusText --value nova-agent.service)"
ACTION
  chmod 755 "$probe/action"; touch "$probe/done"
  timeout 300 systemd-nspawn -D "$r" --register=no --keep-unit -q -b --bind="$probe:/probe" >"$work/nspawn-live.log" 2>&1 || true
  local a=$probe/action.out
  [ "$(field twox_before "$a")" = active ] && ok "live takeover: 2.x's python3-nova-agent.service was running" || bad "live takeover: 2.x not running at first: $(cat "$a" 2>&1)"
  [ "$(field apt "$a")" = 0 ] && [ "$(field twox_after "$a")" != active ] && [ "$(field ours "$a")" = active ] && [ "$(field ours_enabled "$a")" = enabled ] \
    && ok "live takeover: apt-get install stopped 2.x ($(field twox_after "$a")); a fresh install enabled and started ours: $(field status "$a")" \
    || bad "live takeover: $(cat "$a" 2>&1) $(tail -5 "$probe/apt.out" 2>&1)"
}

boot_without_xenstore() { # ROOT
  local r=$1 probe=$work/probe-noxs
  install_probe "$r" "$probe"; touch "$probe/done"
  timeout 240 systemd-nspawn -D "$r" --register=no --keep-unit -q -b --bind="$probe:/probe" >"$work/nspawn-noxs.log" 2>&1 || true
  if [ ! -e "$probe/state" ]; then bad "boot without XenStore: no probe report: $(tail -20 "$work/nspawn-noxs.log")"; return; fi
  [ "$(field ActiveState "$probe/state")" = active ] && [[ "$(field StatusText "$probe/state")" == "Idle: no XenStore ("* ]] \
    && ok "boot without XenStore: active, status says why it is idle: $(field StatusText "$probe/state")" || bad "boot without XenStore: $(cat "$probe/state")"
  awk -v u="$(field start_s "$probe/state")" -v o="$(field online_s "$probe/state")" 'BEGIN { exit !(u + 0 >= 9 && u + 0 < 20 && o + 0 < 30) }' \
    && ok "boot without XenStore: READY=1 after the bounded wait ($(field start_s "$probe/state") s), network-online at $(field online_s "$probe/state") s, multi-user at $(field multiuser_s "$probe/state") s" \
    || bad "boot without XenStore held up: agent ready after $(field start_s "$probe/state") s, network-online at $(field online_s "$probe/state") s"
}
