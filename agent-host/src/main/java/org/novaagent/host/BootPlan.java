/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What nova sends at first boot: an optional SSH key, an optional admin password and the networks.
 *
 * @param versionTimeout how long {@code version} is re-sent before giving up on the agent (nova: 300 s)
 * @param sshPublicKey   key for {@code /root/.ssh/authorized_keys}, or empty to skip the injectfile step
 * @param adminPassword  password for keyinit + password, or empty to skip both
 * @param digest         key-derivation digest for the password cipher
 * @param network        networks for resetnetwork, or empty to skip it
 */
public record BootPlan(Duration versionTimeout, Optional<String> sshPublicKey, Optional<String> adminPassword,
                       Crypto.Digest digest, Optional<NetworkSpec> network) {

    /** nova's {@code agent_version_timeout}. */
    public static final Duration NOVA_VERSION_TIMEOUT = Duration.ofSeconds(300);

    /** Validates the components. */
    public BootPlan {
        Objects.requireNonNull(versionTimeout, "versionTimeout");
        Objects.requireNonNull(sshPublicKey, "sshPublicKey");
        Objects.requireNonNull(adminPassword, "adminPassword");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(network, "network");
    }

    /**
     * @param network networks to configure
     * @return a plan with nova's version timeout, no key, no password, MD5
     */
    public static BootPlan networkOnly(NetworkSpec network) {
        return new BootPlan(NOVA_VERSION_TIMEOUT, Optional.empty(), Optional.empty(), Crypto.Digest.MD5,
                Optional.of(network));
    }

    /**
     * @param timeout another version timeout
     * @return a copy with it
     */
    public BootPlan withVersionTimeout(Duration timeout) {
        return new BootPlan(timeout, sshPublicKey, adminPassword, digest, network);
    }

    /** Hides the password from {@code toString}. */
    @Override
    public String toString() {
        return "BootPlan[versionTimeout=" + versionTimeout + ", sshPublicKey=" + sshPublicKey.isPresent()
                + ", adminPassword=" + (adminPassword.isPresent() ? "<set>" : "<none>") + ", digest=" + digest
                + ", network=" + network + "]";
    }
}
