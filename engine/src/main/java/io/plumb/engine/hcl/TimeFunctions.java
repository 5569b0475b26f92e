package io.plumb.engine.hcl;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code TimeFunctions} are {@code formatdate(spec, timestamp)} and {@code timeadd(timestamp, duration)}, over RFC
 * 3339 timestamps as the reference's HCL functions take them. {@code formatdate}'s spec is made of {@code YYYY},
 * {@code YY}, {@code MMMM}, {@code MMM}, {@code MM}, {@code M}, {@code DD}, {@code D}, {@code EEEE}, {@code EEE},
 * {@code hh}, {@code h} (24-hour), {@code HH}, {@code H} (12-hour), {@code AA}, {@code aa}, {@code mm}, {@code m},
 * {@code ss}, {@code s}, {@code ZZZZZ}, {@code ZZZZ}, {@code ZZZ}, {@code Z} and {@code 'literal'} text; {@code
 * timeadd}'s duration is Go's ({@code 1h30m}, {@code -10s}, {@code 1.5h}, {@code 250ms}).
 */
final class TimeFunctions {

    // Go's time.RFC3339 layout: whole seconds, Z for UTC.
    private static final DateTimeFormatter RFC3339 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    private static final Pattern SPEC = Pattern.compile("'(?:[^']|'')*'?|([A-Za-z])\\1*|[^A-Za-z']+");
    private static final Pattern DURATION_PART = Pattern.compile("([0-9]*\\.?[0-9]+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, BigDecimal> NANOS = Map.of(
            "ns", BigDecimal.ONE,
            "us", BigDecimal.valueOf(1_000),
            "µs", BigDecimal.valueOf(1_000),
            "μs", BigDecimal.valueOf(1_000),
            "ms", BigDecimal.valueOf(1_000_000),
            "s", BigDecimal.valueOf(1_000_000_000L),
            "m", BigDecimal.valueOf(60_000_000_000L),
            "h", BigDecimal.valueOf(3_600_000_000_000L));

    private TimeFunctions() {}

    static void register(Map<String, FunctionDef> m) {
        m.put("formatdate", FunctionDef.of(2, a -> new Value.Str(format(a, a.str(0), timestamp(a, 1)))));
        m.put(
                "timeadd",
                FunctionDef.of(
                        2,
                        a -> new Value.Str(
                                timestamp(a, 0).plusNanos(nanos(a, a.str(1))).format(RFC3339))));
    }

    private static OffsetDateTime timestamp(CallArgs a, int i) {
        try {
            return OffsetDateTime.parse(a.str(i), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException e) {
            throw a.error("\"" + a.str(i) + "\" is not an RFC 3339 timestamp, such as 2024-01-02T15:04:05Z");
        }
    }

    private static String format(CallArgs a, String spec, OffsetDateTime t) {
        StringBuilder out = new StringBuilder();
        Matcher token = SPEC.matcher(spec);
        while (token.find()) {
            String s = token.group();
            if (s.startsWith("'")) {
                if (s.length() < 2 || !s.endsWith("'")) {
                    throw a.error("unterminated literal in the date format \"" + spec + "\"");
                }
                // '' is a quote; within a literal, '' stands for one too.
                out.append(s.equals("''") ? "'" : s.substring(1, s.length() - 1).replace("''", "'"));
                continue;
            }
            if (token.group(1) == null) {
                out.append(s);
                continue;
            }
            out.append(field(a, spec, s, t));
        }
        return out.toString();
    }

    private static String field(CallArgs a, String spec, String s, OffsetDateTime t) {
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return switch (s) {
            case "YYYY" -> String.format(Locale.ROOT, "%04d", t.getYear());
            case "YY" -> String.format(Locale.ROOT, "%02d", t.getYear() % 100);
            case "MMMM" -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "MMM" -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "MM" -> String.format(Locale.ROOT, "%02d", t.getMonthValue());
            case "M" -> Integer.toString(t.getMonthValue());
            case "DD" -> String.format(Locale.ROOT, "%02d", t.getDayOfMonth());
            case "D" -> Integer.toString(t.getDayOfMonth());
            case "EEEE" -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "EEE" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "hh" -> String.format(Locale.ROOT, "%02d", t.getHour());
            case "h" -> Integer.toString(t.getHour());
            case "HH" -> String.format(Locale.ROOT, "%02d", hour12);
            case "H" -> Integer.toString(hour12);
            case "AA" -> t.getHour() < 12 ? "AM" : "PM";
            case "aa" -> t.getHour() < 12 ? "am" : "pm";
            case "mm" -> String.format(Locale.ROOT, "%02d", t.getMinute());
            case "m" -> Integer.toString(t.getMinute());
            case "ss" -> String.format(Locale.ROOT, "%02d", t.getSecond());
            case "s" -> Integer.toString(t.getSecond());
            case "ZZZZZ" -> offset(t.getOffset(), true);
            case "ZZZZ" -> offset(t.getOffset(), false);
            case "ZZZ" -> t.getOffset().equals(ZoneOffset.UTC) ? "UTC" : offset(t.getOffset(), false);
            case "Z" -> t.getOffset().equals(ZoneOffset.UTC) ? "Z" : offset(t.getOffset(), true);
            default -> throw a.error("invalid date format verb \"" + s + "\" in \"" + spec + "\"");
        };
    }

    private static String offset(ZoneOffset offset, boolean colon) {
        int seconds = offset.getTotalSeconds();
        int abs = Math.abs(seconds);
        return String.format(
                Locale.ROOT, "%s%02d%s%02d", seconds < 0 ? "-" : "+", abs / 3600, colon ? ":" : "", abs / 60 % 60);
    }

    // A Go duration in nanoseconds.
    private static long nanos(CallArgs a, String duration) {
        String text = duration;
        int sign = 1;
        if (text.startsWith("-") || text.startsWith("+")) {
            sign = text.startsWith("-") ? -1 : 1;
            text = text.substring(1);
        }
        if (text.equals("0")) {
            return 0;
        }
        Matcher part = DURATION_PART.matcher(text);
        BigDecimal total = BigDecimal.ZERO;
        int end = 0;
        while (part.lookingAt()) {
            total = total.add(new BigDecimal(part.group(1)).multiply(NANOS.get(part.group(2))));
            end = part.end();
            part.region(end, text.length());
        }
        if (end == 0 || end != text.length()) {
            throw a.error("\"" + duration + "\" is not a duration, such as 1h30m or -10s");
        }
        try {
            return total.longValueExact() * sign;
        } catch (ArithmeticException e) {
            throw a.error("the duration \"" + duration + "\" is out of range");
        }
    }
}
