package dev.veil.policy.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.policy.ColumnInfo;
import dev.veil.policy.mask.ValueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameHeuristicsTest {

    @ParameterizedTest(name = "{0} ({1}) is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            contact_email          | STRING    | email
            EmailAddress           | STRING    | email
            e_mail                 | STRING    | email
            mobile_phone           | STRING    | phone
            mobilePhone            | STRING    | phone
            msisdn                 | INTEGER   | phone
            fax_number             | STRING    | phone
            cust_ssn               | STRING    | ssn
            social_security_number | STRING    | ssn
            national_id            | STRING    | ssn
            passport_number        | STRING    | ssn
            card_number            | STRING    | card
            credit_card            | DECIMAL   | card
            pan                    | STRING    | card
            payment_card           | STRING    | card
            iban                   | STRING    | bank_account
            account_number         | INTEGER   | bank_account
            first_name             | STRING    | person_name
            LastName               | STRING    | person_name
            full_name              | STRING    | person_name
            surname                | STRING    | person_name
            card_holder_name       | STRING    | person_name
            date_of_birth          | DATE      | birth_date
            birth_date             | TIMESTAMP | birth_date
            dob                    | STRING    | birth_date
            billing_address_line1  | STRING    | address
            street                 | STRING    | address
            zip_code               | STRING    | address
            postcode               | STRING    | address
            addr1                  | STRING    | address
            ip_address             | STRING    | ip_address
            client_ip              | OTHER     | ip_address
            IPAddress              | STRING    | ip_address
            ipv4                   | STRING    | ip_address
            password               | STRING    | secret
            password_hash          | BINARY    | secret
            api_key                | STRING    | secret
            apiKey                 | STRING    | secret
            access_token           | STRING    | secret
            client_secret          | STRING    | secret
            private_key            | STRING    | secret
            """)
    void sensitiveNames(String name, ValueType type, String classId) {
        assertThat(NameHeuristics.classify(ColumnInfo.of("s", "t", name, type)))
                .hasValueSatisfying(c -> {
                    assertThat(c.classId()).isEqualTo(classId);
                    assertThat(c.source()).isEqualTo(Classification.Source.NAME);
                    assertThat(c.evidence()).startsWith("name '" + name + "' has the token");
                });
    }

    @ParameterizedTest(name = "{0} ({1}) is not sensitive")
    @CsvSource(delimiter = '|', textBlock = """
            emailed_at       | TIMESTAMP
            email_sent_at    | TIMESTAMP
            phone_verified   | BOOLEAN
            phone_verified   | STRING
            is_email         | STRING
            has_phone        | STRING
            email_count      | INTEGER
            num_phones       | INTEGER
            card_type        | STRING
            card_brand       | STRING
            card_id          | STRING
            card_expiry      | STRING
            email_id         | INTEGER
            token_type       | STRING
            token_expires_at | TIMESTAMP
            tokens_used      | INTEGER
            mac_address      | STRING
            company_name     | STRING
            name             | STRING
            username         | STRING
            description      | STRING
            zipper           | STRING
            hotel            | STRING
            company          | STRING
            shipping_method  | STRING
            phone_country    | STRING
            birth_date       | INTEGER
            api_key_name     | STRING
            password_salt    | STRING
            """)
    void notSensitiveNames(String name, ValueType type) {
        assertThat(NameHeuristics.classify(ColumnInfo.of("s", "t", name, type))).isEmpty();
    }

    @Test
    void tokensSplitAtSeparatorsCaseChangesAndDigits() {
        assertThat(NameHeuristics.tokens("billingAddressLine1")).containsExactly("billing", "address", "line", "1");
        assertThat(NameHeuristics.tokens("HTTPServerIP")).containsExactly("http", "server", "ip");
        assertThat(NameHeuristics.tokens("cust__SSN-2")).containsExactly("cust", "ssn", "2");
        assertThat(NameHeuristics.tokens("ipv6")).containsExactly("ipv", "6");
        assertThat(NameHeuristics.tokens("Électeur_Courriel")).containsExactly("électeur", "courriel");
        assertThat(NameHeuristics.tokens("__")).isEmpty();
    }
}
