package org.liuhua.grid.region;

import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A supervising department (行业主管部门); {@code safetyStaff} is its in-house safety staff (G-7), when reported. */
@Document(collection = "departments")
public class Department {

    @Id
    private String id;
    private String name;
    private Integer safetyStaff;

    Department() {
    }

    Department(String id, String name, Integer safetyStaff) {
        this.id = id;
        this.name = name;
        this.safetyStaff = safetyStaff;
    }

    boolean sameAs(Department other) {
        return Objects.equals(name, other.name) && Objects.equals(safetyStaff, other.safetyStaff);
    }

    public String id() { return id; }
    public String name() { return name; }
    public Integer safetyStaff() { return safetyStaff; }
}
