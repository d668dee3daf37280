/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.file.inject.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.novaagent.api.CommandException;

/**
 * A host-supplied Windows path ({@code C:\Users\Administrator\file.txt}), checked and split into
 * names below the drive. Exists so that no host input can name anything but a plain file on the
 * system drive: the old C# agent only matched {@code ^[A-Za-z]:\...} and then let Windows
 * interpret the rest (docs/protocol.md §6.1). Refused: UNC and device paths ({@code \\server\share},
 * {@code \\?\}, {@code \\.\}), drive-relative ({@code C:x}) and rooted-without-drive ({@code \x})
 * paths, another drive than the system drive, empty, {@code .} and {@code ..} names (traversal),
 * alternate data streams ({@code file.txt:stream}), the characters {@code <>"|?*} and control
 * characters, names ending in a dot or a space (Windows silently drops them, so a different file
 * would be written than the one named), names longer than 255 characters, and reserved device names
 * ({@code CON}, {@code NUL}, {@code COM1}, {@code LPT1.txt}, ...) that would open a device instead
 * of a file. {@code /} is accepted as a separator, as Windows does.
 *
 * @param drive the drive letter, upper case
 * @param names the names below the drive, never empty, each checked
 */
record WindowsTargetPath(char drive, List<String> names) {

    private static final int MAX_PATH_CHARS = 4096;
    private static final int MAX_NAME_CHARS = 255;
    private static final Pattern ABSOLUTE = Pattern.compile("[A-Za-z]:[\\\\/].*", Pattern.DOTALL);
    private static final Pattern SEPARATOR = Pattern.compile("[\\\\/]");
    private static final Pattern DRIVE_ROOT = Pattern.compile("([A-Za-z]):[\\\\/]?");
    /** Device names Windows opens whatever the directory and extension (and ¹²³ variants, as Windows 11 does). */
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00b9", "COM\u00b2",
            "COM\u00b3", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00b9",
            "LPT\u00b2", "LPT\u00b3");

    /** Copies the names. */
    WindowsTargetPath {
        names = List.copyOf(names);
    }

    /**
     * @param guestPath   the path as sent by the host
     * @param systemDrive the drive the target root stands for ({@link #systemDrive})
     * @return the checked path
     * @throws CommandException {@code "500"} {@code Invalid path: ...} naming the rule that was broken
     */
    static WindowsTargetPath parse(String guestPath, char systemDrive) throws CommandException {
        if (guestPath.isEmpty() || guestPath.length() > MAX_PATH_CHARS) {
            throw invalid("empty or longer than " + MAX_PATH_CHARS + " characters", guestPath);
        }
        for (int i = 0; i < guestPath.length(); i++) {
            if (guestPath.charAt(i) < 0x20 || guestPath.charAt(i) == 0x7f) {
                throw invalid("contains a NUL or control character", guestPath);
            }
        }
        if (guestPath.startsWith("\\\\") || guestPath.startsWith("//")) {
            throw invalid("UNC and device paths (\\\\server\\share, \\\\?\\, \\\\.\\) are refused", guestPath);
        }
        if (!ABSOLUTE.matcher(guestPath).matches()) {
            throw invalid("must be absolute with a drive letter (C:\\...)", guestPath);
        }
        char drive = Character.toUpperCase(guestPath.charAt(0));
        if (drive != Character.toUpperCase(systemDrive)) {
            throw invalid("drive " + drive + ": is not the system drive " + Character.toUpperCase(systemDrive)
                    + ": (only the system drive is written)", guestPath);
        }
        List<String> names = new ArrayList<>();
        for (String name : SEPARATOR.split(guestPath.substring(3), -1)) {
            names.add(checkName(name, guestPath));
        }
        return new WindowsTargetPath(drive, names);
    }

    private static String checkName(String name, String guestPath) throws CommandException {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw invalid("must be normalised (no '.', '..' or empty names)", guestPath);
        }
        if (name.indexOf(':') >= 0) {
            throw invalid("names an alternate data stream (':' after the drive)", guestPath);
        }
        for (char c : new char[] {'<', '>', '"', '|', '?', '*'}) {
            if (name.indexOf(c) >= 0) {
                throw invalid("contains a character Windows does not allow in names (<>:\"|?*)", guestPath);
            }
        }
        if (name.endsWith(".") || name.endsWith(" ")) {
            throw invalid("a name ends with a dot or a space, which Windows drops", guestPath);
        }
        if (name.length() > MAX_NAME_CHARS) {
            throw invalid("a name is longer than " + MAX_NAME_CHARS + " characters", guestPath);
        }
        int dot = name.indexOf('.');
        String base = (dot < 0 ? name : name.substring(0, dot)).stripTrailing().toUpperCase(Locale.ROOT);
        if (RESERVED.contains(base)) {
            throw invalid("'" + name + "' is a reserved device name", guestPath);
        }
        return name;
    }

    /**
     * The drive the target root stands for: the root's own drive on a Windows JVM ({@code C:\}),
     * {@code C} for a Windows-shaped directory elsewhere (an image or a test tree).
     *
     * @param root the target root, as text
     * @return the drive letter, upper case
     */
    static char systemDrive(String root) {
        var m = DRIVE_ROOT.matcher(root);
        return m.matches() ? Character.toUpperCase(m.group(1).charAt(0)) : 'C';
    }

    /** @return the names joined by {@code /}: the path relative to the drive's root directory */
    String relative() {
        return String.join("/", names);
    }

    /**
     * @param relative a path relative to the drive, {@code /}-separated
     * @return it as Windows shows it: {@code C:\Users\bob}
     */
    String display(String relative) {
        return drive + ":\\" + relative.replace('/', '\\');
    }

    private static CommandException invalid(String rule, String guestPath) {
        return TargetResolver.fail("Invalid path: " + rule + ": " + TargetResolver.quote(guestPath));
    }
}
