/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * What the agent trusts before it obeys a file or runs code from it: {@link
 * org.novaagent.runtime.trust.StrictModes} (sshd-style ownership and mode rules over a path and
 * its ancestors) or, on Windows, {@link org.novaagent.runtime.trust.WindowsAclTrustRule} (the NTFS
 * ACL, accounts matched by well-known SID).
 */
package org.novaagent.runtime.trust;
