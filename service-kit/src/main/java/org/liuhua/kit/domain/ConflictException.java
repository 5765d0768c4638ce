package org.liuhua.kit.domain;

import java.util.List;

/**
 * A command that the current state of the object does not allow (409). Names the current state and the commands
 * that are allowed in it, so a client can tell what to do instead.
 */
public class ConflictException extends RuntimeException {

    private final String currentState;
    private final List<String> allowed;

    public ConflictException(String message, String currentState, List<String> allowed) {
        super(message);
        this.currentState = currentState;
        this.allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    public ConflictException(String message) {
        this(message, null, List.of());
    }

    public String currentState() {
        return currentState;
    }

    public List<String> allowed() {
        return allowed;
    }
}
