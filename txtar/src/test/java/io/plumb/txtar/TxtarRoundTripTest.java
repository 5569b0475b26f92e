package io.plumb.txtar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Round-trip properties of parse and format over random input, per reference section 1.4. Each case has its own
 * seed, printed on failure; {@code -Dtxtar.seed=N} changes the base seed.
 */
class TxtarRoundTripTest {
    private static final int ITERATIONS = 2_000;
    private static final long BASE_SEED = Long.getLong("txtar.seed", 0x7478_7461_72L);

    /** Pieces of input, chosen to make marker lines, near-markers and mixed line endings likely. */
    private static final String[] TOKENS = {
        "-",
        "--",
        "-- ",
        " --",
        " ",
        "\n",
        "\n",
        "\r",
        "\r\n",
        ">",
        "#",
        "a",
        "b",
        "x",
        "\t",
        "\u00a0",
        "-- a --",
        "-- a --\n",
        "\n-- b --\r\n",
        "-- --",
        "--  --",
        "-- x --y",
        "-- a ---",
        " -- a --",
        "\n-- a --\r",
    };

    /** Characters of generated file names; the white space among them is what {@link #isTrimmed} checks. */
    private static final String NAME_CHARS = "abcxyz-> #\r\t\u00a0./";

    private static String randomText(Random random, int maxTokens) {
        StringBuilder text = new StringBuilder();
        int count = random.nextInt(maxTokens + 1);
        for (int i = 0; i < count; i++) {
            text.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return text.toString();
    }

    private static String randomName(Random random) {
        StringBuilder name = new StringBuilder();
        int length = 1 + random.nextInt(6);
        for (int i = 0; i < length; i++) {
            name.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
        }
        return name.toString();
    }

    private static Archive randomArchive(Random random) {
        List<ArchiveFile> files = new ArrayList<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            files.add(new ArchiveFile(randomName(random), randomText(random, 6)));
        }
        return new Archive(randomText(random, 4), files);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\u00a0';
    }

    private static boolean isTrimmed(String name) {
        return !name.isEmpty() && !isSpace(name.charAt(0)) && !isSpace(name.charAt(name.length() - 1));
    }

    /** The line ending format uses (reference 1.4), written out here independently of {@code Txtar}. */
    private static String lineEnding(Archive archive) {
        List<String> sections = new ArrayList<>();
        sections.add(archive.comment());
        archive.files().forEach(f -> sections.add(f.data()));
        for (String section : sections) {
            if (section.endsWith("\n")) {
                return section.endsWith("\r\n") ? "\r\n" : "\n";
            }
        }
        return "\n";
    }

    private static String withFinalNewline(String section, String newline) {
        return section.isEmpty() || section.endsWith("\n") ? section : section + newline;
    }

    private static Archive normalised(Archive archive) {
        String newline = lineEnding(archive);
        List<ArchiveFile> files = archive.files().stream()
                .map(f -> new ArchiveFile(f.name(), withFinalNewline(f.data(), newline)))
                .toList();
        return new Archive(withFinalNewline(archive.comment(), newline), files);
    }

    /** Returns whether format gives an archive that parses back: trimmed names, no marker line in any section. */
    private static boolean isRepresentable(Archive normalised) {
        return !Txtar.needsQuote(normalised.comment())
                && normalised.files().stream().allMatch(f -> isTrimmed(f.name()) && !Txtar.needsQuote(f.data()));
    }

    @Test
    @DisplayName("parse(format(a)) equals a, with final newlines added, for archives format can represent")
    void formatThenParseGivesArchiveBack() {
        int checked = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            long seed = BASE_SEED + i;
            Archive archive = randomArchive(new Random(seed));
            Archive expected = normalised(archive);
            if (!isRepresentable(expected)) {
                continue;
            }
            checked++;
            String formatted = Txtar.format(archive);

            assertThat(Txtar.parse(formatted))
                    .as("seed %d: format(%s) = \"%s\"", seed, archive, formatted)
                    .isEqualTo(expected);
        }
        // Guards against a filter or generator that leaves too little to check.
        assertThat(checked).isGreaterThan(ITERATIONS / 5);
    }

    @Test
    @DisplayName("parse(format(parse(x))) equals parse(x) for any x")
    void parseFormatParseIsStable() {
        for (int i = 0; i < ITERATIONS; i++) {
            long seed = BASE_SEED + i;
            String input = randomText(new Random(seed), 30);
            Archive parsed = Txtar.parse(input);
            String formatted = Txtar.format(parsed);

            assertThat(Txtar.parse(formatted))
                    .as("seed %d: input \"%s\", formatted \"%s\"", seed, input, formatted)
                    .isEqualTo(parsed);
            assertThat(Txtar.format(Txtar.parse(formatted)))
                    .as("seed %d: format is a fixed point for input \"%s\"", seed, input)
                    .isEqualTo(formatted);
        }
    }

    @Test
    @DisplayName("parse(x) gives sections that end in a newline or are empty, hold no marker, and trimmed names")
    void parsedSectionsAreWellFormed() {
        int files = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            long seed = BASE_SEED + i;
            String input = randomText(new Random(seed), 30);
            Archive parsed = Txtar.parse(input);
            List<String> sections = new ArrayList<>();
            sections.add(parsed.comment());
            parsed.files().forEach(f -> sections.add(f.data()));

            assertThat(sections)
                    .as("seed %d: input \"%s\"", seed, input)
                    .allSatisfy(s -> assertThat(s.isEmpty() || s.endsWith("\n")).isTrue())
                    .noneMatch(Txtar::needsQuote);
            assertThat(parsed.files())
                    .as("seed %d: input \"%s\"", seed, input)
                    .allSatisfy(f -> assertThat(isTrimmed(f.name())).isTrue());
            files += parsed.files().size();
        }
        assertThat(files).isGreaterThan(ITERATIONS);
    }

    @Test
    @DisplayName("quote makes any data with a final newline safe to store, and unquote restores it")
    void quoteMakesDataSafe() throws TxtarException {
        for (int i = 0; i < ITERATIONS; i++) {
            long seed = BASE_SEED + i;
            String data = randomText(new Random(seed), 20) + "\n";
            String quoted = Txtar.quote(data);

            assertThat(Txtar.needsQuote(quoted))
                    .as("seed %d: quote(\"%s\")", seed, data)
                    .isFalse();
            assertThat(Txtar.unquote(quoted))
                    .as("seed %d: unquote(quote(\"%s\"))", seed, data)
                    .isEqualTo(data);
        }
    }
}
