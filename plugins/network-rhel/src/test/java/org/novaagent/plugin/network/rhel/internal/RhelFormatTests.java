/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ifcfg-or-keyfile choice, one row per case: os-release ID, major version, setting, format. */
class RhelFormatTests {

    @ParameterizedTest(name = "{0} {1}, keyfiles setting {2} -> {3}")
    @CsvSource({
        "rhel,       7,  false, IFCFG",
        "centos,     7,  false, IFCFG",
        "rhel,       8,  false, IFCFG",
        "almalinux,  9,  false, IFCFG",
        "rocky,      9,  false, IFCFG",
        "rhel,       10, false, KEYFILE",
        "centos,     10, false, KEYFILE",
        "almalinux,  10, false, KEYFILE",
        "ol,         11, false, KEYFILE",
        "fedora,     10, false, IFCFG",   // Fedora numbers its releases differently: 10 is ancient
        "fedora,     40, false, IFCFG",
        "fedora,     41, false, KEYFILE",
        "fedora,     42, false, KEYFILE",
        "rhel,       0,  false, IFCFG",   // VERSION_ID missing or unparsable: the conservative format
        "rhel,       8,  true,  KEYFILE", // the operator's setting wins on systems that read both
        "centos,     7,  true,  KEYFILE",
        "fedora,     40, true,  KEYFILE",
        "rhel,       10, true,  KEYFILE",
    })
    void choosesTheFormatNetworkManagerReads(String osId, int major, boolean setting, RhelFormat expected) {
        assertEquals(expected, RhelFormat.choose(osId, major, setting));
    }
}
