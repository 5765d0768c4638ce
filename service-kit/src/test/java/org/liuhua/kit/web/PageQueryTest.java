package org.liuhua.kit.web;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PageQueryTest {

    @SuppressWarnings("unused")
    void list(@SortableBy(value = {"reportedAt", "deadline", "severity"}, byDefault = "reportedAt,desc;severity")
              PageQuery page) {
    }

    @SuppressWarnings("unused")
    void small(@SortableBy(value = {"name"}, defaultSize = 5) PageQuery page) {
    }

    static SortableBy rules(String method) {
        try {
            Method m = PageQueryTest.class.getDeclaredMethod(method, PageQuery.class);
            return m.getParameters()[0].getAnnotation(SortableBy.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    static final SortableBy LIST = rules("list");

    static List<FieldProblem> problems(String page, String size, List<String> sort, SortableBy rules) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> PageQuery.parse(page, size, sort, rules));
        assertThat(e).as("a 400").isNotNull();
        return e.errors();
    }

    @Test
    void withoutParametersTheFirstPageOfTheDefaultSizeInTheDefaultOrder() {
        PageQuery query = PageQuery.parse(null, null, null, LIST);

        assertThat(query.page()).isZero();
        assertThat(query.size()).isEqualTo(PageQuery.DEFAULT_SIZE);
        assertThat(query.sort()).isEqualTo(Sort.by(Sort.Order.desc("reportedAt"), Sort.Order.asc("severity")));
        assertThat(query.pageable().getOffset()).isZero();
        assertThat(PageQuery.first(LIST)).isEqualTo(query);
        assertThat(PageQuery.parse("", " ", List.of(""), LIST)).as("blank is absent").isEqualTo(query);
        assertThat(PageQuery.parse(null, null, null, rules("small")).size()).isEqualTo(5);
    }

    @Test
    void theClientsPageSizeAndOrderAreTaken() {
        PageQuery query = PageQuery.parse("3", "50", List.of("deadline,ASC", "severity,desc"), LIST);

        assertThat(query.page()).isEqualTo(3);
        assertThat(query.size()).isEqualTo(50);
        assertThat(query.sort()).isEqualTo(Sort.by(Sort.Order.asc("deadline"), Sort.Order.desc("severity")));
        assertThat(query.pageable().getOffset()).isEqualTo(150);
        assertThat(PageQuery.parse(null, null, List.of("deadline"), LIST).sort())
                .as("ascending when no direction is named").isEqualTo(Sort.by(Sort.Order.asc("deadline")));
    }

    @Test
    void theSizeHasAMaximum() {
        assertThat(PageQuery.parse(null, String.valueOf(PageQuery.MAX_SIZE), null, LIST).size())
                .isEqualTo(PageQuery.MAX_SIZE);
        assertThat(problems(null, String.valueOf(PageQuery.MAX_SIZE + 1), null, LIST))
                .extracting(FieldProblem::field).containsExactly("size");
        assertThat(problems(null, "0", null, LIST)).extracting(FieldProblem::field).containsExactly("size");
    }

    @Test
    void aBadPageOrSizeNamesItsParameter() {
        assertThat(problems("-1", null, null, LIST)).containsExactly(new FieldProblem("page", "must be 0 or more"));
        assertThat(problems("two", null, null, LIST)).extracting(FieldProblem::field).containsExactly("page");
        assertThat(problems(null, "1.5", null, LIST)).extracting(FieldProblem::field).containsExactly("size");
        assertThat(problems("99999999999", null, null, LIST)).extracting(FieldProblem::field)
                .containsExactly("page");
        assertThat(problems("10737419", "200", null, LIST)).as("page × size beyond what the store can skip")
                .extracting(FieldProblem::field).containsExactly("page");
        assertThat(PageQuery.parse("10737418", "200", null, LIST).pageable().getOffset()).isEqualTo(2147483600L);
    }

    @Test
    void onlyWhitelistedFieldsMaySortAndTheAnswerListsThem() {
        List<FieldProblem> problems = problems(null, null, List.of("outbox.payload,desc"), LIST);

        assertThat(problems).extracting(FieldProblem::field).containsExactly("sort");
        assertThat(problems.get(0).message()).contains("outbox.payload").contains("reportedAt, deadline, severity");
        assertThat(problems(null, null, List.of("deadline"), null).get(0).message()).contains("sortable: nothing");
        assertThat(problems(null, null, List.of("deadline,sideways"), LIST).get(0).message())
                .contains("asc or desc");
        assertThat(problems(null, null, List.of("deadline,asc,desc"), LIST)).extracting(FieldProblem::field)
                .containsExactly("sort");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(problems("x", "1000", List.of("secret"), LIST)).extracting(FieldProblem::field)
                .containsExactly("page", "size", "sort");
    }

    @Test
    void controlCharactersAreRefusedAndNotEchoed() {
        List<FieldProblem> problems = problems("1\u0000", null, List.of("reportedAt\u0000,desc"), LIST);

        assertThat(problems).extracting(FieldProblem::field).containsExactly("page", "sort");
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).doesNotContain("\u0000").contains("?"));
        assertThat(problems(null, null, List.of("deadline,desc\u0007"), LIST).get(0).message())
                .doesNotContain("\u0007");
        String long_ = "x".repeat(500);
        assertThat(problems(null, null, List.of(long_), LIST).get(0).message()).hasSizeLessThan(200);
    }
}
