package org.liuhua.grid.region.domain;

import java.util.Objects;

/**
 * A supervising department (行业主管部门); {@code safetyStaff} is its in-house safety staff (G-7), when reported. It
 * publishes no events, so it is a plain document, written once.
 */
public class Department {

    private String id;
    private String name;
    private Integer safetyStaff;

    Department() {
    }

    public Department(String id, String name, Integer safetyStaff) {
        this.id = id;
        this.name = name;
        this.safetyStaff = safetyStaff;
    }

    public boolean sameAs(Department other) {
        return Objects.equals(name, other.name) && Objects.equals(safetyStaff, other.safetyStaff);
    }

    public String id() { return id; }
    public String name() { return name; }
    public Integer safetyStaff() { return safetyStaff; }
}
