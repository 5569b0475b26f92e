package io.plumb.engine.migrate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code FlywayVersion} is the version of a file of a Flyway directory, ordered as Flyway orders them: numbers
 * separated by dots compare number by number ({@code 1.10} after {@code 1.9}), trailing zeros aside ({@code 1.0}
 * is {@code 1}).
 *
 * <p>A repeatable file has no version of its own; it runs after the versioned files, and its version is the last
 * versioned one followed by {@code r} (and a number when there are several: {@code 3r1}, {@code 3r2}), so that it
 * orders after them both here and as a file name of the atlas format ({@code 3r_views.sql} after {@code
 * 3_posts.sql}).
 *
 * @param numbers the numbers, without trailing zeros
 * @param repeatable whether this is a repeatable file's version
 * @param index the number of a repeatable file among several, else 0
 */
record FlywayVersion(List<BigInteger> numbers, boolean repeatable, int index) implements Comparable<FlywayVersion> {

    /** The version of a file name ({@code V1_1__x.sql} has {@code 1_1}): numbers separated by dots or underscores. */
    static final Pattern NAMED = Pattern.compile("\\d+(?:[._]\\d+)*");

    private static final Pattern VERSION = Pattern.compile("(\\d+(?:\\.\\d+)*)(?:r(\\d*))?");

    FlywayVersion {
        numbers = List.copyOf(numbers);
    }

    /** Parses a version as this reader writes it ({@code 1.1}, {@code 3r}, {@code 3r2}), or empty. */
    static Optional<FlywayVersion> parse(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<BigInteger> numbers = new ArrayList<>();
        for (String part : m.group(1).split("\\.")) {
            numbers.add(new BigInteger(part));
        }
        while (numbers.size() > 1 && numbers.get(numbers.size() - 1).signum() == 0) {
            numbers.remove(numbers.size() - 1);
        }
        String index = m.group(2);
        return Optional.of(new FlywayVersion(
                numbers, index != null, index == null || index.isEmpty() ? 0 : Integer.parseInt(index)));
    }

    /** Compares two versions in Flyway's order; a version this format does not write compares as a string. */
    static int compare(String a, String b) {
        Optional<FlywayVersion> left = parse(a);
        Optional<FlywayVersion> right = parse(b);
        if (left.isPresent() && right.isPresent()) {
            return left.get().compareTo(right.get());
        }
        return a.compareTo(b);
    }

    @Override
    public int compareTo(FlywayVersion other) {
        int common = Math.max(numbers.size(), other.numbers.size());
        for (int i = 0; i < common; i++) {
            BigInteger mine = i < numbers.size() ? numbers.get(i) : BigInteger.ZERO;
            BigInteger theirs = i < other.numbers.size() ? other.numbers.get(i) : BigInteger.ZERO;
            int c = mine.compareTo(theirs);
            if (c != 0) {
                return c;
            }
        }
        if (repeatable != other.repeatable) {
            return repeatable ? 1 : -1;
        }
        return Integer.compare(index, other.index);
    }
}
