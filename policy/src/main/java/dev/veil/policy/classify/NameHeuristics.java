package dev.veil.policy.classify;

import dev.veil.policy.BuiltinClasses;
import dev.veil.policy.ColumnInfo;
import dev.veil.policy.mask.ValueType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies a column by the tokens of its name, with the column's type to avoid false positives: {@code
 * contact_email}, {@code mobilePhone}, {@code cust_ssn}, {@code billing_address_line1} match; {@code emailed_at}
 * (a timestamp), {@code phone_verified} (a boolean), {@code card_type} and {@code is_email} do not.
 *
 * <p>A name is split into lower-case tokens at separators, lower-to-upper case changes and letter/digit changes.
 * A dictionary word matches a run of consecutive tokens written together ({@code e_mail}, {@code FirstName},
 * {@code date_of_birth}). A match is discarded when a later token says the column describes the value rather than
 * holding it ({@code _at}, {@code _type}, {@code _verified}, {@code _count}...), when the first token makes it a flag
 * or a count ({@code is_}, {@code has_}, {@code num_}...), or when the type cannot hold such a value.
 */
final class NameHeuristics {

    private record Rule(String classId, Set<ValueType> types, List<String> words, List<String> lastOnly,
                        Set<String> notAfter) {
    }

    private static final Set<ValueType> TEXT = EnumSet.of(ValueType.STRING);
    private static final Set<ValueType> NUMBER_OR_TEXT = EnumSet.of(ValueType.STRING, ValueType.INTEGER,
            ValueType.DECIMAL);

    /** In precedence order: the first rule that matches decides. */
    private static final List<Rule> RULES = List.of(
            new Rule(BuiltinClasses.SECRET, EnumSet.of(ValueType.STRING, ValueType.BINARY, ValueType.JSON),
                    List.of("password", "passwd", "pwd", "passphrase", "passcode", "secret", "apikey", "apisecret",
                            "apitoken", "accesskey", "secretkey", "privatekey", "signingkey", "encryptionkey",
                            "clientsecret", "accesstoken", "refreshtoken", "authtoken", "sessiontoken", "bearertoken",
                            "idtoken", "token", "credential", "credentials"),
                    List.of(), Set.of()),
            new Rule(BuiltinClasses.EMAIL, TEXT,
                    List.of("email", "emailaddress", "emailaddr", "mailaddress"), List.of(), Set.of()),
            new Rule(BuiltinClasses.IP_ADDRESS, EnumSet.of(ValueType.STRING, ValueType.OTHER, ValueType.BINARY,
                    ValueType.INTEGER),
                    List.of("ip", "ipaddress", "ipaddr", "ipv4", "ipv6", "ipv4address", "ipv6address", "remoteaddr",
                            "remoteaddress", "clientaddr"), List.of(), Set.of()),
            new Rule(BuiltinClasses.CARD, NUMBER_OR_TEXT,
                    List.of("cardnumber", "cardno", "cardnum", "creditcard", "creditcardnumber", "debitcard",
                            "ccnumber", "ccnum", "ccno", "pan", "cardpan", "primaryaccountnumber"),
                    List.of("card"), Set.of()),
            new Rule(BuiltinClasses.BANK_ACCOUNT, NUMBER_OR_TEXT,
                    List.of("iban", "bban", "accountnumber", "accountno", "accountnum", "acctno", "acctnum",
                            "acctnumber", "bankaccount", "bankaccountnumber", "bankaccountno"), List.of(), Set.of()),
            new Rule(BuiltinClasses.SSN, NUMBER_OR_TEXT,
                    List.of("ssn", "socialsecurity", "socialsecuritynumber", "socialsecurityno", "nationalid",
                            "nationalidentifier", "nationalidnumber", "nationalidentitynumber", "nino", "passportno",
                            "passportnumber", "taxid", "taxidentificationnumber"), List.of(), Set.of()),
            new Rule(BuiltinClasses.PHONE, NUMBER_OR_TEXT,
                    List.of("phone", "phonenumber", "phoneno", "phonenum", "telephone", "telephonenumber", "tel",
                            "telno", "mobile", "mobilephone", "mobilenumber", "mobileno", "cellphone", "cellnumber",
                            "msisdn", "fax", "faxnumber"), List.of(), Set.of()),
            new Rule(BuiltinClasses.BIRTH_DATE, EnumSet.of(ValueType.DATE, ValueType.TIMESTAMP, ValueType.STRING),
                    List.of("birthdate", "dateofbirth", "dob", "birthday", "birthdt", "bday"), List.of(), Set.of()),
            new Rule(BuiltinClasses.PERSON_NAME, TEXT,
                    List.of("firstname", "lastname", "fullname", "givenname", "familyname", "surname", "middlename",
                            "maidenname", "forename", "fname", "lname", "displayname", "personname", "customername",
                            "contactname", "employeename", "patientname", "holdername", "cardholdername",
                            "accountholdername", "recipientname"), List.of(), Set.of()),
            new Rule(BuiltinClasses.ADDRESS, TEXT,
                    List.of("address", "streetaddress", "street", "addressline", "addr", "zip", "zipcode",
                            "postcode", "postalcode"), List.of(),
                    Set.of("email", "mail", "ip", "mac", "wallet", "web", "url", "server", "host", "remote",
                            "client", "contract", "bitcoin", "btc", "eth", "memory", "bluetooth", "node")));

