package io.plumb.engine.testing;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code CaseReader} turns an evaluated {@code test} block into a {@link TestCase}, refusing, at their position,
 * the attributes and blocks a command does not know and values of the wrong type.
 */
final class CaseReader {

    private CaseReader() {}

    static TestCase read(String name, TestKind kind, Resource block) {
        Set<String> known = kind == TestKind.SCHEMA ? Set.of("skip", "parallel") : Set.of("skip");
        requireOnly(block, "test \"" + kind.label() + "\"", known);
        boolean skip = bool(block, "skip");
        boolean parallel = bool(block, "parallel");
        List<Command> commands = new ArrayList<>();
        for (Resource child : block.children()) {
            commands.add(command(kind, child));
        }
        return new TestCase(name, kind, block.pos(), skip, parallel, commands);
    }

    private static Command command(TestKind kind, Resource block) {
        if (!block.labels().isEmpty()) {
            throw new HclException(block.pos(), "block \"" + block.type() + "\" takes no labels");
        }
        if (!block.children().isEmpty()) {
            Resource nested = block.children().get(0);
            throw new HclException(
                    nested.pos(), "unexpected block \"" + nested.type() + "\" in \"" + block.type() + "\"");
        }
        Pos pos = block.pos();
        return switch (block.type()) {
            case "exec" -> {
                requireOnly(block, "exec", Set.of("sql", "format", "output", "match"));
                yield new Command.Exec(required(block, "sql"), format(block), expectation(block), pos);
            }
            case "catch" -> {
                requireOnly(block, "catch", Set.of("sql", "error"));
                yield new Command.Catch(required(block, "sql"), optional(block, "error"), pos);
            }
            case "assert" -> {
                requireOnly(block, "assert", Set.of("sql", "error_message"));
                yield new Command.Assert(required(block, "sql"), optional(block, "error_message"), pos);
            }
            case "log" -> {
                requireOnly(block, "log", Set.of("message"));
                yield new Command.Log(required(block, "message"), pos);
            }
            case "external" -> {
                requireOnly(block, "external", Set.of("program", "working_dir", "output", "match"));
                yield new Command.External(program(block), optional(block, "working_dir"), expectation(block), pos);
            }
            case "cleanup" -> {
                requireOnly(block, "cleanup", Set.of("sql"));
                yield new Command.Cleanup(required(block, "sql"), pos);
            }
            case "migrate" -> {
                if (kind != TestKind.MIGRATE) {
                    throw new HclException(pos, "block \"migrate\" is only allowed in test \"migrate\" blocks");
                }
                requireOnly(block, "migrate", Set.of("to"));
                yield new Command.Migrate(required(block, "to"), pos);
            }
            default -> throw new HclException(
                    pos,
                    "unknown block \"" + block.type() + "\" in a test; expected exec, catch, assert, log, external,"
                            + " cleanup" + (kind == TestKind.MIGRATE ? " or migrate" : ""));
        };
    }

    private static void requireOnly(Resource block, String what, Set<String> known) {
        for (Attribute attribute : block.attributes()) {
            if (!known.contains(attribute.name())) {
                throw new HclException(
                        attribute.namePos(),
                        "unknown attribute \"" + attribute.name() + "\" in " + what + "; expected one of "
                                + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static OutputFormat format(Resource block) {
        Optional<Attribute> attribute = block.attribute("format");
        if (attribute.isEmpty()) {
            return OutputFormat.CSV;
        }
        // The reference's examples write the format bare (format = table), as an enum constant.
        String value = attribute.get().value() instanceof Value.Ident ident ? ident.name() : string(attribute.get());
        return switch (value) {
            case "csv" -> OutputFormat.CSV;
            case "table" -> OutputFormat.TABLE;
            default -> throw new HclException(
                    attribute.get().pos(), "unknown format \"" + value + "\"; expected \"csv\" or \"table\"");
        };
    }

    private static Optional<Expectation> expectation(Resource block) {
        Optional<Attribute> output = block.attribute("output");
        Optional<Attribute> match = block.attribute("match");
        if (output.isPresent() && match.isPresent()) {
            throw new HclException(match.get().namePos(), "\"output\" and \"match\" are exclusive in " + block.type());
        }
        if (output.isPresent()) {
            return Optional.of(
                    new Expectation.Output(string(output.get()), output.get().pos()));
        }
        return match.map(m -> new Expectation.Match(string(m), m.pos()));
    }

    private static List<String> program(Resource block) {
        Attribute attribute = block.attribute("program")
                .orElseThrow(() -> new HclException(block.pos(), "external needs attribute \"program\""));
        if (!(attribute.value() instanceof Value.ListValue list)
                || list.elements().isEmpty()) {
            throw new HclException(
                    attribute.pos(), "program: expected a non-empty list of strings, found " + describe(attribute));
        }
        List<String> program = new ArrayList<>();
        for (Value element : list.elements()) {
            program.add(scalar(element, attribute));
        }
        return program;
    }

    private static boolean bool(Resource block, String name) {
        Optional<Attribute> attribute = block.attribute(name);
        if (attribute.isEmpty() || attribute.get().value() instanceof Value.Null) {
            return false;
        }
        if (attribute.get().value() instanceof Value.Bool b) {
            return b.value();
        }
        throw new HclException(attribute.get().pos(), name + ": expected a bool, found " + describe(attribute.get()));
    }

    private static String required(Resource block, String name) {
        Attribute attribute = block.attribute(name)
                .orElseThrow(() -> new HclException(block.pos(), block.type() + " needs attribute \"" + name + "\""));
        return string(attribute);
    }

    private static Optional<String> optional(Resource block, String name) {
        return block.attribute(name).map(CaseReader::string);
    }

    private static String string(Attribute attribute) {
        return scalar(attribute.value(), attribute);
    }

    // Numbers and bools convert to strings, as HCL converts them for a string attribute: migrate { to = 2 }.
    private static String scalar(Value value, Attribute attribute) {
        if (value instanceof Value.Str s) {
            return s.value();
        }
        if (value instanceof Value.Num n) {
            return n.value().toPlainString();
        }
        if (value instanceof Value.Bool b) {
            return Boolean.toString(b.value());
        }
        throw new HclException(attribute.pos(), attribute.name() + ": expected a string, found " + value.kind());
    }

    private static String describe(Attribute attribute) {
        return attribute.value().kind().toLowerCase(Locale.ROOT);
    }
}
