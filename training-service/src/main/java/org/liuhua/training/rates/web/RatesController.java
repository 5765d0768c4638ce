package org.liuhua.training.rates.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.training.Access;
import org.liuhua.training.establishment.TrainingScope;
import org.liuhua.training.rates.TrainingRates;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The policy targets as rates per establishment, town and month (T-3, T-4). */
@Tag(name = "Rates", description = "Shift-briefing, quarterly-lecture and certified-on-duty rates with their targets")
@RestController
class RatesController {

    private final TrainingRates rates;
    private final TrainingScope scopes;

    RatesController(TrainingRates rates, TrainingScope scopes) {
        this.rates = rates;
        this.scopes = scopes;
    }

    @Operation(summary = "Rates per town for a month (yyyy-MM, default this month), over the caller's scope")
    @GetMapping("/api/v1/training/rates/towns")
    @PreAuthorize(Access.OFFICIALS)
    PageResponse<TrainingRates.AreaRates> towns(@RequestParam(required = false) String month,
                                                @SortableBy(value = {"townId"}, byDefault = "townId,asc")
                                                PageQuery page) {
        return PageResponse.of(rates.towns(rates.month(month), scopes.current()), page);
    }

    @Operation(summary = "Figures per establishment for a month, over the caller's scope (filter townId)")
    @GetMapping("/api/v1/training/rates/establishments")
    @PreAuthorize(Access.OFFICIALS)
    PageResponse<TrainingRates.EstablishmentRates> establishments(
            @RequestParam(required = false) String month, @RequestParam(required = false) String townId,
            @SortableBy(value = {"townId"}, byDefault = "townId,asc") PageQuery page) {
        return PageResponse.of(rates.establishments(rates.month(month), townId, scopes.current()), page);
    }

    @Operation(summary = "The rates over everything the caller sees (the whole city for the city and the cockpit)")
    @GetMapping("/api/v1/training/rates/city")
    @PreAuthorize(Access.OFFICIALS)
    TrainingRates.AreaRates city(@RequestParam(required = false) String month) {
        return rates.city(rates.month(month), scopes.current());
    }
}
