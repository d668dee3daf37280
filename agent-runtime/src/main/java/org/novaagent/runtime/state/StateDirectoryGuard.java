/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.state;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.novaagent.runtime.trust.StrictModes;
import org.novaagent.runtime.trust.WindowsAclTrustRule;

/**
 * Who may change the Windows state directory, as its file system can say it: makes a new one
 * private and tells, on every use, why an existing one is not. {@link AclStateGuard} reads and
 * sets the NTFS ACL ({@link WindowsAclTrustRule#privateToAdministrators}); a Windows-shaped root on
 * a POSIX file system (tests, an image mounted on Linux) gets the POSIX rule ({@link StrictModes},
 * created 0700); a file system with neither is refused.
 */
public interface StateDirectoryGuard {

    /** @return the attributes a new state directory is created with (its ACL, or mode 0700) */
    FileAttribute<?>[] creationAttributes() throws IOException;

    /**
     * Called right after the agent created {@code dir}: sets its owner and access to the private ones.
     *
     * @param dir the new directory
     * @throws IOException when they cannot be set
     */
    void makePrivate(Path dir) throws IOException;

    /**
     * @param dir an existing directory of the agent's state
     * @return why someone other than the agent could change it; empty when it is private
     */
    List<String> problems(Path dir);

    /** @return how an operator makes it private (or that removing it lets the agent recreate it) */
    String fix();

    /**
     * @param fs the target root's file system
     * @return the ACL guard where the file system has an ACL view (NTFS), the POSIX one where it
     *         has POSIX modes, else a guard that refuses every directory
     */
    static StateDirectoryGuard forFileSystem(FileSystem fs) {
        if (fs.supportedFileAttributeViews().contains("acl")) {
            return AclStateGuard.forFileSystem(fs);
        }
        if (fs.supportedFileAttributeViews().contains("posix")) {
            return new StateDirectoryGuard() {
                private final StrictModes rule = StrictModes.forThisProcess();

                @Override
                public FileAttribute<?>[] creationAttributes() {
                    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};
                }

                @Override
                public void makePrivate(Path dir) {
                    // created 0700 (the umask only narrows it) and owned by this process
                }

                @Override
                public List<String> problems(Path dir) {
                    return rule.problems(dir, StrictModes.Kind.STATE_DIR);
                }

                @Override
                public String fix() {
                    return rule.fix();
                }
            };
        }
        return new StateDirectoryGuard() {
            @Override
            public FileAttribute<?>[] creationAttributes() {
                return new FileAttribute<?>[0];
            }

            @Override
            public void makePrivate(Path dir) {
            }

            @Override
            public List<String> problems(Path dir) {
                return List.of("cannot check who may change state directory " + dir
                        + ": its file system has neither ACLs nor POSIX modes");
            }

            @Override
            public String fix() {
                return "keep the state directory on an NTFS volume";
            }
        };
    }
}
