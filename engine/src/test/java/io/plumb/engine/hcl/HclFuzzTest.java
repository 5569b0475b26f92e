package io.plumb.engine.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.plumb.engine.dialect.sqlite.SqliteSchemaSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fuzzes the schema read path (parse, evaluate, read as SQLite) with seeded random input: every input must either
 * read or fail with an {@link HclException} positioned inside the text, quickly.
 */
class HclFuzzTest {

    private static final String NAME = "fuzz.hcl";
    private static final int ITERATIONS = 2_000;
    // A hang guard, not a speed check: inputs take milliseconds, so only a runaway input (exponential backtracking,
    // a gigabyte string) comes near it, even on a loaded CI machine.
    private static final long TIME_LIMIT_MS = 15_000;
    private static final Pattern POSITION =
            Pattern.compile("^" + Pattern.quote(NAME) + ":(\\d+):(\\d+): .+", Pattern.DOTALL);

    private static final String[] TOKENS = {
        "\"",
        "'",
        "{",
        "}",
        "[",
        "]",
        "(",
        ")",
        "${",
        "%{",
        "}",
        "<<EOT\n",
        "<<-EOT\n",
        "\nEOT\n",
        "EOT",
        "=",
        "==",
        "!=",
        "<",
        "<=",
        ">",
        ">=",
        "&&",
        "||",
        "!",
        "+",
        "-",
        "*",
        "/",
        "%",
        "?",
        ":",
        ".",
        "...",
        ",",
        "=>",
        "#",
        "//",
        "/*",
        "*/",
        "\n",
        "\r",
        "\r\n",
        "\t",
        " ",
        "\0",
        "\\",
        "\\u",
        "\\uD800",
        "\\n",
        "$${",
        "%%{",
        "é",
        "\uD83D\uDE00",
        "\uFFFF",
        "\uD800",
        "for",
        "in",
        "if",
        "endif",
        "endfor",
        "else",
        "null",
        "true",
        "false",
        "var.",
        "local.",
        "column.",
        "table.",
        "schema.",
        "1e999999999",
        "-1e999999999",
        "1e-999999999",
        "99999999999999999999",
        "0",
        "0.5",
        "-1",
        "1.",
        ".5",
        "0x1F",
        "[*]",
        ".*",
        "format(\"%999999999d\", 1)",
        "range(1e18)",
        "regex(\"(\", \"x\")",
        "file(\"/dev/zero\")",
        "file(\"/\")",
        "pow(10, 1e9)",
        "sql(\"x\")",
        "integer",
        "varchar(999999999999)",
        "decimal(-1, 1e99)",
        "column",
        "table",
        "schema",
        "index",
        "primary_key",
        "foreign_key",
        "check",
        "variable",
        "locals",
        "type",
        "default",
        "null",
        "columns",
        "ref_columns",
    };

    private static final String[] FUNCTIONS = {
        "concat",
        "length",
        "contains",
        "distinct",
        "element",
        "flatten",
        "lookup",
        "merge",
        "range",
        "reverse",
        "slice",
        "sort",
        "zipmap",
        "coalesce",
        "coalescelist",
        "index",
        "tostring",
        "tonumber",
        "tobool",
        "tolist",
        "toset",
        "tomap",
        "sql",
        "file",
        "getenv",
        "jsonencode",
        "jsondecode",
        "abs",
        "ceil",
        "floor",
        "max",
        "min",
        "pow",
        "parseint",
        "regex",
        "regexall",
        "formatlist",
        "join",
        "split",
        "lower",
        "upper",
        "title",
        "replace",
        "trim",
        "trimprefix",
        "trimsuffix",
        "trimspace",
        "chomp",
        "substr",
        "strrev",
        "startswith",
        "endswith",
        "urlescape",
        "urlsetpath",
        "urlqueryset",
        "urluserinfo",
        "keys",
        "values",
        "compact",
        "signum",
        "regexreplace",
        "format",
        "nosuch",
        "varchar",
    };

