package dev.veil.approval.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link ServerConfig} from YAML (JSON is YAML too).
 *
 * <p>String values may reference environment variables as {@code ${NAME}} so that the file holds no secret;
 * {@code $${} writes a literal {@code ${}. Substitution happens after parsing, on values only, so a variable's
 * content can never change the structure of the file. An unknown key, a missing variable or an invalid value is
 * an error: a typo must not silently weaken the configuration.
 */
public final class ConfigLoader {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Function<String, String> environment;
    private final ObjectMapper yaml;

    /** @param environment looks up environment variables; {@code System::getenv} outside tests */
    public ConfigLoader(Function<String, String> environment) {
        this.environment = environment;
        SimpleModule durations = new SimpleModule("veil-durations");
        durations.addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                try {
                    return Durations.parse(parser.getValueAsString());
                } catch (IllegalArgumentException e) {
                    throw JsonMappingException.from(parser, e.getMessage(), e);
                }
            }
        });
        this.yaml = YAMLMapper.builder()
                .addModule(durations)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    public static ConfigLoader fromSystemEnvironment() {
        return new ConfigLoader(System::getenv);
    }

    public ServerConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("the configuration file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("the configuration file " + file + " cannot be read: " + e.getMessage());
        }
        return parse(text);
    }

    public ServerConfig parse(String text) {
        JsonNode tree;
        try {
            tree = yaml.readTree(text);
        } catch (IOException e) {
            throw new ConfigException("the configuration is not valid YAML: " + firstLine(e.getMessage()));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            tree = yaml.createObjectNode();
        }
        if (!tree.isObject()) {
            throw new ConfigException("the configuration must be a mapping of keys to values");
        }
        List<String> problems = new ArrayList<>();
        JsonNode resolved = substitute(tree, "", problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        ServerConfig config;
        try {
            config = yaml.treeToValue(resolved, ServerConfig.class);
        } catch (JsonMappingException e) {
            throw new ConfigException(describe(e));
        } catch (IOException e) {
            throw new ConfigException("the configuration cannot be read: " + firstLine(e.getMessage()));
        }
        return config.validated();
    }

    private JsonNode substitute(JsonNode node, String path, List<String> problems) {
        if (node.isTextual()) {
            return new TextNode(resolve(node.asText(), path, problems));
        }
        if (node.isObject()) {
            ObjectNode copy = yaml.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                copy.set(field.getKey(), substitute(field.getValue(), childPath, problems));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = yaml.createArrayNode();
            for (int i = 0; i < node.size(); i++) {
                copy.add(substitute(node.get(i), path + "[" + i + "]", problems));
            }
            return copy;
        }
        return node;
    }

    private String resolve(String value, String path, List<String> problems) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) == null) {
                replacement = "${";
            } else {
                String variable = environment.apply(matcher.group(1));
                if (variable == null) {
                    problems.add(path + " refers to the environment variable " + matcher.group(1)
                            + ", which is not set");
                    variable = "";
                }
                replacement = variable;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String describe(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        String message = firstLine(e.getOriginalMessage());
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            message = "unknown key '" + unknown.getPropertyName() + "'";
        }
        return (path.length() == 0 ? "" : path + ": ") + message;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
