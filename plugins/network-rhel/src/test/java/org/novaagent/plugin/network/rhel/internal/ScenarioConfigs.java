/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import java.util.Map;

import org.novaagent.network.NetworkConfig;

/** The scenarios every RHEL renderer test runs over. */
final class ScenarioConfigs {

    private ScenarioConfigs() {
    }

    static Map<String, NetworkConfig> all() {
        return TestNetworks.all();
    }
}
