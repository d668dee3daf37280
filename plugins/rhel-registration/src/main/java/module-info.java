/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * Plugin: {@code kmsactivate} on RHEL (registration with Red Hat via subscription-manager or,
 * legacy, rhnreg_ks and an RHN up2date file).
 *
 * @provides org.novaagent.api.CommandHandler {@code kmsactivate} (RHEL family only)
 */
module org.novaagent.plugin.rhel.registration {
    requires org.novaagent.api;
    requires org.slf4j;

    provides org.novaagent.api.CommandHandler with
            org.novaagent.plugin.rhel.registration.internal.RhelKmsActivateCommandHandler;
}
