package dev.veil.policy.classify;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Column comment tags: {@code veil:<class>} anywhere in a comment, case-insensitive, e.g.
 * {@code 'Primary contact. veil:email'}. {@code veil:none} declares a column not sensitive.
 */
final class CommentTags {

    private static final Pattern TAG = Pattern.compile("(?<![A-Za-z0-9_])veil:([A-Za-z][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    private CommentTags() {
    }

    /** The class id of the first tag in {@code comment}, lower-cased. */
    static Optional<String> tag(String comment) {
        if (comment == null) {
            return Optional.empty();
        }
        Matcher m = TAG.matcher(comment);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
