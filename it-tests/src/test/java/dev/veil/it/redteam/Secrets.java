package dev.veil.it.redteam;

import java.util.ArrayList;
import java.util.List;

/**
 * The seeded customers and the parts of each sensitive value its mask must hide. The values are distinctive
 * (invented words, unusual digit groups) so that a fragment found anywhere in what Veil returns can only have come
 * from the seeded data.
 */
final class Secrets {

    private Secrets() {
    }

    /** The configured hash key of the red-team connections (the policy's {@code loyalty} class hashes). */
    static final String HASH_KEY = "redteam-hash-key-4f1c9e2a7b";

    /** One seeded customer. */
    record Customer(int id, String nickname, String tier, String city, String fullName, String email, String phone,
                    String ssn, String cardNumber, String birthDate, String streetAddress, String signupIp,
                    String notes, String password, String loyaltyCode, int score) {
    }

    static final List<Customer> CUSTOMERS = List.of(
            new Customer(1, "zeb", "gold", "Springfield", "Zebulon Quixotewright",
                    "zebulon.quixote@hiddenmail.example", "+1 415-555-0142", "531-74-9286", "4539148803436467",
                    "1987-06-23", "4417 Marrowbone Lane", "203.0.113.77",
                    "Mentioned a Xylophagous lawsuit and her divorce", "hunter2-Kestrel-88", "LOYAL-778899-QX", 10),
            new Customer(2, "mab", "silver", "Shelbyville", "Mabel Ostrogorsky",
                    "mabel.ostro@quietpost.example", "+44 20 7946 0958", "672-18-4405", "5425233430109903",
                    "1992-11-05", "88 Brindlewood Court", "198.51.100.23",
                    "Asked about Quarrelsome neighbour injunction", "Pelican-Mirage-41", "LOYAL-123456-ZB", 20),
            new Customer(3, "ulf", "gold", "Springfield", "Ulfric Vantablack",
                    "ulfric.vanta@deepmail.example", "+1 212-555-0199", "219-63-5087", "378282246310005",
                    "1975-02-14", "9 Thornapple Row", "192.0.2.146",
                    "Flagged Zymurgical allergy records", "Orchid-Tundra-73", "LOYAL-555000-MM", 30));

    /** rt_orders.ship_to, tagged 'veil:address'. */
    static final List<String> SHIP_TO = List.of("17 Cobblestone Mews", "5 Larkspur Gardens", "31 Quillfeather Yard");

    /** A fragment that must never come back, with a label that says what it is without repeating it. */
    record Fragment(String label, String value, String whole) {
    }

    /**
     * For every customer and sensitive column: what the column's mask hides (e.g. everything of a name, all but the
     * last four characters of an SSN, the e-mail's local part after its first character, a birth date's month and
     * day).
     */
    static List<Fragment> fragments() {
        List<Fragment> out = new ArrayList<>();
        for (Customer c : CUSTOMERS) {
            String row = "row " + c.id();
            for (String word : c.fullName().split(" ")) {
                out.add(new Fragment("full_name (" + row + ")", word, c.fullName()));
            }
            String local = c.email().substring(0, c.email().indexOf('@'));
            out.add(new Fragment("email local part after its first character (" + row + ")", local.substring(1),
                    c.email()));
            out.add(new Fragment("phone, all but the last 2 characters (" + row + ")",
                    c.phone().substring(c.phone().length() - 12, c.phone().length() - 2), c.phone()));
            out.add(new Fragment("phone digits (" + row + ")",
                    c.phone().replaceAll("[^0-9]", "").substring(0, 8), c.phone()));
            out.add(new Fragment("ssn, first 6 characters (" + row + ")", c.ssn().substring(0, 6), c.ssn()));
            out.add(new Fragment("card_number, first 12 digits (" + row + ")",
                    c.cardNumber().substring(0, Math.min(12, c.cardNumber().length() - 4)), c.cardNumber()));
            out.add(new Fragment("birth_date with month and day (" + row + ")", c.birthDate(), c.birthDate()));
            out.add(new Fragment("birth_date digits (" + row + ")", c.birthDate().replace("-", ""), c.birthDate()));
            for (String word : c.streetAddress().split(" ")) {
                if (word.length() >= 6) {
                    out.add(new Fragment("street_address (" + row + ")", word, c.streetAddress()));
                }
            }
            out.add(new Fragment("signup_ip (" + row + ")", c.signupIp(), c.signupIp()));
            for (String word : c.notes().split(" ")) {
                if (word.length() >= 10) { // the invented or unusual words; common ones appear in catalogs
                    out.add(new Fragment("notes (" + row + ")", word, c.notes()));
                }
            }
            out.add(new Fragment("password (" + row + ")", c.password().substring(0, 11), c.password()));
            out.add(new Fragment("loyalty_code (" + row + ")", c.loyaltyCode().substring(6), c.loyaltyCode()));
        }
        for (int i = 0; i < SHIP_TO.size(); i++) {
            String word = SHIP_TO.get(i).split(" ")[1];
            out.add(new Fragment("rt_orders.ship_to (order " + (i + 1) + ")", word, SHIP_TO.get(i)));
        }
        return out;
    }
}
