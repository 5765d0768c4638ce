package org.liuhua.hazard.known;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What hazard-service knows of an establishment from grid events (highest revision wins): a read model of grid-service's
 * data, which owns the original. The field names are those of {@code EstablishmentRegistered}/{@code
 * EstablishmentChanged}, so both events are read straight into this view.
 */
@Document(collection = KnownEstablishments.ESTABLISHMENTS)
public record KnownEstablishment(@Id String establishmentId, String name, String townId, String departmentId,
                                 String industry, String unitId, long revision) {
}
