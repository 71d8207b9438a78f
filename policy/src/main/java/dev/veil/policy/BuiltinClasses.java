package dev.veil.policy;

import dev.veil.policy.mask.Mask;
import java.util.LinkedHashMap;
import java.util.Map;

/** The classes every policy starts from. Each has a default mask that protects without further configuration. */
public final class BuiltinClasses {

    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String SSN = "ssn";
    public static final String CARD = "card";
    public static final String BANK_ACCOUNT = "bank_account";
    public static final String PERSON_NAME = "person_name";
    public static final String ADDRESS = "address";
    public static final String BIRTH_DATE = "birth_date";
    public static final String IP_ADDRESS = "ip_address";
    public static final String SECRET = "secret";
    public static final String FREE_TEXT = "free_text";

    /** Not a class: a rule or comment tag naming it declares a column not sensitive. */
    public static final String NONE = "none";

    private static final Map<String, SensitiveClass> ALL;

    static {
        Map<String, SensitiveClass> all = new LinkedHashMap<>();
        add(all, EMAIL, Mask.email(), "e-mail addresses");
        add(all, PHONE, Mask.partial(0, 2, "*"), "telephone numbers");
        add(all, SSN, Mask.partial(0, 4, "*"), "social security and other national identification numbers");
        add(all, CARD, Mask.partial(0, 4, "*"), "payment card numbers (PAN)");
        add(all, BANK_ACCOUNT, Mask.partial(0, 4, "*"), "IBANs and bank account numbers");
        add(all, PERSON_NAME, Mask.redact(), "first, last and full names of people");
        add(all, ADDRESS, Mask.redact(), "street addresses and postal codes");
        add(all, BIRTH_DATE, Mask.year(), "dates of birth");
        add(all, IP_ADDRESS, Mask.redact(), "IP addresses");
        add(all, SECRET, Mask.nullify(), "passwords, API keys, tokens, private keys");
        add(all, FREE_TEXT, Mask.redact(), "free text that may contain anything");
        ALL = java.util.Collections.unmodifiableMap(all);
    }

    private BuiltinClasses() {
    }

    private static void add(Map<String, SensitiveClass> all, String id, Mask mask, String description) {
        all.put(id, new SensitiveClass(id, mask, PredicateMode.DENY, description));
    }

    /** All built-in classes by id, in documentation order. */
    public static Map<String, SensitiveClass> all() {
        return ALL;
    }
}
