package org.liuhua.kit.outbox;

import org.liuhua.events.EventType;

@EventType(value = "liuhua.kittest.parcel-sent.v1", topic = KitTestApplication.TOPIC)
public record ParcelSent(String parcelId, int sequence) {
}
