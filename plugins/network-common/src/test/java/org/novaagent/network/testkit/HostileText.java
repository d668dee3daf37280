/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The characters a tenant or a compromised host could put into XenStore to escape a rendered file
 * (issue #19, finding 3): every line break libyaml, bash, ifupdown or GKeyFile knows, quotes,
 * comment, escape and expansion characters, NUL, bidi controls, look-alikes and a lone surrogate.
 * {@link #values()} turns them into the strings the property tests feed through every field.
 */
public final class HostileText {

    /** The interface name every {@link #payload} tries to add; it must never reach a validator's output. */
    public static final String EVIL = "evil0";

    /** Line breaks in any of the formats (YAML 1.1 also breaks at U+0085, U+2028, U+2029). */
    public static final Map<String, String> LINE_BREAKS = named(
            "LF", "\n", "CR", "\r", "CRLF", "\r\n", "VT", "\u000B", "FF", "\u000C", "NEL", "\u0085",
            "LS", "\u2028", "PS", "\u2029", "NUL", "\u0000", "RS", "\u001E");

    /** Everything else a format or a shell reads specially, plus invisible and look-alike characters. */
    public static final Map<String, String> SPECIALS = named(
            "TAB", "\t", "dquote", "\"", "squote", "'", "backslash", "\\", "hash", "#", "semicolon", ";",
            "dollar", "$", "backtick", "`", "subshell", "$(touch PWNED)", "param", "${PWD}", "brackets", "[x]",
            "equals", "=", "colon", ": ", "braces", "{a: b}", "percent", "%", "bang", "!", "amp", "&", "pipe", "|",
            "lt-gt", "<>", "star", "*", "question", "?", "tilde", "~", "dash-start", "-x", "yaml-anchor", "&a *a",
            "yaml-tag", "!!python/object", "yaml-doc", "---", "ESC", "\u001B[31m", "DEL", "\u007F",
            "NBSP", "\u00A0", "ideographic-space", "\u3000", "LRE", "\u202A", "RLE", "\u202B", "PDF", "\u202C",
            "LRO", "\u202D", "RLO", "\u202E", "LRI", "\u2066", "RLI", "\u2067", "FSI", "\u2068", "PDI", "\u2069",
            "LRM", "\u200E", "RLM", "\u200F", "ALM", "\u061C", "ZWSP", "\u200B", "BOM", "\uFEFF",
            "emoji", "\uD83D\uDE00", "lone-surrogate", "\uDC00", "fullwidth-hash", "\uFF03", "fullwidth-colon", "\uFF1A",
            "fullwidth-zero", "\uFF10", "fullwidth-A", "\uFF21", "arabic-indic-zero", "\u0660");

    private HostileText() {
    }

    /**
     * One line per format, each trying to add interface {@value #EVIL} when {@code sep} ends the line
     * the text was written into: netplan YAML, ifupdown, ifcfg (shell, including command substitution)
     * and a NetworkManager keyfile; the trailing backslash tries to swallow the next line.
     *
     * @param sep the separator to try
     * @return the payload
     */
    public static String payload(String sep) {
        return "public" + sep + "    " + EVIL + ":" + sep + "      match: {name: eth9}" + sep + "      dhcp4: true"
                + sep + "auto " + EVIL + sep + "iface " + EVIL + " inet dhcp" + sep + "DEVICE=" + EVIL + sep
                + "$(touch PWNED)`touch PWNED`" + sep + "[connection]" + sep + "interface-name=" + EVIL + sep + "\\";
    }

    /**
     * The label of issue #19 finding 3 as reported: after the renderer's {@code # label: } comment,
     * it opens a new ethernet {@value #EVIL} matching eth1 with DHCP and an attacker's DNS server, then
     * starts a comment that swallows the rest of the original line.
     *
     * @param sep the line break libyaml honours and the old emitter kept (U+0085, U+2028, U+2029)
     * @return the label
     */
    public static String issue19Label(String sep) {
        return "public" + sep + "    " + EVIL + ":" + sep + "      match: {name: eth1}" + sep + "      dhcp4: true" + sep
                + "      nameservers: {addresses: [203.0.113.66]}" + sep + "    #";
    }

    /**
     * @return name to hostile string: each line break and special alone, and {@link #payload} with each line break
     */
    public static Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        LINE_BREAKS.forEach((name, c) -> out.put(name, c));
        SPECIALS.forEach((name, c) -> out.put(name, c));
        LINE_BREAKS.forEach((name, c) -> out.put("payload-" + name, payload(c)));
        return out;
    }

    private static Map<String, String> named(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    /** @return the names of {@link #values()}, for display */
    public static List<String> names() {
        return new ArrayList<>(values().keySet());
    }
}
