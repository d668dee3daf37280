#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0 — nova-agent
"""A small XenStore watch responder in Python 3 with Debian's python3-pyxs: the benchmark's
stand-in for the Python agent (nova-agent 2.x) it replaces, for start-up and memory (issue #14).

Usage: pyxs-responder.py SOCKET. Watches data/host of dom0 (the relative paths of a dom0
client), answers every request the way the agent answers `version`, removes the request, and
runs until killed. It parses each request with json, as the Python agent did."""
import json
import sys

import pyxs

BASE = b"/local/domain/0/data"


def answer(client, key):
    try:
        raw = client.read(BASE + b"/host/" + key)
    except pyxs.PyXSError:
        return  # answered on an earlier event
    try:
        request = json.loads(raw)
        known = isinstance(request, dict) and request.get("name") == "version"
        reply = {"returncode": "0", "message": "py"} if known else {"returncode": "404", "message": "unknown"}
    except ValueError:
        reply = {"returncode": "500", "message": "malformed"}
    client.write(BASE + b"/guest/" + key, json.dumps(reply).encode())
    client.delete(BASE + b"/host/" + key)


def main(socket):
    with pyxs.Client(unix_socket_path=socket) as client:
        monitor = client.monitor()
        monitor.watch(BASE + b"/host", b"bench")
        for _event in monitor.wait():  # the watch fires once at once: requests already waiting are answered
            for key in client.list(BASE + b"/host"):
                answer(client, key)


if __name__ == "__main__":
    main(sys.argv[1])
