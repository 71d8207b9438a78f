package dev.veil.approval.server.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.veil.approval.client.ApprovalRequest;
import dev.veil.approval.client.Requester;
import dev.veil.approval.client.TouchedColumn;
import dev.veil.approval.server.ApprovalService;
import dev.veil.approval.server.config.Durations;
import dev.veil.approval.server.store.StoredRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Block Kit card of a request: what the statement is, who asks, which data it touches, how many rows, which
 * rule fired; with Approve, Approve for a window and Reject while pending, and the outcome once decided.
 *
 * <p>Everything that comes from the request is escaped for Slack's mrkdwn, so a table or application name cannot
 * mention a channel or forge a link.
 */
final class ApprovalCard {

    static final String APPROVE = "veil_approve";
    static final String APPROVE_WINDOW = "veil_approve_window";
    static final String REJECT = "veil_reject";
    static final String ESCALATE = "veil_escalate";
    static final String REJECT_MODAL = "veil_reject_reason";
    static final String REASON_BLOCK = "reason";
    static final String REASON_INPUT = "reason_input";

    private static final int SECTION_LIMIT = 2900;
    private static final int FIELD_LIMIT = 1900;

    private ApprovalCard() {
    }

    static String summary(StoredRequest stored) {
        ApprovalRequest request = stored.request();
        return "Veil approval " + switch (stored.state()) {
            case PENDING -> "needed";
            case APPROVED -> "given";
            case REJECTED -> "refused";
            case EXPIRED -> "expired";
            case WITHDRAWN -> "withdrawn";
        } + ": " + request.kind() + " by " + request.requester().principal() + " (" + request.rule() + ")";
    }

    static List<LayoutBlock> pending(StoredRequest stored, Duration approveWindow) {
        return pending(stored, approveWindow, null, null);
    }

    /**
     * @param group      the approver group the request is routed to, shown when groups are configured
     * @param escalateTo the group the Escalate button routes it to; {@code null} for no such button
     */
    static List<LayoutBlock> pending(StoredRequest stored, Duration approveWindow, String group, String escalateTo) {
        List<LayoutBlock> blocks = describe(stored);
        String id = stored.id();
        if (group != null) {
            String routed = "Decided by the approver group *" + escape(group) + "*";
            blocks.add(context(c -> c.elements(List.of(markdownText(routed)))));
        }
        List<BlockElement> buttons = new ArrayList<>(List.of(
                button(b -> b.actionId(APPROVE).value(id).style("primary").text(plainText("Approve"))),
                button(b -> b.actionId(APPROVE_WINDOW).value(id)
                        .text(plainText("Approve for " + Durations.describe(approveWindow)))),
                button(b -> b.actionId(REJECT).value(id).style("danger").text(plainText("Reject")))));
        if (escalateTo != null) {
            buttons.add(button(b -> b.actionId(ESCALATE).value(id)
                    .text(plainText(truncate("Escalate to " + escalateTo, 75)))));
        }
        blocks.add(actions(a -> a.blockId("veil_actions").elements(buttons)));
        return blocks;
    }

    static List<LayoutBlock> decided(StoredRequest stored) {
        List<LayoutBlock> blocks = describe(stored);
        String outcome = switch (stored.state()) {
            case APPROVED -> ":white_check_mark: *Approved* by " + escape(stored.reviewer())
                    + (stored.approvedUntil() == null ? ""
                    : " for a window, until " + date(stored.approvedUntil()));
            case REJECTED -> ":x: *Rejected* by " + escape(stored.reviewer());
            case EXPIRED -> ":hourglass: *Expired*";
            case WITHDRAWN -> ":leftwards_arrow_with_hook: *Withdrawn*: the driver stopped waiting; nothing will run";
            case PENDING -> ":hourglass_flowing_sand: *Pending*";
        };
        if (stored.reason() != null) {
            outcome += "\n>" + escape(stored.reason()).replace("\n", "\n>");
        }
        String text = truncate(outcome, SECTION_LIMIT);
        blocks.add(section(s -> s.text(markdownText(text))));
        return blocks;
    }

