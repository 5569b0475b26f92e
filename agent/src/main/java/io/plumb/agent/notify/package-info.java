/**
 * Notifications of a target's change of status, and the channels that deliver them: a signed webhook, a Slack
 * incoming webhook and email over SMTP.
 */
@NullMarked
package io.plumb.agent.notify;

import org.jspecify.annotations.NullMarked;
