/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.novaagent.runtime.trust.nativeapi.AccountLookup;

/**
 * The Windows rule, read from the NTFS ACL through {@link AclFileAttributeView}: the owner is
 * Administrators, SYSTEM or TrustedInstaller, and no allow entry gives Users, Authenticated Users,
 * Everyone, INTERACTIVE or Guests a right that changes the file or directory (write or append data,
 * write attributes, delete, delete child, write ACL, take ownership). Inherit-only entries count too:
 * they hand the right to every jar dropped in later. Deny entries are not subtracted (the rule stays
 * simple and errs on refusing). A path whose file system has no ACL view (a Windows-shaped root on
 * Linux) is refused: the rule cannot be checked, so it is not assumed to hold. Unlike
 * {@link StrictModes} the ancestors are not walked: NTFS rights are inherited down the tree, so an
 * ancestor's ACL already shows in the path's own (unless inheritance was cut, which is what the
 * install script does to make it exactly its own).
 *
 * <p>Accounts are matched by their well-known SIDs ({@link WellKnownAccount}), not by English names:
 * the JDK names a principal {@code domain\name} from {@code LookupAccountSidW}, localised
 * ({@code VORDEFINIERT\Administratoren}), or by its SID string when the SID has no account. So each
 * SID is named once through the same call ({@link AccountLookup}, jnr-ffi) and a principal matches
 * when its name equals that name or the SID string, ignoring case. A local account that merely
 * calls itself {@code Administrators} ({@code WIN-GUEST\Administrators}) does not match. When the
 * SIDs cannot be named, every path is refused.
 */
public final class WindowsAclTrustRule implements TrustRule {

    /** Names a SID as {@code UserPrincipal.getName()} would ({@code domain\name}). */
    @FunctionalInterface
    public interface AccountNames {
        /**
         * @param sid a SID string
         * @return its account's {@code domain\name}
         * @throws IOException when it cannot be named
         */
        String nameOf(String sid) throws IOException;
    }

    /** Owners the agent trusts: the accounts that run or install it, and Windows' own installer. */
    static final List<WellKnownAccount> TRUSTED_OWNERS = List.of(WellKnownAccount.ADMINISTRATORS,
            WellKnownAccount.SYSTEM, WellKnownAccount.TRUSTED_INSTALLER);
    /** Principals that must have no changing right. */
    static final List<WellKnownAccount> UNTRUSTED = List.of(WellKnownAccount.USERS,
            WellKnownAccount.AUTHENTICATED_USERS, WellKnownAccount.EVERYONE, WellKnownAccount.INTERACTIVE,
            WellKnownAccount.GUESTS);
    /** Rights that let the holder change what the agent loads. */
    static final Set<AclEntryPermission> CHANGING = EnumSet.of(AclEntryPermission.WRITE_DATA,
            AclEntryPermission.APPEND_DATA, AclEntryPermission.WRITE_ATTRIBUTES, AclEntryPermission.WRITE_NAMED_ATTRS,
            AclEntryPermission.DELETE, AclEntryPermission.DELETE_CHILD, AclEntryPermission.WRITE_ACL,
            AclEntryPermission.WRITE_OWNER);

    /** Owners of a directory private to the agent ({@link #privateToAdministrators}). */
    static final List<WellKnownAccount> PRIVATE_OWNERS = List.of(WellKnownAccount.SYSTEM, WellKnownAccount.ADMINISTRATORS);

    private final Function<Path, AclFileAttributeView> views;
    private final AccountNames accounts;
    private final boolean privateOnly;
    private Map<WellKnownAccount, String> names; // named on first use; guarded by this

    /** Reads the ACL with {@link Files#getFileAttributeView}, not following links; names SIDs through advapi32. */
    public WindowsAclTrustRule() {
        this(p -> Files.getFileAttributeView(p, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS),
                new Advapi32Names());
    }

    /**
     * @param views    the ACL view of a path, or null when its file system has none (tests hand in views)
     * @param accounts names the well-known SIDs (tests hand in the C stand-in or a map)
     */
    WindowsAclTrustRule(Function<Path, AclFileAttributeView> views, AccountNames accounts) {
        this(views, accounts, false);
    }

    private WindowsAclTrustRule(Function<Path, AclFileAttributeView> views, AccountNames accounts, boolean privateOnly) {
        this.views = views;
        this.accounts = accounts;
        this.privateOnly = privateOnly;
    }

    /**
     * The stricter rule of a directory private to the agent (its state directory): the owner is
     * SYSTEM or Administrators, and no allow entry gives any other principal (Users, CREATOR OWNER, a
     * local account, an unmapped SID alike) a right that changes it. The checks are this rule's own,
     * with the set of principals turned round.
     *
     * @param views    the ACL view of a path, or null when its file system has none
     * @param accounts names the well-known SIDs (advapi32's LookupAccountSidW, or a stand-in)
     * @return the rule
     */
    public static WindowsAclTrustRule privateToAdministrators(Function<Path, AclFileAttributeView> views,
            AccountNames accounts) {
        return new WindowsAclTrustRule(views, accounts, true);
    }

