package org.liuhua.manual.checklist.domain;

/**
 * Where a check item comes from: the document (e.g. 工贸企业重大事故隐患判定标准), its number (应急管理部令第10号), the
 * article (第十一条) and clause (第（三）项) as in the official text.
 */
public record LegalBasis(String document, String number, String article, String clause) {

    /** {@code 《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（三）项}. */
    public String cite() {
        StringBuilder text = new StringBuilder("《").append(document).append("》");
        if (number != null && !number.isBlank()) {
            text.append("（").append(number).append("）");
        }
        if (article != null) {
            text.append(article);
        }
        if (clause != null) {
            text.append(clause);
        }
        return text.toString();
    }
}
