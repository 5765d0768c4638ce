package org.liuhua.hazard.webhook.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.liuhua.hazard.access.CityWideOrFirm;
import org.liuhua.hazard.access.ThirdPartyFirm;
import org.liuhua.hazard.webhook.Webhooks;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A firm's outbound webhook (H-7): registered by the firm itself (client credentials), read by it and the city-wide
 * readers, with its delivery log. Another firm's webhook answers 404.
 */
@RestController
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PutMapping("/api/v1/firms/{firmId}/webhook")
    @ThirdPartyFirm
    Webhooks.Registration register(@PathVariable String firmId, @Valid @RequestBody WebhookRequest r) {
        return webhooks.register(firmId, r.url(), r.secret(), Caller.current());
    }

    /** The endpoint (HTTPS, public address) and the shared secret the notifications are signed with. */
    record WebhookRequest(@NotBlank @Size(max = 500) String url, @NotBlank @Size(min = 16, max = 200) String secret) {
    }

    @GetMapping("/api/v1/firms/{firmId}/webhook")
    @CityWideOrFirm
    Webhooks.Registration get(@PathVariable String firmId) {
        return webhooks.get(firmId, Caller.current());
    }

    @DeleteMapping("/api/v1/firms/{firmId}/webhook")
    @ThirdPartyFirm
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String firmId) {
        webhooks.remove(firmId, Caller.current());
    }

    @GetMapping("/api/v1/firms/{firmId}/webhook/deliveries")
    @CityWideOrFirm
    PageResponse<Webhooks.LogEntry> deliveries(@PathVariable String firmId,
                                               @SortableBy(value = {"createdAt"}, byDefault = "createdAt,desc")
                                               PageQuery page) {
        return PageResponse.of(webhooks.log(firmId, page, Caller.current()));
    }
}
