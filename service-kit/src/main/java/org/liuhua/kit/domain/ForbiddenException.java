package org.liuhua.kit.domain;

/** The caller may see the object but may not perform this action on it (403). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
