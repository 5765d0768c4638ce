package org.liuhua.training.certificate;

import java.time.Clock;

import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.training.certificate.domain.Certificate;
import org.liuhua.training.certificate.domain.CertificateReminder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Where certificates and their reminders (the establishments' inbox) live, and the indexes their queries use. */
@Configuration(proxyBeanMethods = false)
class CertificateStore {

    static final String CERTIFICATES = "certificates";
    static final String REMINDERS = "certificate_reminders";

    @Bean
    AggregateStore<Certificate> certificateAggregates(MongoTemplate mongo, Clock clock) {
        return new AggregateStore<>(mongo, Certificate.class, CERTIFICATES, clock);
    }

    @Bean
    AggregateStore<CertificateReminder> reminderAggregates(MongoTemplate mongo, Clock clock) {
        return new AggregateStore<>(mongo, CertificateReminder.class, REMINDERS, clock);
    }

    /** The reminder sweep reads ACTIVE certificates by expiry; lists by establishment or town; validity by person. */
    @Bean
    CollectionIndexes certificateIndexes() {
        return CollectionIndexes.of(CERTIFICATES,
                CollectionIndexes.on("status", "expiresOn"),
                CollectionIndexes.on("establishmentId", "expiresOn"),
                CollectionIndexes.on("townId", "expiresOn"),
                CollectionIndexes.on("staffId", "status"));
    }

    /** The inbox lists an establishment's (or town's) reminders, newest first. */
    @Bean
    CollectionIndexes reminderIndexes() {
        return CollectionIndexes.of(REMINDERS,
                CollectionIndexes.on("establishmentId", "remindedAt"),
                CollectionIndexes.on("townId", "remindedAt"));
    }
}
