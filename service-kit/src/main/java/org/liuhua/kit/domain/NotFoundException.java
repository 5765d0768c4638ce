package org.liuhua.kit.domain;

/**
 * The object does not exist, or it exists outside the caller's data scope: both answer 404 so that ids of other
 * towns' objects cannot be probed.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super(what + " " + id + " not found");
    }
}
