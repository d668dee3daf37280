#!/bin/bash
# SPDX-License-Identifier: Apache-2.0 — nova-agent
# Runs Debian's OCaml oxenstored (Xen 4.17) without a hypervisor, for tests. Needs root.
# Usage: OXS_DIR=<dir> unshare -m --propagation private start.sh --no-fork --no-domain-init
# <dir> must hold fakeevtchn.so and oxenstored.conf; the socket appears at <dir>/run/socket.
# Every mount below lives only in the private mount namespace: the host is untouched.
set -e
D=${OXS_DIR:?set OXS_DIR to the daemon directory}
OXENSTORED=${OXENSTORED:-/usr/lib/xen-4.17/bin/oxenstored}
mkdir -p "$D/run" "$D/log"
# 1. oxenstored raises RLIMIT_NOFILE to fs.nr_open; without CAP_SYS_RESOURCE that fails.
ulimit -Hn > "$D/nr_open"
mount --bind "$D/nr_open" /proc/sys/fs/nr_open
# 2. it opens the Xen control devices: give it plain files (evtchn is a FIFO: pollable, never readable).
mount -t tmpfs -o mode=755 devfake /dev
mknod -m 666 /dev/null c 1 3; mknod -m 666 /dev/zero c 1 5
mknod -m 666 /dev/urandom c 1 9; mknod -m 666 /dev/random c 1 8
mkdir /dev/xen; mkfifo -m 600 /dev/xen/evtchn
touch /dev/xen/privcmd /dev/xen/gntdev /dev/xen/xenbus /dev/xen/hypercall
# 3. its socket path is fixed at /var/run/xenstored/socket: put our directory there.
mount -t tmpfs -o mode=755 runfake /run
mkdir -p /run/xenstored /run/xen
mount --bind "$D/run" /run/xenstored
LD_PRELOAD="$D/fakeevtchn.so" exec "$OXENSTORED" --config-file "$D/oxenstored.conf" "$@"
