package org.liuhua.reporting;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.IndexCoverage;

/**
 * Every query path of the service is served by a declared index, and every declared index serves a path: removing an
 * index from {@code HazardFactIndexConfiguration} or {@code AuditIndexConfiguration} fails this test. (The embedded stand-in ignores
 * non-unique indexes, so the declarations are checked here; {@link QueryPathsIT} checks that the paths are the ones
 * the service really sends.)
 */
class IndexTest {

    static java.util.List<org.liuhua.kit.test.QueryPaths.Path> paths() {
        java.util.List<org.liuhua.kit.test.QueryPaths.Path> paths = new java.util.ArrayList<>(ReportingQueryPaths.all());
        paths.addAll(ReportingQueryPaths.context());
        return paths;
    }

    @Test
    void everyQueryPathHasADeclaredIndex() {
        IndexCoverage.assertServed(paths(), ReportingQueryPaths.declared());
    }

    @Test
    void everyDeclaredIndexServesAQueryPath() {
        IndexCoverage.assertEachIndexIsNeeded(paths(), ReportingQueryPaths.declared());
    }
}
