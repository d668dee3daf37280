/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.netplan.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.novaagent.network.ForeignConfigTakeover;
import org.novaagent.network.NetInterface;

/**
 * Comments out, in another tool's netplan YAML, the {@code network.ethernets} entries that match
 * a NIC nova-agent configures: by ID, by {@code match: macaddress}, by {@code match: name} (glob)
 * or {@code set-name}. netplan merges every file, so a matching entry would add its addresses,
 * routes and DNS to ours. Works on block-style YAML line by line (what cloud-init, 2.x and
 * installers write); when the file mentions one of our NICs but has no block structure to edit
 * (flow style), every line is commented out. Entries for other NICs stay. Pure.
 */
final class NetplanYamlEditor {

    /**
     * @param content  the edited file, or the original when nothing matched
     * @param affected our NICs the file configured
     */
    record Result(String content, List<String> affected) {
    }

    private static final Pattern KEY = Pattern.compile("^( *)([^\\s#][^:]*?)\\s*:(.*)$");
    private static final Pattern MAC = Pattern.compile("macaddress\\s*:\\s*[\"']?([0-9A-Fa-f:]{17})");
    private static final Pattern NAME = Pattern.compile("(?<![\\w-])(?:set-)?name\\s*:\\s*[\"']?([^\"'\\s,}#]+)");

    private NetplanYamlEditor() {
    }

    static Result disable(String content, List<NetInterface> ours) {
        List<String> lines = new ArrayList<>(content.lines().toList());
        int ethernets = findEthernets(lines);
        if (ethernets < 0) {
            return fallback(content, lines, ours);
        }
        int parentIndent = indent(lines.get(ethernets));
        List<int[]> children = new ArrayList<>();
        int childIndent = -1;
        for (int i = ethernets + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.strip().startsWith("#")) {
                continue;
            }
            int ind = indent(l);
            if (ind <= parentIndent) {
                break;
            }
            if (childIndent < 0) {
                childIndent = ind;
            }
            if (ind == childIndent) {
                children.add(new int[] {i, i + 1});
            } else if (!children.isEmpty()) {
                children.get(children.size() - 1)[1] = i + 1;
            }
        }
        Set<String> affected = new LinkedHashSet<>();
        int disabled = 0;
        for (int[] child : children) {
            List<String> block = lines.subList(child[0], child[1]);
            Matcher key = KEY.matcher(block.get(0));
            String id = key.matches() ? unquote(key.group(2)) : "";
            List<String> hit = matching(id, String.join("\n", block), ours);
            if (!hit.isEmpty()) {
                affected.addAll(hit);
                disabled++;
                for (int i = child[0]; i < child[1]; i++) {
                    if (!lines.get(i).isBlank()) {
                        lines.set(i, ForeignConfigTakeover.DISABLED + lines.get(i));
                    }
                }
            }
        }
        if (affected.isEmpty()) {
            return new Result(content, List.of());
        }
        if (disabled == children.size()) {
            lines.set(ethernets, ForeignConfigTakeover.DISABLED + lines.get(ethernets));
        }
        return new Result(join(lines), List.copyOf(affected));
    }

    /** Index of a block-style {@code ethernets:} directly under a block-style top-level {@code network:}, or -1. */
    private static int findEthernets(List<String> lines) {
        boolean inNetwork = false;
        int childIndent = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.strip().startsWith("#")) {
                continue;
            }
            Matcher m = KEY.matcher(l);
            int ind = indent(l);
            if (ind == 0) {
                inNetwork = m.matches() && m.group(2).equals("network") && isEmptyValue(m.group(3));
                childIndent = -1;
                continue;
            }
            if (!inNetwork) {
                continue;
            }
            if (childIndent < 0) {
                childIndent = ind;
            }
            if (ind == childIndent && m.matches() && m.group(2).equals("ethernets")) {
                return isEmptyValue(m.group(3)) ? i : -1;
            }
        }
        return -1;
    }

    /** Our NICs this entry configures. */
    static List<String> matching(String id, String block, List<NetInterface> ours) {
        List<String> macs = new ArrayList<>();
        Matcher mac = MAC.matcher(block);
        while (mac.find()) {
            macs.add(mac.group(1).toLowerCase(Locale.ROOT));
        }
        List<Pattern> names = new ArrayList<>();
        Matcher name = NAME.matcher(block);
        while (name.find()) {
            names.add(glob(name.group(1)));
        }
        List<String> out = new ArrayList<>();
        for (NetInterface nic : ours) {
            if (id.equals(nic.name()) || macs.contains(nic.mac())
                    || names.stream().anyMatch(p -> p.matcher(nic.name()).matches())) {
                out.add(nic.name());
            }
        }
        return out;
    }

    /** No block structure: if the text names one of our NICs at all, every line is commented out. */
    private static Result fallback(String content, List<String> lines, List<NetInterface> ours) {
        String active = String.join("\n", lines.stream().filter(l -> !l.strip().startsWith("#")).toList());
        String lower = active.toLowerCase(Locale.ROOT);
        List<String> hit = new ArrayList<>();
        for (NetInterface nic : ours) {
            if (lower.contains(nic.mac()) || Pattern.compile("(?<![\\w-])" + Pattern.quote(nic.name()) + "\\s*[\"']?\\s*:")
                    .matcher(active).find()) {
                hit.add(nic.name());
            }
        }
        if (hit.isEmpty()) {
            return new Result(content, List.of());
        }
        lines.replaceAll(l -> l.isBlank() || l.strip().startsWith("#") ? l : ForeignConfigTakeover.DISABLED + l);
        return new Result(join(lines), hit);
    }

    private static boolean isEmptyValue(String rest) {
        String r = rest.strip();
        return r.isEmpty() || r.startsWith("#");
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char c : g.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }

    private static String unquote(String s) {
        return s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))
                ? s.substring(1, s.length() - 1) : s;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String join(List<String> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }
}
