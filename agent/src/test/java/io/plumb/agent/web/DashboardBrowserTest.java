package io.plumb.agent.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads the dashboard from a real HTTP server into headless chromium and checks what a user sees: the DOM the
 * browser built, the styles it computed, the layout of the diagram and a screenshot of it.
 */
class DashboardBrowserTest {

    private static HttpServer server;
    private static Chromium chromium;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", DashboardBrowserTest::serve);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    // The routes the agent's server gives the dashboard: "/" and "/targets/<name>".
    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String page = null;
        if (path.equals("/")) {
            page = Dashboard.targetsPage(Fixtures.rows());
        } else if (path.startsWith("/targets/")) {
            String name = URLDecoder.decode(path.substring("/targets/".length()), StandardCharsets.UTF_8);
            page = detail(name).map(Dashboard::targetPage).orElse(null);
        }
        byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Optional<TargetDetail> detail(String name) {
        TargetDetail drifted = Fixtures.driftedDetail();
        if (drifted.row().name().equals(name)) {
            return Optional.of(drifted);
        }
        return Fixtures.rows().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .map(r -> new TargetDetail(r, null, null, false, List.of(), Fixtures.shop(), Set.of()));
    }

    @Test
    void theListShowsCountsAndColouredStatusesAndLinksToEachTarget() throws Exception {
        chromium.open(base + "/");

        assertThat(chromium.eval("document.querySelectorAll('tr.target').length")
                        .asInt())
                .isEqualTo(5);
        for (String status : TargetRow.STATUSES) {
            long expected = Fixtures.rows().stream()
                    .filter(r -> r.status().equals(status))
                    .count();
            assertThat(chromium.eval("document.querySelector('.count.status-" + status + " .n').textContent")
                            .asText())
                    .as(status)
                    .isEqualTo(Long.toString(expected));
            assertThat(chromium.eval("document.querySelectorAll('tr.target.status-" + status + "').length")
                            .asLong())
                    .as("rows of status %s", status)
                    .isEqualTo(expected);
        }
        assertThat(chromium.eval("getComputedStyle(document.querySelector('.badge.status-drifted')).backgroundColor")
                        .asText())
                .isEqualTo("rgb(207, 34, 46)");
        assertThat(chromium.eval("getComputedStyle(document.querySelector('.badge.status-synced')).backgroundColor")
                        .asText())
                .isEqualTo("rgb(26, 127, 55)");
        // The hostile target name is text in the page, not a script the browser ran.
        assertThat(chromium.eval("document.scripts.length").asInt()).isZero();
        assertThat(chromium.eval("[...document.querySelectorAll('td.name a')].map(a => a.textContent)"))
                .extracting(JsonNode::asText)
                .contains("<script>alert('x')</script>", "prod eu/main");
        Files.write(target("dashboard.png"), chromium.fullScreenshot());

        chromium.click("a[href='/targets/prod%20eu%2Fmain']", "/targets/prod%20eu%2Fmain");

        assertThat(chromium.eval("document.querySelector('h1').textContent").asText())
                .isEqualTo("prod eu/main drifted");
        chromium.click("a.back", "/");
        assertThat(chromium.eval("document.title").asText()).isEqualTo("plumb agent: targets");
    }

