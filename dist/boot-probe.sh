#!/usr/bin/env bash
# shellcheck disable=SC2015,SC2154  # check && ok || bad is if-then-else; work/top/dist/ok/bad/oxs_pid come from boot-tests.sh
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
{ echo "uptime=$(cut -d' ' -f1 /proc/uptime)"
  systemctl show nova-agent.service -p ActiveState -p SubState -p StatusText -p NRestarts
  grep -E '^(Seccomp|CapBnd):' "/proc/$pid/status"
  awk '$5 == "/usr" {print "usr_mount=" $6}' "/proc/$pid/mountinfo" | cut -d, -f1
  echo "twox=$(systemctl is-active python3-nova-agent.service)"
} > $p/state.tmp
mv $p/state.tmp $p/state
i=0; while [ ! -e $p/done ] && [ $i -lt 1200 ]; do sleep 0.1; i=$((i+1)); done
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

nova_host() { # ARGS...: nova's side (agent-host's nova-host CLI) on the oxenstored socket
  java --module-path "$dist/target/lib" --add-modules ALL-MODULE-PATH -m org.novaagent.host/org.novaagent.host.cli.HostCli \
    --xenstore "$work/oxs/run/socket" --timeout 60 "$@"
}

field() { sed -n "s/^$1=//p" "$2" | head -1; }

boot_with_xenstore() { # ROOT
  local r=$1 probe=$work/probe-xs before after key
  install_probe "$r" "$probe"
  start_oxenstored "$work/oxs"
  before=$(grep '^root:' "$r/etc/shadow")
  timeout 240 systemd-nspawn -D "$r" --register=no --keep-unit -q -b \
    --bind="$work/oxs/run:/run/xenstored" --bind="$probe:/probe" >"$work/nspawn-xs.log" 2>&1 &
  local ns=$!
  for _ in $(seq 1200); do [ -e "$probe/state" ] && break; sleep 0.1; done
  if [ ! -e "$probe/state" ]; then bad "boot with XenStore: no probe report in 120 s: $(tail -20 "$work/nspawn-xs.log")"; touch "$probe/done"; wait "$ns" || true; return; fi
  [ "$(field ActiveState "$probe/state")" = active ] && [ "$(field SubState "$probe/state")" = running ] && [ "$(field StatusText "$probe/state")" = "Watching data/host" ] \
    && ok "boot with XenStore: active (READY=1 received), status 'Watching data/host', probe at $(field uptime "$probe/state") s after boot" \
    || bad "boot with XenStore: $(cat "$probe/state")"
  awk -v u="$(field uptime "$probe/state")" 'BEGIN { exit !(u < 60) }' && ok "boot with XenStore: multi-user and network-online within seconds" || bad "boot slow: $(field uptime "$probe/state") s"
  [ "$(field Seccomp "$probe/state" | tr -d ' \t')" = "" ] || true
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
  touch "$probe/done"
  wait "$ns" || true
  [ "$(field NRestarts "$probe/final")" = 0 ] && [ "$(field ActiveState "$probe/final")" = active ] && ok "boot with XenStore: the agent stayed up, no restarts" || bad "final: $(cat "$probe/final" 2>&1)"
  kill "$oxs_pid" 2>/dev/null || true; wait "$oxs_pid" 2>/dev/null || true; oxs_pid=
}

boot_without_xenstore() { # ROOT
  local r=$1 probe=$work/probe-noxs
  install_probe "$r" "$probe"; touch "$probe/done"
  timeout 240 systemd-nspawn -D "$r" --register=no --keep-unit -q -b --bind="$probe:/probe" >"$work/nspawn-noxs.log" 2>&1 || true
  if [ ! -e "$probe/state" ]; then bad "boot without XenStore: no probe report: $(tail -20 "$work/nspawn-noxs.log")"; return; fi
  [ "$(field ActiveState "$probe/state")" = active ] && [[ "$(field StatusText "$probe/state")" == "Idle: no XenStore ("* ]] \
    && ok "boot without XenStore: active, status says why it is idle: $(field StatusText "$probe/state")" || bad "boot without XenStore: $(cat "$probe/state")"
  awk -v u="$(field uptime "$probe/state")" 'BEGIN { exit !(u < 40) }' && ok "boot without XenStore: network-online and multi-user reached $(field uptime "$probe/state") s after boot (ready wait 10 s)" \
    || bad "boot without XenStore held up: $(field uptime "$probe/state") s"
}
