/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only RID 500 of a machine or domain SID is the built-in Administrator. */
class AdministratorSidTests {

    @ParameterizedTest
    @ValueSource(strings = {
        "S-1-5-21-3623811015-3361044348-30300820-500",
        "S-1-5-21-1-2-3-500",
        "S-1-5-21-4294967295-4294967295-4294967295-500"})
    void rid500IsTheAdministrator(String sid) {
        assertTrue(AdministratorSid.isBuiltinAdministrator(sid), sid);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "S-1-5-21-3623811015-3361044348-30300820-5001",
        "S-1-5-21-3623811015-3361044348-30300820-1500",
        "S-1-5-21-3623811015-3361044348-30300820-501",
        "S-1-5-21-3623811015-3361044348-30300820-1000",
        "S-1-5-21-3623811015-3361044348-500",
        "S-1-5-21-1-2-3-4-500",
        "S-1-5-32-544",
        "S-1-5-32-500",
        "S-1-5-21-1-2-3-500 ",
        " S-1-5-21-1-2-3-500",
        "s-1-5-21-1-2-3-500",
        "S-1-5-21-1-2-3-500\n",
        "S-1-5-21-1-2-x-500",
        "500",
        ""})
    void everythingElseIsNot(String sid) {
        assertFalse(AdministratorSid.isBuiltinAdministrator(sid), sid);
    }

    @org.junit.jupiter.api.Test
    void nullIsNot() {
        assertFalse(AdministratorSid.isBuiltinAdministrator(null));
    }
}
