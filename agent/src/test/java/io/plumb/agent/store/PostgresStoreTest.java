package io.plumb.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.EmbeddedServers;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The PostgreSQL store on the embedded server: tables created idempotently, and leases two stores share. */
class PostgresStoreTest {

    private static String database(String name) throws Exception {
        String server = EmbeddedServers.postgres();
        try (Database db = Database.open(server, Path.of("."));
                Statement s = db.connection().createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
        int query = server.indexOf('?');
        String base = server.substring(0, server.indexOf('/', server.indexOf("://") + 3));
        return base + "/" + name + (query >= 0 ? server.substring(query) : "");
    }

    @Test
    void twoStoresSplitTheTargetsAndTakeOverExpiredLeases() throws Exception {
        String url = database("agent_store_leases");
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        List<String> names = IntStream.range(0, 20).mapToObj(i -> "t" + i).toList();
        try (Store a = JdbcStore.open(url, Path.of("."));
                Store b = JdbcStore.open(url, Path.of("."))) {
            a.register(names, now);
            b.register(names, now);
            assertThat(a.targets()).hasSize(20);
            List<String> first = a.claim("a", now, Duration.ofMinutes(1), 8);
            List<String> second = b.claim("b", now, Duration.ofMinutes(1), 100);
            assertThat(first).hasSize(8);
            assertThat(second).hasSize(12).doesNotContainAnyElementsOf(first);
            assertThat(a.claim("a", now, Duration.ofMinutes(1), 100)).isEmpty();

            // a dies: after its leases expire, b takes its targets.
            Instant later = now.plus(Duration.ofMinutes(2));
            for (String name : second) {
                b.record(check(name, "b", later), previous -> List.of());
            }
            List<String> takenOver = b.claim("b", later, Duration.ofMinutes(1), 100);
            assertThat(takenOver).containsExactlyInAnyOrderElementsOf(first);
        }
    }

    @Test
    void claimsRacingFromManyThreadsNeverOverlap() throws Exception {
        String url = database("agent_store_race");
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        List<String> names = IntStream.range(0, 60).mapToObj(i -> "t" + i).toList();
        List<Store> stores = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            stores.add(JdbcStore.open(url, Path.of(".")));
        }
        try {
            stores.get(0).register(names, now);
            List<List<String>> claimed = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < stores.size(); i++) {
                Store store = stores.get(i);
                String owner = "o" + i;
                List<String> mine = new ArrayList<>();
                claimed.add(mine);
                threads.add(new Thread(() -> {
                    List<String> got;
                    while (!(got = store.claim(owner, now, Duration.ofMinutes(1), 3)).isEmpty()) {
                        mine.addAll(got);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            Set<String> all = new HashSet<>();
            int total = 0;
            for (List<String> mine : claimed) {
                all.addAll(mine);
                total += mine.size();
            }
            assertThat(total).isEqualTo(60);
            assertThat(all).containsExactlyInAnyOrderElementsOf(names);
        } finally {
            stores.forEach(Store::close);
        }
    }

    @Test
    void outboxEntryIsEnqueuedWithTheStatusChangeAndDeliveredOnce() throws Exception {
        String url = database("agent_store_outbox");
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        try (Store store = JdbcStore.open(url, Path.of("."))) {
            store.register(List.of("t"), now);
            Optional<String> previous =
                    store.record(check("t", "a", now), p -> List.of(new OutboxEntry.Draft("ops", "{\"n\":1}")));
            assertThat(previous).isEmpty();
            // The same status again: no notification.
            store.record(check("t", "a", now.plusSeconds(1)), p -> List.of(new OutboxEntry.Draft("ops", "{}")));
            List<OutboxEntry> due = store.claimOutbox(now.plusSeconds(2), Duration.ofMinutes(1), 10);
            assertThat(due).extracting(OutboxEntry::payload).containsExactly("{\"n\":1}");
            // Claimed: hidden until its lease runs out.
            assertThat(store.claimOutbox(now.plusSeconds(3), Duration.ofMinutes(1), 10))
                    .isEmpty();
            store.failed(due.get(0).id(), "connection refused", now.plusSeconds(4));
            assertThat(store.outboxCounts()).isEqualTo(new OutboxCounts(0, 1, 0));
            OutboxEntry again = store.claimOutbox(now.plusSeconds(5), Duration.ofMinutes(1), 10)
                    .get(0);
            assertThat(again.attempts()).isEqualTo(1);
            store.delivered(again.id(), now.plusSeconds(6));
            assertThat(store.outboxCounts()).isEqualTo(new OutboxCounts(0, 0, 1));
            assertThat(store.claimOutbox(now.plus(Duration.ofDays(1)), Duration.ofMinutes(1), 10))
                    .isEmpty();
        }
    }

    private static CheckRecord check(String name, String owner, Instant at) {
        return new CheckRecord(
                name,
                owner,
                "pending",
                Optional.of("1"),
                Optional.of("2"),
                List.of("2_b.sql"),
                "1 pending file(s)",
                "{}",
                Optional.of("schema \"public\" {\n}\n"),
                at,
                at.plus(Duration.ofHours(12)));
    }
}
