package org.liuhua.kit.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection of a request whose body {@link BodyLimitFilter} refused, instead of letting Tomcat read ("
 * swallow") the rest of it after the answer: a client trickling a body would otherwise keep the thread for as long
 * as it keeps sending.
 */
public class AbortedBodyValve extends ValveBase {

    public AbortedBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.getAttribute(BodyLimitFilter.ABORTED) != null) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }
}
