package org.liuhua.grid;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.liuhua.kit.domain.FieldProblem;

/**
 * The times a client may send: device times of patrols (started, check-ins, findings, track points, completion) are at
 * most {@link #DEVICE_AHEAD} ahead of the server (a phone's clock may run a little fast, never a day) and not before
 * {@link #EARLIEST}; an assessment date is never in the future (a few minutes of clock skew aside). Anything else is
 * a problem naming the field, so such a time never reaches a plan, a ranking or an event. A binding (of an inspector
 * to a unit, of a person to a safety role) starts or ends at most a year ahead.
 */
public final class TimeBounds {

    /** Nothing in the registry or on patrol happened before this. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** How far a device clock may be ahead of the server's. */
    public static final Duration DEVICE_AHEAD = Duration.ofDays(1);
    /** How far ahead a binding may be entered (a planned handover). */
    public static final Duration BINDING_AHEAD = Duration.ofDays(366);
    /** Clock skew allowed for a date that must not be in the future. */
    public static final Duration SKEW = Duration.ofMinutes(10);

    private TimeBounds() {
    }

    /** Adds a problem naming {@code field} when a device time is before 2000 or more than a day ahead. */
    public static void device(String field, Instant time, Clock clock, List<FieldProblem> problems) {
        within(field, time, clock.instant().plus(DEVICE_AHEAD), "more than a day in the future", problems);
    }

    /** Adds a problem naming {@code field} when the start of a binding is before 2000 or more than a year ahead. */
    public static void binding(String field, Instant time, Clock clock, List<FieldProblem> problems) {
        within(field, time, clock.instant().plus(BINDING_AHEAD), "more than a year in the future", problems);
    }

    /** Adds a problem naming {@code field} when a time is before 2000 or in the future. */
    public static void past(String field, Instant time, Clock clock, List<FieldProblem> problems) {
        within(field, time, clock.instant().plus(SKEW), "in the future", problems);
    }

    private static void within(String field, Instant time, Instant latest, String tooLate,
                               List<FieldProblem> problems) {
        if (time == null) {
            return;
        }
        if (time.isBefore(EARLIEST)) {
            problems.add(new FieldProblem(field, "must not be before " + EARLIEST));
        } else if (time.isAfter(latest)) {
            problems.add(new FieldProblem(field, "must not be " + tooLate));
        }
    }
}
