package org.liuhua.reporting.warnings;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.reporting.warnings.domain.RuleSettings;
import org.liuhua.reporting.warnings.domain.WarningRule;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class WarningPropertiesTest {

    static WarningProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("liuhua.reporting.warnings", WarningProperties.class);
    }

    @Test
    void withoutConfigurationEveryRuleIsOnWithThePolicyTargets() {
        RuleSettings settings = bind(Map.of()).settings();

        assertThat(settings.enabled()).containsExactlyInAnyOrder(WarningRule.values());
        assertThat(settings.uploadVolume()).isEqualTo(new RuleSettings.Quantile(0.2, 1));
        assertThat(settings.closure()).isEqualTo(new RuleSettings.Closure(1.0, new RuleSettings.Quantile(0.2, 1), 0.6));
        assertThat(settings.patrolCoverageTarget()).isEqualTo(0.9);
        assertThat(settings.trainingTarget()).isEqualTo(0.8);
        assertThat(settings.handbookAdoptionFloor()).isEqualTo(0.8);
        assertThat(settings.overdueMajorAllowed()).isZero();
        assertThat(settings.staffingGapsAllowed()).isZero();
        assertThat(bind(Map.of()).notice().numberPrefix()).isEqualTo("安委办预警");
        assertThat(bind(Map.of()).notice().rectifyDays()).isEqualTo(15);
    }

    @Test
    void eachRuleCanBeSwitchedOffAndItsThresholdsSet() {
        WarningProperties properties = bind(Map.of(
                "liuhua.reporting.warnings.staffing-gaps.enabled", "false",
                "liuhua.reporting.warnings.upload-volume.bottom-share", "0.3",
                "liuhua.reporting.warnings.upload-volume.at-least-towns", "2",
                "liuhua.reporting.warnings.patrol-coverage.target", "0.95",
                "liuhua.reporting.warnings.closure.floor", "0.5",
                "liuhua.reporting.warnings.notice.rectify-days", "10"));
        RuleSettings settings = properties.settings();

        assertThat(settings.enabled(WarningRule.STAFFING_GAPS)).isFalse();
        assertThat(settings.enabled(WarningRule.OVERDUE_MAJOR)).isTrue();
        assertThat(settings.uploadVolume()).isEqualTo(new RuleSettings.Quantile(0.3, 2));
        assertThat(settings.patrolCoverageTarget()).isEqualTo(0.95);
        assertThat(settings.closure().floor()).isEqualTo(0.5);
        assertThat(settings.closure().target()).isEqualTo(1.0);
        assertThat(properties.notice().rectifyDays()).isEqualTo(10);
    }
}
