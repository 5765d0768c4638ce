package org.liuhua.grid.establishment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How far an enterprise may change its own facts in one proposal ({@code liuhua.grid.enterprise-updates.*}); a bigger
 * change is the town's to register (PUT). The town reviews every proposal either way.
 *
 * @param employeeChangePercent an employee count may change by this share of the current count …
 * @param employeeChangeMinimum … or by this many people, whichever is more (a 3-person workshop may grow to 13)
 * @param workshopChange        workshops/shifts may change by at most this many
 * @param postChange            at most this many posts (岗位/班组) may be added, removed or changed in one proposal
 */
@ConfigurationProperties("liuhua.grid.enterprise-updates")
public record EnterpriseUpdateProperties(Integer employeeChangePercent, Integer employeeChangeMinimum,
                                         Integer workshopChange, Integer postChange) {

    public EnterpriseUpdateProperties {
        employeeChangePercent = employeeChangePercent == null ? 50 : employeeChangePercent;
        employeeChangeMinimum = employeeChangeMinimum == null ? 10 : employeeChangeMinimum;
        workshopChange = workshopChange == null ? 3 : workshopChange;
        postChange = postChange == null ? 5 : postChange;
    }

    /** The largest allowed change of an employee count from {@code current}. */
    public int employeeBound(int current) {
        return Math.max(employeeChangeMinimum, (int) ((long) current * employeeChangePercent / 100));
    }
}
