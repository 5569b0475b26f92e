package io.plumb.agent;

import io.plumb.agent.notify.Backoff;
import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.db.InvalidUrlException;
import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.AttributeNode;
import io.plumb.engine.hcl.BlockNode;
import io.plumb.engine.hcl.Body;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.EvalOptions;
import io.plumb.engine.hcl.Expression;
import io.plumb.engine.hcl.Hcl;
import io.plumb.engine.hcl.HclEvaluator;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.HclFile;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Utf8Text;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.project.Env;
import io.plumb.engine.project.MigrationSettings;
import io.plumb.engine.project.ProjectFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@code ConfigReader} reads an agent configuration file: {@code agent}, {@code target}, {@code project} and
 * {@code notify} blocks, in HCL, evaluated by the engine's evaluator.
 *
 * <p>Secrets ({@code password}, {@code secret}, {@code token}, and a password inside a URL) must come from a
 * reference, {@code getenv("VAR")} or {@code file("path")}, never from the text of the file: a literal one is
 * refused at its position, so that a configuration can be committed and shown without leaking.
 */
public final class ConfigReader {

    private static final Set<String> SECRET_ATTRIBUTES = Set.of("password", "secret", "token", "store_password");
    private static final Set<String> URL_ATTRIBUTES = Set.of("url", "store", "dev");
    private static final Set<String> BLOCKS = Set.of("agent", "target", "project", "notify");

    private final Function<String, @Nullable String> getenv;
    private final List<String> secrets = new ArrayList<>();

    private ConfigReader(Function<String, @Nullable String> getenv) {
        this.getenv = getenv;
    }

    /**
     * Reads a configuration file.
     *
     * @param file the file
     * @param getenv the process environment, which {@code getenv("VAR")} reads
     * @throws HclException at the position of a malformed or refused input
     * @throws AgentException when the file cannot be read
     */
    public static AgentConfig read(Path file, Function<String, @Nullable String> getenv) {
        return new ConfigReader(getenv).readFile(file);
    }

