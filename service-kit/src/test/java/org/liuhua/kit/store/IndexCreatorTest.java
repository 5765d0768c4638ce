package org.liuhua.kit.store;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class IndexCreatorTest {

    static final CollectionIndexes HAZARDS = CollectionIndexes.of("hazards",
            CollectionIndexes.on("establishmentId", "state", "reportedAt"),
            new Index().on("sourceKey", Sort.Direction.ASC).unique().sparse());

    @Test
    void aDeclarationListsItsIndexesFieldsInOrderAndNamesThem() {
        assertThat(HAZARDS.keys()).containsExactly(List.of("establishmentId", "state", "reportedAt"),
                List.of("sourceKey"));
        Document compound = HAZARDS.indexes().get(0).getIndexOptions();
        assertThat(compound.getString("name")).isEqualTo("establishmentId_state_reportedAt");
        assertThat(CollectionIndexes.on("corroborations.sourceKey").getIndexOptions().getString("name"))
                .isEqualTo("corroborations_sourceKey");
        assertThat(HAZARDS.indexes().get(1).getIndexOptions()).containsEntry("unique", true)
                .containsEntry("sparse", true);
    }

    @Test
    void everyRelayedCollectionGetsTheSparseOutboxIndexBesideTheDeclaredOnes() {
        IndexCreator creator = new IndexCreator(mock(MongoTemplate.class), List.of(HAZARDS),
                List.of("hazards", "audit_log"));

        assertThat(creator.declared()).extracting(CollectionIndexes::collection)
                .containsExactly("hazards", "hazards", "audit_log");
        assertThat(creator.declared().get(1).keys()).containsExactly(List.of("outbox.eventId"),
                List.of(AggregateStore.VERSION_KEY));
        assertThat(creator.declared().get(2).keys()).containsExactly(List.of(IndexCreator.OUTBOX_PENDING_PATH),
                List.of(AggregateStore.VERSION_KEY));
        assertThat(IndexCreator.versionKeyIndex().getIndexOptions()).containsEntry("unique", true)
                .containsEntry("sparse", true).containsEntry("name", "version_key");
        assertThat(IndexCreator.outboxIndex().getIndexOptions()).containsEntry("sparse", true)
                .containsEntry("name", "outbox_pending");
    }

    @Test
    void atStartUpEveryIndexIsCreatedAndOneThatFailsDoesNotStopTheOthers() {
        MongoTemplate mongo = mock(MongoTemplate.class);
        IndexOperations hazards = mock(IndexOperations.class);
        IndexOperations audit = mock(IndexOperations.class);
        when(mongo.indexOps("hazards")).thenReturn(hazards);
        when(mongo.indexOps("audit_log")).thenReturn(audit);
        when(hazards.createIndex(any(IndexDefinition.class))).thenThrow(new IllegalStateException("refused"))
                .thenReturn("ok");

        new IndexCreator(mongo, List.of(HAZARDS), List.of("hazards", "audit_log")).afterSingletonsInstantiated();

        verify(hazards, times(4)).createIndex(any(IndexDefinition.class));
        verify(audit, times(2)).createIndex(any(IndexDefinition.class));
    }
}
