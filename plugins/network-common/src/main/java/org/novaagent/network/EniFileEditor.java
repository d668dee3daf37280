/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Edits the operator's {@code /etc/network/interfaces} (ENI) as text, for every renderer that
 * writes ENI (Debian's ifupdown, Alpine's ifupdown-ng): finds our marked block, keeps every line
 * we do not own (upstream issue #70: {@code source} lines were lost), and comments out stanzas
 * for interfaces that nova-agent now configures, so ifupdown never sees two definitions of the
 * same interface (ifupdown-ng would even merge them: a leftover {@code inet dhcp} plus our
 * addresses). Pure: works on strings only.
 */
public final class EniFileEditor {

    /** First line of our block in the main file. */
    public static final String BEGIN = "# BEGIN nova-agent";
    /** Last line of our block in the main file. */
    public static final String END = "# END nova-agent";
    /** Prefix of a line we disabled; a comment, so a second run leaves it alone. */
    public static final String DISABLED = ForeignConfigTakeover.DISABLED;

    /** Where our stanzas go when the main file includes this directory (guest-absolute). */
    public static final String DROP_IN = "/etc/network/interfaces.d/50-nova-agent";

    private static final Pattern WS = Pattern.compile("\\s+");
    private static final Set<String> STANZA_STARTS = Set.of("iface", "mapping", "auto", "source",
            "source-directory", "no-auto-down", "no-scripts", "rename", "template");

    /**
     * The file split around our block, with owned stanzas outside it disabled.
     *
     * @param before    lines before the old block (or all lines when there was none)
     * @param after     lines after the old block (empty when there was none)
     * @param hadBlock  whether an old block was found
     * @param sourcesDropIn whether a line outside the block includes {@link #DROP_IN}
     */
    public record Edited(List<String> before, List<String> after, boolean hadBlock, boolean sourcesDropIn) {
        /** Copies the lists. */
        public Edited {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }
    }

    private EniFileEditor() {
    }

    /**
     * @param content the current file
     * @param owned   interface names nova-agent configures (their {@code name:N} aliases are owned too)
     * @return the edited file
     * @throws IllegalArgumentException when a {@code BEGIN} marker has no matching {@code END}
     */
    public static Edited edit(String content, Set<String> owned) {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        List<String> target = before;
        boolean inBlock = false;
        boolean hadBlock = false;
        boolean inOwnedStanza = false;
        boolean sources = false;
        for (String line : content.lines().toList()) {
            String trimmed = line.strip();
            if (inBlock) {
                if (trimmed.startsWith(END)) {
                    inBlock = false;
                }
                continue;
            }
            if (trimmed.startsWith(BEGIN)) {
                if (hadBlock) {
                    throw new IllegalArgumentException("etc/network/interfaces has two '" + BEGIN + "' blocks");
                }
                inBlock = true;
                hadBlock = true;
                target = after;
                continue;
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                target.add(line);
                continue;
            }
            String[] words = WS.split(trimmed);
            String keyword = words[0];
            if (!STANZA_STARTS.contains(keyword) && !keyword.startsWith("allow-")) {
                target.add(inOwnedStanza ? DISABLED + line : line);
                continue;
            }
            inOwnedStanza = false;
            switch (keyword) {
                case "iface", "mapping" -> {
                    inOwnedStanza = words.length > 1 && isOwned(words[1], owned);
                    target.add(inOwnedStanza ? DISABLED + line : line);
                }
                case "source", "source-directory" -> {
                    sources |= includesDropIn(keyword, words);
                    target.add(line);
                }
                case "auto", "no-auto-down", "no-scripts" -> disableNames(line, words, owned, target);
                default -> {
                    if (keyword.startsWith("allow-")) {
                        disableNames(line, words, owned, target);
                    } else {
                        target.add(line);
                    }
                }
            }
        }
        if (inBlock) {
            throw new IllegalArgumentException("etc/network/interfaces has '" + BEGIN + "' without '" + END + "'");
        }
        return new Edited(before, after, hadBlock, sources);
    }

    /** {@code auto lo eth0} with eth0 owned becomes the disabled original plus {@code auto lo}. */
    private static void disableNames(String line, String[] words, Set<String> owned, List<String> target) {
        List<String> kept = new ArrayList<>();
        boolean changed = false;
        for (int i = 1; i < words.length; i++) {
            if (isOwned(words[i], owned)) {
                changed = true;
            } else {
                kept.add(words[i]);
            }
        }
        if (!changed) {
            target.add(line);
            return;
        }
        target.add(DISABLED + line);
        if (!kept.isEmpty()) {
            target.add(words[0] + " " + String.join(" ", kept));
        }
    }

    static boolean isOwned(String ifname, Set<String> owned) {
        int colon = ifname.indexOf(':');
        return owned.contains(colon < 0 ? ifname : ifname.substring(0, colon));
    }

    /** True when a {@code source}/{@code source-directory} line would read our drop-in file. */
    static boolean includesDropIn(String keyword, String[] words) {
        for (int i = 1; i < words.length; i++) {
            String path = absolute(words[i]);
            if (keyword.equals("source-directory")) {
                if (stripSlashes(path).equals("/etc/network/interfaces.d")) {
                    return true;
                }
            } else if (globToRegex(path).matcher(DROP_IN).matches()) {
                return true;
            }
        }
        return false;
    }

    /** ifupdown resolves relative paths against the directory of the including file. */
    private static String absolute(String path) {
        return path.startsWith("/") ? path : "/etc/network/" + path;
    }

    private static String stripSlashes(String path) {
        String p = path.replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** Shell glob ({@code *}, {@code ?}, {@code [...]}) to a regex over one path. */
    static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        String g = glob.replaceAll("/+", "/");
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int close = g.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String set = g.substring(i + 1, close);
                        if (set.startsWith("!")) {
                            set = "^" + set.substring(1);
                        }
                        re.append('[').append(set.replace("\\", "\\\\")).append(']');
                        i = close;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
