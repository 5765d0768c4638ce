package org.liuhua.kit.store;

import java.util.List;

import org.liuhua.kit.domain.ConflictException;

/** Another write changed the aggregate after it was loaded; the command was not applied (409, safe to retry). */
public class StaleAggregateException extends ConflictException {

    public StaleAggregateException(String type, String id, long loadedVersion) {
        super(type + " " + id + " was changed concurrently (loaded at version " + loadedVersion
                + "); load it again and repeat the request", null, List.of());
    }
}
