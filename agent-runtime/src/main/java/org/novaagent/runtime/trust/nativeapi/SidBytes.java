/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.trust.nativeapi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.regex.Pattern;

/**
 * A SID in its string form ({@code S-1-5-32-544}) as the binary {@code SID} structure of winnt.h:
 * {@code BYTE Revision} (1), {@code BYTE SubAuthorityCount}, {@code SID_IDENTIFIER_AUTHORITY} (6
 * bytes, big-endian) and {@code DWORD SubAuthority[]} (little-endian, as x86 and ARM64 Windows store
 * them). Built here so that no second native call ({@code ConvertStringSidToSidW} + {@code LocalFree})
 * is needed.
 */
final class SidBytes {

    private static final Pattern FORM = Pattern.compile("S-1-\\d{1,15}(-\\d{1,10}){0,15}");
    private static final long MAX_AUTHORITY = (1L << 48) - 1;

    private SidBytes() {
    }

    /**
     * @param sid the string form, for example {@code S-1-5-18}
     * @return the binary SID
     * @throws IllegalArgumentException when {@code sid} is not a SID string with at most 15 sub-authorities
     */
    static byte[] of(String sid) {
        if (!FORM.matcher(sid).matches()) {
            throw new IllegalArgumentException("not a SID: " + sid);
        }
        String[] parts = sid.split("-");
        long authority = Long.parseLong(parts[2]);
        if (authority > MAX_AUTHORITY) {
            throw new IllegalArgumentException("identifier authority out of range: " + sid);
        }
        int subs = parts.length - 3;
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * subs).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) subs);
        for (int shift = 40; shift >= 0; shift -= 8) {
            b.put((byte) (authority >>> shift));
        }
        for (int i = 3; i < parts.length; i++) {
            long sub = Long.parseLong(parts[i]);
            if (sub > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("sub-authority out of range: " + sid);
            }
            b.putInt((int) sub);
        }
        return b.array();
    }
}
