/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns whatever nova wrote into {@code vm-data/hostname} into a hostname the system accepts
 * (issue #10, section 2). nova derives it from the server's display name, and in rescue mode
 * prefixes {@code RESCUE-}; names over 63 characters, underscores, dots and non-ASCII letters are
 * routine. Such a name never fails {@code resetnetwork}: it is adjusted by these deterministic
 * rules, applied in order, and every adjustment is described for the log and the reply.
 *
 * <ol>
 *   <li>Surrounding whitespace (e.g. a trailing newline) is removed silently.</li>
 *   <li>Letters with accents are reduced to their base letter (Unicode NFKD, combining marks dropped):
 *       {@code Café} becomes {@code Cafe}.</li>
 *   <li>Each run of characters outside {@code A-Z a-z 0-9 - .} (with any hyphens around it)
 *       becomes one {@code -}: {@code web_01} becomes {@code web-01}.</li>
 *   <li>Labels are split at dots; empty labels (leading, trailing or doubled dots) are dropped;
 *       leading and trailing hyphens are removed from each label.</li>
 *   <li>Each label is cut to {@value #MAX_LABEL} characters (RFC 1123), then trailing hyphens removed.</li>
 *   <li>The whole name is cut to the length limit, {@value #KERNEL_MAX} by default (the kernel's
 *       {@code HOST_NAME_MAX}: {@code sethostname(2)} and systemd refuse longer names, so the RFC's
 *       253 is never reached), by dropping trailing labels; a first label longer than a smaller
 *       limit (e.g. NetBIOS' 15 on Windows) is cut.</li>
 *   <li>An empty result leaves the hostname as it was (as 2.x does for an empty value).</li>
 * </ol>
 * Case is kept ({@code RESCUE-web1} stays as nova wrote it); hostnames compare case-insensitively.
 */
public final class HostnameRules {

    /** Longest label (RFC 1123). */
    public static final int MAX_LABEL = 63;
    /** Longest hostname the kernel accepts ({@code HOST_NAME_MAX}). */
    public static final int KERNEL_MAX = 64;

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern COMBINING = Pattern.compile("\\p{M}+");
    private static final char BAD = '\u0000';

    private HostnameRules() {
    }

    /**
     * The result of {@link #normalise}.
     *
     * @param requested   the value nova wrote, unchanged
     * @param hostname    the hostname to set; empty when nothing usable was left
     * @param adjustments what was changed, in rule order; empty when the value was used as given
     */
    public record Result(String requested, Optional<String> hostname, List<String> adjustments) {
        /** Copies the list. */
        public Result {
            adjustments = List.copyOf(adjustments);
        }

        /** @return true when the hostname differs from the (trimmed) request */
        public boolean adjusted() {
            return !adjustments.isEmpty();
        }

        /** @return one line for the log and the reply, naming the request, the result and why; empty when unadjusted */
        public String describe() {
            if (!adjusted()) {
                return "";
            }
            String what = hostname.map(h -> "hostname set to '" + h + "'").orElse("hostname left unchanged");
            return XenStoreNetworkParser.HOSTNAME + " " + SafeText.quote(requested) + " adjusted: " + what + " ("
                    + String.join("; ", adjustments) + ")";
        }
    }

    /**
     * @param hostname candidate
     * @return true for names {@link #normalise} leaves alone: dot-separated RFC 1123 labels of 1-63
     *         letters, digits and inner hyphens, at most {@value #KERNEL_MAX} characters
     */
    public static boolean isValid(String hostname) {
        if (hostname == null || hostname.isEmpty() || hostname.length() > KERNEL_MAX) {
            return false;
        }
        for (String label : hostname.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param raw the value of {@code vm-data/hostname}
     * @return the hostname under the kernel's limit, with the adjustments made
     */
    public static Result normalise(String raw) {
        return normalise(raw, KERNEL_MAX);
    }

    /**
     * @param raw       the value of {@code vm-data/hostname}
     * @param maxLength the platform's limit for the whole name (1-{@value #KERNEL_MAX}), e.g. 15 for NetBIOS
     * @return the hostname, with the adjustments made
     */
    public static Result normalise(String raw, int maxLength) {
        if (maxLength < 1 || maxLength > KERNEL_MAX) {
            throw new IllegalArgumentException("maxLength must be 1-" + KERNEL_MAX + ": " + maxLength);
        }
        String requested = raw == null ? "" : raw;
        List<String> notes = new ArrayList<>();
        String s = requested.strip();
        String ascii = COMBINING.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        if (!ascii.equals(s)) {
            notes.add("accented letters reduced to ASCII");
        }
        StringBuilder marked = new StringBuilder(ascii.length());
        ascii.chars().forEach(c -> marked.append(isHostChar(c) ? (char) c : BAD));
        s = marked.toString();
        if (s.indexOf(BAD) >= 0) {
            notes.add("characters other than letters, digits, '-' and '.' replaced by '-'");
            s = s.replaceAll("-*\\x00[-\\x00]*", "-");
        }
        List<String> labels = new ArrayList<>();
        for (String label : s.split("\\.", -1)) {
            String l = stripHyphens(label);
            if (!l.isEmpty()) {
                labels.add(l);
            }
        }
        if (!String.join(".", labels).equals(s)) {
            notes.add("empty labels and leading or trailing hyphens removed");
        }
        if (labels.stream().anyMatch(l -> l.length() > MAX_LABEL)) {
            labels.replaceAll(l -> l.length() > MAX_LABEL ? stripHyphens(l.substring(0, MAX_LABEL)) : l);
            notes.add("labels cut to " + MAX_LABEL + " characters");
        }
        String name = String.join(".", labels);
        if (name.length() > maxLength) {
            while (labels.size() > 1 && String.join(".", labels).length() > maxLength) {
                labels.remove(labels.size() - 1);
            }
            name = String.join(".", labels);
            if (name.length() > maxLength) {
                name = stripHyphens(name.substring(0, maxLength));
            }
            notes.add("longer than " + maxLength + " characters, shortened");
        }
        if (name.isEmpty()) {
            if (!s.isEmpty()) {
                notes.add("no usable character");
            }
            return new Result(requested, Optional.empty(), notes);
        }
        return new Result(requested, Optional.of(name), notes);
    }

    private static boolean isHostChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.';
    }

    private static String stripHyphens(String label) {
        int b = 0;
        int e = label.length();
        while (b < e && label.charAt(b) == '-') {
            b++;
        }
        while (e > b && label.charAt(e - 1) == '-') {
            e--;
        }
        return label.substring(b, e);
    }
}
