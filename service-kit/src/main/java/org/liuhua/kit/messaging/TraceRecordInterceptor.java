package org.liuhua.kit.messaging;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.liuhua.kit.web.TraceContext;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Continues the trace of the request that caused an event: the {@code traceparent} CloudEvents extension is put in the
 * logging context while the consumer handles the record, with the event id and type beside it.
 */
public class TraceRecordInterceptor implements RecordInterceptor<Object, Object> {

    /**
     * Runs {@code work} in the trace of one event — for batch consumers, which see many events per call: e.g. the
     * log line that says an event was applied carries the trace id of the request that caused it.
     */
    public static void within(CloudEvent event, Runnable work) {
        enter(event);
        try {
            work.run();
        } finally {
            exit();
        }
    }

    private static void enter(CloudEvent event) {
        Object traceparent = event.getExtension("traceparent");
        TraceContext.enter(traceparent == null ? null : traceparent.toString());
        MDC.put("eventId", event.getId());
        MDC.put("eventType", event.getType());
    }

    private static void exit() {
        TraceContext.exit();
        MDC.remove("eventId");
        MDC.remove("eventType");
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        if (record.value() instanceof CloudEvent event) {
            enter(event);
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        exit();
    }
}
