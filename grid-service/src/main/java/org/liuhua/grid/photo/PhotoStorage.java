package org.liuhua.grid.photo;

import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the photos hazard-service announced live; they are only read by {@code _id} (the evidence id). */
@Configuration(proxyBeanMethods = false)
class PhotoStorage {

    static final String COLLECTION = "uploaded_photos";

    @Bean
    CollectionIndexes uploadedPhotoIndexes() {
        return CollectionIndexes.of(COLLECTION);
    }
}
