package io.plumb.agent.web;

/** {@code Styles} holds the dashboard's style sheet, inlined in every page so that the agent serves one route. */
final class Styles {

    static final String CSS =
            """
            :root { --synced: #1a7f37; --pending: #9a6700; --drifted: #cf222e; --error: #8250df; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1f2328; }
            header { background: #24292f; color: #fff; padding: 12px 24px; }
            header h1 { margin: 0; font-size: 20px; }
            header p { margin: 4px 0 0; color: #d0d7de; }
            header a { color: #d0d7de; }
            main { padding: 16px 24px; }
            .counts { list-style: none; padding: 0; display: flex; gap: 12px; margin: 0 0 16px; }
            .count { border-radius: 6px; padding: 8px 14px; color: #fff; min-width: 90px; }
            .count .n { font-size: 22px; font-weight: 700; display: block; }
            .status-synced.count, .badge.status-synced { background: var(--synced); }
            .status-pending.count, .badge.status-pending { background: var(--pending); }
            .status-drifted.count, .badge.status-drifted { background: var(--drifted); }
            .status-error.count, .badge.status-error { background: var(--error); }
            .badge { color: #fff; border-radius: 10px; padding: 1px 9px; font-size: 12px; font-weight: 600;
                     vertical-align: middle; }
            table.targets { border-collapse: collapse; width: 100%; }
            table.targets th, table.targets td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #d0d7de; }
            table.targets th { background: #f6f8fa; font-weight: 600; }
            tr.target { border-left: 4px solid transparent; }
            tr.status-synced td:first-child { border-left: 4px solid var(--synced); }
            tr.status-pending td:first-child { border-left: 4px solid var(--pending); }
            tr.status-drifted td:first-child { border-left: 4px solid var(--drifted); }
            tr.status-error td:first-child { border-left: 4px solid var(--error); }
            td.version, td.pending, td.checked { font-family: ui-monospace, monospace; font-size: 13px; white-space: nowrap; }
            td.message { color: #57606a; max-width: 40em; overflow: hidden; text-overflow: ellipsis; }
            dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; }
            dl.facts dt { color: #57606a; } dl.facts dd { margin: 0; font-family: ui-monospace, monospace; }
            pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 10px; overflow: auto; }
            pre.message.status-error, pre.message.status-drifted { border-color: var(--drifted); }
            pre.diff .line { display: block; min-height: 1.45em; }
            pre.diff .add { background: #dafbe1; color: #116329; }
            pre.diff .del { background: #ffebe9; color: #82071e; }
            pre.diff .hunk { color: #0550ae; }
            pre.diff .file { color: #57606a; font-weight: 600; }
            .destructive { color: var(--drifted); font-weight: 600; }
            pre.sql.destructive { border: 2px solid var(--drifted); }
            figure.erd { margin: 0; overflow: auto; border: 1px solid #d0d7de; border-radius: 6px; background: #fff; }
            .legend { color: #57606a; } .drift-key { color: var(--drifted); font-weight: 600; }
            .changelog h3 { font-size: 14px; margin: 12px 0 4px; }
            .empty { color: #57606a; }
            """;

    private Styles() {}
}
