package dev.veil.driver.engine;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The session settings of one engine a client may change or show through Veil: those known to be harmless. The
 * decide stage checks each setting a statement names ({@code StatementAnalysis.settings()}) here. A setting
 * that changes how text is read (quoting, escapes, character sets, compatibility modes), who runs statements (roles)
 * or that clears session state could make Veil misread or misresolve a later statement; it is not listed.
 */
public final class AllowedSettings {

    private final Set<String> settable;
    private final List<String> settablePrefixes;
    private final Predicate<String> showable;

    private AllowedSettings(Set<String> settable, List<String> settablePrefixes, Predicate<String> showable) {
        this.settable = Set.copyOf(settable);
        this.settablePrefixes = List.copyOf(settablePrefixes);
        this.showable = showable;
    }

    /**
     * @param settable          settings that SET and RESET may name
     * @param settablePrefixes  prefixes of further such settings (PostgreSQL's planner switches {@code enable_…})
     * @param showable          what SHOW may show
     */
    public static AllowedSettings of(Set<String> settable, List<String> settablePrefixes, Predicate<String> showable) {
        return new AllowedSettings(settable, settablePrefixes, showable);
    }

    /** What SHOW may show: one of {@code shown} — itself or followed by more words ({@code full tables from db}). */
    public static Predicate<String> showing(List<String> shown) {
        List<String> allowed = List.copyOf(shown);
        return what -> allowed.stream().anyMatch(p -> what.equals(p) || what.startsWith(p + " "));
    }

    /**
     * Whether SET or RESET may name {@code setting} (lower case): a listed setting, also followed by its value without
     * {@code =} ({@code schema ?}, {@code time zone ?}), or one with a listed prefix.
     */
    public boolean settable(String setting) {
        return settablePrefixes.stream().anyMatch(setting::startsWith)
                || settable.stream().anyMatch(n -> setting.equals(n) || setting.startsWith(n + " "));
    }

    /** Whether SHOW may show {@code what} (the lower-case words after SHOW). */
    public boolean showable(String what) {
        return showable.test(what);
    }
}
