/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.novaagent.runtime.trust.StrictModes.Kind;
import org.novaagent.runtime.trust.TrustRule;

/**
 * The private copies of {@link PrivateJarCopies} where directory streams are not secure (Windows:
 * no {@code openat}): each jar is re-checked with the trust rule (its ACL) right before it is
 * copied by path, and left out when its size or modification time changed during the copy. The
 * private directory is created under the agent's temp directory, which for LocalSystem is
 * {@code C:\Windows\Temp} (not writable by users); the copies inherit its ACL.
 */
final class WindowsJarCopies {

    private WindowsJarCopies() {
    }

    static PrivateJarCopies.Copies copy(TrustRule rule, boolean insecureAllowed, List<Path> jars, Path target) {
        Map<Path, Path> originals = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path jar : jars) {
            try {
                List<String> now = rule.problems(jar, Kind.PLUGIN_JAR);
                if (!now.isEmpty() && !insecureAllowed) {
                    throw new IOException(String.join("; ", now));
                }
                BasicFileAttributes before = Files.readAttributes(jar, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!before.isRegularFile()) {
                    throw new IOException(before.isSymbolicLink() ? "is a symbolic link" : "is not a regular file");
                }
                Path copy = target.resolve(jar.getFileName().toString());
                Files.copy(jar, copy, LinkOption.NOFOLLOW_LINKS);
                copy.toFile().deleteOnExit();
                BasicFileAttributes after = Files.readAttributes(jar, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (after.size() != before.size() || !after.lastModifiedTime().equals(before.lastModifiedTime())
                        || Files.size(copy) != before.size()) {
                    Files.delete(copy);
                    throw new IOException("changed while it was being loaded (replaced or written to); try again");
                }
                originals.put(copy, jar);
            } catch (IOException e) {
                problems.add("plugin jar " + jar + " not loaded: " + e.getMessage());
            }
        }
        return new PrivateJarCopies.Copies(target, originals, problems);
    }
}
