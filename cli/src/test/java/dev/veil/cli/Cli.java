package dev.veil.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs the veil command line in this JVM with a given environment and standard input, and keeps what it wrote. */
final class Cli {

    private final Map<String, String> environment = new HashMap<>();
    private String stdin = "";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    Cli env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Cli stdin(String text) {
        stdin = text;
        return this;
    }

    /** Runs {@code veil args…} and answers its exit code. */
    int run(String... args) {
        InputStream savedIn = System.in;
        PrintStream savedOut = System.out;
        // picocli prompts on System.out and reads System.in when there is no console, as under a test runner
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = VeilCli.commandLine(environment);
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            return cli.execute(args);
        } finally {
            System.setIn(savedIn);
            System.setOut(savedOut);
        }
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** What went to the process's own standard output: picocli's password prompt. */
    String console() {
        return console.toString(StandardCharsets.UTF_8);
    }
}
