package org.liuhua.reporting.monthly;

import java.util.List;

import org.liuhua.reporting.stats.Names;
import org.liuhua.reporting.names.RegionNames;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The towns of the city: those of the region tree kept from grid {@code RegionChanged} events ({@link RegionNames}),
 * or, before grid has published any, the configured list ({@link MonthlyProperties}); names kept from grid events win
 * over the configured ones.
 */
class ConfiguredTownRegister implements TownRegister {

    private final MonthlyProperties properties;
    private final ObjectProvider<Names> names;
    private final ObjectProvider<RegionNames> regions;

    ConfiguredTownRegister(MonthlyProperties properties, ObjectProvider<Names> names,
                           ObjectProvider<RegionNames> regions) {
        this.properties = properties;
        this.names = names;
        this.regions = regions;
    }

    @Override
    public List<ReportTown> towns() {
        RegionNames register = regions.getIfAvailable();
        List<RegionNames.Town> fromEvents = register == null ? List.of() : register.towns();
        if (!fromEvents.isEmpty()) {
            return fromEvents.stream().map(t -> new ReportTown(t.townId(),
                    t.name() == null || t.name().isBlank() ? t.townId() : t.name())).toList();
        }
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
