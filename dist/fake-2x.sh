#!/usr/bin/env bash
# shellcheck disable=SC2016  # the maintainer scripts written below are literal text
# dist/fake-2x.sh OUTDIR — packages laid out as nova-agent 2.x's packaging does (public repository
# Rackspace-DOT/nova-agent: scripts/debian with dh --with=systemd, scripts/nova-agent.spec), for
# the takeover tests in boot-tests.sh. The program is a stand-in (a shell loop), the layout is 2.x's:
#   python3-nova-agent_2.1.25_all.deb  /usr/bin/nova-agent, /lib/systemd/system/python3-nova-agent.service,
#                                      debhelper's enable/stop/mask scripts (compat 10)
#   nova-agent-2.1.25-1.noarch.rpm     /usr/bin/nova-agent, /usr/lib/systemd/system/nova-agent.service
set -euo pipefail
out=$1
rm -rf "$out"; mkdir -p "$out"
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
unit() { # NAME: 2.x's unit; Type=simple because the stand-in does not speak sd_notify
  cat <<UNIT
[Unit]
Description=Nova Agent for xenstore
DefaultDependencies=no
Before=network-online.target
Before=cloud-init.service

[Service]
Type=simple
ExecStart=/usr/bin/nova-agent --no-fork True -o /var/log/nova-agent.log -l info

[Install]
WantedBy=multi-user.target
UNIT
}
program() { printf '#!/bin/sh\n# stand-in for nova-agent 2.x\nwhile :; do sleep 60; done\n'; }

d=$w/deb; mkdir -p "$d/DEBIAN" "$d/usr/bin" "$d/lib/systemd/system"
program > "$d/usr/bin/nova-agent"; chmod 755 "$d/usr/bin/nova-agent"
unit > "$d/lib/systemd/system/python3-nova-agent.service"
cat > "$d/DEBIAN/control" <<CTL
Package: python3-nova-agent
Version: 2.1.25
Architecture: all
Maintainer: stand-in <nobody@example.org>
Conflicts: python-nova-agent, python3-nova-agent, rax-nova-agent
Replaces: python-nova-agent, python3-nova-agent, rax-nova-agent
Description: Python nova-agent (Python 3) (test stand-in)
 Laid out as nova-agent 2.x's package.
CTL
printf '#!/bin/sh\nset -e\nif [ "$1" = configure ]; then deb-systemd-helper unmask python3-nova-agent.service >/dev/null || true\nif deb-systemd-helper --quiet was-enabled python3-nova-agent.service; then deb-systemd-helper enable python3-nova-agent.service >/dev/null || true; else deb-systemd-helper update-state python3-nova-agent.service >/dev/null || true; fi\nif [ -d /run/systemd/system ]; then systemctl --system daemon-reload >/dev/null || true; deb-systemd-invoke start python3-nova-agent.service >/dev/null || true; fi; fi\n' > "$d/DEBIAN/postinst"
printf '#!/bin/sh\nset -e\nif [ -d /run/systemd/system ] && [ "$1" = remove ]; then deb-systemd-invoke stop python3-nova-agent.service >/dev/null || true; fi\n' > "$d/DEBIAN/prerm"
printf '#!/bin/sh\nset -e\nif [ "$1" = remove ]; then deb-systemd-helper mask python3-nova-agent.service >/dev/null || true; fi\nif [ "$1" = purge ]; then deb-systemd-helper purge python3-nova-agent.service >/dev/null || true; deb-systemd-helper unmask python3-nova-agent.service >/dev/null || true; fi\n' > "$d/DEBIAN/postrm"
chmod 755 "$d/DEBIAN/postinst" "$d/DEBIAN/prerm" "$d/DEBIAN/postrm"
dpkg-deb --root-owner-group --build "$d" "$out/python3-nova-agent_2.1.25_all.deb" >/dev/null

r=$w/rpm; mkdir -p "$r/SOURCES/root/usr/bin" "$r/SOURCES/root/usr/lib/systemd/system"
program > "$r/SOURCES/root/usr/bin/nova-agent"; chmod 755 "$r/SOURCES/root/usr/bin/nova-agent"
unit > "$r/SOURCES/root/usr/lib/systemd/system/nova-agent.service"
cat > "$w/fake.spec" <<SPEC
Name: nova-agent
Summary: Python nova-agent (Python 3) (test stand-in)
Version: 2.1.25
Release: 1
License: GPL-2
BuildArch: noarch
%description
Laid out as nova-agent 2.x's RPM.
%install
cp -a %{_sourcedir}/root/. %{buildroot}/
%files
/usr/bin/nova-agent
/usr/lib/systemd/system/nova-agent.service
SPEC
rpmbuild --quiet --define "_topdir $r" --define "_build_id_links none" --define "__brp_compress %{nil}" -bb "$w/fake.spec" >/dev/null 2>&1
cp "$r"/RPMS/noarch/*.rpm "$out/"
ls -1 "$out"
