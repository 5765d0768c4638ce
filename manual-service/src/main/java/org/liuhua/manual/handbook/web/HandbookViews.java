package org.liuhua.manual.handbook.web;

import java.time.LocalDate;
import java.util.List;

import org.liuhua.manual.handbook.Handbooks.AdoptionStatus;
import org.liuhua.manual.handbook.domain.Completeness;
import org.liuhua.manual.handbook.domain.Handbook;
import org.liuhua.manual.handbook.domain.Post;

/** What the handbook API answers. */
final class HandbookViews {

    private HandbookViews() {
    }

    record CompletenessView(int posts, int postsWithCard, boolean complete, List<String> missingPosts,
                            int adoptedTemplates, int outdatedAdoptions) {

        static CompletenessView of(Completeness c) {
            return new CompletenessView(c.posts(), c.postsWithCard(), c.complete(), c.missingPosts(),
                    c.adoptedTemplates(), c.outdatedAdoptions());
        }
    }

    /** One establishment's handbook: adoptions (with any newer version and its diff), posts and their cards. */
    record HandbookView(String id, String establishmentId, String townId, String departmentId, String industry,
                        List<AdoptionStatus> adoptions, List<Post> posts, CompletenessView completeness,
                        LocalDate reviewDueOn, LocalDate lastReviewedOn) {

        static HandbookView of(Handbook h, List<AdoptionStatus> adoptions) {
            return new HandbookView(h.establishmentId(), h.establishmentId(), h.townId(), h.departmentId(),
                    h.industry(), adoptions, h.posts(), CompletenessView.of(h.currentCompleteness()),
                    h.reviewDueOn(), h.lastReviewedOn());
        }
    }

    /** A list item. */
    record HandbookSummary(String establishmentId, String townId, String departmentId, String industry,
                           CompletenessView completeness, LocalDate reviewDueOn) {

        static HandbookSummary of(Handbook h) {
            return new HandbookSummary(h.establishmentId(), h.townId(), h.departmentId(), h.industry(),
                    CompletenessView.of(h.currentCompleteness()), h.reviewDueOn());
        }
    }

    record AdoptRequest(String templateId) {
    }

    record PostsRequest(List<PostRequest> posts) {
    }

    record PostRequest(String key, String name) {
    }
}
