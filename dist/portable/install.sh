#!/bin/sh
# Installs the portable nova-agent (this unpacked tarball) and its service for the init system of
# the target: systemd (unit), OpenRC (/etc/init.d script, supervise-daemon) or FreeBSD's rc.d.
#   ./install.sh [--root DIR] [--prefix DIR] [--init auto|systemd|openrc|rc.d|none] [--no-enable]
# The init system is read from the target's files (DIR/etc/rc.subr: rc.d; a systemd binary or
# DIR/run/systemd/system: systemd; openrc-run: OpenRC). With --root other than / nothing runs on
# this machine: the service is enabled offline (systemctl --root, the runlevel link, rc.conf.d).
# On the live system it also makes the class archive (and, with a JDK, the linked runtime) the
# service starts faster with: nova-agent --refresh-class-archive (package hooks do it after --root).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=/
prefix=
init=auto
enable=yes
while [ $# -gt 0 ]; do
  case $1 in
    --root) root=$2; shift 2 ;;
    --prefix) prefix=$2; shift 2 ;;
    --init) init=$2; shift 2 ;;
    --no-enable) enable=no; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
r=${root%/}

if [ "$init" = auto ]; then
  if [ -f "$r/etc/rc.subr" ]; then init=rc.d
  elif [ -d "$r/run/systemd/system" ] || [ -x "$r/usr/lib/systemd/systemd" ] || [ -x "$r/lib/systemd/systemd" ]; then init=systemd
  elif [ -x "$r/sbin/openrc-run" ] || [ -x "$r/sbin/openrc" ] || [ -x "$r/usr/sbin/openrc" ]; then init=openrc
  else
    echo "install.sh: no systemd, OpenRC or rc.d under '$root'; use --init" >&2
    exit 1
  fi
fi
case $init in systemd|openrc|rc.d|none) ;; *) echo "install.sh: unknown init '$init'" >&2; exit 2 ;; esac
if [ -z "$prefix" ]; then
  if [ "$init" = rc.d ]; then prefix=/usr/local; else prefix=/usr; fi
fi
if [ "$init" = rc.d ] || [ "$prefix" = /usr/local ]; then etc=$prefix/etc; else etc=/etc; fi
home=$prefix/lib/nova-agent

mkdir -p "$r$home/lib" "$r$home/modules" "$r$home/plugins" "$r$home/training" "$r$prefix/sbin" "$r$etc/nova-agent"
cp "$here"/lib/*.jar "$r$home/lib/"
cp "$here"/modules/*.jar "$r$home/modules/"
cp "$here"/training/*.jar "$r$home/training/"
sed "s|^home=.*|home=\${NOVA_AGENT_HOME:-$home}|" "$here/bin/nova-agent" > "$r$prefix/sbin/nova-agent"
chmod 0755 "$r$prefix/sbin/nova-agent" "$r$home" "$r$home/plugins"
[ -f "$r$etc/nova-agent/agent.conf" ] || cp "$here/etc/agent.conf" "$r$etc/nova-agent/agent.conf"
# man page and bash completion: PREFIX/share/man/man8/nova-agent.8.gz, PREFIX/share/bash-completion/completions/nova-agent
if [ -d "$here/share" ]; then mkdir -p "$r$prefix/share" && cp -R "$here/share/." "$r$prefix/share/"; fi
echo "installed $prefix/sbin/nova-agent, $home, $etc/nova-agent/agent.conf (init: $init)"

live() { [ "$r" = "" ]; }
# The class archive is made for the Java that runs the agent, so only on the live system.
if live; then
  if "$prefix/sbin/nova-agent" --refresh-class-archive >/dev/null 2>&1; then echo "made the class archive (faster start)"
  else echo "install.sh: could not make the class archive; the agent starts without it (nova-agent --refresh-class-archive says why)" >&2; fi
else
  echo "on the guest, 'nova-agent --refresh-class-archive' makes the class archive the service starts faster with"
fi
case $init in
  systemd)
    mkdir -p "$r$prefix/lib/systemd/system"
    sed "s|^ExecStart=.*|ExecStart=$prefix/sbin/nova-agent run --config $etc/nova-agent/agent.conf|" \
      "$here/init/nova-agent.service" > "$r$prefix/lib/systemd/system/nova-agent.service"
    if [ "$enable" = yes ]; then
      if live; then systemctl daemon-reload && systemctl enable --now nova-agent.service
      else systemctl --root="$root" enable nova-agent.service; fi
    fi ;;
  openrc)
    mkdir -p "$r/etc/init.d"
    sed "s|^command=.*|command=\"$prefix/sbin/nova-agent\"|; s|^command_args=.*|command_args=\"run --config $etc/nova-agent/agent.conf\"|" \
      "$here/init/nova-agent.initd" > "$r/etc/init.d/nova-agent"
    chmod 0755 "$r/etc/init.d/nova-agent"
    if [ "$enable" = yes ]; then
      if live; then rc-update add nova-agent default
      else mkdir -p "$r/etc/runlevels/default" && ln -sf /etc/init.d/nova-agent "$r/etc/runlevels/default/nova-agent"; fi
    fi ;;
  rc.d)
    mkdir -p "$r$etc/rc.d"
    sed "s|/usr/local/sbin/nova-agent|$prefix/sbin/nova-agent|; s|/usr/local/etc/nova-agent|$etc/nova-agent|" \
      "$here/init/nova_agent" > "$r$etc/rc.d/nova_agent"
    chmod 0755 "$r$etc/rc.d/nova_agent"
    if [ "$enable" = yes ]; then
      mkdir -p "$r/etc/rc.conf.d"
      echo 'nova_agent_enable="YES"' > "$r/etc/rc.conf.d/nova_agent"
      if live; then service nova_agent start; fi
    fi ;;
  none) ;;
esac
