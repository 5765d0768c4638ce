package org.liuhua.manual.handbook.domain;

/** A post (岗位) of the establishment and the post safety card issued for it, if any. */
public record Post(String key, String name, String cardId) {

    public boolean hasCard() {
        return cardId != null;
    }
}