    /**
     * @return {@link #privateToAdministrators} over {@link Files#getFileAttributeView} (links not
     *         followed) and the real advapi32
     */
    public static WindowsAclTrustRule privateToAdministrators() {
        return privateToAdministrators(p -> Files.getFileAttributeView(p, AclFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS), new Advapi32Names());
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
        Map<WellKnownAccount, String> known;
        try {
            known = names();
        } catch (IOException | RuntimeException | LinkageError e) {
            problems.add("cannot check the Windows ACL of " + what + " " + path + ": the well-known accounts cannot"
                    + " be named (" + e.getMessage() + ")");
            return problems;
        }
        try {
            String owner = view.getOwner().getName();
            if ((privateOnly ? PRIVATE_OWNERS : TRUSTED_OWNERS).stream().noneMatch(a -> is(owner, a, known))) {
                problems.add(what + " " + path + " is owned by " + owner + ", not Administrators"
                        + (privateOnly ? " or SYSTEM" : ", SYSTEM or TrustedInstaller"));
            }
            for (AclEntry e : view.getAcl()) {
                String who = e.principal().getName();
                boolean watched = privateOnly ? PRIVATE_OWNERS.stream().noneMatch(a -> is(who, a, known))
                        : UNTRUSTED.stream().anyMatch(a -> is(who, a, known));
                if (e.type() == AclEntryType.ALLOW && watched) {
                    Set<AclEntryPermission> bad = EnumSet.noneOf(AclEntryPermission.class);
                    bad.addAll(e.permissions());
                    bad.retainAll(CHANGING);
                    if (!bad.isEmpty()) {
                        problems.add(what + " " + path + " lets " + who + " change it "
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
        if (privateOnly) {
            return "icacls <dir> /setowner *S-1-5-32-544 /T, then icacls <dir> /inheritance:r /grant:r"
                    + " *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F (or remove it: the agent recreates it private)";
        }
        // by SID (icacls' *S-... form), so the command works whatever the display language
        return "icacls <dir> /setowner *S-1-5-32-544 /T, then icacls <dir> /inheritance:r /grant:r"
                + " *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX";
    }

    /** @return each well-known account's name on this system, named once */
    synchronized Map<WellKnownAccount, String> names() throws IOException {
        if (names == null) {
            Map<WellKnownAccount, String> m = new EnumMap<>(WellKnownAccount.class);
            for (WellKnownAccount a : WellKnownAccount.values()) {
                m.put(a, accounts.nameOf(a.sid()));
            }
            names = m;
        }
        return names;
    }

    /**
     * The DACL the agent gives a directory private to it when it creates one: full control for
     * SYSTEM and Administrators, handed down to files and subdirectories; no other entry.
     *
     * @param lookup finds a principal by the name {@code LookupAccountSidW} gave its well-known SID
     *               (the file system's {@code UserPrincipalLookupService} on Windows)
     * @return the entries, SYSTEM first
     * @throws IOException when a SID cannot be named or its name not found
     */
    public List<AclEntry> privateAcl(UserPrincipalLookupService lookup) throws IOException {
        List<AclEntry> acl = new ArrayList<>();
        for (WellKnownAccount a : PRIVATE_OWNERS) {
            acl.add(AclEntry.newBuilder().setType(AclEntryType.ALLOW)
                    .setPrincipal(lookup.lookupPrincipalByName(names().get(a)))
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT).build());
        }
        return acl;
    }

    /** @return the SID strings of the accounts a private directory grants full control: SYSTEM, Administrators */
    public static List<String> privateSids() {
        return PRIVATE_OWNERS.stream().map(WellKnownAccount::sid).toList();
    }

    /**
     * @param lookup as for {@link #privateAcl}
     * @return the Administrators group, the owner the agent gives a private directory
     * @throws IOException when its SID cannot be named or its name not found
     */
    public UserPrincipal administrators(UserPrincipalLookupService lookup) throws IOException {
        return lookup.lookupPrincipalByName(names().get(WellKnownAccount.ADMINISTRATORS));
    }

    /** The JDK's name of a principal is the account's {@code domain\name}, or the SID string when it has none. */
    private static boolean is(String principal, WellKnownAccount account, Map<WellKnownAccount, String> known) {
        return principal.equalsIgnoreCase(known.get(account)) || principal.equalsIgnoreCase(account.sid());
    }

    /** {@link AccountLookup} over the real advapi32, loaded on first use (only a Windows JVM gets that far). */
    private static final class Advapi32Names implements AccountNames {
        private AccountLookup lookup;

        @Override
        public synchronized String nameOf(String sid) throws IOException {
            if (lookup == null) {
                lookup = AccountLookup.load("advapi32");
            }
            return lookup.nameOf(sid);
        }
    }
}