    private AgentConfig readFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AgentException("reading agent config " + file + ": no such file", e);
        } catch (IOException e) {
            String reason = Files.isDirectory(file) ? "is a directory" : String.valueOf(e.getMessage());
            throw new AgentException("reading agent config " + file + ": " + reason, e);
        }
        String name = file.getFileName().toString();
        // Bytes that are not UTF-8 are an error at their file:line:col, not a decoder's "Input length = 1".
        HclFile parsed = Hcl.parse(name, Utf8Text.decode(bytes, name), file);
        refuseLiteralSecrets(parsed.body(), "");
        Path dir = directoryOf(file);
        Document document = HclEvaluator.evaluate(List.of(parsed), new EvalOptions(Map.of(), dir, getenv, Map.of()));
        for (Resource block : document.resources()) {
            if (!BLOCKS.contains(block.type())) {
                throw new HclException(
                        block.pos(),
                        "unknown block \"" + block.type() + "\"; expected agent, target, project or notify");
            }
        }
        List<Resource> agents = document.resources("agent");
        if (agents.size() > 1) {
            throw new HclException(agents.get(1).pos(), "a second agent block; expected at most one");
        }
        Optional<Resource> agent = agents.stream().findFirst();
        Cron schedule =
                agent.flatMap(a -> string(a, "schedule").map(s -> cron(a, s))).orElse(Cron.parse(Cron.TWICE_DAILY));
        List<Target> targets = new ArrayList<>();
        for (Resource block : document.resources()) {
            if (block.type().equals("target")) {
                targets.add(target(block, schedule, dir));
            } else if (block.type().equals("project")) {
                targets.addAll(project(block, schedule, dir));
            }
        }
        Set<String> names = new HashSet<>();
        for (Target target : targets) {
            if (!names.add(target.name())) {
                throw new AgentException(file.getFileName() + ": two targets are named \"" + target.name() + "\"");
            }
        }
        List<ChannelConfig> channels = new ArrayList<>();
        Set<String> channelNames = new HashSet<>();
        for (Resource block : document.resources("notify")) {
            ChannelConfig channel = channel(block);
            if (!channelNames.add(channel.name())) {
                throw new HclException(block.pos(), "a second channel named \"" + channel.name() + "\"");
            }
            channels.add(channel);
        }
        int concurrency = agent.flatMap(a -> integer(a, "concurrency")).orElse(4);
        if (concurrency < 1) {
            throw new HclException(
                    agent.orElseThrow().attribute("concurrency").orElseThrow().pos(),
                    "attribute \"concurrency\" of agent: expected at least 1, found " + concurrency);
        }
        Duration lease = Duration.ofSeconds(
                agent.flatMap(a -> integer(a, "lease_seconds")).orElse(300));
        return new AgentConfig(
                file,
                store(agent),
                concurrency,
                lease,
                agent.flatMap(a -> string(a, "listen")),
                agent.flatMap(a -> string(a, "token")).filter(t -> !t.isEmpty()),
                targets,
                channels,
                secrets,
                Duration.ofMillis(agent.flatMap(a -> integer(a, "poll_ms")).orElse(1000)),
                new Backoff(
                        Duration.ofMillis(agent.flatMap(a -> integer(a, "retry_initial_ms"))
                                .orElse(5000)),
                        2.0,
                        Duration.ofMillis(
                                agent.flatMap(a -> integer(a, "retry_max_ms")).orElse(1_800_000)),
                        0.5),
                agent.flatMap(a -> string(a, "public_url")));
    }

    private String store(Optional<Resource> agent) {
        String url = agent.flatMap(a -> string(a, "store")).orElse("sqlite://agent.db");
        Optional<String> password = agent.flatMap(a -> string(a, "store_password"));
        if (password.isEmpty()) {
            return url;
        }
        secrets.add(password.get().strip());
        return UrlPassword.inject(url, password.get().strip());
    }

    private Target target(Resource block, Cron fallback, Path dir) {
        String name = label(block, "target");
        Pos pos = block.pos();
        String url = string(block, "url")
                .orElseThrow(() -> new HclException(pos, "target \"" + name + "\": missing attribute \"url\""));
        Optional<String> migrations = string(block, "dir");
        List<String> schema = block.strings("schema");
        if (migrations.isPresent() == !schema.isEmpty()) {
            throw new HclException(
                    pos,
                    "target \"" + name + "\": expected exactly one of \"dir\" (a migration directory) or \"schema\"");
        }
        Cron schedule = string(block, "schedule").map(s -> cron(block, s)).orElse(fallback);
        return new Target(
                name,
                withPassword(block, url, string(block, "password")),
                migrations.map(d -> relative(d, dir)),
                schema.stream().map(s -> relative(s, dir)).toList(),
                string(block, "dev"),
                block.strings("schemas"),
                block.strings("exclude"),
                schedule,
                secrets);
    }

    private List<Target> project(Resource block, Cron fallback, Path dir) {
        String name = label(block, "project");
        String envName = string(block, "env")
                .orElseThrow(
                        () -> new HclException(block.pos(), "project \"" + name + "\": missing attribute \"env\""));
        Path file = dir.resolve(string(block, "file").orElse("atlas.hcl"));
        ProjectFile project = ProjectFile.load(file, file.getFileName().toString(), Map.of(), getenv, envName);
        List<Env> envs = project.envs(envName);
        Cron schedule = string(block, "schedule").map(s -> cron(block, s)).orElse(fallback);
        Optional<String> password = string(block, "password");
        Path projectDir = directoryOf(file);
        List<Target> targets = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < envs.size(); i++) {
            Env env = envs.get(i);
            String url = env.url()
                    .orElseThrow(
                            () -> new HclException(env.pos(), "env \"" + envName + "\": missing attribute \"url\""));
            MigrationSettings migration = MigrationSettings.of(env);
            Optional<String> migrations = migration.dirUrl();
            List<String> schema = migrations.isPresent() ? List.of() : env.src();
            if (migrations.isEmpty() && schema.isEmpty()) {
                migrations = Optional.of(io.plumb.engine.migrate.MigrationDir.DEFAULT_URL);
            }
            String targetName = envs.size() == 1 ? name : name + "/" + instanceName(url, i);
            if (!used.add(targetName)) {
                targetName = name + "/" + i;
            }
            targets.add(new Target(
                    targetName,
                    withPassword(block, url, password),
                    migrations.map(d -> relative(d, projectDir)),
                    schema,
                    env.dev(),
                    env.schemas(),
                    env.exclude(),
                    schedule,
                    secrets));
        }
        return targets;
    }

    // The last path segment of the URL, without a SQLite file's extension: tenant_a.db gives tenant_a.
    private static String instanceName(String url, int index) {
        try {
            DatabaseUrl parsed = DatabaseUrl.parse(url);
            String path = parsed.path();
            int slash = path.lastIndexOf('/');
            String last = slash >= 0 ? path.substring(slash + 1) : path;
            int dot = last.lastIndexOf('.');
            last = dot > 0 ? last.substring(0, dot) : last;
            return last.isEmpty() ? String.valueOf(index) : last;
        } catch (InvalidUrlException e) {
            return String.valueOf(index);
        }
    }

    private String withPassword(Resource block, String url, Optional<String> password) {
        DatabaseUrl parsed;
        try {
            parsed = DatabaseUrl.parse(url);
        } catch (InvalidUrlException e) {
            throw new HclException(
                    block.attribute("url").map(Attribute::pos).orElse(block.pos()), String.valueOf(e.getMessage()));
        }
        parsed.loginPassword().ifPresent(secrets::add);
        if (password.isEmpty()) {
            return url;
        }
        String secret = password.get().strip();
        secrets.add(secret);
        return UrlPassword.inject(url, secret);
    }

    private ChannelConfig channel(Resource block) {
        if (block.labels().size() != 2) {
            throw new HclException(block.pos(), "notify block: expected two labels, the kind and the name");
        }
        String kind = block.labels().get(0);
        String name = block.labels().get(1);
        if (!ChannelConfig.KINDS.contains(kind)) {
            throw new HclException(
                    block.pos(), "notify \"" + kind + "\": unknown kind; expected webhook, slack or smtp");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (Attribute attribute : block.attributes()) {
            Value value = attribute.value();
            if (value instanceof Value.ListValue) {
                lists.put(attribute.name(), block.strings(attribute.name()));
            } else if (value instanceof Value.Str s) {
                String text =
                        SECRET_ATTRIBUTES.contains(attribute.name()) ? s.value().strip() : s.value();
                settings.put(attribute.name(), text);
                if (SECRET_ATTRIBUTES.contains(attribute.name())) {
                    secrets.add(text);
                }
            } else if (value instanceof Value.Num n) {
                settings.put(attribute.name(), n.value().toPlainString());
            } else if (value instanceof Value.Bool b) {
                settings.put(attribute.name(), String.valueOf(b.value()));
            } else {
                throw new HclException(
                        attribute.pos(),
                        "attribute \"" + attribute.name() + "\" of notify \"" + name
                                + "\": expected a string, number, bool or list, found " + value.kind());
            }
        }
        if (!kind.equals("smtp") && !settings.containsKey("url")) {
            throw new HclException(block.pos(), "notify \"" + kind + "\" \"" + name + "\": missing attribute \"url\"");
        }
        if (kind.equals("smtp") && (!settings.containsKey("host") || !lists.containsKey("to"))) {
            throw new HclException(
                    block.pos(), "notify \"smtp\" \"" + name + "\": expected attributes \"host\" and \"to\"");
        }
        return new ChannelConfig(kind, name, settings, lists, secrets);
    }

    /** Refuses secrets written in the text: they must be references the evaluator resolves. */
    private void refuseLiteralSecrets(Body body, String where) {
        for (AttributeNode attribute : body.attributes()) {
            String name = attribute.name();
            Expression expression = attribute.expression();
            if (SECRET_ATTRIBUTES.contains(name) && isLiteral(expression)) {
                throw new HclException(
                        attribute.pos(),
                        "attribute \"" + name + "\"" + where + " is a literal secret; expected a reference such as"
                                + " getenv(\"VAR\") or file(\"path\"), so that no secret is kept in the config");
            }
            if (SECRET_ATTRIBUTES.contains(name)) {
                requireSetVariable(expression);
            }
            if (URL_ATTRIBUTES.contains(name) && isLiteral(expression) && hasPassword(expression)) {
                throw new HclException(
                        attribute.pos(),
                        "attribute \"" + name + "\"" + where + " holds a literal password; remove it from the URL"
                                + " and set password = getenv(\"VAR\") or file(\"path\")");
            }
        }
        for (BlockNode block : body.blocks()) {
            String label = block.labels().isEmpty() ? "" : " \"" + String.join("\" \"", block.labels()) + "\"";
            refuseLiteralSecrets(block.body(), " of " + block.type() + label);
        }
    }

    private void requireSetVariable(Expression expression) {
        if (expression instanceof Expression.Call call
                && call.name().equals("getenv")
                && call.args().size() == 1
                && isLiteral(call.args().get(0))) {
            StringBuilder variable = new StringBuilder();
            collectText(call.args().get(0), variable);
            String value = getenv.apply(variable.toString());
            if (value == null || value.isEmpty()) {
                throw new HclException(
                        call.pos(), "environment variable \"" + variable + "\" is not set; expected the secret");
            }
        }
    }

    private static boolean isLiteral(Expression expression) {
        if (expression instanceof Expression.Literal) {
            return true;
        }
        if (expression instanceof Expression.Template template) {
            return template.parts().stream().allMatch(ConfigReader::isLiteral);
        }
        return false;
    }

    private static boolean hasPassword(Expression expression) {
        StringBuilder text = new StringBuilder();
        collectText(expression, text);
        try {
            return DatabaseUrl.parse(text.toString()).loginPassword().isPresent();
        } catch (InvalidUrlException e) {
            return false;
        }
    }

    private static void collectText(Expression expression, StringBuilder text) {
        if (expression instanceof Expression.Literal literal && literal.value() instanceof Value.Str s) {
            text.append(s.value());
        } else if (expression instanceof Expression.Template template) {
            template.parts().forEach(p -> collectText(p, text));
        }
    }

    private static Cron cron(Resource block, String text) {
        try {
            return Cron.parse(text);
        } catch (IllegalArgumentException e) {
            throw new HclException(block.attribute("schedule").orElseThrow().pos(), String.valueOf(e.getMessage()));
        }
    }

    private static String relative(String url, Path dir) {
        if (url.startsWith("file://") && !url.startsWith("file:///")) {
            return "file://" + dir.resolve(url.substring("file://".length())).normalize();
        }
        return url;
    }

    private static Path directoryOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("/") : parent;
    }

    private static String label(Resource block, String type) {
        if (block.labels().size() != 1) {
            throw new HclException(block.pos(), type + " block: expected one label, its name");
        }
        return block.labels().get(0);
    }

    private static Optional<String> string(Resource block, String name) {
        Optional<Attribute> found = block.attribute(name);
        if (found.isEmpty() || found.get().value() instanceof Value.Null) {
            return Optional.empty();
        }
        if (found.get().value() instanceof Value.Str s) {
            return Optional.of(s.value());
        }
        throw new HclException(
                found.get().pos(),
                "attribute \"" + name + "\" of " + block.type() + ": expected a string, found "
                        + found.get().value().kind());
    }

    private static Optional<Integer> integer(Resource block, String name) {
        Optional<Attribute> found = block.attribute(name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.get().value() instanceof Value.Num n) {
            try {
                return Optional.of(n.value().intValueExact());
            } catch (ArithmeticException e) {
                // reported below
            }
        }
        throw new HclException(
                found.get().pos(),
                "attribute \"" + name + "\" of " + block.type() + ": expected a whole number, found "
                        + found.get().value().kind());
    }
}
