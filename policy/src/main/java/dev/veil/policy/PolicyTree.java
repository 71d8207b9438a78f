package dev.veil.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed policy document that remembers the line of every value, so that validation can name it. Jackson only
 * tokenizes; the structure and every check are ours, so no Jackson message or stack trace reaches the user.
 */
final class PolicyTree {

    enum Format { YAML, JSON }

    sealed interface Node permits MapNode, ListNode, Scalar {
        int line();

        String describe();
    }

    record Entry(String key, int keyLine, Node value) {
    }

    record MapNode(Map<String, Entry> entries, int line) implements Node {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record ListNode(List<Node> items, int line) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar: {@link String}, {@link BigDecimal} (every number), {@link Boolean} or null. */
    record Scalar(Object value, int line) implements Node {
        @Override
        public String describe() {
            if (value == null) {
                return "nothing (null)";
            }
            if (value instanceof String s) {
                return "the text '" + s + "'";
            }
            if (value instanceof BigDecimal d) {
                return "the number " + d.toPlainString();
            }
            return "the boolean " + value;
        }
    }

    /** A syntax or structure problem found while reading. */
    static final class ParseProblem extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        ParseProblem(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** YAML reads an unquoted value that starts with '*' as an alias: the usual slip in column patterns. */
    private static final String QUOTE_STAR = "quote a value that starts with '*', e.g. match: \"*.ssn\"";

    private PolicyTree() {
    }

    /** The document's root, or null for an empty document. */
    static Node parse(Reader reader, Format format) throws ParseProblem {
        JsonFactory factory = format == Format.JSON ? new JsonFactory() : new YAMLFactory();
        try (JsonParser parser = factory.createParser(reader)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            Node root = read(parser, token);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new ParseProblem(line(parser), "unexpected content after the end of the policy document");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String problem = firstLine(e.getOriginalMessage());
            throw new ParseProblem(line, "not valid " + format + ": " + problem
                    + (problem.contains("alias") ? "; " + QUOTE_STAR : ""));
        } catch (IOException e) {
            throw new ParseProblem(0, "cannot be read: " + e.getMessage());
        }
    }

    private static Node read(JsonParser parser, JsonToken token) throws IOException, ParseProblem {
        int line = line(parser);
        switch (token) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    int keyLine = line(parser);
                    Node value = read(parser, parser.nextToken());
                    if (entries.containsKey(key)) {
                        throw new ParseProblem(keyLine, "duplicate field '" + key + "' (first on line "
                                + entries.get(key).keyLine() + ")");
                    }
                    entries.put(key, new Entry(key, keyLine, value));
                }
                return new MapNode(entries, line);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(read(parser, t));
                }
                return new ListNode(items, line);
            }
            case VALUE_STRING -> {
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    // Jackson hands an alias over as its name: '*ssn' would silently read as 'ssn'
                    throw new ParseProblem(line, "YAML aliases are not supported; " + QUOTE_STAR);
                }
                return new Scalar(parser.getText(), line);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                try {
                    return new Scalar(new BigDecimal(parser.getText().replace("_", "")), line);
                } catch (NumberFormatException e) {
                    return new Scalar(parser.getText(), line);
                }
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(token == JsonToken.VALUE_TRUE, line);
            }
            case VALUE_NULL -> {
                return new Scalar(null, line);
            }
            default -> throw new ParseProblem(line, "unsupported content (" + token + ")");
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
