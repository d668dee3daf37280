/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.internal;

import java.util.Optional;

/**
 * Strict textual IPv4/IPv6 parsing and canonical formatting, so that no input ever reaches
 * {@code InetAddress.getByName} (which would do a DNS lookup for anything that is not a literal).
 */
public final class IpText {

    private IpText() {
    }

    /**
     * Parses a dotted quad: exactly four decimal parts 0-255, no leading zeros, no spaces.
     *
     * @param text candidate text
     * @return the four bytes as an unsigned 32-bit value, or empty when invalid
     */
    public static Optional<Long> parseIpv4(String text) {
        if (text == null || text.isEmpty() || text.length() > 15) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return Optional.empty();
            }
            for (int i = 0; i < part.length(); i++) {
                if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                    return Optional.empty();
                }
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            value = (value << 8) | octet;
        }
        return Optional.of(value);
    }

    /**
     * @param value an unsigned 32-bit address
     * @return dotted-quad text
     */
    public static String formatIpv4(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }

    /**
     * Parses an IPv6 literal (RFC 4291 text forms, optional trailing dotted quad, no zone id).
     *
     * @param text candidate text
     * @return the 8 groups, or empty when invalid
     */
    public static Optional<int[]> parseIpv6(String text) {
        if (text == null || text.length() < 2 || text.length() > 45 || text.indexOf('%') >= 0) {
            return Optional.empty();
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        int[] headGroups = groups(head, gap < 0 || tail.isEmpty());
        int[] tailGroups = gap >= 0 ? groups(tail, true) : new int[0];
        if (headGroups == null || tailGroups == null) {
            return Optional.empty();
        }
        int total = headGroups.length + tailGroups.length;
        if ((gap < 0 && total != 8) || (gap >= 0 && total > 7)) {
            return Optional.empty();
        }
        int[] result = new int[8];
        System.arraycopy(headGroups, 0, result, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, result, 8 - tailGroups.length, tailGroups.length);
        return Optional.of(result);
    }

    /** Splits colon-separated hex groups; the last may be a dotted quad when allowed. */
    private static int[] groups(String part, boolean mayEndWithIpv4) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] items = part.split(":", -1);
        int extra = 0;
        String last = items[items.length - 1];
        Optional<Long> v4 = Optional.empty();
        if (last.indexOf('.') >= 0) {
            if (!mayEndWithIpv4) {
                return null;
            }
            v4 = parseIpv4(last);
            if (v4.isEmpty()) {
                return null;
            }
            extra = 1;
        }
        int hexCount = items.length - (v4.isPresent() ? 1 : 0);
        int[] out = new int[hexCount + extra * 2];
        for (int i = 0; i < hexCount; i++) {
            String g = items[i];
            if (g.isEmpty() || g.length() > 4) {
                return null;
            }
            int value = 0;
            for (int c = 0; c < g.length(); c++) {
                int d = hexDigit(g.charAt(c));
                if (d < 0) {
                    return null;
                }
                value = (value << 4) | d;
            }
            out[i] = value;
        }
        if (v4.isPresent()) {
            out[hexCount] = (int) (v4.get() >> 16);
            out[hexCount + 1] = (int) (v4.get() & 0xFFFF);
        }
        return out;
    }

    /**
     * @param c a character
     * @return its value as an ASCII hex digit, or -1 ({@link Character#digit} also accepts
     *         full-width and other Unicode digits, which no address text may carry)
     */
    public static int hexDigit(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    /**
     * Formats 8 groups in the RFC 5952 canonical form (lower case, longest zero run compressed).
     *
     * @param g the groups
     * @return canonical text
     */
    public static String formatIpv6(int[] g) {
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /**
     * @param text candidate text
     * @return the canonical IPv4 or IPv6 text, or empty when it is neither
     */
    public static Optional<String> canonical(String text) {
        Optional<Long> v4 = parseIpv4(text);
        if (v4.isPresent()) {
            return Optional.of(formatIpv4(v4.get()));
        }
        return parseIpv6(text).map(IpText::formatIpv6);
    }

    /**
     * Converts a dotted netmask to a prefix length.
     *
     * @param netmask dotted netmask
     * @return the prefix, -1 when the text is not an address, -2 when the mask is non-contiguous
     */
    public static int prefixOfNetmask(String netmask) {
        Optional<Long> mask = parseIpv4(netmask);
        if (mask.isEmpty()) {
            return -1;
        }
        long m = mask.get();
        int prefix = Long.bitCount(m);
        long expected = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return m == expected ? prefix : -2;
    }
}
