/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Set;
import java.util.function.Function;

/**
 * The Windows rule, read from the NTFS ACL through {@link AclFileAttributeView}: the owner is
 * Administrators or SYSTEM, and no allow entry gives Users, Authenticated Users or Everyone a right
 * that changes the file or directory (write or append data, write attributes, delete, delete child,
 * write ACL, take ownership). Inherit-only entries count too: they hand the right to every jar
 * dropped in later. Deny entries are not subtracted (the rule stays simple and errs on refusing).
 * A path whose file system has no ACL view (a Windows-shaped root on Linux) is refused: the rule
 * cannot be checked, so it is not assumed to hold. Unlike {@link StrictModes} the ancestors are not
 * walked: NTFS rights are inherited down the tree, so an ancestor's ACL already shows in the path's
 * own (unless inheritance was cut, which is what the install script does to make it exactly its own).
 */
public final class WindowsAclTrustRule implements TrustRule {

    /** Owners the agent trusts: the accounts that run or install it. */
    static final Set<String> TRUSTED_OWNERS = Set.of("administrators", "system");
    /** Principals that must have no changing right. */
    static final Set<String> UNTRUSTED = Set.of("users", "authenticated users", "everyone");
    /** Rights that let the holder change what the agent loads. */
    static final Set<AclEntryPermission> CHANGING = EnumSet.of(AclEntryPermission.WRITE_DATA,
            AclEntryPermission.APPEND_DATA, AclEntryPermission.WRITE_ATTRIBUTES, AclEntryPermission.WRITE_NAMED_ATTRS,
            AclEntryPermission.DELETE, AclEntryPermission.DELETE_CHILD, AclEntryPermission.WRITE_ACL,
            AclEntryPermission.WRITE_OWNER);

    private final Function<Path, AclFileAttributeView> views;

    /** Reads the ACL with {@link Files#getFileAttributeView}, not following links. */
    public WindowsAclTrustRule() {
        this(p -> Files.getFileAttributeView(p, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS));
    }

    /** @param views the ACL view of a path, or null when its file system has none (tests hand in views) */
    WindowsAclTrustRule(Function<Path, AclFileAttributeView> views) {
        this.views = views;
    }

    @Override
    public List<String> problems(Path path, StrictModes.Kind kind) {
        String what = kind.label();
        List<String> problems = new ArrayList<>();
        AclFileAttributeView view = views.apply(path);
        if (view == null) {
            problems.add("cannot read the Windows ACL of " + what + " " + path + ": its file system has no ACL view");
            return problems;
        }
        try {
            String owner = view.getOwner().getName();
            if (!TRUSTED_OWNERS.contains(account(owner))) {
                problems.add(what + " " + path + " is owned by " + owner + ", not Administrators or SYSTEM");
            }
            List<AclEntry> acl = view.getAcl();
            for (AclEntry e : acl) {
                if (e.type() == AclEntryType.ALLOW && UNTRUSTED.contains(account(e.principal().getName()))) {
                    Set<AclEntryPermission> bad = EnumSet.noneOf(AclEntryPermission.class);
                    bad.addAll(e.permissions());
                    bad.retainAll(CHANGING);
                    if (!bad.isEmpty()) {
                        problems.add(what + " " + path + " lets " + e.principal().getName() + " change it "
                                + bad.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).sorted().toList());
                    }
                }
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            problems.add("cannot read the Windows ACL of " + what + " " + path + ": " + e);
        }
        return problems;
    }

    @Override
    public String fix() {
        return "icacls <dir> /setowner Administrators /T, then icacls <dir> /inheritance:r /grant:r"
                + " Administrators:(OI)(CI)F SYSTEM:(OI)(CI)F Users:(OI)(CI)RX";
    }

    /** {@code BUILTIN\Administrators}, {@code NT AUTHORITY\SYSTEM}, {@code Everyone} → the bare account, lower case. */
    static String account(String principal) {
        int slash = principal.lastIndexOf('\\');
        return principal.substring(slash + 1).toLowerCase(Locale.ROOT);
    }
}