    @Test
    void theTargetPageColoursTheDiffAndMarksTheSqlDestructive() throws Exception {
        chromium.open(base + "/targets/prod%20eu%2Fmain");

        String firstDiff = "document.querySelector('pre.diff')";
        assertThat(chromium.eval(firstDiff + ".querySelectorAll('.line.del').length")
                        .asInt())
                .isEqualTo(4);
        assertThat(chromium.eval(firstDiff + ".querySelectorAll('.line.add').length")
                        .asInt())
                .isEqualTo(1);
        assertThat(chromium.eval("getComputedStyle(" + firstDiff + ".querySelector('.line.add')).backgroundColor")
                        .asText())
                .isEqualTo("rgb(218, 251, 225)");
        assertThat(chromium.eval("getComputedStyle(" + firstDiff + ".querySelector('.line.del')).backgroundColor")
                        .asText())
                .isEqualTo("rgb(255, 235, 233)");
        assertThat(chromium.eval("document.querySelector('p.destructive').textContent")
                        .asText())
                .contains("Possibly destructive");
        assertThat(chromium.eval("document.querySelector('pre.sql.destructive').textContent")
                        .asText())
                .startsWith("ALTER TABLE \"users\" ALTER COLUMN \"email\" TYPE varchar(255);");
        assertThat(chromium.eval("document.querySelectorAll('.changelog article').length")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void theDiagramRendersWithItsDriftedTableMarked() throws Exception {
        chromium.open(base + "/targets/prod%20eu%2Fmain");

        // Every table box has a real size in the browser's layout.
        JsonNode boxes = chromium.eval("[...document.querySelectorAll('svg.erd g.table rect.box')]"
                + ".map(r => { const b = r.getBBox(); return [b.width, b.height]; })");
        assertThat(boxes).hasSize(5);
        boxes.forEach(b -> {
            assertThat(b.get(0).asDouble()).isGreaterThan(100);
            assertThat(b.get(1).asDouble()).isGreaterThan(40);
        });
        // Column text fits its box: the browser's own measure of the widest text against the box.
        assertThat(chromium.eval("[...document.querySelectorAll('svg.erd g.table')].every(g => {"
                                + " const box = g.querySelector('rect.box').getBBox();"
                                + " return [...g.querySelectorAll('text')].every(t => { const b = t.getBBox();"
                                + " return b.x >= box.x && b.x + b.width <= box.x + box.width + 0.5; }); })")
                        .asBoolean())
                .as(
                        "text outside its box: %s",
                        chromium.eval(
                                "[...document.querySelectorAll('svg.erd g.table')]"
                                        + ".flatMap(g => { const box = g.querySelector('rect.box').getBBox();"
                                        + " return [...g.querySelectorAll('text')].filter(t => { const b = t.getBBox();"
                                        + " return !(b.x >= box.x && b.x + b.width <= box.x + box.width + 0.5); })"
                                        + ".map(t => t.textContent + ' ' + [t.getBBox().x, t.getBBox().width] + ' box ' + [box.x, box.width]); })"))
                .isTrue();
        assertThat(chromium.eval("document.querySelectorAll('svg.erd path.fk').length")
                        .asInt())
                .isEqualTo(4);
        assertThat(chromium.eval("document.querySelector('svg.erd g.table.drifted').dataset.table")
                        .asText())
                .isEqualTo("order_items");
        assertThat(chromium.eval("document.querySelector('svg.erd g.column.drifted').dataset.column")
                        .asText())
                .isEqualTo("email");

        assertDiagramScreenshot();
        Files.write(target("dashboard-target.png"), chromium.fullScreenshot());
    }

    // Not blank, not uniform, and red where the browser put the drifted table's header.
    private static void assertDiagramScreenshot() throws Exception {
        JsonNode svg = chromium.eval("(() => { const r = document.querySelector('svg.erd').getBoundingClientRect();"
                + " return [r.left + scrollX, r.top + scrollY, r.width, r.height]; })()");
        JsonNode header = chromium.eval("(() => { const r = document.querySelector("
                + "'svg.erd g.table.drifted rect.header').getBoundingClientRect();"
                + " return [r.left + scrollX, r.top + scrollY, r.width, r.height]; })()");
        double x = svg.get(0).asDouble();
        double y = svg.get(1).asDouble();
        byte[] png = chromium.screenshot(x, y, svg.get(2).asDouble(), svg.get(3).asDouble());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        Files.write(target("dashboard-erd.png"), png);

        // Not blank, not uniform: boxes, text and edges give many colours and a good share of non-white pixels.
        Set<Integer> colours = new HashSet<>();
        int inked = 0;
        for (int py = 0; py < image.getHeight(); py++) {
            for (int px = 0; px < image.getWidth(); px++) {
                int rgb = image.getRGB(px, py) & 0xffffff;
                colours.add(rgb);
                if (rgb != 0xffffff) {
                    inked++;
                }
            }
        }
        assertThat(colours.size()).isGreaterThan(20);
        assertThat(inked).isGreaterThan(image.getWidth() * image.getHeight() / 20);
        // The drifted table's header is red where the browser laid it out (sampled left of its title text).
        int hx = (int) Math.round(header.get(0).asDouble() - x + 3);
        int hy = (int) Math.round(header.get(1).asDouble() - y + header.get(3).asDouble() / 2);
        int pixel = image.getRGB(hx, hy);
        assertThat(new int[] {(pixel >> 16) & 0xff, (pixel >> 8) & 0xff, pixel & 0xff})
                .as("pixel at %d,%d of the drifted header", hx, hy)
                .containsExactly(0xcf, 0x22, 0x2e);
    }

    private static Path target(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        return dir.resolve(name);
    }
}
