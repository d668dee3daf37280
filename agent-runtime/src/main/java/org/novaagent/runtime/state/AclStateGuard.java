/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.state;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.function.Function;
import org.novaagent.runtime.trust.StrictModes;
import org.novaagent.runtime.trust.WindowsAclTrustRule;
import org.novaagent.runtime.trust.nativeapi.ProtectedDacl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state directory's guard on NTFS. A new directory gets, already in its {@code CreateDirectory}
 * call (the JDK's {@code acl:acl} attribute), a DACL of two entries, SYSTEM and Administrators with
 * full control handed down to files and subdirectories, so what {@code C:\ProgramData} hands down
 * (Users may add files and folders there) never applies; the same DACL is then set once more through
 * the ACL view (the JDK's {@code SetFileSecurityW}, which replaces the whole DACL, inherited entries
 * included), marked protected ({@code SE_DACL_PROTECTED}, which the JDK cannot do) through
 * {@code SetNamedSecurityInfoW} ({@link ProtectedDacl}, by well-known SID), so a later inheritance
 * reset on {@code C:\ProgramData} does not reach it, and the owner is set to Administrators. On every
 * use the directory is checked with {@link WindowsAclTrustRule#privateToAdministrators}: owner SYSTEM
 * or Administrators, no other principal with a right that changes it, accounts matched by well-known
 * SID. When the protected mark cannot be set it is logged and the directory used: the check on every
 * use still refuses it the moment anything else is granted.
 */
public final class AclStateGuard implements StateDirectoryGuard {

    private static final Logger LOG = LoggerFactory.getLogger(AclStateGuard.class);

    private final WindowsAclTrustRule rule;
    private final Function<Path, AclFileAttributeView> views;
    private final UserPrincipalLookupService lookup;
    private final boolean aclAtCreation;
    private final Protector protector;

    /** Marks a directory's DACL protected with full control for the given SIDs (advapi32, or a stand-in). */
    @FunctionalInterface
    public interface Protector {
        /**
         * @param dir  the directory
         * @param sids who gets full control
         * @throws IOException when it cannot be done
         */
        void protect(Path dir, List<String> sids) throws IOException;
    }

    /**
     * @param rule          the private-directory rule (its SID names come from advapi32 or a stand-in)
     * @param views         the ACL view of a path, not following links (tests: an in-memory model)
     * @param lookup        finds principals by name (the file system's, or the model's)
     * @param aclAtCreation hand the DACL to {@code CreateDirectory} (the JDK's Windows provider; a model
     *                      gets it through {@link #makePrivate} only)
     * @param protector     marks the new DACL protected ({@link ProtectedDacl} over advapi32, or a stand-in)
     */
    public AclStateGuard(WindowsAclTrustRule rule, Function<Path, AclFileAttributeView> views,
            UserPrincipalLookupService lookup, boolean aclAtCreation, Protector protector) {
        this.rule = rule;
        this.views = views;
        this.lookup = lookup;
        this.aclAtCreation = aclAtCreation;
        this.protector = protector;
    }

    /**
     * @param fs a file system with an ACL view
     * @return the guard over its views and principals, SIDs named through advapi32
     */
    static AclStateGuard forFileSystem(FileSystem fs) {
        return new AclStateGuard(WindowsAclTrustRule.privateToAdministrators(),
                p -> Files.getFileAttributeView(p, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS),
                fs.getUserPrincipalLookupService(), true,
                (dir, sids) -> ProtectedDacl.load("advapi32").set(dir.toString(), sids));
    }

    @Override
    public FileAttribute<?>[] creationAttributes() throws IOException {
        if (!aclAtCreation) {
            return new FileAttribute<?>[0];
        }
        List<AclEntry> acl = rule.privateAcl(lookup);
        return new FileAttribute<?>[] {new FileAttribute<List<AclEntry>>() {
            @Override
            public String name() {
                return "acl:acl";
            }

            @Override
            public List<AclEntry> value() {
                return acl;
            }
        }};
    }

    @Override
    public void makePrivate(Path dir) throws IOException {
        AclFileAttributeView view = views.apply(dir);
        if (view == null) {
            throw new IOException("cannot set the ACL of state directory " + dir + ": its file system has no ACL view");
        }
        view.setAcl(rule.privateAcl(lookup));
        try {
            protector.protect(dir, WindowsAclTrustRule.privateSids());
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.warn("state directory {}: its DACL is exact but not marked protected ({}); an inheritance reset on an"
                    + " ancestor would add entries, which the check on every use refuses", dir, e.getMessage());
        }
        try {
            view.setOwner(rule.administrators(lookup));
        } catch (IOException e) {
            // SYSTEM, its creator and owner otherwise, is as good an owner; the check says so if not
        }
    }

    @Override
    public List<String> problems(Path dir) {
        return rule.problems(dir, StrictModes.Kind.STATE_DIR);
    }

    @Override
    public String fix() {
        return rule.fix();
    }
}
