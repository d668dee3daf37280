#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 — nova-agent
"""A small structural check of install.ps1, because no PowerShell parser is packaged for Debian.

Not a parser: it checks that (), {} and [] balance outside strings and comments, that every quote
closes on its line (here-strings are not used), that the script starts with #Requires
-RunAsAdministrator and sets strict mode and $ErrorActionPreference = 'Stop', and that every
file or directory the script copies from the zip ($PSScriptRoot '<name>') exists in the zip.
Usage: check-ps1.py SCRIPT ZIPROOT
"""
import os
import re
import sys


def strip_line(line, lineno, errors):
    out, quote, i = [], None, 0
    while i < len(line):
        c = line[i]
        if quote:
            if c == '`' and quote == '"':
                i += 2
                continue
            if c == quote:
                if i + 1 < len(line) and line[i + 1] == quote:  # doubled quote = literal quote
                    i += 2
                    continue
                quote = None
            i += 1
            continue
        if c == '#':
            break
        if c in '"\'':
            quote = c
        elif c == '`':
            i += 1  # escaped character or line continuation
        else:
            out.append(c)
        i += 1
    if quote:
        errors.append(f"line {lineno}: unterminated {quote} string")
    return ''.join(out)


def main(script, zip_root):
    text = open(script, encoding='utf-8').read()
    errors = []
    if not text.startswith('#Requires -RunAsAdministrator'):
        errors.append('first line is not #Requires -RunAsAdministrator')
    for needed in ("Set-StrictMode -Version", "$ErrorActionPreference = 'Stop'"):
        if needed not in text:
            errors.append(f'missing {needed}')
    body = re.sub(r'<#.*?#>', lambda m: '\n' * m.group(0).count('\n'), text, flags=re.S)
    stack = []
    pairs = {')': '(', '}': '{', ']': '['}
    for n, line in enumerate(body.split('\n'), 1):
        for c in strip_line(line, n, errors):
            if c in '({[':
                stack.append((c, n))
            elif c in pairs:
                if not stack or stack[-1][0] != pairs[c]:
                    errors.append(f'line {n}: unmatched {c}')
                else:
                    stack.pop()
    errors += [f'line {n}: {c} never closed' for c, n in stack]
    for name in re.findall(r"Join-Path \$PSScriptRoot '([^']+)'", text):
        if not os.path.exists(os.path.join(zip_root, name.replace('\\', '/'))):
            errors.append(f"copies '{name}' which the zip does not have")
    for m in re.findall(r"foreach \(\$dir in ([^)]*)\)", text):
        for name in re.findall(r"'([^']+)'", m):
            if not os.path.isdir(os.path.join(zip_root, name)):
                errors.append(f"copies directory '{name}' which the zip does not have")
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