    private static final String[] HOSTILE = {
        "0",
        "-0",
        "1",
        "-1",
        "-5",
        "2",
        "36",
        "37",
        "62",
        "99",
        "0.5",
        "-0.5",
        "1e18",
        "-1e18",
        "1e9",
        "1e999999999",
        "-1e999999999",
        "1e-999999999",
        "99999999999",
        "2147483648",
        "-2147483649",
        "9223372036854775808",
        "null",
        "true",
        "false",
        "\"\"",
        "\"x\"",
        "\"zz\"",
        "\"(\"",
        "\"[\"",
        "\"a*\"",
        "\"%999999999d\"",
        "\"%d\"",
        "\"%s\"",
        "\"%v %v %v\"",
        "\"%-09.9999999f\"",
        "\"%*d\"",
        "\"%[99]d\"",
        "\"%[0]d\"",
        "\"%\"",
        "\"%q\"",
        "\"%.3s\"",
        "\"/dev/zero\"",
        "\"/\"",
        "\".\"",
        "\"/proc/self/mem\"",
        "\"no/such/file\"",
        "\"\\u00e9\\uD800\"",
        "\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"",
        "\"{\\\"a\\\":\"",
        "\"1e999999999\"",
        "\"0x10\"",
        "\"  12  \"",
        "\"NaN\"",
        "\"Infinity\"",
        "\"http://u:p@h/p?q=1#f\"",
        "\"%zz\"",
        "\"://\"",
        "[]",
        "[1, 2]",
        "[\"a\", null]",
        "[[1], [2, [3]]]",
        "{}",
        "{a = 1}",
        "{a = [1]}",
        "[for i in [1, 2] : i]",
        "\"(.*a){25}\"",
        "\"((a|b)*)*c\"",
        "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\"",
        "\"[(?<a>]\"",
        "\"(?P<n>x)\"",
        "\"$9 $ $$ \\\\ ${n} ${1}\"",
        "\"/(b)/\"",
        "\"%99999999999d\"",
        "\"%.99999d\"",
        "\"%010.5f\"",
        "\"a\\u0000b\"",
        "\"/dev/null\"",
        "\"/dev/urandom\"",
        "\"/proc/self/status\"",
        "1e9999",
        "1e-9999",
        "pow(10, 9999)",
        "{for k, v in {a = 1} : k => v...}",
        "integer",
        "column.id",
        "\"${\"",
        "\"%{\"",
    };

    private static final List<String> CORPUS = corpus();
    private static ExecutorService executor;

    @BeforeAll
    static void startExecutor() {
        executor = newExecutor();
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "hcl-fuzz", 1 << 20);
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopExecutor() {
        executor.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void mutatedSchemaFilesReadOrFailWithAPosition(long seed) {
        Random random = new Random(seed);
        List<AssertionError> failures = new ArrayList<>();
        for (int i = 0; i < ITERATIONS; i++) {
            String input = mutate(random, CORPUS.get(random.nextInt(CORPUS.size())));
            collect(failures, seed, i, input);
        }
        assertNoFailures(failures);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14})
    void randomExpressionsEvaluateOrFailWithAPosition(long seed) {
        Random random = new Random(seed);
        List<AssertionError> failures = new ArrayList<>();
        for (int i = 0; i < ITERATIONS; i++) {
            String input = "t {\n  v = " + expression(random, 3) + "\n}\n";
            if (random.nextInt(4) == 0) {
                input = "table \"t\" {\n  schema = schema.main\n  column \"c\" {\n    type = " + expression(random, 2)
                        + "\n    default = " + expression(random, 2) + "\n  }\n}\nschema \"main\" {}\n";
            }
            collect(failures, seed, i, input);
        }
        assertNoFailures(failures);
    }

    private static void collect(List<AssertionError> failures, long seed, int iteration, String input) {
        try {
            check(seed, iteration, input);
        } catch (AssertionError e) {
            failures.add(e);
        }
    }

    private static void assertNoFailures(List<AssertionError> failures) {
        if (!failures.isEmpty()) {
            AssertionError first = new AssertionError(
                    failures.size() + " inputs broke the contract; first: "
                            + failures.get(0).getMessage(),
                    failures.get(0).getCause());
            throw first;
        }
    }

