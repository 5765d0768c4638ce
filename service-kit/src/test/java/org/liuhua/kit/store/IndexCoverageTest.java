package org.liuhua.kit.store;

import java.util.List;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.IndexCoverage;
import org.liuhua.kit.test.QueryPaths;
import org.liuhua.kit.test.QueryPaths.Path;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kit's test helpers for index tests: query paths as the driver sends them, held against declarations. */
class IndexCoverageTest {

    static final List<CollectionIndexes> DECLARED = List.of(
            CollectionIndexes.of("audit", CollectionIndexes.on("subject", "occurredAt"),
                    CollectionIndexes.on("username", "occurredAt"), CollectionIndexes.on("occurredAt")),
            CollectionIndexes.of("hazards", new Index().on("sourceKey", Sort.Direction.ASC).unique()),
            CollectionIndexes.of("hazards", IndexCreator.outboxIndex()));

    static List<Path> paths(String command) {
        return QueryPaths.paths(BsonDocument.parse(command));
    }

    @Test
    void theFilterAndSortFieldsOfEachCommandAreItsPath() {
        assertThat(paths("{find: 'audit', filter: {subject: 'a', occurredAt: {$gte: 1}}, sort: {occurredAt: -1}}"))
                .containsExactly(Path.of("audit", "subject", "occurredAt").sortedBy("occurredAt"));
        assertThat(paths("{aggregate: 'audit', pipeline: [{$match: {targetId: 'x'}}, {$group: {_id: 1, n: {$sum: 1}}}]}"))
                .as("countDocuments").containsExactly(Path.of("audit", "targetId"));
        assertThat(paths("{aggregate: 'facts', pipeline: [{$group: {_id: '$state'}}, {$sort: {_id: 1}}]}"))
                .as("a sort of the groups is no sort of the collection").containsExactly(Path.of("facts"));
        assertThat(paths("{update: 'facts', updates: [{q: {_id: 'h', revision: {$lt: 3}}, u: {$set: {a: 1}}}]}"))
                .containsExactly(Path.of("facts", "_id", "revision"));
        assertThat(paths("{findAndModify: 'leases', query: {_id: 'relay'}, update: {}}"))
                .containsExactly(Path.of("leases", "_id"));
        assertThat(paths("{find: 'hazards', filter: {'outbox.eventId': {$exists: true}}}"))
                .containsExactly(Path.of("hazards", "outbox.eventId"));
    }

    @Test
    void anOrGivesOnePathPerBranchJoinedWithTheRestOfTheFilter() {
        assertThat(paths("{find: 'audit', filter: {$and: [{$or: [{subject: 's'}, {username: 's'}]}, {targetId: 't'}]},"
                + " sort: {occurredAt: -1, _id: -1}}")).containsExactly(
                Path.of("audit", "subject", "targetId").sortedBy("occurredAt", "_id"),
                Path.of("audit", "username", "targetId").sortedBy("occurredAt", "_id"));
    }

    @Test
    void aPathIsServedByAnIndexLeadingWithOneOfItsFieldsOrByTheKey() {
        assertThat(IndexCoverage.isServed(Path.of("audit", "subject", "targetId"), DECLARED)).isTrue();
        assertThat(IndexCoverage.isServed(Path.of("audit").sortedBy("occurredAt", "_id"), DECLARED)).isTrue();
        assertThat(IndexCoverage.isServed(Path.of("audit", "_id"), DECLARED)).isTrue();
        assertThat(IndexCoverage.isServed(Path.of("audit"), DECLARED)).as("a total over everything").isTrue();
        assertThat(IndexCoverage.isServed(Path.of("hazards", "outbox.eventId"), DECLARED)).isTrue();

        assertThat(IndexCoverage.isServed(Path.of("audit", "targetId"), DECLARED)).isFalse();
        assertThat(IndexCoverage.isServed(Path.of("audit", "targetId", "subject"), DECLARED))
                .as("the query's first field must lead an index").isFalse();
        assertThat(IndexCoverage.isServed(Path.of("audit", "occurredAt").sortedBy("subject"), DECLARED))
                .isTrue();
        assertThat(IndexCoverage.isServed(Path.of("audit").sortedBy("action"), DECLARED)).isFalse();
        assertThat(IndexCoverage.isServed(Path.of("hazards", "subject"), DECLARED)).as("another collection's index")
                .isFalse();
    }

    @Test
    void anIndexNoPathNeedsIsReported() {
        List<Path> paths = List.of(Path.of("audit", "subject"), Path.of("audit").sortedBy("occurredAt"),
                Path.of("hazards", "sourceKey"), Path.of("hazards", "outbox.eventId"));

        assertThatThrownBy(() -> IndexCoverage.assertEachIndexIsNeeded(paths, DECLARED))
                .hasMessageContaining("audit [username, occurredAt]")
                .hasMessageNotContaining("audit [subject, occurredAt]");
        IndexCoverage.assertEachIndexIsNeeded(List.of(Path.of("audit", "subject"), Path.of("audit", "username"),
                Path.of("audit").sortedBy("occurredAt"), Path.of("hazards", "sourceKey"),
                Path.of("hazards", "outbox.eventId")), DECLARED);
    }

    @Test
    void theAssertionNamesEveryUnservedPath() {
        assertThatThrownBy(() -> IndexCoverage.assertServed(List.of(Path.of("audit", "targetId"),
                Path.of("audit", "subject"), Path.of("audit").sortedBy("action")), DECLARED))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("audit [targetId]").hasMessageContaining("sorted by [action]")
                .hasMessageNotContaining("audit [subject]\n");
    }
}
