/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A small LCS line diff producing unified-diff text ({@code --- a/x}, {@code +++ b/x}, hunks with
 * 3 lines of context) for {@code resetnetwork --dry-run}. Network files are small, so the O(n*m)
 * table is fine.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /**
     * @param path   root-relative path used in the headers
     * @param before old content, or null when the file does not exist
     * @param after  new content, or null when the file is removed
     * @return the diff text, empty when equal
     */
    public static String diff(String path, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // ops: ' ' keep, '-' delete, '+' insert, with the line and its old/new line numbers
        List<char[]> kinds = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<int[]> pos = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                kinds.add(new char[] {' '}); text.add(a.get(i)); pos.add(new int[] {i++, j++});
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                kinds.add(new char[] {'-'}); text.add(a.get(i)); pos.add(new int[] {i++, j});
            } else {
                kinds.add(new char[] {'+'}); text.add(b.get(j)); pos.add(new int[] {i, j++});
            }
        }
        StringBuilder out = new StringBuilder();
        int k = 0;
        while (k < kinds.size()) {
            if (kinds.get(k)[0] == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            int lastChange = k;
            while (end < kinds.size() && (kinds.get(end)[0] != ' ' || end - lastChange <= 2 * CONTEXT)) {
                if (kinds.get(end)[0] != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(kinds.size(), lastChange + CONTEXT + 1);
            int oldCount = 0;
            int newCount = 0;
            for (int x = start; x < end; x++) {
                char c = kinds.get(x)[0];
                oldCount += c == '+' ? 0 : 1;
                newCount += c == '-' ? 0 : 1;
            }
            if (out.length() == 0) {
                out.append("--- ").append(before == null ? "/dev/null" : "a/" + path).append('\n');
                out.append("+++ ").append(after == null ? "/dev/null" : "b/" + path).append('\n');
            }
            int oldStart = oldCount == 0 ? pos.get(start)[0] : pos.get(start)[0] + 1;
            int newStart = newCount == 0 ? pos.get(start)[1] : pos.get(start)[1] + 1;
            out.append("@@ -").append(oldStart).append(',').append(oldCount)
                    .append(" +").append(newStart).append(',').append(newCount).append(" @@\n");
            for (int x = start; x < end; x++) {
                out.append(kinds.get(x)[0]).append(text.get(x)).append('\n');
            }
            k = end;
        }
        return out.toString();
    }

    private static List<String> lines(String content) {
        List<String> out = new ArrayList<>();
        if (content == null || content.isEmpty()) {
            return out;
        }
        String[] parts = content.split("\n", -1);
        int count = content.endsWith("\n") ? parts.length - 1 : parts.length;
        for (int x = 0; x < count; x++) {
            out.add(parts[x]);
        }
        return out;
    }
}
