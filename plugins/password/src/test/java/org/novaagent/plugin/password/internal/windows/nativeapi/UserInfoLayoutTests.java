/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows.nativeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The lmaccess.h offsets, worked out by hand for 32-bit and 64-bit Windows. */
class UserInfoLayoutTests {

    @Test
    void userInfo23SidOffset() {
        // name, full_name, comment: 3 x 8 = 24; flags at 24..28; padded to 32 for the PSID
        assertEquals(32, UserInfoLayout.sidOffset(8));
        // 3 x 4 = 12; flags 12..16; the PSID follows directly
        assertEquals(16, UserInfoLayout.sidOffset(4));
    }

    @Test
    void userInfo0EntriesAndUserInfo1003() {
        assertEquals(0, UserInfoLayout.nameEntryOffset(8, 0));
        assertEquals(24, UserInfoLayout.nameEntryOffset(8, 3));
        assertEquals(12, UserInfoLayout.nameEntryOffset(4, 3));
        assertEquals(8, UserInfoLayout.passwordInfoSize(8));
        assertEquals(4, UserInfoLayout.passwordInfoSize(4));
    }

    @Test
    void levels() {
        assertEquals(0, UserInfoLayout.LEVEL_NAMES);
        assertEquals(23, UserInfoLayout.LEVEL_SID);
        assertEquals(1003, UserInfoLayout.LEVEL_PASSWORD);
    }
}
