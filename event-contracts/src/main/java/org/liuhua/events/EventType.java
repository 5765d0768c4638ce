package org.liuhua.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a domain event payload on the wire: the CloudEvents {@code type} (versioned, e.g.
 * {@code liuhua.hazard.reported.v1}) and the topic of the owning service it travels on.
 *
 * <p>Rules for every payload carrying this annotation: a Java record named in the past tense, changes are additive
 * only (a new field, never a renamed or retyped one), consumers ignore unknown fields, and an incompatible change is
 * a new type with the next version suffix published beside the old one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** CloudEvents type, {@code liuhua.<service>.<past-tense-verb>.v<N>}. */
    String value();

    /** Topic of the owning service, one of {@link Topics}. */
    String topic();
}
