package org.liuhua.events;

/**
 * One topic per owning service; the record key is always the aggregate id so that the events of one aggregate keep
 * their order. A message that keeps failing in a consumer goes to {@code <topic>.DLT}.
 */
public final class Topics {

    public static final String GRID = "liuhua.grid";
    public static final String HAZARD = "liuhua.hazard";
    public static final String TRAINING = "liuhua.training";
    public static final String MANUAL = "liuhua.manual";
    public static final String AUDIT = "liuhua.audit";

    /** Suffix of the dead-letter topic beside each topic. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
