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

    @Test
    void everyQueryPathHasADeclaredIndex() {
        IndexCoverage.assertServed(ReportingQueryPaths.all(), ReportingQueryPaths.declared());
    }

    @Test
    void everyDeclaredIndexServesAQueryPath() {
        IndexCoverage.assertEachIndexIsNeeded(ReportingQueryPaths.all(), ReportingQueryPaths.declared());
    }
}
