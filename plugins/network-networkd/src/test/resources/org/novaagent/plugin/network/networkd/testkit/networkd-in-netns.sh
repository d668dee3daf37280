#!/bin/sh
# Runs the real systemd-networkd over the .network files in $1, inside the current network
# namespace and a private mount namespace (ip netns exec NS unshare -m --propagation private THIS DIR):
# a tmpfs over /run/systemd and /etc/systemd/network hides this machine's files, /sys is read-only
# so networkd does not wait for udev. Execs networkd at the end, so killing this process stops it.
set -eu
dir=$1
mount -t tmpfs tmpfs /run/systemd
mkdir -p /run/systemd/network /run/systemd/netif
chown systemd-network:systemd-network /run/systemd/netif
mount -t tmpfs tmpfs /etc/systemd/network
cp "$dir"/*.network /etc/systemd/network/
mount -o remount,bind,ro /sys 2>/dev/null || mount -t sysfs -o ro sysfs /sys
for bin in /usr/lib/systemd/systemd-networkd /lib/systemd/systemd-networkd; do
  [ -x "$bin" ] && exec "$bin"
done
echo "systemd-networkd not found" >&2
exit 127
