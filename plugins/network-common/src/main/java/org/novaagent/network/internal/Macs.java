/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.internal;

import java.util.Locale;
import java.util.Optional;

/** MAC address normalisation in one place: XenStore keys, {@code mac} fields and sysfs all differ in case and separators. */
public final class Macs {

    private Macs() {
    }

    /**
     * Normalises a MAC to 12 lower-case hex digits, accepting {@code :}, {@code -} and {@code .}
     * separators or none.
     *
     * @param text candidate text
     * @return the 12 digits, or empty when the text is not a 48-bit MAC
     */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '-' || c == '.') {
                continue;
            }
            if (IpText.hexDigit(c) < 0) {
                return Optional.empty();
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.length() == 12 ? Optional.of(sb.toString()) : Optional.empty();
    }

    /**
     * @param twelveHex 12 lower-case hex digits
     * @return colon form, e.g. {@code bc:76:4e:20:75:72}
     */
    public static String colon(String twelveHex) {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(twelveHex, i, i + 2);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
