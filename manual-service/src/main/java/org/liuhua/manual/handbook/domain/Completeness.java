package org.liuhua.manual.handbook.domain;

import java.util.List;

/**
 * How complete a handbook is (M-4): every post has a card, at least one template is adopted and none waits for
 * re-confirmation. {@code missingPosts} names the posts without a card.
 */
public record Completeness(int posts, int postsWithCard, List<String> missingPosts, int adoptedTemplates,
                           int outdatedAdoptions) {

    public Completeness {
        missingPosts = missingPosts == null ? List.of() : List.copyOf(missingPosts);
    }

    /** Every post has its card (and there is at least one post). */
    public boolean complete() {
        return posts > 0 && postsWithCard == posts;
    }
}
