package io.plumb.agent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DashboardTest {

    @Test
    void theListCountsTargetsPerStatus() {
        String html = Dashboard.targetsPage(Fixtures.rows());

        assertThat(html)
                .contains("<li class=\"count status-synced\"><span class=\"n\">2</span> synced</li>")
                .contains("<li class=\"count status-pending\"><span class=\"n\">1</span> pending</li>")
                .contains("<li class=\"count status-drifted\"><span class=\"n\">1</span> drifted</li>")
                .contains("<li class=\"count status-error\"><span class=\"n\">1</span> error</li>")
                .contains("<p class=\"total\">5 targets</p>");
        assertThat(html.split("<tr class=\"target ", -1)).hasSize(6);
    }

    @Test
    void theListLinksEachTargetByItsEncodedName() {
        String html = Dashboard.targetsPage(Fixtures.rows());

        assertThat(html).contains("<a href=\"/targets/prod%20eu%2Fmain\">prod eu/main</a>");
        assertThat(html).contains("<a href=\"/targets/tenant-003\">tenant-003</a>");
    }

    @Test
    void untrustedTextIsEscapedEverywhere() {
        String list = Dashboard.targetsPage(Fixtures.rows());
        String page = Dashboard.targetPage(new TargetDetail(
                Fixtures.rows().get(4),
                "+ <b>\"bold\"</b>\n",
                "DROP TABLE \"</pre><script>x()</script>\";",
                true,
                List.of(new ChangelogEntry(Fixtures.CHECKED, "<i>changed</i> & more", "- <u>old</u>\n")),
                null,
                Set.of("<svg onload=x()>")));

        for (String html : List.of(list, page)) {
            assertThat(html).doesNotContain("<script>").doesNotContain("alert('x')</");
            assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        }
        assertThat(list).contains("href=\"/targets/%3Cscript%3Ealert%28%27x%27%29%3C%2Fscript%3E\"");
        assertThat(page)
                .contains("&lt;b&gt;&quot;bold&quot;&lt;/b&gt;")
                .contains("DROP TABLE &quot;&lt;/pre&gt;&lt;script&gt;x()&lt;/script&gt;&quot;;")
                .contains("&lt;i&gt;changed&lt;/i&gt; &amp; more")
                .contains("&lt;svg onload=x()&gt;")
                .doesNotContain("<b>")
                .doesNotContain("<i>")
                .doesNotContain("<svg onload");
        assertThat(Html.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    @Test
    void theTargetPageColoursTheDiffLineByLine() {
        String html = Dashboard.targetPage(Fixtures.driftedDetail());

        assertThat(html)
                .contains("<span class=\"line file\">--- expected</span>")
                .contains("<span class=\"line file\">+++ actual</span>")
                .contains("<span class=\"line hunk\">@@ -5,7 +5,7 @@</span>")
                .contains("<span class=\"line del\">-    type = varchar(255)</span>")
                .contains("<span class=\"line add\">+    type = text</span>")
                .contains("<span class=\"line ctx\">     null = false</span>");
        String diff = html.substring(
                html.indexOf("<pre class=\"diff\">"), html.indexOf("</pre>", html.indexOf("<pre class=\"diff\">")));
        assertThat(diff.split("<span class=\"line del\">", -1)).hasSize(5);
        assertThat(diff.split("<span class=\"line add\">", -1)).hasSize(2);
    }

    @Test
    void destructiveSqlIsMarkedAndSafeSqlIsNot() {
        String destructive = Dashboard.targetPage(Fixtures.driftedDetail());
        TargetDetail safe = new TargetDetail(
                Fixtures.rows().get(3),
                Fixtures.HCL_DIFF,
                "CREATE INDEX i ON t (c);",
                false,
                List.of(),
                null,
                Set.of());

        assertThat(destructive).contains("<p class=\"destructive\">").contains("<pre class=\"sql destructive\">");
        assertThat(Dashboard.targetPage(safe))
                .doesNotContain("class=\"destructive\"")
                .contains("<pre class=\"sql\">");
    }

    @Test
    void theTargetPageHasTheDiagramTheDriftedObjectsAndTheChangelog() {
        String html = Dashboard.targetPage(Fixtures.driftedDetail());

        assertThat(html).contains("<figure class=\"erd\"><svg ");
        assertThat(html).contains("<g class=\"table drifted\" data-table=\"order_items\">");
        assertThat(html).contains("<li><code>order_items</code></li>\n<li><code>users.email</code></li>");
        assertThat(html).contains("<time>2026-12-05 09:30:00 UTC</time> modify column &quot;email&quot;");
        assertThat(html).contains("<a class=\"back\" href=\"/\">");
    }

    @Test
    void aTargetWithoutDriftHasNoReportSections() {
        String html = Dashboard.targetPage(
                new TargetDetail(Fixtures.rows().get(0), null, null, false, List.of(), null, Set.of()));

        assertThat(html)
                .doesNotContain("<pre class=\"diff\">")
                .doesNotContain("<pre class=\"sql")
                .doesNotContain("<svg");
        assertThat(html).contains("No schema changes seen yet.");
    }

    @Test
    void anEmptyListSaysSo() {
        assertThat(Dashboard.targetsPage(List.of()))
                .contains("No targets are configured.")
                .contains("<span class=\"n\">0</span> synced");
    }
}