    static View rejectModal(StoredRequest stored) {
        String intro = "Reject request `" + stored.id() + "`: " + escape(stored.request().kind()) + " by "
                + escape(stored.request().requester().principal()) + ".";
        return View.builder()
                .type("modal")
                .callbackId(REJECT_MODAL)
                .privateMetadata(stored.id())
                .title(ViewTitle.builder().type("plain_text").text("Reject request").build())
                .submit(ViewSubmit.builder().type("plain_text").text("Reject").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .blocks(List.of(
                        section(s -> s.text(markdownText(intro))),
                        input(i -> i.blockId(REASON_BLOCK)
                                .label(plainText("Reason (shown to the requester)"))
                                .element(plainTextInput(p -> p.actionId(REASON_INPUT).multiline(true)
                                        .maxLength(ApprovalService.MAX_REASON_LENGTH))))))
                .build();
    }

    private static List<LayoutBlock> describe(StoredRequest stored) {
        ApprovalRequest request = stored.request();
        Requester requester = request.requester();
        List<LayoutBlock> blocks = new ArrayList<>();
        String title = truncate("Approval: " + request.kind() + " (" + request.rule() + ")", 150);
        blocks.add(header(h -> h.text(plainText(title))));

        StringBuilder who = new StringBuilder(escape(requester.principal()));
        if (requester.jdbcUser() != null && !requester.jdbcUser().equalsIgnoreCase(requester.principal())) {
            who.append("\ndatabase user `").append(escape(requester.jdbcUser())).append('`');
        }
        StringBuilder from = new StringBuilder();
        from.append(requester.applicationName() == null ? "unknown application" : escape(requester.applicationName()));
        if (requester.host() != null) {
            from.append(" on ").append(escape(requester.host()));
        }
        List<TextObject> fields = new ArrayList<>();
        fields.add(field("Requester", who.toString()));
        fields.add(field("From", from.toString() + "\ndriver token `" + escape(stored.client()) + "`"));
        fields.add(field("Database", request.database() == null ? "not given" : escape(request.database())));
        fields.add(field("Rule", "`" + escape(request.rule()) + "`"));
        fields.add(field("Estimated rows", (request.estimatedRows() == null ? "unknown"
                : String.format(Locale.ROOT, "%,d", request.estimatedRows()))
                + (request.rowLimit() == null ? "" : String.format(Locale.ROOT, "\napproval lets through at most %,d",
                request.rowLimit()))
                + (request.partitionColumn() == null ? "" : "\nwhole read, in partitions on `"
                + escape(request.partitionColumn()) + "`: approving also lets its other partitions and retries run")));
        fields.add(field("Tables", request.tables().isEmpty() ? "none"
                : String.join(", ", request.tables().stream().map(t -> "`" + escape(t) + "`").toList())));
        blocks.add(section(s -> s.fields(fields)));

        if (!request.columns().isEmpty()) {
            StringBuilder columns = new StringBuilder("*Columns*\n");
            for (TouchedColumn column : request.columns()) {
                columns.append("• `").append(escape(column.table())).append('.').append(escape(column.column()))
                        .append('`');
                if (!column.classes().isEmpty()) {
                    columns.append(" — ").append(escape(String.join(", ", column.classes())));
                }
                columns.append('\n');
            }
            String text = truncate(columns.toString().stripTrailing(), SECTION_LIMIT);
            blocks.add(section(s -> s.text(markdownText(text))));
        }

        String statement = "*Statement* (literals redacted)\n```"
                + truncate(codeSafe(escape(request.statement())), SECTION_LIMIT - 80) + "```";
        blocks.add(section(s -> s.text(markdownText(statement))));

        String footer = "Request `" + stored.id() + "` · asked " + date(stored.createdAt())
                + (stored.pending() ? " · expires " + date(stored.expiresAt()) : "");
        blocks.add(context(c -> c.elements(List.of(markdownText(footer)))));
        return blocks;
    }

    private static TextObject field(String label, String value) {
        return markdownText(truncate("*" + label + "*\n" + value, FIELD_LIMIT));
    }

    /** Slack renders the date in each reader's time zone; the ISO text is the fallback. */
    private static String date(Instant instant) {
        return "<!date^" + instant.getEpochSecond() + "^{date_short_pretty} {time}|" + instant + ">";
    }

    /** Escapes the three characters Slack's mrkdwn gives meaning to. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Keeps a statement from closing its code block early. */
    private static String codeSafe(String text) {
        return text.replace("```", "`\u200b`\u200b`");
    }

    private static String truncate(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
