package hudson.security;

/** Stand-in for {@code core/src/main/java/hudson/security/Permission.java}; the plugin only passes constants. */
public final class Permission {
    private Permission() {
        // stand-in: the real constructors need a PermissionGroup and a Localizable
    }
}
