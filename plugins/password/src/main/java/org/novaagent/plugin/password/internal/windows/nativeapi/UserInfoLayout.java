/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows.nativeapi;

/**
 * Where the fields we read sit in the {@code lmaccess.h} structs, computed from the pointer size
 * instead of a jnr {@code Struct}, so the layout is written down once and unit-tested for 32 and
 * 64 bits.
 */
final class UserInfoLayout {

    /** {@code NetUserEnum} level: {@code USER_INFO_0 { LPWSTR usri0_name; }}. */
    static final int LEVEL_NAMES = 0;
    /** {@code NetUserGetInfo} level whose struct carries the SID. */
    static final int LEVEL_SID = 23;
    /** {@code NetUserSetInfo} level: {@code USER_INFO_1003 { LPWSTR usri1003_password; }}. */
    static final int LEVEL_PASSWORD = 1003;

    private UserInfoLayout() {
    }

    /**
     * @param addressSize the pointer size in bytes (4 or 8)
     * @return the byte offset of entry {@code index} in a {@code USER_INFO_0} array
     */
    static long nameEntryOffset(int addressSize, int index) {
        return (long) addressSize * index;
    }

    /**
     * {@code USER_INFO_23 { LPWSTR name; LPWSTR full_name; LPWSTR comment; DWORD flags; PSID
     * user_sid; }}: three pointers, a 4-byte DWORD padded to pointer alignment, then the SID
     * pointer. That is 16 bytes on 32-bit and 32 on 64-bit, so 4 pointers in both cases.
     *
     * @param addressSize the pointer size in bytes (4 or 8)
     * @return the byte offset of {@code usri23_user_sid}
     */
    static long sidOffset(int addressSize) {
        long flagsEnd = 3L * addressSize + 4;
        return (flagsEnd + addressSize - 1) / addressSize * addressSize;
    }

    /** @return the size of {@code USER_INFO_1003}: one pointer */
    static int passwordInfoSize(int addressSize) {
        return addressSize;
    }
}
