package org.liuhua.manual.checklist;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.liuhua.manual.checklist.StarterChecklists.StarterItem;
import org.liuhua.manual.starter.StarterFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checklist data names its legal basis per item, and the article and clause of every major item are those of the
 * verified list ({@code verified-major-articles.json}: checked against the official text of 应急管理部令第10号).
 */
class ChecklistDataTest {

    record Verified(String code, String article, String clause) {
    }

    static <T> List<T> read(String resource, Class<T> type) throws Exception {
        try (InputStream in = ChecklistDataTest.class.getResourceAsStream(resource)) {
            return in == null ? null : StarterFiles.read(in, type);
        }
    }

    static void check(List<StarterItem> items, List<Verified> verified) {
        assertThat(items).isNotEmpty();
        assertThat(items.stream().map(StarterItem::code)).as("codes are unique").doesNotHaveDuplicates();
        for (StarterItem item : items) {
            assertThat(item.code()).as("code").matches("[A-Z0-9][A-Z0-9-]+");
            assertThat(item.text()).as(item.code() + " text").isNotBlank();
            assertThat(item.category()).as(item.code() + " category").isNotBlank();
            assertThat(item.legalBasis()).as(item.code() + " names its legal basis").isNotNull();
            assertThat(item.legalBasis().document()).as(item.code() + " legal document").isNotBlank();
            assertThat(item.industries().isEmpty() && item.flags().isEmpty())
                    .as(item.code() + " applies to some industry or flag").isFalse();
        }
        Map<String, Verified> byCode = verified.stream().collect(Collectors.toMap(Verified::code,
                Function.identity()));
        for (StarterItem item : items.stream().filter(StarterItem::major).toList()) {
            Verified v = byCode.get(item.code());
            if (!item.verified()) {
                // a major item whose wording or article could not be checked says so, and is not in the verified list
                assertThat(item.note()).as(item.code() + " is unverified and says why").isNotBlank();
                assertThat(v).as(item.code() + " is unverified but in the verified list").isNull();
                continue;
            }
            if (!"应急管理部令第10号".equals(item.legalBasis().number())) {
                continue; // major items of other standards (危化、房屋市政、燃气) are checked by their own document
            }
            assertThat(v).as("verified major item " + item.code() + " is in the verified list").isNotNull();
            assertThat(item.legalBasis().article()).as(item.code() + " article").isEqualTo(v.article());
            assertThat(item.legalBasis().clause()).as(item.code() + " clause").isEqualTo(v.clause());
        }
        List<String> codes = items.stream().map(StarterItem::code).toList();
        assertThat(verified).allSatisfy(v -> assertThat(codes).as("verified code " + v.code()).contains(v.code()));
    }

    @Test
    void theFixtureMajorItemsCiteTheVerifiedArticles() throws Exception {
        check(read("/fixtures/checklists.json", StarterItem.class),
                read("/fixtures/verified-major-articles.json", Verified.class));
    }

    @Test
    void aMajorItemWithAWrongArticleFailsTheCheck() throws Exception {
        List<StarterItem> items = read("/fixtures/checklists.json", StarterItem.class).stream()
                .map(i -> !i.code().equals("FX-CS-01") ? i : new StarterItem(i.code(), i.domain(), i.industries(),
                        i.flags(), i.text(), new org.liuhua.manual.checklist.domain.LegalBasis(i.legalBasis().document(),
                        i.legalBasis().number(), "第十四条", i.legalBasis().clause()), true, i.category(), true, null))
                .toList();
        List<Verified> verified = read("/fixtures/verified-major-articles.json", Verified.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> check(items, verified))
                .isInstanceOf(AssertionError.class).hasMessageContaining("FX-CS-01");
    }

    @Test
    void theStarterMajorItemsCiteTheVerifiedArticles() throws Exception {
        List<StarterItem> items = read("/starter/checklists.json", StarterItem.class);
        List<Verified> verified = read("/verified-major-articles.json", Verified.class);
        Assumptions.assumeTrue(items != null && verified != null,
                "starter/checklists.json and verified-major-articles.json are not there yet");
        check(items, verified);
    }
}
