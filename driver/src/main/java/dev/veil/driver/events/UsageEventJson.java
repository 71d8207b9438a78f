package dev.veil.driver.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Usage events as JSON, the same in the audit file and on the way to the approval server. */
final class UsageEventJson {

    /** Times as ISO-8601 text; null fields are kept, unlike with the approval client's own mapper. */
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private UsageEventJson() {
    }
}
