package org.liuhua.hazard.establishment;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The local copy of an establishment from grid events (highest revision wins); grid-service owns the original. */
@Document(collection = "establishments")
public record KnownEstablishment(@Id String establishmentId, String name, String townId, String departmentId,
                                 String industry, String unitId, long revision) {
}
