package org.liuhua.kit.web;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;

class PageResponseTest {

    static final List<Integer> FIFTY = IntStream.rangeClosed(1, 50).boxed().toList();

    static PageQuery page(int page, int size) {
        return new PageQuery(page, size, Sort.unsorted());
    }

    @Test
    void aListInMemoryIsCutIntoTheAskedPage() {
        PageResponse<Integer> second = PageResponse.of(FIFTY, page(1, 20));

        assertThat(second.items()).containsExactlyElementsOf(FIFTY.subList(20, 40));
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(20);
        assertThat(second.totalElements()).isEqualTo(50);
        assertThat(second.totalPages()).isEqualTo(3);
        assertThat(PageResponse.of(FIFTY, page(2, 20)).items()).containsExactlyElementsOf(FIFTY.subList(40, 50));
        assertThat(PageResponse.of(FIFTY, page(4, 10)).items()).hasSize(10);
        assertThat(PageResponse.of(FIFTY, page(0, 50)).totalPages()).isEqualTo(1);
    }

    @Test
    void aPageBeyondTheEndIsEmptyButStillCountsTheWhole() {
        PageResponse<Integer> beyond = PageResponse.of(FIFTY, page(9, 20));

        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.page()).isEqualTo(9);
        assertThat(beyond.totalElements()).isEqualTo(50);
        assertThat(beyond.totalPages()).isEqualTo(3);
        assertThat(PageResponse.of(FIFTY, page(Integer.MAX_VALUE, PageQuery.MAX_SIZE)).items())
                .as("no overflow").isEmpty();
    }

    @Test
    void anEmptyListIsOneShapeToo() {
        PageResponse<Integer> empty = PageResponse.of(List.of(), page(0, 20));

        assertThat(empty.items()).isEmpty();
        assertThat(empty.totalElements()).isZero();
        assertThat(empty.totalPages()).isZero();
    }

    @Test
    void aSpringPageIsMappedItemByItem() {
        var page = new PageImpl<>(List.of(1, 2), PageRequest.of(1, 2), 5);

        PageResponse<String> response = PageResponse.of(page, i -> "#" + i);

        assertThat(response).isEqualTo(new PageResponse<>(List.of("#1", "#2"), 1, 2, 5, 3));
        assertThat(PageResponse.of(page).items()).containsExactly(1, 2);
    }
}
