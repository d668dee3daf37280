#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0 — nova-agent
"""A service manager's notification socket for the footprint bench (issue #14): binds an AF_UNIX
datagram socket at argv[1], as systemd does for Type=notify (NOTIFY_SOCKET), and prints one line per
message: the sender's pid from SCM_CREDENTIALS, then the message with newlines as spaces. File
descriptors that come with a message (systemd-notify's barrier) are closed at once, which is what
tells the sender that everything before it was received. Runs until killed."""
import array
import os
import socket
import sys

path = sys.argv[1]
try:
    os.unlink(path)
except FileNotFoundError:
    pass
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
s.bind(path)
print("listening", flush=True)
creds_size = array.array("i", [0, 0, 0]).itemsize * 3
while True:
    data, ancdata, _flags, _addr = s.recvmsg(4096, socket.CMSG_SPACE(creds_size) + socket.CMSG_SPACE(16 * 4))
    pid = "?"
    for level, kind, body in ancdata:
        if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
            pid = str(array.array("i", body[:creds_size])[0])
        elif level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds = array.array("i")
            fds.frombytes(body[: len(body) - (len(body) % fds.itemsize)])
            for fd in fds:
                os.close(fd)
    print(pid, data.decode("utf-8", "replace").replace("\n", " "), flush=True)
