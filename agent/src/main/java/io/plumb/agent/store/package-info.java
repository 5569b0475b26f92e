/** The agent's durable state: target results, the changelog, the notification outbox and the leases. */
@NullMarked
package io.plumb.agent.store;

import org.jspecify.annotations.NullMarked;
