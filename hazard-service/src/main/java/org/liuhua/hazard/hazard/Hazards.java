package org.liuhua.hazard.hazard;

import java.time.Clock;

import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.NotFoundException;
import org.springframework.stereotype.Service;

/** Application service: loads, lets the aggregate decide, saves (the document write commits the events too). */
@Service
public class Hazards {

    private final HazardRepository repository;
    private final Clock clock;

    Hazards(HazardRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Hazard report(ReportHazard command, Caller caller) {
        return repository.save(Hazard.report(command, caller.username(), clock.instant()));
    }

    public Hazard get(String id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("hazard", id));
    }
}
