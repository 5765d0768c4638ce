package org.liuhua.training.certificate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.lease.MongoLease;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import org.liuhua.events.Topics;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.events.training.CertificateExpiryReminded;
import org.liuhua.training.TrainingIT;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Certificates (T-4): exactly-once reminders, the inbox, the special-operations violation. */
class CertificateReminderIT extends TrainingIT {

    @Autowired
    ReminderJob job;
    @Autowired
    Certificates certificates;

    String certificate(String staffId, String number, int expiresInDays) {
        TestHttp.Response r = admin().post("/api/v1/training/certificates", Map.of("staffId", staffId,
                "category", "电工作业", "number", number, "issuer", "苏州市应急管理局",
                "issuedOn", calendar.today().minusYears(5).toString(),
                "expiresOn", calendar.today().plusDays(expiresInDays).toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Test
    void aCertificateExpiringIn20DaysProducesExactlyOne30DayReminderAcrossRestartsAndTwoReplicas() throws Exception {
        String est = establishment(JINFENG);
        String worker = staff(est, "C01", "SPECIAL_OPERATIONS", "电工");
        String cert = certificate(worker, "T" + System.nanoTime(), 20);

        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.TRAINING)) {
            assertThat(job.runOnce()).isGreaterThanOrEqualTo(1);
            // a restart: the job runs again from nothing but the database
            job.runOnce();
            // two replicas at the same time, each with its own lease owner, and two sweeps without any lease
            MongoLease replicaA = new MongoLease(mongo, clock, "replica-a");
            MongoLease replicaB = new MongoLease(mongo, clock, "replica-b");
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> job.runOnce(replicaA));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> job.runOnce(replicaB));
            CompletableFuture<Integer> c = CompletableFuture.supplyAsync(() -> certificates.sendDueReminders(
                    List.of(90, 60, 30, 7)));
            CompletableFuture<Integer> d = CompletableFuture.supplyAsync(() -> certificates.sendDueReminders(
                    List.of(90, 60, 30, 7)));
            CompletableFuture.allOf(a, b, c, d).join();

            java.util.function.Predicate<ConsumerRecord<String, CloudEvent>> ofThisCertificate = r -> r.key()
                    .startsWith(cert + ":") && r.value().getType().equals("liuhua.training.certificate-expiry-reminded.v1");
            probe.await(ofThisCertificate, 1, Duration.ofSeconds(30));
            List<ConsumerRecord<String, CloudEvent>> reminded = probe.drain(ofThisCertificate, Duration.ofSeconds(3));
            assertThat(reminded).hasSize(1);
            CertificateExpiryReminded payload = EventJson.read(reminded.get(0).value(),
                    CertificateExpiryReminded.class);
            assertThat(payload.thresholdDays()).isEqualTo(30);
            assertThat(payload.daysLeft()).isEqualTo(20);
            assertThat(payload.establishmentId()).isEqualTo(est);
        }

        JsonNode inbox = enterpriseOfficer(est).get("/api/v1/training/inbox").json();
        assertThat(inbox.get("totalElements").asInt()).isEqualTo(1);
        assertThat(inbox.get("items").get(0).get("thresholdDays").asInt()).isEqualTo(30);
        assertThat(townOfficer(TANGQIAO).get("/api/v1/training/inbox?establishmentId=" + est).json()
                .get("totalElements").asInt()).isZero();
        String reminder = inbox.get("items").get(0).get("id").asString();
        assertThat(enterpriseOfficer(est).post("/api/v1/training/inbox/" + reminder + "/acknowledgement", "{}")
                .json().get("acknowledgedAt").isNull()).isFalse();

        // 13 days later the 7-day reminder follows, once
        clock.advance(Duration.ofDays(13));
        job.runOnce();
        job.runOnce();
        JsonNode later = enterpriseOfficer(est).get("/api/v1/training/inbox?sort=expiresOn,asc").json();
        assertThat(later.get("totalElements").asInt()).isEqualTo(2);
        assertThat(later.get("items").findValuesAsString("id")).contains(cert + ":7", cert + ":30");
    }

    @Test
    void aSpecialOperationsWorkerWithoutAValidCertificateIsAViolation() {
        String est = establishment(TANGQIAO);
        String holder = staff(est, "S01", "SPECIAL_OPERATIONS", "焊工");
        String expired = staff(est, "S02", "SPECIAL_OPERATIONS", "电工");
        String none = staff(est, "S03", "SPECIAL_OPERATIONS", "叉车司机");
        staff(est, "S04", "FRONT_LINE", "包装工");
        certificate(holder, "H" + System.nanoTime(), 400);
        TestHttp.Response old = admin().post("/api/v1/training/certificates", Map.of("staffId", expired,
                "category", "电工作业", "number", "E" + System.nanoTime(), "issuer", "苏州市应急管理局",
                "issuedOn", "2019-01-01", "expiresOn", calendar.today().minusDays(3).toString()));
        assertThat(old.json().get("validToday").asBoolean()).isFalse();

        JsonNode page = admin().get("/api/v1/training/violations?kind=CERTIFICATE&establishmentId=" + est).json();
        assertThat(page.get("items").findValuesAsString("staffId")).containsExactlyInAnyOrder(expired, none);
        assertThat(admin().get("/api/v1/training/violations?kind=OTHER").status()).isEqualTo(400);
        assertThat(admin().post("/api/v1/training/certificates", Map.of("staffId", staff(est, "S05", "FRONT_LINE",
                "x"), "category", "c", "number", "n", "issuer", "i", "issuedOn", "2020-01-01", "expiresOn",
                "2030-01-01")).status()).as("front-line staff hold no certified role").isEqualTo(400);
    }
}
