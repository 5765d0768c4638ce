package org.liuhua.events;

/** Reads the wire names of an event payload class. */
public final class EventTypes {

    private EventTypes() {
    }

    public static EventType of(Class<?> payloadType) {
        EventType annotation = payloadType.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(payloadType.getName() + " is not an event payload: it lacks @EventType");
        }
        return annotation;
    }

    public static String typeOf(Class<?> payloadType) {
        return of(payloadType).value();
    }

    public static String topicOf(Class<?> payloadType) {
        return of(payloadType).topic();
    }
}
