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

    /**
     * The structure of 应急管理部令第10号: 第三条 general (all industries), 第四条–第十条 the industries (冶金、有色、建材、
     * 机械、轻工、纺织、烟草), 第十一条 dust explosion, 第十二条 ammonia refrigeration, 第十三条 confined space, 第十四条
     * failed monitoring, alarm and protection devices. Every item citing the order — verified or not — names the
     * article its domain belongs to, and 第十四条 speaks of such devices.
     */
    static void checkOrderNo10Structure(List<StarterItem> items) {
        List<String> industryArticles = List.of("第四条", "第五条", "第六条", "第七条", "第八条", "第九条", "第十条");
        List<StarterItem> cited = items.stream().filter(i -> i.legalBasis() != null
                && "应急管理部令第10号".equals(i.legalBasis().number())).toList();
        assertThat(cited).isNotEmpty();
        for (StarterItem item : cited) {
            String article = item.legalBasis().article();
            switch (item.domain()) {
                case "GENERAL" -> assertThat(article).as(item.code()).isIn("第三条", "第十四条");
                case "DUST_EXPLOSION" -> assertThat(article).as(item.code()).isEqualTo("第十一条");
                case "AMMONIA_REFRIGERATION" -> assertThat(article).as(item.code()).isEqualTo("第十二条");
                case "CONFINED_SPACE" -> assertThat(article).as(item.code()).isEqualTo("第十三条");
                default -> assertThat(article).as(item.code() + " (" + item.domain() + ")").isIn(industryArticles);
            }
            if ("第十四条".equals(article)) {
                assertThat(item.text()).as(item.code()).containsAnyOf("监测", "报警", "防护", "联锁");
            }
        }
    }

    @Test
    void theItemsCitingOrderNo10NameTheArticleOfTheirDomain() throws Exception {
        List<StarterItem> items = read("/starter/checklists.json", StarterItem.class);
        checkOrderNo10Structure(items);
        assertThat(items.stream().filter(i -> i.legalBasis() != null
                && "应急管理部令第10号".equals(i.legalBasis().number())).map(i -> i.legalBasis().article()).distinct())
                .as("the starter set covers the articles the issue names")
                .contains("第三条", "第十一条", "第十二条", "第十三条", "第十四条");
        List<Verified> verified = read("/verified-major-articles.json", Verified.class);
        assertThat(verified.stream().filter(v -> v.code().startsWith("GM-DUST")).map(Verified::article).distinct())
                .containsExactly("第十一条");
    }

    @Test
    void anItemCitingTheWrongArticleForItsDomainFailsTheStructureCheck() throws Exception {
        List<StarterItem> items = read("/starter/checklists.json", StarterItem.class).stream()
                .map(i -> !i.code().equals("GM-NH3-12-1") ? i : new StarterItem(i.code(), i.domain(), i.industries(),
                        i.flags(), i.text(), new org.liuhua.manual.checklist.domain.LegalBasis(
                        i.legalBasis().document(), i.legalBasis().number(), "第十三条", i.legalBasis().clause()),
                        i.major(), i.category(), i.verified(), i.note()))
                .toList();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> checkOrderNo10Structure(items))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GM-NH3-12-1");
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
