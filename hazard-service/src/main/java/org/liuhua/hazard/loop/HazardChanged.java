package org.liuhua.hazard.loop;

import org.liuhua.hazard.loop.domain.Hazard;

/**
 * In-process notice (a Spring application event, not an integration event) that a command changed a hazard and its
 * write committed: {@code hazard} is the hazard after the command. Features that react inside hazard-service (the
 * firms' webhooks) listen to it; other services read the integration events on {@code liuhua.hazard}.
 */
public record HazardChanged(Hazard hazard) {
}
