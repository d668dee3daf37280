/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * End-to-end tests: the real agent CLI ({@code agent run}, {@code agent run --once},
 * {@code agent demo}) in a child JVM on the module path, talking to Debian's real OCaml
 * {@code oxenstored} (started without Xen by {@code Oxenstored}), driven as nova would be by the
 * host simulator ({@code org.novaagent.host.HostSimulator}) and, for raw bad input, by the stock
 * {@code xenstore-write}. Every target root is a scratch tree from {@code DistroRootBuilder}.
 *
 * <ul>
 *   <li>{@code XenStoreConversationE2ETests}: version, features, 404, 500 for bad JSON / missing
 *       name / non-object / bad UTF-8, a burst of 100, requests written before start-up, the daemon
 *       killed and restarted mid-stream (exactly one reply per request, checked in the daemon's
 *       access log), {@code --once}.</li>
 *   <li>{@code PasswordE2ETests}: keyinit + password (MD5 and SHA-256 key derivation) into the
 *       scratch {@code etc/shadow}, verified with {@code openssl passwd -6}; refusals.</li>
 *   <li>{@code NetworkE2ETests}: resetnetwork for Debian (ifupdown), Ubuntu (netplan, checked by
 *       {@code netplan generate}) and RHEL (ifcfg): attach, detach, an identical repeat that changes
 *       no file; virtual links and an upper-case MAC in sysfs.</li>
 *   <li>{@code DemoE2ETests}: {@code agent demo --distro debian|ubuntu|rhel|alpine|arch}.</li>
 *   <li>{@code XenStoreLargeDirectoryE2ETests}: 150 pending requests (a 5,550-byte DIRECTORY reply)
 *       answered once each; more than 150 old replies under {@code data/guest} swept without
 *       breaking the session.</li>
 *   <li>{@code XenStoreArrivalOrderE2ETests}: requests whose names sort differently from their write
 *       order are answered in write (watch-event) order, also when all are pending at once.</li>
 *   <li>{@code WindowsRootE2ETests}: a Windows-shaped root: {@code plugins list} selects the Windows
 *       set (Linux plugins not applicable, the ACL rule refuses the plugins directory); version,
 *       features, keyinit + password through the password plugin's jnr-ffi bindings into the gcc-built
 *       netapi32 stand-in, kmsactivate with the cloud automation and slmgr command lines logged.</li>
 * </ul>
 *
 * <p>Needs root, oxenstored (xen-utils-4.17), gcc, unshare, xenstore-utils, openssl and netplan.io:
 * a missing tool skips the test, or fails it when {@code CI=true}. One daemon (and where possible
 * one agent) serves a whole class; every child process is stopped in {@code @AfterAll} or
 * try-with-resources. Failure messages carry the agent's stderr log.
 */
package org.novaagent.tests.e2e;
