package org.liuhua.hazard.access;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The function-level permissions of every endpoint, as the role meta-annotations resolve them: exactly the role
 * expressions the endpoints had when each controller wrote its own string (an endpoint without one is open to
 * every authenticated caller, or public under {@code /api/v1/public/**}).
 */
class PermissionsTest {

    static final String OFFICERS = "hasAnyRole('CITY_ADMIN','TOWN_OFFICER','DEPARTMENT_OFFICER')";

    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        String loop = "org.liuhua.hazard.loop.web.HazardController#";
        EXPECTED.put(loop + "transfer", "hasAnyRole('CITY_ADMIN','TOWN_OFFICER')");
        EXPECTED.put(loop + "acknowledge",
                "hasAnyRole('CITY_ADMIN','TOWN_OFFICER','DEPARTMENT_OFFICER','ENTERPRISE_OFFICER')");
        EXPECTED.put(loop + "rectify",
                "hasAnyRole('CITY_ADMIN','TOWN_OFFICER','DEPARTMENT_OFFICER','ENTERPRISE_OFFICER')");
        EXPECTED.put(loop + "review", "hasAnyRole('CITY_ADMIN','TOWN_OFFICER','DEPARTMENT_OFFICER','INSPECTOR')");
        EXPECTED.put(loop + "enforce", OFFICERS);
        EXPECTED.put(loop + "raiseSeverity", OFFICERS);
        EXPECTED.put(loop + "refuseTransfer", "hasAnyRole('CITY_ADMIN','DEPARTMENT_OFFICER')");
        EXPECTED.put(loop + "rerouteTransfer", "hasAnyRole('CITY_ADMIN','DEPARTMENT_OFFICER')");
        EXPECTED.put(loop + "supervisionOrder", "hasAnyRole('CITY_ADMIN','TOWN_OFFICER')");
        EXPECTED.put(loop + "signOff", "hasAnyRole('CITY_ADMIN','DEPARTMENT_OFFICER')");
        EXPECTED.put(loop + "close", OFFICERS);
        String queries = "org.liuhua.hazard.loop.web.HazardQueryController#";
        for (String read : new String[]{"list", "ledger", "majorRegister", "get", "verify"}) {
            EXPECTED.put(queries + read, null);
        }
        EXPECTED.put("org.liuhua.hazard.intake.web.ReportController#report",
                "hasAnyRole('CITY_ADMIN','TOWN_OFFICER','DEPARTMENT_OFFICER','INSPECTOR','ENTERPRISE_OFFICER')");
        EXPECTED.put("org.liuhua.hazard.intake.web.IntakeController#push", "hasRole('THIRD_PARTY_FIRM')");
        EXPECTED.put("org.liuhua.hazard.intake.web.SensorAlertController#push", "hasRole('MONITORING_SYSTEM')");
        String firm = "org.liuhua.hazard.firm.web.FirmController#";
        EXPECTED.put(firm + "create", "hasRole('CITY_ADMIN')");
        EXPECTED.put(firm + "list", "hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','THIRD_PARTY_FIRM')");
        EXPECTED.put(firm + "get", "hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','THIRD_PARTY_FIRM')");
        EXPECTED.put(firm + "terminate", "hasRole('CITY_ADMIN')");
        EXPECTED.put(firm + "quality", "hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','THIRD_PARTY_FIRM')");
        EXPECTED.put(firm + "extend", "hasRole('CITY_ADMIN')");
        EXPECTED.put(firm + "amend", "hasRole('CITY_ADMIN')");
        EXPECTED.put(firm + "establishments", "hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','THIRD_PARTY_FIRM')");
        String findings = "org.liuhua.hazard.intake.web.FirmFindingsController#";
        EXPECTED.put(findings + "list", "hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','THIRD_PARTY_FIRM')");
        EXPECTED.put(findings + "get", "hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','THIRD_PARTY_FIRM')");
        EXPECTED.put(findings + "report",
                "hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER','THIRD_PARTY_FIRM')");
        String reports = "org.liuhua.hazard.publicreport.web.PublicReportController#";
        EXPECTED.put(reports + "submit", null);
        EXPECTED.put(reports + "track", null);
        EXPECTED.put(reports + "list", "hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER')");
        EXPECTED.put(reports + "get", "hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER')");
        EXPECTED.put(reports + "verify", "hasAnyRole('CITY_ADMIN','TOWN_OFFICER')");
        EXPECTED.put(reports + "reject", "hasAnyRole('CITY_ADMIN','TOWN_OFFICER')");
        EXPECTED.put(reports + "rewards", "hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER')");
        EXPECTED.put(reports + "reward", "hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER')");
        EXPECTED.put(reports + "propose", "hasAnyRole('CITY_ADMIN','TOWN_OFFICER')");
        EXPECTED.put(reports + "approve", "hasRole('CITY_ADMIN')");
        EXPECTED.put(reports + "pay", "hasAnyRole('CITY_ADMIN','TOWN_OFFICER')");
        String interviews = "org.liuhua.hazard.interview.web.InterviewController#";
        EXPECTED.put(interviews + "record", OFFICERS);
        EXPECTED.put(interviews + "list",
                "hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER','DEPARTMENT_OFFICER')");
        String webhooks = "org.liuhua.hazard.webhook.web.WebhookController#";
        EXPECTED.put(webhooks + "register", "hasRole('THIRD_PARTY_FIRM')");
        EXPECTED.put(webhooks + "remove", "hasRole('THIRD_PARTY_FIRM')");
        EXPECTED.put(webhooks + "get", "hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','THIRD_PARTY_FIRM')");
        EXPECTED.put(webhooks + "deliveries", "hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','THIRD_PARTY_FIRM')");
        EXPECTED.put("org.liuhua.hazard.loop.web.InboxController#inbox", OFFICERS);
        String anchors = "org.liuhua.hazard.anchor.web.AnchorController#";
        EXPECTED.put(anchors + "chain", null);
        EXPECTED.put(anchors + "anchorNow", "hasRole('CITY_ADMIN')");
        EXPECTED.put(anchors + "latest", "hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER','DEPARTMENT_OFFICER')");
        String evidence = "org.liuhua.hazard.evidence.web.EvidenceController#";
        EXPECTED.put(evidence + "upload", "!hasRole('COCKPIT_VIEWER') or hasRole('CITY_ADMIN')");
        EXPECTED.put(evidence + "uploadPending", "hasAnyRole('INSPECTOR','THIRD_PARTY_FIRM')");
        EXPECTED.put(evidence + "metadata", null);
        EXPECTED.put(evidence + "content", null);
    }

    @Test
    void everyEndpointKeepsItsRoles() throws Exception {
        Map<String, String> actual = new TreeMap<>();
        for (String controller : EXPECTED.keySet().stream().map(k -> k.substring(0, k.indexOf('#'))).distinct()
                .toList()) {
            Class<?> type = Class.forName(controller);
            assertThat(type.isAnnotationPresent(RestController.class)).as(controller).isTrue();
            for (Method m : type.getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(m, org.springframework.web.bind.annotation.RequestMapping.class)) {
                    PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(m, PreAuthorize.class);
                    actual.put(controller + "#" + m.getName(), rule == null ? null : rule.value());
                }
            }
        }
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(EXPECTED);
    }

    @Test
    void noControllerWritesARoleExpressionOfItsOwn() throws Exception {
        for (String controller : EXPECTED.keySet().stream().map(k -> k.substring(0, k.indexOf('#'))).distinct()
                .toList()) {
            for (Method m : Class.forName(controller).getDeclaredMethods()) {
                assertThat(m.isAnnotationPresent(PreAuthorize.class)).as(m + " uses a meta-annotation").isFalse();
                assertThat(Arrays.stream(m.getAnnotations()).filter(a -> a.annotationType().getPackageName()
                        .equals(AccessPolicy.class.getPackageName())).count()).isLessThanOrEqualTo(1);
            }
        }
    }
}
