package org.liuhua.hazard.intake.web;

import java.util.List;
import java.util.Map;

import org.liuhua.hazard.access.MonitoringSystem;
import org.liuhua.hazard.intake.SensorAlerts;
import org.liuhua.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sensor and AI-video intake (H-2): a monitoring system pushes its alerts; each item gets its own answer. */
@RestController
class SensorAlertController {

    private final SensorAlerts alerts;

    SensorAlertController(SensorAlerts alerts) {
        this.alerts = alerts;
    }

    @PostMapping("/api/v1/intake/alerts")
    @MonitoringSystem
    ResponseEntity<SensorAlerts.BatchResult> push(@RequestBody Map<String, Object> body) {
        Object items = body.get("alerts");
        return ResponseEntity.ok(alerts.push(Caller.current(), items instanceof List<?> l ? l : null));
    }
}
