package org.liuhua.hazard.evidence;

import java.time.Clock;

import org.liuhua.hazard.evidence.domain.PendingPhoto;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

import static org.liuhua.kit.store.CollectionIndexes.on;

/**
 * A photo is found by its evidence id, the GridFS file name. The MongoDB driver creates this index itself when it
 * writes the first file of the bucket; it is declared here under the driver's own name so that the index test sees the
 * query path covered and a start-up before the first upload creates it too. The pending photos' documents
 * ({@code pending_photos}, with their outbox) are read by {@code _id}. The sweep of pending photos never attached
 * ({@link PendingPhotoSweep}) looks for files on no hazard by upload time, for files it claimed, and for pending
 * documents discarded or older than the age.
 */
@Configuration(proxyBeanMethods = false)
class EvidenceIndexes {

    static final String PENDING_PHOTOS = "pending_photos";

    @Bean
    CollectionIndexes evidenceFileIndexes() {
        return CollectionIndexes.of(EvidenceFiles.FILES, new Index().on("filename", Sort.Direction.ASC)
                .on("uploadDate", Sort.Direction.ASC).named("filename_1_uploadDate_1"),
                on("metadata.hazardId", "uploadDate"),
                on("metadata." + EvidenceFiles.DISCARDED_AT).sparse());
    }

    @Bean
    AggregateStore<PendingPhoto> pendingPhotoStore(MongoTemplate mongo, Clock clock) {
        return new AggregateStore<>(mongo, PendingPhoto.class, PENDING_PHOTOS, clock);
    }

    @Bean
    CollectionIndexes pendingPhotoIndexes() {
        return CollectionIndexes.of(PENDING_PHOTOS, on("discardedAt").sparse(), on("uploadedAt"));
    }
}
