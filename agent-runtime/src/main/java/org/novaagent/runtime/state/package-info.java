/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * The agent's own state directory (the request journal of "exactly once", the request history read
 * by {@code status} and {@code doctor}), chosen by the host facts: {@code var/lib/nova-agent}
 * through {@code SafeFiles} on POSIX, {@code ProgramData/nova-agent} through {@code WindowsFiles}
 * on Windows, made private to SYSTEM and Administrators and checked on every use.
 */
package org.novaagent.runtime.state;