    private static void check(long seed, int iteration, String input) {
        Future<@Nullable Throwable> run = executor.submit(() -> readOrError(input));
        @Nullable Throwable failure;
        try {
            failure = run.get(TIME_LIMIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            // The runaway thread may never stop; later inputs get a fresh one so they are judged on their own.
            executor.shutdownNow();
            executor = newExecutor();
            throw report(seed, iteration, input, "took more than " + TIME_LIMIT_MS + " ms", null);
        } catch (InterruptedException | ExecutionException e) {
            throw report(seed, iteration, input, "the fuzz thread failed", e);
        }
        if (failure == null) {
            return;
        }
        if (!(failure instanceof HclException)) {
            throw report(seed, iteration, input, "threw " + failure, failure);
        }
        Matcher m = POSITION.matcher(failure.getMessage());
        long lines = input.chars().filter(c -> c == '\n').count() + 1;
        // An unplaced error (a required variable without a value) words its message without the position, as the
        // reference does, but still carries one.
        Pos pos = ((HclException) failure).pos();
        boolean unplaced = ((HclException) failure).detail().equals(failure.getMessage());
        if (!(unplaced || m.matches()) || pos.line() < 1 || pos.line() > lines + 1 || pos.column() < 1) {
            throw report(seed, iteration, input, "badly positioned error: " + failure.getMessage(), failure);
        }
    }

    /** Runs the read path, returning what it threw or null; errors are returned so the caller can judge them. */
    private static @Nullable Throwable readOrError(String input) {
        try {
            HclFile file = Hcl.parse(NAME, input);
            Document document =
                    HclEvaluator.evaluate(List.of(file), EvalOptions.defaults().withEnv(n -> null));
            new SqliteSchemaSpec().read(document);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static AssertionError report(
            long seed, int iteration, String input, String what, @Nullable Throwable cause) {
        String message = "seed " + seed + ", iteration " + iteration + ": " + what + "\n--- input ---\n" + input
                + "\n--- end ---";
        System.err.println(message);
        if (cause != null && !(cause instanceof HclException)) {
            cause.printStackTrace();
        }
        AssertionError error = new AssertionError(message);
        if (cause != null) {
            error.initCause(cause);
        }
        return error;
    }

    private static String mutate(Random random, String text) {
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = b.length() == 0 ? 0 : random.nextInt(b.length() + 1);
            switch (random.nextInt(6)) {
                case 0 -> b.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 1 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(8)));
                case 2 -> {
                    int end = Math.min(b.length(), at + 1 + random.nextInt(30));
                    b.insert(at, b.substring(at, end));
                }
                case 3 -> {
                    int other = b.length() == 0 ? 0 : random.nextInt(b.length());
                    int len = Math.min(Math.min(b.length() - at, b.length() - other), 1 + random.nextInt(10));
                    if (len > 0 && Math.abs(at - other) >= len) {
                        String x = b.substring(at, at + len);
                        String y = b.substring(other, other + len);
                        b.replace(at, at + len, y);
                        b.replace(other, other + len, x);
                    }
                }
                case 4 -> b.insert(at, (char) random.nextInt(0x3000));
                default -> b.insert(at, " " + expression(random, 2) + " ");
            }
        }
        return b.toString();
    }

    private static String expression(Random random, int depth) {
        if (depth <= 0) {
            return HOSTILE[random.nextInt(HOSTILE.length)];
        }
        int d = depth - 1;
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> call(random, d);
            case 3 -> expression(random, d) + " " + operator(random) + " " + expression(random, d);
            case 4 -> expression(random, d) + " ? " + expression(random, d) + " : " + expression(random, d);
            case 5 -> "[" + expression(random, d) + ", " + expression(random, d) + "]";
            case 6 -> "{ k = " + expression(random, d) + ", \"q\" = " + expression(random, d) + " }";
            case 7 -> "\"a${" + expression(random, d) + "}b%{ if " + expression(random, d) + " }y%{ endif }\"";
            case 8 -> "[for x in " + expression(random, d) + " : " + expression(random, d) + "]";
            case 9 -> "(" + expression(random, d) + ")[" + expression(random, 0) + "]";
            case 10 -> (random.nextBoolean() ? "-" : "!") + expression(random, d);
            default -> HOSTILE[random.nextInt(HOSTILE.length)];
        };
    }

    private static String call(Random random, int depth) {
        StringBuilder b = new StringBuilder(FUNCTIONS[random.nextInt(FUNCTIONS.length)]).append('(');
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append(expression(random, depth));
        }
        if (n > 0 && random.nextInt(8) == 0) {
            b.append("...");
        }
        return b.append(')').toString();
    }

    private static String operator(Random random) {
        String[] ops = {"+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||"};
        return ops[random.nextInt(ops.length)];
    }

    private static List<String> corpus() {
        String text;
        try (InputStream in = HclFuzzTest.class.getResourceAsStream("/testdata/hcl-fuzz/corpus.txtar")) {
            assertThat(in).as("the fuzz corpus").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return fail("cannot read the fuzz corpus", e);
        }
        List<String> files = new ArrayList<>();
        for (String part : text.split("(?m)^-- .+ --$\n", -1)) {
            files.add(part);
        }
        files.remove(0);
        return List.copyOf(files);
    }
}
