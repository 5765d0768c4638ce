package org.liuhua.reporting.monthly;

import java.util.List;

import org.liuhua.reporting.stats.Names;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The town list from configuration ({@link MonthlyProperties}), named by the {@link Names} bean when there is one
 * (names kept from grid events win over the configured ones). Stands in until a town register bean is wired.
 */
class ConfiguredTownRegister implements TownRegister {

    private final MonthlyProperties properties;
    private final ObjectProvider<Names> names;

    ConfiguredTownRegister(MonthlyProperties properties, ObjectProvider<Names> names) {
        this.properties = properties;
        this.names = names;
    }

    @Override
    public List<ReportTown> towns() {
        Names known = names.getIfAvailable();
        return properties.towns().stream().map(t -> new ReportTown(t.id(), name(known, t))).toList();
    }

    @Override
    public ReportTown town(String townId) {
        return towns().stream().filter(t -> t.id().equals(townId)).findFirst()
                .orElseGet(() -> new ReportTown(townId, name(names.getIfAvailable(), new ReportTown(townId, null))));
    }

    private static String name(Names known, ReportTown town) {
        String fromEvents = known == null ? null : known.town(town.id());
        if (fromEvents != null && !fromEvents.equals(town.id())) {
            return fromEvents;
        }
        return town.name() == null || town.name().isBlank() ? town.id() : town.name();
    }
}
