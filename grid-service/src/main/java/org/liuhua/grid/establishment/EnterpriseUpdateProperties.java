package org.liuhua.grid.establishment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How far an enterprise may change its own facts in one proposal ({@code liuhua.grid.enterprise-updates.*}); a bigger
 * change is the town's to register (PUT). The town reviews every proposal either way.
 *
 * @param employeeChangePercent an employee count may change by this share of the current count …
 * @param employeeChangeMinimum … or by this many people, whichever is more (a 3-person workshop may grow to 13)
 * @param workshopChange        workshops/shifts may change by at most this many
 */
@ConfigurationProperties("liuhua.grid.enterprise-updates")
public record EnterpriseUpdateProperties(Integer employeeChangePercent, Integer employeeChangeMinimum,
                                         Integer workshopChange) {

    public EnterpriseUpdateProperties {
        employeeChangePercent = employeeChangePercent == null ? 50 : employeeChangePercent;
        employeeChangeMinimum = employeeChangeMinimum == null ? 10 : employeeChangeMinimum;
        workshopChange = workshopChange == null ? 3 : workshopChange;
    }

    /** The largest allowed change of an employee count from {@code current}. */
    public int employeeBound(int current) {
        return Math.max(employeeChangeMinimum, (int) ((long) current * employeeChangePercent / 100));
    }
}
