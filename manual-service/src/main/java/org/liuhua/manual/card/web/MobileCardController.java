package org.liuhua.manual.card.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.manual.card.Cards;
import org.liuhua.manual.card.domain.Card;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a printed card's QR code opens on a phone ({@code /m/cards/{id}}, through the gateway): a small Chinese
 * HTML page with the card's parts. Open without login for cards marked public; other cards only with a token of
 * someone who may see them (404 otherwise, so the ids of non-public cards do not leak).
 */
@RestController
@Tag(name = "Mobile card page", description = "What a printed card's QR code opens")
class MobileCardController {

    private final Cards cards;
    private final CityCalendar calendar;

    MobileCardController(Cards cards, CityCalendar calendar) {
        this.cards = cards;
        this.calendar = calendar;
    }

    @GetMapping("/m/cards/{id}")
    @Operation(summary = "A card as a small mobile page (public cards without login)")
    ResponseEntity<String> page(@PathVariable String id) {
        Card card = cards.forPhone(caller(), id);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-cache").body(html(card));
    }

    private String html(Card card) {
        StringBuilder body = new StringBuilder();
        body.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(e(card.title())).append("</title><style>")
                .append("body{font-family:-apple-system,'PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',")
                .append("sans-serif;margin:0;padding:16px;line-height:1.6;color:#1a1a1a;background:#f7f8fa}")
                .append("h1{font-size:20px;margin:0 0 4px}.meta{color:#555;font-size:13px;margin-bottom:12px}")
                .append("section{background:#fff;border-radius:8px;padding:10px 14px;margin:10px 0;")
                .append("box-shadow:0 1px 2px rgba(0,0,0,.06)}h2{font-size:16px;color:#0d2a66;margin:0 0 6px}")
                .append("ol{margin:0;padding-left:22px}li{margin:3px 0}footer{color:#888;font-size:12px;")
                .append("margin-top:16px}</style></head><body>");
        body.append("<h1>").append(e(card.title())).append("</h1><div class=\"meta\">");
        if (card.ownerName() != null) {
            body.append("单位：").append(e(card.ownerName())).append("<br>");
        }
        if (card.postName() != null) {
            body.append("岗位：").append(e(card.postName())).append("<br>");
        }
        body.append(e(card.kind().title())).append(" · 第 ").append(card.revision()).append(" 版 · ")
                .append(calendar.dayOf(card.revisedAt())).append("</div>");
        for (Map.Entry<String, List<String>> part : card.parts().entrySet()) {
            body.append("<section><h2>").append(e(card.kind().heading(part.getKey()))).append("</h2><ol>");
            part.getValue().forEach(line -> body.append("<li>").append(e(line)).append("</li>"));
            body.append("</ol></section>");
        }
        body.append("<footer>六化安全生产监管平台 · 手册化　请按卡作业、依卡操作</footer></body></html>");
        return body.toString();
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token ? Caller.from(token.getToken()) : null;
    }
}