    /** Tokens after a match that mean the column describes the value instead of holding it. */
    private static final Set<String> DESCRIBING = Set.of("at", "on", "time", "ts", "timestamp", "date", "dt",
            "type", "kind", "status", "state", "count", "cnt", "flag", "verified", "confirmed", "validated", "valid",
            "enabled", "disabled", "opt", "optin", "optout", "consent", "sent", "bounced", "format", "provider",
            "domain", "length", "len", "id", "ids", "expiry", "expires", "expiration", "exp", "updated", "created",
            "changed", "modified", "reset", "required", "policy", "template", "subject", "preference",
            "preferences", "settings", "app", "device", "os", "platform", "version", "model", "brand", "code",
            "country", "prefix", "extension", "ext", "visible", "public", "private", "hint", "strength", "algorithm",
            "algo", "salt", "rotated", "last", "used", "usage", "scope", "scopes", "name", "label", "description",
            "desc", "key", "fingerprint");

    /** First tokens that make the column a flag or an aggregate. */
    private static final Set<String> NOT_A_VALUE_PREFIX = Set.of("is", "has", "can", "should", "was", "were",
            "allow", "allows", "enable", "enabled", "use", "uses", "needs", "require", "requires", "num", "count",
            "total", "max", "min", "avg", "number");

    private NameHeuristics() {
    }

    static Optional<Classification> classify(ColumnInfo column) {
        if (column.valueType() == ValueType.BOOLEAN) {
            return Optional.empty();
        }
        List<String> tokens = tokens(column.name());
        if (tokens.isEmpty() || NOT_A_VALUE_PREFIX.contains(tokens.get(0)) && tokens.size() > 1) {
            return Optional.empty();
        }
        for (Rule rule : RULES) {
            if (!rule.types().contains(column.valueType())) {
                continue;
            }
            int[] match = find(tokens, rule);
            if (match != null) {
                String matched = String.join("_", tokens.subList(match[0], match[1]));
                return Optional.of(new Classification(rule.classId(), Classification.Source.NAME,
                        "name '" + column.name() + "' has the token" + (match[1] - match[0] > 1 ? "s " : " ")
                                + "'" + matched + "'"));
            }
        }
        return Optional.empty();
    }

    /** The token range [start, end) of the first acceptable match of {@code rule}, or null. */
    private static int[] find(List<String> tokens, Rule rule) {
        for (int start = 0; start < tokens.size(); start++) {
            StringBuilder joined = new StringBuilder();
            for (int end = start + 1; end <= tokens.size(); end++) {
                joined.append(tokens.get(end - 1));
                String word = joined.toString();
                boolean last = end == tokens.size();
                boolean hit = rule.words().contains(word) || last && rule.lastOnly().contains(word);
                if (hit && acceptable(tokens, start, end, rule)) {
                    return new int[] {start, end};
                }
            }
        }
        return null;
    }

    private static boolean acceptable(List<String> tokens, int start, int end, Rule rule) {
        for (int i = end; i < tokens.size(); i++) {
            if (DESCRIBING.contains(tokens.get(i))) {
                return false;
            }
        }
        return start == 0 || !rule.notAfter().contains(tokens.get(start - 1));
    }

    /** Lower-case tokens of an identifier: {@code billingAddressLine1} is billing, address, line, 1. */
    static List<String> tokens(String name) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int previous = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int next = i + Character.charCount(cp) < name.length() ? name.codePointAt(i + Character.charCount(cp)) : 0;
            if (!Character.isLetterOrDigit(cp)) {
                flush(tokens, current);
            } else {
                boolean boundary = current.length() > 0 && (
                        Character.isLowerCase(previous) && Character.isUpperCase(cp)
                        || Character.isUpperCase(previous) && Character.isUpperCase(cp) && Character.isLowerCase(next)
                        || Character.isDigit(previous) != Character.isDigit(cp));
                if (boundary) {
                    flush(tokens, current);
                }
                current.appendCodePoint(cp);
            }
            previous = cp;
            i += Character.charCount(cp);
        }
        flush(tokens, current);
        return tokens;
    }

    private static void flush(List<String> tokens, StringBuilder current) {
        if (current.length() > 0) {
            tokens.add(current.toString().toLowerCase(Locale.ROOT));
            current.setLength(0);
        }
    }
}
