package org.liuhua.manual.template;

import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Who writes templates: a supervising department writes the templates of its own industries (its
 * {@code department_id}); the city administrator writes any. Everyone signed in reads published templates; drafts
 * only those who may write them.
 */
@Component
public class TemplateAccess {

    public boolean canWrite(Caller caller, String departmentId) {
        return caller.has(Roles.CITY_ADMIN) || caller.has(Roles.DEPARTMENT_OFFICER) && caller.departmentId() != null
                && caller.departmentId().equals(departmentId);
    }

    public void requireWrite(Caller caller, String departmentId) {
        if (canWrite(caller, departmentId)) {
            return;
        }
        throw new ForbiddenException("templates of department " + departmentId
                + " are written by that department or the city administrator");
    }
}
